"""/ma-reservation: find a reservation by code + email, cancel it before the class."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.lookup import ReservationView, do_cancel_own, lookup


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
        try:
            self.reservation = await run_write(do_cancel_own, code=self.code, email=self.email)
        except ServiceError as e:
            self.err_general = texts.err(e.key, **e.params)
            return
        self.message = texts.CANCELLED_DONE
