"""/coach — the coach dashboard (and /coach/login). Nothing public links here."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.widget import notify_hook
from afroboost.components.coach.tabs import tab_bar, tab_panels
from afroboost.components.layout import page
from afroboost.components.theme import MUTED, card, neon_button
from afroboost.settings import get_settings
from afroboost.state.auth import AuthState, post_to


def dashboard() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(texts.COACH_LOGIN_TITLE, size="6", class_name="ab-gradient-text"),
            rx.spacer(),
            rx.text(AuthState.coach_email, color=MUTED, size="1", data_testid="coach-email"),
            rx.button(texts.COACH_LOGOUT, variant="outline", size="1", on_click=post_to("/api/auth/logout"),
                      data_testid="coach-logout"),
            rx.button(texts.COACH_LOGOUT_EVERYWHERE, variant="outline", size="1", color_scheme="red",
                      title=texts.COACH_LOGOUT_EVERYWHERE_HINT, on_click=post_to("/api/auth/logout/everywhere"),
                      data_testid="coach-logout-everywhere"),
            width="100%", align="center", wrap="wrap",
        ),
        tab_bar(),
        tab_panels(),
        spacing="4", width="100%", align="start",
    )


def session_ended() -> rx.Component:
    """What a tab shows once its session was ended elsewhere (its data stays out of reach)."""
    return card(rx.vstack(
        rx.text(texts.COACH_SESSION_ENDED, data_testid="coach-session-ended"),
        rx.link(neon_button(texts.COACH_SESSION_LOGIN_AGAIN), href="/coach/login", reload_document=True),
        spacing="3", align="start",
    ))


def coach_page() -> rx.Component:
    waiting = rx.center(rx.spinner(size="3"), padding="4em")
    return page(rx.cond(AuthState.is_coach, dashboard(), rx.cond(AuthState.ended, session_ended(), waiting)),
                notify_hook(),
                padding_top="1em", widget=False)


def coach_login_page() -> rx.Component:
    google = get_settings().google_configured
    return page(
        card(rx.vstack(
            rx.heading(texts.COACH_LOGIN_TITLE, size="6"),
            rx.text(texts.COACH_LOGIN_PITCH, color=MUTED),
            # A full page load (not a client-side route change): the OAuth dance is HTTP.
            rx.link(neon_button("G  " + texts.COACH_LOGIN_GOOGLE, width="100%"), href="/api/auth/login",
                    reload_document=True, width="100%", data_testid="google-login") if google
            else rx.text(texts.COACH_LOGIN_NO_GOOGLE, data_testid="no-google"),
            spacing="3", align="start",
        )),
        max_width="480px", padding_top="2em", widget=False,
    )
