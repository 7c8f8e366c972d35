"""Afroboost: the online studio of Coach Bassi (Reflex app)."""
