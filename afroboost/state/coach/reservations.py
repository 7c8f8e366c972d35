"""Réservations tab: search, filters, cancel/delete, mark paid, check-in, headsets, CSV."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_cancel, do_mark_paid
from afroboost.services.booking.reservations import (
    ReservationRow,
    do_check_in,
    do_delete,
    do_return_headset,
    filter_rows,
    list_reservations,
    rows_csv,
)
from afroboost.state.auth import CoachState

STATUSES = ("pending_payment", "confirmed", "checked_in", "cancelled")


class ReservationsState(CoachState):
    rows: list[ReservationRow] = []
    query: str = ""
    status_filter: str = ""
    session_filter: str = ""
    confirm_id: int = 0
    confirm_action: str = ""  # cancel | delete
    checkin_code: str = ""
    checkin_headset: str = ""
    checkin_error: str = ""
    checkin_message: str = ""
    scanner_open: bool = False
    scanner_note: str = ""
    error: str = ""

    @rx.var
    def filtered(self) -> list[ReservationRow]:
        sid = int(self.session_filter) if self.session_filter.isdigit() else 0
        return filter_rows(self.rows, query=self.query, status=self.status_filter, session_id=sid)

    @rx.var
    def count_label(self) -> str:
        return texts.RESULTS.format(n=len(self.filtered))

    @rx.var
    def session_options(self) -> list[list[str]]:
        seen: dict[int, str] = {}
        for r in self.rows:
            seen.setdefault(r.session_id, f"{r.course} · {r.when}")
        return [[str(k), v] for k, v in seen.items()]

    @rx.event
    async def load(self):
        self.rows = await run_read(list_reservations)

    @rx.event
    def set_query(self, value: str):
        self.query = str(value)[:100]

    @rx.event
    def set_status_filter(self, value: str):
        self.status_filter = value if value in STATUSES else ""

    @rx.event
    def set_session_filter(self, value: str):
        self.session_filter = str(value) if str(value).isdigit() else ""

    @rx.event
    def ask(self, action: str, reservation_id: int):
        if action in ("cancel", "delete") and any(r.id == int(reservation_id) for r in self.rows):
            self.confirm_action, self.confirm_id = action, int(reservation_id)

    @rx.event
    def keep(self):
        self.confirm_action, self.confirm_id = "", 0

    @rx.event
    async def confirm(self):
        """Cancel (frees the headset, promotes the waitlist) or delete, after « Êtes-vous sûr ? »."""
        action, rid = self.confirm_action, self.confirm_id
        self.confirm_action, self.confirm_id, self.error = "", 0, ""
        try:
            if action == "cancel":
                await run_write(do_cancel, reservation_id=rid, before_start=False)
            elif action == "delete":
                await run_write(do_delete, reservation_id=rid)
        except ServiceError as e:
            self.error = texts.err(e.key, **e.params)
        await self.load()

    @rx.event
    async def mark_paid(self, reservation_id: int):
        await run_write(do_mark_paid, reservation_id=int(reservation_id))
        await self.load()

    @rx.event
    async def return_headset(self, reservation_id: int):
        try:
            await run_write(do_return_headset, reservation_id=int(reservation_id))
        except ServiceError as e:
            self.error = texts.err(e.key)
        await self.load()

    # --- check-in at the door ---------------------------------------------------------
    @rx.event
    def set_checkin_code(self, value: str):
        self.checkin_code, self.checkin_error = str(value)[:20], ""

    @rx.event
    def set_checkin_headset(self, value: str):
        self.checkin_headset = str(value)[:20]

    @rx.event
    async def check_in(self):
        self.checkin_error = self.checkin_message = ""
        try:
            res = await run_write(do_check_in, code=self.checkin_code, headset_number=self.checkin_headset)
        except ServiceError as e:
            self.checkin_error = texts.err(e.key)
            return
        headset = f" · casque n°{res.headset_number}" if res.headset_number else ""
        self.checkin_message = texts.CHECKIN_DONE.format(code=res.code) + headset
        self.checkin_code = self.checkin_headset = ""
        await self.load()

    @rx.event
    def open_scanner(self):
        self.scanner_open, self.scanner_note = True, ""

    @rx.event
    def close_scanner(self):
        self.scanner_open = False

    @rx.event
    def on_scan(self, value: str):
        """The camera read a QR code: put it in the code field (the coach adds the headset, confirms)."""
        if value:
            self.checkin_code, self.checkin_error, self.scanner_open = str(value)[:20], "", False

    @rx.event
    def scanner_failed(self):
        """No camera (or refused): fall back to typing the code."""
        self.scanner_open, self.scanner_note = False, texts.SCANNER_FALLBACK

    @rx.event
    def export_csv(self):
        return rx.download(data=rows_csv(self.filtered), filename="reservations-afroboost.csv",
                           mime_type="text/csv")
