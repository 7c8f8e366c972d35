"""📢 Campagnes: the delivery table of one campaign, the error log, the scheduler indicator."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED
from afroboost.state.coach.campaigns_history import SHOWN_DELIVERIES
from afroboost.state.coach.campaigns_history import CampaignHistoryState as H
from afroboost.state.coach.campaigns_kit import DeliveryLine

STATUS_COLORS = {"queued": "gray", "sending": "blue", "sent": "green", "delivered": "green", "read": "green",
                 "failed": "red", "skipped": "orange"}
TABLE_BOX = {"width": "100%", "overflow_x": "auto", "max_height": "360px", "overflow_y": "auto",
             "border": "1px solid rgba(139,92,246,0.25)", "border_radius": "10px"}


def status_badge(d: DeliveryLine) -> rx.Component:
    return rx.badge(d.status_label, color_scheme=rx.match(d.status, *STATUS_COLORS.items(), "gray"), variant="soft",
                    data_testid="delivery-status", data_status=d.status)


def error_cell(d: DeliveryLine) -> rx.Component:
    return rx.table.cell(rx.vstack(
        rx.cond(d.error_code != "", rx.code(d.error_code, size="1", data_testid="delivery-error-code")),
        rx.cond(d.error_message != "", rx.text(d.error_message, size="1", color=MUTED)),
        spacing="1", align="start",
    ))


def delivery_row(d: DeliveryLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(d.recipient, size="2"), data_testid="delivery-recipient"),
        rx.table.cell(rx.text(d.channel, size="2"), data_testid="delivery-channel"),
        rx.table.cell(status_badge(d)),
        error_cell(d),
        rx.table.cell(rx.text(d.when, size="1", color=MUTED, white_space="nowrap")),
        data_testid="delivery-row",
    )


def _head(*labels: str) -> rx.Component:
    return rx.table.header(rx.table.row(*[rx.table.column_header_cell(lbl) for lbl in labels]))


def deliveries_table() -> rx.Component:
    return rx.box(
        rx.cond(
            H.deliveries.length() == 0,
            rx.text(texts.CAMP_DELIVERIES_NONE, size="2", color=MUTED, padding="0.75em"),
            rx.table.root(
                _head(texts.CAMP_COL_RECIPIENT, texts.CAMP_COL_CHANNEL, texts.CAMP_COL_STATUS, texts.CAMP_COL_ERROR,
                      texts.CAMP_COL_WHEN),
                rx.table.body(rx.foreach(H.deliveries, delivery_row)),
                size="1", width="100%", min_width="560px",
            ),
        ),
        rx.cond(H.deliveries.length() >= SHOWN_DELIVERIES,
                rx.text(texts.CAMP_DELIVERIES_CAP.format(n=SHOWN_DELIVERIES), size="1", color=MUTED, padding="0.5em")),
        **TABLE_BOX, data_testid="delivery-table",
    )


def error_row(d: DeliveryLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(d.when, size="1", white_space="nowrap")),
        rx.table.cell(rx.text(d.campaign, size="2")),
        rx.table.cell(rx.text(d.recipient, size="2")),
        rx.table.cell(rx.text(d.channel, size="2")),
        error_cell(d),
        data_testid="error-row",
    )


def errors_log() -> rx.Component:
    return rx.vstack(
        rx.text(texts.CAMP_ERRORS_HINT, size="2", color=MUTED),
        rx.cond(
            H.error_lines.length() == 0,
            rx.text(texts.CAMP_ERRORS_NONE, size="2", data_testid="error-log-empty"),
            rx.box(rx.table.root(
                _head(texts.CAMP_COL_WHEN, texts.CAMP_COL_CAMPAIGN, texts.CAMP_COL_RECIPIENT, texts.CAMP_COL_CHANNEL,
                      texts.CAMP_COL_ERROR),
                rx.table.body(rx.foreach(H.error_lines, error_row)),
                size="1", width="100%", min_width="560px",
            ), **TABLE_BOX),
        ),
        spacing="2", width="100%", align="start", data_testid="error-log",
    )


def scheduler_indicator() -> rx.Component:
    return rx.flex(
        rx.badge(H.scheduler_label, color_scheme=rx.cond(H.scheduler_active, "green", "red"), variant="soft",
                 size="2", data_testid="scheduler-status-indicator", data_active=H.scheduler_active.to_string()),
        rx.cond(H.scheduler_seen != "", rx.text(H.scheduler_seen, size="1", color=MUTED)),
        spacing="2", align="center", wrap="wrap",
    )
