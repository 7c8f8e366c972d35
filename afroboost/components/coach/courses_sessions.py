"""Cours tab: the dated sessions of the selected course (generate, edit seats/headsets, cancel)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box
from afroboost.components.coach.form_kit import fill, row_box
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.services.booking.sessions import SessionRow
from afroboost.state.coach.courses import CoursesState as S


def _number(value: rx.Var, sid: rx.Var, name: str, label: str) -> rx.Component:
    return rx.vstack(
        rx.text(label, size="1", color=MUTED),
        rx.input(value=value, on_change=lambda v: S.set_session_field(sid, name, v), width="80px", size="2",
                 input_mode="numeric", data_testid=f"session-{name}"),
        spacing="0",
    )


def session_row(r: SessionRow) -> rx.Component:
    return row_box(
        rx.vstack(
            rx.text(r.label, weight="bold", size="2"),
            rx.hstack(
                rx.cond(r.cancelled,
                        rx.badge(texts.SESSION_CANCELLED, color_scheme="red", data_testid="session-annulee"),
                        rx.badge(r.status, color_scheme=rx.cond(r.full, "orange", "grass"), variant="soft")),
                rx.text(fill(texts.SESSION_RESERVATIONS, r.reservations), size="1", color=MUTED),
                spacing="2", align="center", wrap="wrap",
            ),
            field_error(r.err, "error-session"),
            spacing="1", align="start", flex="1 1 200px",
        ),
        rx.cond(
            r.cancelled,
            rx.fragment(),
            rx.flex(
                _number(r.seats, r.id, "seats", texts.COURSE_SEATS),
                _number(r.headsets, r.id, "headsets", texts.COURSE_HEADSETS),
                rx.button(texts.FORM_SAVE, size="2", variant="soft", on_click=S.save_session(r.id),
                          data_testid="session-save"),
                rx.cond(
                    S.confirm_cancel == r.id,
                    rx.hstack(
                        rx.button(texts.SESSION_CANCEL_CONFIRM, size="2", color_scheme="red",
                                  on_click=S.cancel_session(r.id), data_testid="session-cancel-confirm"),
                        rx.button(texts.FORM_KEEP, size="2", variant="ghost", on_click=S.keep_session),
                        spacing="1",
                    ),
                    rx.button(texts.SESSION_CANCEL, size="2", variant="outline", color_scheme="red",
                              on_click=S.ask_cancel(r.id), data_testid="session-cancel"),
                ),
                spacing="2", wrap="wrap", align="end",
            ),
        ),
        opacity=rx.cond(r.cancelled, "0.7", "1"),
        data_testid="session-row",
    )


def generate_bar() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.text(texts.SESSIONS_WEEKS, size="2"),
            rx.input(value=S.weeks, on_change=S.set_weeks, width="70px", size="2", input_mode="numeric",
                     data_testid="input-weeks"),
            neon_button(texts.SESSIONS_GENERATE, size="2", on_click=S.generate, data_testid="sessions-generate"),
            spacing="2", align="center", wrap="wrap",
        ),
        field_error(S.weeks_err, "error-weeks"),
        spacing="1", width="100%",
    )


def sessions_panel() -> rx.Component:
    title_before, title_after = texts.SESSIONS_OF.split("{name}")
    return rx.cond(S.sessions_course != 0, card(rx.vstack(
        rx.hstack(
            rx.heading(title_before + S.sessions_title + title_after, size="4", color=PINK),
            rx.spacer(),
            rx.button(texts.FORM_CLOSE, size="1", variant="ghost", on_click=S.close_sessions,
                      data_testid="sessions-close"),
            width="100%", align="center",
        ),
        generate_bar(),
        rx.cond(S.sessions.length() == 0, rx.text(texts.SESSIONS_NONE, color=MUTED, size="2")),
        scroll_box(rx.vstack(rx.foreach(S.sessions, session_row), spacing="2", padding="0.5em"),
                   max_height="460px"),
        spacing="3", width="100%", align="start",
    ), data_testid="sessions-panel"))
