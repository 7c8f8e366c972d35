"""Paiements tab: payments waiting for confirmation, the global Twint link, links per offer."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.coach.form_kit import row_box
from afroboost.components.coach.payments_links import links_card, twint_card
from afroboost.components.theme import MUTED, PINK, VIOLET, card
from afroboost.services.booking.payments import PendingRow
from afroboost.state.coach.payments import PaymentsState as S
from afroboost.state.coach.tabs import register_tab


def pending_row(p: PendingRow) -> rx.Component:
    return row_box(
        rx.vstack(
            rx.hstack(rx.text(p.code, weight="bold", font_family="monospace"), rx.text(p.name, weight="medium"),
                      spacing="3", align="center", wrap="wrap"),
            rx.text(p.course + " · " + p.when, size="2", color=VIOLET),
            rx.text(p.offer + " · " + p.method, size="1", color=MUTED),
            spacing="1", align="start", flex="1 1 220px", min_width="0",
        ),
        rx.text(p.amount, weight="bold", color=PINK, white_space="nowrap", data_testid="pending-amount"),
        rx.button(rx.icon("check", size=16), texts.PAYMENTS_MARK_PAID, size="2", color_scheme="grass",
                  on_click=S.mark_paid(p.id), data_testid="pending-mark-paid"),
        data_testid="pending-row",
    )


def pending_card() -> rx.Component:
    return card(rx.vstack(
        rx.hstack(rx.heading(texts.PAYMENTS_PENDING_TITLE, size="4", color=PINK),
                  rx.badge(S.pending.length().to_string(), color_scheme="orange", data_testid="pending-count"),
                  align="center", spacing="2"),
        rx.cond(
            S.pending.length() == 0,
            rx.text(texts.PAYMENTS_PENDING_NONE, color=MUTED, data_testid="pending-none"),
            scroll_box(rx.vstack(rx.foreach(S.pending, pending_row), spacing="2", padding="0.5em", width="100%"),
                       max_height="420px"),
        ),
        spacing="2", width="100%", align="start",
    ), data_testid="pending-card")


@register_tab("paiements", texts.PAYMENTS_TAB, 60, S)
def payments_tab() -> rx.Component:
    return tab_panel(
        texts.PAYMENTS_TITLE,
        pending_card(),
        twint_card(),
        links_card(),
        on_mount=S.load, data_testid="panel-paiements",
    )
