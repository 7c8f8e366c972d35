"""Coach dashboard UI: one module per tab, assembled by tabs.py."""
