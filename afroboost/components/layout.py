"""Page frame: header, footer (with the « © Afroboost 2026 » line), the chat widget (tokens: theme.py)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.widget import chat_widget
from afroboost.components.theme import MUTED
from afroboost.routes import ARTICLES, BOOK, HOME, LOOKUP

SECRET_CLICKS = (
    "(() => { const now = Date.now();"
    " const c = (window.__abClicks || []).filter((t) => now - t < 1500); c.push(now);"
    " window.__abClicks = c;"
    " if (c.length >= 3) { window.__abClicks = []; window.location.assign('/coach/login'); } })()"
)


def header() -> rx.Component:
    return rx.hstack(
        rx.link(rx.heading(texts.BRAND, size=rx.breakpoints(initial="5", sm="6"), class_name="ab-gradient-text"),
                href=HOME, underline="none"),
        rx.spacer(),
        rx.link(texts.NAV_ARTICLES, href=ARTICLES, color=MUTED, size="2", display=["none", "inline"],
                data_testid="nav-articles"),
        rx.link(texts.MY_BOOKING, href=LOOKUP, color=MUTED, size="2", white_space="nowrap", data_testid="nav-lookup"),
        rx.link(rx.button(texts.BOOK, size="2", class_name="ab-btn"), href=BOOK, data_testid="nav-book"),
        align="center", spacing="3", width="100%", max_width="1100px", margin_x="auto",
        padding_x="1em", padding_y="0.75em",
    )


def footer() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.link(texts.NAV_ARTICLES, href=ARTICLES, color=MUTED, size="2", data_testid="footer-articles"),
            rx.text("·", color=MUTED, size="2"),
            rx.link(texts.MY_BOOKING, href=LOOKUP, color=MUTED, size="2"),
            spacing="2",
        ),
        rx.text(texts.TAGLINE, color=MUTED, size="2"),
        # Three quick clicks (within 1.5 s) open the coach login; nothing else reveals it.
        rx.text(texts.COPYRIGHT, color=MUTED, size="1", data_testid="footer-copyright", user_select="none",
                on_click=rx.call_script(SECRET_CLICKS)),
        align="center", spacing="1", padding_y="2em", width="100%",
        border_top="1px solid rgba(139, 92, 246, 0.25)", margin_top="3em",
    )


def page(*children, top: rx.Component | None = None, widget: bool = True, **props) -> rx.Component:
    """The public page frame: header, an optional full-width band, a centred column, footer, chat widget."""
    props.setdefault("max_width", "1100px")
    return rx.box(
        header(),
        *([top] if top is not None else []),
        rx.box(*children, width="100%", margin_x="auto", padding_x="1em", **props),
        footer(),
        *([chat_widget()] if widget else []),
        background="#000000", min_height="100vh", width="100%", overflow_x="hidden",
    )
