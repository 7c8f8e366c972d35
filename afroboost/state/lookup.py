"""/ma-reservation: find a reservation by code + email, cancel it before the class; « Code oublié ? ».

Lookups and « Code oublié ? » are throttled (a script guessing codes); a refusal keeps what was typed.
"""

from __future__ import annotations

import asyncio
import logging

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.booking.lookup import ReservationView, do_cancel_own, lookup
from afroboost.services.booking.lookup_forgot import send_forgotten_codes
from afroboost.services.contacts.contacts import check_email_or_phone
from afroboost.state.throttle import refused

log = logging.getLogger("afroboost.lookup")
_sending: set[asyncio.Task] = set()


async def _send_quietly(contact: str) -> None:
    try:
        await send_forgotten_codes(contact=contact)
    except Exception:  # the page already answered; the person can ask again
        log.exception("[LOOKUP] « Code oublié ? » send failed")


class LookupState(rx.State):
    code: str = ""
    email: str = ""
    err_code: str = ""
    err_email: str = ""
    err_general: str = ""
    found: bool = False
    confirming: bool = False
    message: str = ""
    reservation: ReservationView = ReservationView()
    forgot_open: bool = False
    forgot_contact: str = ""
    err_forgot: str = ""
    forgot_done: str = ""

    @rx.event
    def prefill(self):
        """on_load: `?code=` from a confirmation link."""
        code = str(self.router.url.query_parameters.get("code", ""))[:16]
        if code and not self.code:
            self.code = code

    @rx.event
    def set_code(self, value: str):
        self.code, self.err_code = str(value)[:20], ""

    @rx.event
    def set_email(self, value: str):
        self.email, self.err_email = str(value)[:254], ""

    def _fail(self, e: ServiceError):
        self.found, self.confirming = False, False
        msg = texts.err(e.key, **e.params)
        if e.field == "email":
            self.err_email = msg
        elif e.field == "code":
            self.err_code = msg
        else:
            self.err_general = msg

    @rx.event
    async def search(self):
        self.err_code = self.err_email = self.err_general = self.message = ""
        if msg := await refused(self, "lookup"):
            self.err_general = msg
            return
        try:
            self.reservation = await run_read(lookup, code=self.code, email=self.email)
        except ServiceError as e:
            self._fail(e)
            return
        self.found, self.confirming = True, False

    @rx.event
    def ask_cancel(self):
        self.confirming = self.found

    @rx.event
    def keep(self):
        self.confirming = False

    @rx.event
    async def cancel(self):
        """Cancel: the code + email pair is checked again on the server, not trusted from before."""
        self.confirming = False
        if msg := await refused(self, "lookup"):
            self.err_general = msg
            return
        try:
            self.reservation = await run_write(do_cancel_own, code=self.code, email=self.email)
        except ServiceError as e:
            self.err_general = texts.err(e.key, **e.params)
            return
        self.message = texts.CANCELLED_DONE

    @rx.event
    def toggle_forgot(self):
        self.forgot_open, self.err_forgot, self.forgot_done = not self.forgot_open, "", ""

    @rx.event
    def set_forgot_contact(self, value: str):
        self.forgot_contact, self.err_forgot = str(value)[:254], ""

    @rx.event
    async def send_forgot(self):
        """Same answer, at once, whether or not a reservation matched: the sending goes on in a task."""
        self.forgot_done = ""
        if msg := await refused(self, "lookup"):
            self.err_forgot = msg
            return
        try:
            check_email_or_phone(self.forgot_contact)
        except ServiceError as e:
            self.err_forgot = texts.err(e.key)
            return
        task = asyncio.create_task(_send_quietly(self.forgot_contact))
        _sending.add(task)
        task.add_done_callback(_sending.discard)
        self.forgot_done = texts.LOOKUP_FORGOT_DONE
