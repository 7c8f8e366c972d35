"""State of the public home page."""

from __future__ import annotations

import reflex as rx

from afroboost.db import run_read
from afroboost.services.catalog.listing import CourseView, OfferView, home_catalog
from afroboost.services.content.concept import PublicConcept, public_concept


class HomeState(rx.State):
    courses: list[CourseView] = []
    offers: list[OfferView] = []
    products: list[OfferView] = []
    loaded: bool = False
    # The defaults are the texts/home.py fallbacks; the coach's concept replaces them in load().
    concept: PublicConcept = PublicConcept()

    @rx.event
    async def load(self):
        """Load the upcoming sessions (with spots left), visible offers and products."""
        try:
            catalog = await run_read(home_catalog)
            self.courses = catalog["courses"]
            self.offers = catalog["offers"]
            self.products = catalog["products"]
            self.concept = await run_read(public_concept)
        finally:
            self.loaded = True  # the hero fades in even if loading failed (it shows the defaults)
