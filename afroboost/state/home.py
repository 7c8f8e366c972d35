"""State of the public home page."""

from __future__ import annotations

import reflex as rx

from afroboost.db import run_read
from afroboost.services.catalog import CourseView, OfferView, home_catalog


class HomeState(rx.State):
    courses: list[CourseView] = []
    offers: list[OfferView] = []
    products: list[OfferView] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the upcoming sessions (with spots left), visible offers and products."""
        catalog = await run_read(home_catalog)
        self.courses = catalog["courses"]
        self.offers = catalog["offers"]
        self.products = catalog["products"]
        self.loaded = True
