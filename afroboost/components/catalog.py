"""Catalog pieces shared by the home page and the booking wizard."""

from __future__ import annotations

import reflex as rx

from afroboost.components.theme import MUTED, PINK, VIOLET, card
from afroboost.services.catalog.listing import OfferView, SessionView


def spots_badge(s: SessionView) -> rx.Component:
    return rx.badge(
        s.spots_label,
        color_scheme=rx.cond(s.full, "gray", rx.cond(s.spots <= 3, "orange", "grass")),
        variant="soft", size="2", data_testid="spots-left",
    )


def offer_card(o: OfferView, action: rx.Component | None = None, **props) -> rx.Component:
    return card(
        rx.vstack(
            rx.text(o.kind_label, size="1", color=VIOLET, weight="bold", text_transform="uppercase"),
            rx.heading(o.name, size="4"),
            rx.text(o.description, color=MUTED, size="2"),
            rx.text(o.price, size="6", weight="bold", color=PINK, data_testid="offer-price"),
            *( [action] if action is not None else [] ),
            spacing="2", align="start", height="100%",
        ),
        **props,
    )


def grid(*children, **props) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2", md="3"), spacing="4", width="100%", **props)
