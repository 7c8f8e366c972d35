"""Small pieces shared by the dashboard tabs."""

from __future__ import annotations

import reflex as rx

from afroboost.components.layout import MUTED, card


def tab_panel(title: str, *children, **props) -> rx.Component:
    return rx.vstack(rx.heading(title, size="5"), *children, spacing="3", width="100%", align="start", **props)


def soon(title: str) -> rx.Component:
    return card(rx.vstack(rx.heading(title, size="5"),
                          rx.text("Bientôt disponible.", color=MUTED), spacing="2"), data_testid="tab-soon")


def scroll_box(*children, max_height: str = "600px", **props) -> rx.Component:
    """Internal scroll with a sticky table header inside (PRD: max 600 px)."""
    return rx.box(*children, max_height=max_height, overflow_y="auto", width="100%",
                  border="1px solid rgba(139,92,246,0.25)", border_radius="12px", **props)
