"""App assembly only: pages and routes."""

import reflex as rx

from afroboost import models  # noqa: F401  (registers the tables for `reflex db`)

app = rx.App()
