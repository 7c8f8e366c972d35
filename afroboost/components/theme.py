"""Design tokens and primitives every component shares: the brand colours, the neon card, buttons, field errors.

Below every other component module (chat, coach, booking…); the page frame (layout.py) sits above them.
"""

from __future__ import annotations

import reflex as rx

PINK = "#E91E63"
VIOLET = "#8B5CF6"
MUTED = "#a1a1aa"


def card(*children, **props) -> rx.Component:
    props.setdefault("padding", ["1em", "1.25em"])
    props.setdefault("width", "100%")
    props.setdefault("class_name", "ab-card")
    return rx.box(*children, **props)


def neon_button(label, **props) -> rx.Component:
    props.setdefault("size", "3")
    return rx.button(label, class_name="ab-btn", **props)


def field_error(message: rx.Var, test_id: str) -> rx.Component:
    return rx.cond(message != "", rx.text(message, class_name="ab-field-error", data_testid=test_id))
