"""/ma-reservation — look up and cancel a reservation."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.booking.final import summary_line
from afroboost.components.layout import page
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.state.lookup import LookupState as L


def found_card() -> rx.Component:
    r = L.reservation
    return card(
        rx.vstack(
            rx.text(r.code, size="6", weight="bold", data_testid="lookup-code"),
            summary_line(texts.LABEL_SESSION, r.course + " · " + r.when),
            summary_line(texts.LABEL_PLACE, r.place),
            summary_line(texts.LABEL_OFFER, r.offer + " · " + r.price),
            summary_line(texts.LABEL_STATUS, r.status_label, data_testid="lookup-status"),
            rx.cond(L.message != "", rx.text(L.message, color="#4ade80", data_testid="lookup-message")),
            rx.cond(
                r.can_cancel,
                rx.cond(
                    L.confirming,
                    rx.vstack(
                        rx.text(texts.CANCEL_SURE, color=PINK),
                        rx.hstack(
                            rx.button(texts.CANCEL_CONFIRM, color_scheme="red", on_click=L.cancel,
                                      data_testid="cancel-confirm"),
                            rx.button(texts.BACK, variant="outline", on_click=L.keep),
                        ),
                    ),
                    rx.button(texts.CANCEL, variant="outline", color_scheme="red", on_click=L.ask_cancel,
                              data_testid="cancel-reservation"),
                ),
            ),
            spacing="2", width="100%", align="start",
        ),
        data_testid="lookup-result",
    )


def forgot_box() -> rx.Component:
    """« Code oublié ? »: the codes go to the email or number on file, never on screen."""
    return rx.vstack(
        rx.button(texts.LOOKUP_FORGOT, on_click=L.toggle_forgot, variant="ghost", size="2", color=PINK,
                  min_height="44px", data_testid="lookup-forgot"),
        rx.cond(L.forgot_open, rx.vstack(
            rx.text(texts.LOOKUP_FORGOT_PITCH, color=MUTED, size="2"),
            rx.input(value=L.forgot_contact, on_change=L.set_forgot_contact,
                     placeholder=texts.LOOKUP_FORGOT_PLACEHOLDER, size="3", width="100%",
                     data_testid="lookup-forgot-contact"),
            field_error(L.err_forgot, "lookup-forgot-error"),
            rx.button(texts.LOOKUP_FORGOT_SEND, on_click=L.send_forgot, variant="outline", width="100%",
                      data_testid="lookup-forgot-send"),
            rx.cond(L.forgot_done != "", rx.text(L.forgot_done, color="#4ade80", size="2",
                                                 data_testid="lookup-forgot-done")),
            spacing="2", width="100%", align="start",
        )),
        spacing="2", width="100%", align="start",
    )


def lookup_page() -> rx.Component:
    return page(
        card(
            rx.vstack(
                rx.heading(texts.LOOKUP_TITLE, size="6"),
                rx.text(texts.LOOKUP_PITCH, color=MUTED, size="2"),
                rx.text(texts.RESERVATION_CODE, size="2", weight="medium"),
                rx.input(value=L.code, on_change=L.set_code, placeholder="AFR-XXXXXX", size="3", width="100%",
                         data_testid="lookup-input-code", auto_complete="off"),
                field_error(L.err_code, "lookup-error-code"),
                rx.text(texts.EMAIL, size="2", weight="medium"),
                rx.input(value=L.email, on_change=L.set_email, placeholder="prenom@exemple.ch", type="email",
                         size="3", width="100%", data_testid="lookup-input-email"),
                field_error(L.err_email, "lookup-error-email"),
                field_error(L.err_general, "lookup-error"),
                neon_button(texts.LOOKUP, on_click=L.search, width="100%", data_testid="lookup-submit"),
                forgot_box(),
                spacing="2", width="100%", align="start",
            ),
        ),
        rx.cond(L.found, rx.box(found_card(), padding_top="1em")),
        max_width="640px", padding_top="1.5em",
    )
