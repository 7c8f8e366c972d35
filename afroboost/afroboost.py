"""App assembly only: theme, pages and routes."""

import reflex as rx

from afroboost import (
    models,  # noqa: F401  (registers the tables for `reflex db`)
    routes,
    texts,
)
from afroboost.pages.book import book_page
from afroboost.pages.home import home_page
from afroboost.pages.lookup import lookup_page
from afroboost.state.booking import BookingState
from afroboost.state.home import HomeState
from afroboost.state.lookup import LookupState

app = rx.App(
    stylesheets=["/styles.css"],
    head_components=[rx.el.meta(name="theme-color", content="#000000")],
)
app.add_page(home_page, route=routes.HOME, title=f"{texts.BRAND} – {texts.TAGLINE}",
             description=texts.HERO_PITCH, on_load=HomeState.load)
app.add_page(book_page, route=routes.BOOK, title=f"Réserver – {texts.BRAND}", on_load=BookingState.load)
app.add_page(lookup_page, route=routes.LOOKUP, title=f"{texts.LOOKUP_TITLE} – {texts.BRAND}",
             on_load=LookupState.prefill)
