"""Reflex states: thin — authorize, call services, set vars."""
