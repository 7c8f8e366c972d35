"""Paiements tab: the global Twint link and the Stripe / PayPal / Twint links of each offer."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.form_kit import fields_row, labelled, row_box
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.services.booking.payments import LinksRow
from afroboost.state.coach.payments import PaymentsState as S

LINK_ORDER = ("twint_url", "stripe_url", "paypal_url")


def twint_card() -> rx.Component:
    return card(rx.vstack(
        rx.heading(texts.PAYMENTS_TWINT_TITLE, size="4", color=PINK),
        rx.text(texts.PAYMENTS_TWINT_HINT, size="2", color=MUTED),
        rx.flex(
            rx.input(value=S.twint, on_change=S.set_twint, placeholder="https://…", type="url", size="3",
                     flex="1 1 240px", auto_complete="off", data_testid="twint-payment-url-input"),
            neon_button(texts.FORM_SAVE, size="3", on_click=S.save_twint, data_testid="twint-save"),
            spacing="2", wrap="wrap", width="100%",
        ),
        field_error(S.twint_err, "error-twint"),
        rx.cond(S.twint_saved == "", rx.callout.root(
            rx.callout.icon(rx.icon("triangle-alert")), rx.callout.text(texts.PAYMENTS_TWINT_EMPTY),
            color_scheme="orange", size="1", data_testid="twint-empty-warning",
        )),
        spacing="2", width="100%", align="start",
    ), data_testid="twint-card")


def _link(r: LinksRow, name: str, value: rx.Var, error: rx.Var) -> rx.Component:
    control = rx.input(value=value, on_change=lambda v: S.set_link(r.id, name, v), placeholder="https://…",
                       type="url", size="2", width="100%", auto_complete="off", data_testid=f"link-{name}")
    return labelled(texts.LINK_LABELS[name], control, error, f"link-{name}", min_width="180px", flex="1 1 200px")


def links_row(r: LinksRow) -> rx.Component:
    values = {"stripe_url": (r.stripe_url, r.err_stripe_url), "paypal_url": (r.paypal_url, r.err_paypal_url),
              "twint_url": (r.twint_url, r.err_twint_url)}
    return row_box(
        rx.vstack(
            rx.hstack(rx.text(r.name, weight="bold"), rx.badge(r.kind_label, color_scheme="violet", variant="soft"),
                      spacing="2", align="center", wrap="wrap"),
            fields_row(*[_link(r, f, *values[f]) for f in LINK_ORDER]),
            rx.button(texts.FORM_SAVE, size="2", variant="soft", on_click=S.save_links(r.id),
                      data_testid="links-save"),
            spacing="2", width="100%", align="start",
        ),
        data_testid="links-row",
    )


def links_card() -> rx.Component:
    return card(rx.vstack(
        rx.heading(texts.PAYMENTS_LINKS_TITLE, size="4", color=PINK),
        rx.text(texts.PAYMENTS_LINKS_HINT, size="2", color=MUTED),
        rx.vstack(rx.foreach(S.links, links_row), spacing="2", width="100%"),
        spacing="2", width="100%", align="start",
    ), data_testid="links-card")
