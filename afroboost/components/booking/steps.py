"""The steps of the booking wizard (the page assembles them)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.catalog import offer_card, spots_badge
from afroboost.components.theme import MUTED, PINK, VIOLET, card, field_error
from afroboost.services.catalog.listing import CourseView, OfferView, SessionView
from afroboost.state.booking import BookingState as B


def step_title(text: str) -> rx.Component:
    return rx.heading(text, size="5", padding_bottom="0.25em")


def back(step: str) -> rx.Component:
    return rx.button("← " + texts.BACK, variant="ghost", color=MUTED, on_click=B.go_to(step), data_testid="back")


def course_chip(c: CourseView) -> rx.Component:
    return rx.button(
        c.name, variant="outline", size="3", on_click=B.choose_course(c.id), data_testid="course-chip",
        class_name=rx.cond(B.course_id == c.id, "ab-chip-selected", ""),
    )


def session_choice(s: SessionView) -> rx.Component:
    return rx.hstack(
        rx.text(s.label, weight="bold"), rx.spacer(), spots_badge(s),
        on_click=B.choose_session(s.id), cursor="pointer", align="center", width="100%",
        padding="0.75em", border_radius="12px", border="1px solid rgba(139,92,246,0.3)",
        _hover={"border_color": PINK}, data_testid="session-choice",
    )


def step_session() -> rx.Component:
    return rx.vstack(
        step_title(texts.STEP_SESSION),
        rx.text(texts.PICK_COURSE, color=MUTED, size="2"),
        rx.flex(rx.foreach(B.courses, course_chip), wrap="wrap", spacing="2"),
        rx.cond(B.course_id != 0, rx.text(texts.PICK_DATE, color=MUTED, size="2", padding_top="0.5em")),
        rx.foreach(B.course_sessions, session_choice),
        field_error(B.err["session"], "error-session"),
        spacing="3", width="100%", align="start",
    )


def offer_choice(o: OfferView) -> rx.Component:
    return rx.box(
        offer_card(o, class_name=rx.cond(B.offer_id == o.id, "ab-card ab-chip-selected", "ab-card")),
        on_click=B.choose_offer(o.id), cursor="pointer", width="100%", data_testid="offer-choice",
    )


def chosen_line() -> rx.Component:
    return rx.text(B.chosen_session.course + " · " + B.chosen_session.label, color=VIOLET, weight="bold",
                   data_testid="chosen-session")


def step_offer() -> rx.Component:
    return rx.vstack(
        back("session"), step_title(texts.STEP_OFFER), chosen_line(),
        rx.cond(B.chosen_session.full, card(rx.text(texts.WAITLIST_TITLE, weight="bold", color=PINK),
                                            rx.text(texts.WAITLIST_PITCH, size="2"), data_testid="full-notice")),
        rx.grid(rx.foreach(B.offers, offer_choice), columns=rx.breakpoints(initial="1", sm="3"),
                spacing="3", width="100%"),
        field_error(B.err["offer"], "error-offer"),
        spacing="3", width="100%", align="start",
    )


def text_field(label: str, name: str, value, placeholder: str = "", kind: str = "text", hint: str = "") -> rx.Component:
    return rx.vstack(
        rx.text(label, size="2", weight="medium", as_="label"),
        rx.input(value=value, on_change=lambda v: B.set_field(name, v), placeholder=placeholder, type=kind,
                 size="3", width="100%", name=name, data_testid=f"input-{name}",
                 auto_complete={"first_name": "given-name", "last_name": "family-name", "email": "email",
                                "phone": "tel"}.get(name, "off")),
        rx.cond(hint != "", rx.text(hint, size="1", color=MUTED)),
        field_error(B.err[name], f"error-{name}"),
        spacing="1", width="100%", align="start",
    )
