"""Booking wizard: participant form, summary with payment links, confirmation."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.booking.steps import back, chosen_line, step_title, text_field
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.state.booking import BookingState as B


def promo_field() -> rx.Component:
    return rx.vstack(
        rx.text(texts.PROMO, size="2", weight="medium"),
        rx.input(value=B.promo, on_change=B.apply_promo, debounce_timeout=350, placeholder=texts.PROMO_PLACEHOLDER,
                 size="3", width="100%", data_testid="input-promo", auto_complete="off"),
        rx.cond(B.prices.promo != "",
                rx.text("✓ " + B.prices.promo, color="#4ade80", size="2", data_testid="promo-ok")),
        field_error(B.err["promo"], "error-promo"),
        spacing="1", width="100%", align="start",
    )


def step_info() -> rx.Component:
    return rx.vstack(
        back("offer"), step_title(texts.STEP_INFO), chosen_line(),
        rx.text(B.chosen_offer.name + " · " + B.chosen_offer.price, color=MUTED, size="2"),
        rx.grid(
            text_field(texts.FIRST_NAME, "first_name", B.first_name, "Awa"),
            text_field(texts.LAST_NAME, "last_name", B.last_name, "Diallo"),
            columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
        ),
        text_field(texts.EMAIL, "email", B.email, "prenom@exemple.ch", kind="email"),
        text_field(texts.WHATSAPP, "phone", B.phone, "+41 79 123 45 67", kind="tel", hint=texts.WHATSAPP_HINT),
        rx.cond(~B.chosen_session.full, promo_field()),
        field_error(B.err["session"], "error-session"),
        field_error(B.err["general"], "error-general"),
        neon_button(rx.cond(B.chosen_session.full, texts.WAITLIST_JOIN, texts.CONTINUE), on_click=B.submit_info,
                    width="100%", data_testid="submit-info"),
        spacing="3", width="100%", align="start",
    )


def summary_line(label, value, **props) -> rx.Component:
    return rx.hstack(rx.text(label, color=MUTED), rx.spacer(),
                     rx.text(value, weight="bold", text_align="right", **props), width="100%", spacing="3")


PAY_LOGOS = {"twint": "/pay/twint.svg", "stripe": "/pay/visa.svg", "paypal": "/pay/paypal.svg"}


def pay_button(m: dict) -> rx.Component:
    logo = rx.match(m["method"], *[(k, rx.image(src=v, height="22px", alt=k)) for k, v in PAY_LOGOS.items()],
                    rx.fragment())
    return neon_button(
        rx.cond(B.submitting, rx.spinner(size="2"), rx.hstack(logo, rx.text(texts.PAY_WITH_PREFIX + m["label"]),
                                                               align="center", spacing="2")),
        on_click=B.pay(m["method"]), disabled=B.submitting, width="100%", data_testid="pay-" + m["method"],
        height="auto", min_height="52px", padding_y="0.6em", white_space="normal",
    )


def step_summary() -> rx.Component:
    return rx.vstack(
        back("info"), step_title(texts.STEP_SUMMARY),
        card(
            summary_line(texts.LABEL_SESSION, B.chosen_session.course + " · " + B.chosen_session.label),
            summary_line(texts.LABEL_PLACE, B.chosen_session.place),
            summary_line(texts.LABEL_OFFER, B.chosen_offer.name),
            summary_line(texts.LABEL_PERSON, B.first_name + " " + B.last_name),
            summary_line(texts.LABEL_PRICE, B.prices.price, white_space="nowrap"),
            rx.cond(B.prices.discount != "", summary_line(texts.PROMO + " " + B.promo.upper(), B.prices.discount,
                                                                    white_space="nowrap")),
            rx.divider(),
            summary_line(texts.TOTAL, B.prices.total, color=PINK, size="6", data_testid="summary-total"),
            data_testid="summary",
        ),
        rx.cond(
            B.prices.free,
            neon_button(texts.CONFIRM_FREE, on_click=B.pay("free"), disabled=B.submitting, width="100%",
                        data_testid="confirm-free"),
            rx.cond(B.methods.length() > 0, rx.vstack(rx.foreach(B.methods, pay_button), width="100%", spacing="2"),
                    rx.text(texts.NO_PAYMENT_LINK, color=PINK)),
        ),
        field_error(B.err["session"], "error-session"),
        rx.cond(B.chosen_session.full, neon_button(texts.WAITLIST_JOIN, on_click=B.join_waitlist, width="100%",
                                                   data_testid="summary-join-waitlist")),
        field_error(B.err["promo"], "error-promo"),
        field_error(B.err["payment"], "error-payment"),
        field_error(B.err["general"], "error-general"),
        spacing="3", width="100%", align="start",
    )


def step_done() -> rx.Component:
    return rx.vstack(
        rx.heading("🎧 " + texts.CONFIRMED_TITLE, size="6", class_name="ab-gradient-text"),
        rx.text(rx.cond(B.ticket.pay_url != "", texts.CONFIRMED_PENDING, texts.CONFIRMED_FREE)),
        chosen_line(),
        card(
            rx.vstack(
                rx.text(texts.RESERVATION_CODE, color=MUTED, size="2"),
                rx.text(B.ticket.code, size=rx.breakpoints(initial="7", sm="8"), weight="bold", letter_spacing="0.06em",
                        white_space="nowrap", data_testid="reservation-code"),
                rx.image(src=B.ticket.qr, width="200px", height="200px", class_name="ab-qr", alt="QR " + B.ticket.code,
                         data_testid="reservation-qr"),
                rx.text(texts.SHOW_QR, size="2", color=MUTED, text_align="center"),
                rx.badge(B.ticket.status_label, size="2", color_scheme="violet", data_testid="reservation-status"),
                align="center", spacing="3",
            ),
        ),
        rx.cond(B.ticket.pay_url != "",
                rx.el.a(neon_button(B.ticket.pay_label, width="100%"), href=B.ticket.pay_url, target="_blank",
                        rel="noopener noreferrer", width="100%", data_testid="pay-link")),
        rx.button("📅 " + texts.ADD_TO_CALENDAR, variant="outline", size="3", width="100%", on_click=B.download_ics,
                  data_testid="download-ics"),
        rx.button(texts.BOOK_ANOTHER, variant="ghost", on_click=B.new_booking, data_testid="book-another"),
        spacing="4", width="100%", align="center",
    )


def step_waitlisted() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.WAITLIST_TITLE, size="6", class_name="ab-gradient-text"),
        chosen_line(),
        rx.text(B.waitlist_message, data_testid="waitlist-done"),
        rx.button(texts.BOOK_ANOTHER, variant="ghost", on_click=B.new_booking),
        spacing="4", width="100%", align="center",
    )
