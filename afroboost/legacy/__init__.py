"""Import from the legacy Afroboost MongoDB (`python -m afroboost import-mongo`). No reflex import here."""
