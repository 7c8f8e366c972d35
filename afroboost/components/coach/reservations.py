"""Réservations tab: check-in bar, search and filters, the table, confirmations."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.qr_scanner import qr_scanner
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.services.booking.reservations import ReservationRow
from afroboost.state.coach.reservations import ReservationsState as R
from afroboost.state.coach.tabs import register_tab

STATUS_COLORS = {"pending_payment": "orange", "confirmed": "grass", "checked_in": "violet", "cancelled": "gray"}


def checkin_bar() -> rx.Component:
    return card(rx.vstack(
        rx.text(texts.RES_CHECKIN_TITLE, weight="bold"),
        rx.flex(
            rx.input(value=R.checkin_code, on_change=R.set_checkin_code, placeholder="AFR-XXXXXX", size="3",
                     data_testid="checkin-code", flex="2", min_width="140px"),
            rx.input(value=R.checkin_headset, on_change=R.set_checkin_headset,
                     placeholder=texts.RES_HEADSET_PLACEHOLDER, size="3", data_testid="checkin-headset", flex="1",
                     min_width="90px"),
            neon_button(texts.RES_CHECKIN_SAVE, on_click=R.check_in, data_testid="checkin-submit"),
            rx.button(texts.RES_SCAN, variant="outline", size="3", on_click=R.open_scanner,
                      data_testid="open-scanner"),
            spacing="2", wrap="wrap", width="100%",
        ),
        field_error(R.checkin_error, "checkin-error"),
        rx.cond(R.checkin_message != "", rx.text(R.checkin_message, color="#4ade80", data_testid="checkin-ok")),
        rx.cond(R.scanner_note != "", rx.text(R.scanner_note, color=MUTED, size="2", data_testid="scanner-note")),
        rx.cond(R.scanner_open, rx.vstack(
            rx.box(qr_scanner(on_scan=R.on_scan, on_error=R.scanner_failed, formats=["qr_code"]),
                   width="100%", max_width="320px"),
            rx.button(texts.RES_SCAN_CLOSE, variant="ghost", on_click=R.close_scanner),
        )),
        spacing="2", width="100%",
    ))


def filters() -> rx.Component:
    return rx.flex(
        rx.input(value=R.query, on_change=R.set_query, placeholder=texts.RES_SEARCH,
                 size="2", flex="3", min_width="200px", data_testid="reservations-search"),
        rx.el.select(
            rx.el.option(texts.RES_ALL_STATUSES, value=""),
            *[rx.el.option(label, value=key) for key, label in texts.STATUS_LABELS.items()],
            value=R.status_filter, on_change=R.set_status_filter, data_testid="status-filter",
            class_name="ab-select",
        ),
        rx.el.select(
            rx.el.option(texts.RES_ALL_SESSIONS, value=""),
            rx.foreach(R.session_options, lambda o: rx.el.option(o[1], value=o[0])),
            value=R.session_filter, on_change=R.set_session_filter, data_testid="session-filter",
            class_name="ab-select",
        ),
        rx.button("⬇ CSV", variant="outline", size="2", on_click=R.export_csv, data_testid="export-csv"),
        spacing="2", wrap="wrap", width="100%", align="center",
    )


def actions(r: ReservationRow) -> rx.Component:
    live = (r.status == "pending_payment") | (r.status == "confirmed")
    return rx.hstack(
        rx.cond(r.status == "pending_payment",
                rx.button(texts.RES_MARK_PAID, size="1", color_scheme="grass", on_click=R.mark_paid(r.id),
                          data_testid="mark-paid")),
        rx.cond(r.headset_out, rx.button(texts.RES_HEADSET_RETURNED, size="1", variant="soft",
                                         on_click=R.return_headset(r.id), data_testid="headset-returned")),
        rx.cond(live, rx.button(texts.RES_CANCEL, size="1", variant="outline", color_scheme="orange",
                                on_click=R.ask("cancel", r.id), data_testid="cancel-row")),
        rx.button("🗑", size="1", variant="ghost", color_scheme="red", on_click=R.ask("delete", r.id),
                  title=texts.RES_DELETE, aria_label=texts.RES_DELETE, data_testid="delete-row"),
        spacing="1",
    )


def row(r: ReservationRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(r.code, weight="bold", white_space="nowrap")),
        rx.table.cell(rx.vstack(rx.text(r.name), rx.text(r.email, size="1", color=MUTED),
                                rx.text(r.phone, size="1", color=MUTED), spacing="0")),
        rx.table.cell(rx.vstack(rx.text(r.course), rx.text(r.when, size="1", color=MUTED), spacing="0")),
        rx.table.cell(rx.text(r.offer + " · " + r.price, size="2")),
        rx.table.cell(rx.vstack(
            rx.badge(r.status_label, color_scheme=rx.match(r.status, *STATUS_COLORS.items(), "gray")),
            rx.text(r.messages, size="1", color=MUTED, data_testid="reservation-messages"), spacing="1")),
        rx.table.cell(rx.cond(r.headset != "", rx.text(texts.RES_HEADSET_NUMBER + r.headset, size="2"),
                              rx.text("–", color=MUTED))),
        rx.table.cell(actions(r)),
        data_testid="reservation-row",
    )


def table() -> rx.Component:
    return scroll_box(rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h, position="sticky", top="0",
                                                                   background="#0b0b10", z_index="1")
                                       for h in texts.RES_COLUMNS])),
        rx.table.body(rx.foreach(R.filtered, row)),
        size="1", width="100%",
    ))


def confirm_box() -> rx.Component:
    return rx.cond(R.confirm_id != 0, card(rx.hstack(
        rx.text(texts.SURE, color=PINK, weight="bold"),
        rx.text(rx.cond(R.confirm_action == "delete", texts.RES_CONFIRM_DELETE, texts.RES_CONFIRM_CANCEL)),
        rx.spacer(),
        rx.button(texts.RES_YES, color_scheme="red", on_click=R.confirm, data_testid="confirm-yes"),
        rx.button(texts.RES_NO, variant="outline", on_click=R.keep),
        align="center", wrap="wrap", width="100%",
    ), data_testid="confirm-box"))


@register_tab("reservations", texts.RESERVATIONS_TAB, 20, R)
def reservations_tab() -> rx.Component:
    return tab_panel(
        texts.RES_TITLE, checkin_bar(), filters(),
        rx.text(R.count_label, color=MUTED, size="2", data_testid="results-count"),
        confirm_box(), field_error(R.error, "reservations-error"),
        rx.cond(R.filtered.length() == 0,
                rx.text(texts.NO_RESERVATION_MATCH, color=MUTED, data_testid="no-results"), table()),
        on_mount=R.load,
    )
