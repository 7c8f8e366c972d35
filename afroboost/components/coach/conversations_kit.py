"""Small pieces shared by the cards of the 💬 Conversations tab."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED, PINK, card

ELLIPSIS = {"white_space": "nowrap", "overflow": "hidden", "text_overflow": "ellipsis", "min_width": "0"}
LINE_CLAMP_2 = {"display": "-webkit-box", "-webkit-line-clamp": "2", "-webkit-box-orient": "vertical",
                "overflow": "hidden"}


def sure(on_yes, on_no, test_id: str, message: str = texts.SURE) -> rx.Component:
    """« Êtes-vous sûr ? » with « Oui, supprimer » / « Annuler » (clicks do not reach the row below)."""
    return rx.flex(
        rx.text(message, color=PINK, weight="bold", size="2"),
        rx.flex(
            rx.button(texts.YES_DELETE, size="1", color_scheme="red", on_click=on_yes.stop_propagation,
                      data_testid=f"{test_id}-confirm"),
            rx.button(texts.NO_KEEP, size="1", variant="soft", color_scheme="gray", on_click=on_no.stop_propagation,
                      data_testid=f"{test_id}-keep"),
            spacing="2",
        ),
        spacing="2", align="center", wrap="wrap", data_testid=f"{test_id}-sure",
    )


def section(title: str, hint: str, *children, head: rx.Component | None = None, **props) -> rx.Component:
    """A neon card with its title (and optional controls on the title line) and a short explanation."""
    return card(rx.vstack(
        rx.flex(rx.heading(title, size="4", color=PINK), rx.spacer(), *([head] if head is not None else []),
                align="center", spacing="2", wrap="wrap", width="100%"),
        rx.text(hint, size="2", color=MUTED),
        *children,
        spacing="3", width="100%", align="start",
    ), **props)


def icon_bubble(icon: rx.Component, color: str) -> rx.Component:
    return rx.center(icon, width="38px", height="38px", min_width="38px", border_radius="50%",
                     background=f"color-mix(in srgb, {color} 16%, transparent)",
                     border=f"1px solid color-mix(in srgb, {color} 45%, transparent)")


def search_box(value: rx.Var, on_change, on_clear, placeholder: str, test_id: str, **props) -> rx.Component:
    """A search input searched on the server: debounced, with a clear button (extra props: e.g. auto_focus)."""
    return rx.input(
        rx.input.slot(rx.icon("search", size=16)),
        rx.cond(value != "", rx.input.slot(rx.icon_button(rx.icon("x", size=14), size="1", variant="ghost",
                                                          color_scheme="gray", on_click=on_clear,
                                                          aria_label=texts.CONV_CLEAR,
                                                          data_testid=f"{test_id}-clear"))),
        value=value, on_change=on_change, debounce_timeout=300, placeholder=placeholder, size="2", width="100%",
        auto_complete="off", data_testid=test_id, **props,
    )
