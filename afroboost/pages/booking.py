"""/reserver — the booking wizard."""

from __future__ import annotations

import reflex as rx

from afroboost.components.booking.final import step_done, step_info, step_summary, step_waitlisted
from afroboost.components.booking.steps import step_offer, step_session
from afroboost.components.layout import page
from afroboost.components.theme import card
from afroboost.state.booking import BookingState as B


def book_page() -> rx.Component:
    return page(
        card(
            rx.match(
                B.step,
                ("offer", step_offer()),
                ("info", step_info()),
                ("summary", step_summary()),
                ("done", step_done()),
                ("waitlisted", step_waitlisted()),
                step_session(),
            ),
            padding=["1.1em", "2em"],
        ),
        max_width="640px", padding_top="1.5em",
    )
