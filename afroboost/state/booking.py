"""Booking wizard state: session → offer → participant → summary/payment → confirmation.

Every value coming from the browser is re-checked by the services (ids included);
what the person typed stays in the state, so an error never loses it.
"""

from __future__ import annotations

import asyncio
import uuid

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.booking.booking import (
    BookingRequest,
    book,
    do_join_waitlist,
    offer_payment_methods,
    quote_offer,
)
from afroboost.services.booking.tickets import Ticket, reservation_ics_for, ticket_for
from afroboost.services.catalog.listing import CourseView, OfferView, SessionView, home_catalog, upcoming_by_course
from afroboost.services.catalog.pricing import PriceLabels, price_labels
from afroboost.services.validation import check_participant
from afroboost.state.throttle import refused

STEPS = ("session", "offer", "info", "summary", "done", "waitlisted")
FIELDS = ("first_name", "last_name", "email", "phone", "promo")
ERROR_FIELDS = ("first_name", "last_name", "email", "phone", "session", "offer", "promo", "payment", "general")


class BookingState(rx.State):
    step: str = "session"
    courses: list[CourseView] = []
    offers: list[OfferView] = []
    course_id: int = 0
    session_id: int = 0
    offer_id: int = 0
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    promo: str = ""
    prices: PriceLabels = PriceLabels()
    methods: list[dict[str, str]] = []
    submitting: bool = False
    err: dict[str, str] = {k: "" for k in ERROR_FIELDS}
    ticket: Ticket = Ticket()  # the confirmation
    waitlist_message: str = ""
    _reservation_id: int = 0
    _request_key: str = ""

    # --- derived -----------------------------------------------------------------------
    @rx.var
    def course_sessions(self) -> list[SessionView]:
        for c in self.courses:
            if c.id == self.course_id:
                return c.sessions
        return []

    @rx.var
    def chosen_session(self) -> SessionView:
        for c in self.courses:
            for s in c.sessions:
                if s.id == self.session_id:
                    return s
        return SessionView()

    @rx.var
    def chosen_offer(self) -> OfferView:
        return next((o for o in self.offers if o.id == self.offer_id), OfferView())

    # --- loading -----------------------------------------------------------------------
    @rx.event
    async def load(self):
        """on_load: fresh catalog; preselect `?seance=ID` when it is a listed session."""
        catalog = await run_read(home_catalog)  # one read for sessions and offers
        self.courses, self.offers = catalog["courses"], catalog["offers"]
        wanted = str(self.router.url.query_parameters.get("seance", ""))
        if self.step in ("done", "waitlisted"):
            self._restart()
        if wanted.isdigit():
            self._pick_session(int(wanted))

    def _restart(self):
        self.step, self.session_id, self.offer_id, self.promo = "session", 0, 0, ""
        self.ticket, self.waitlist_message = Ticket(), ""
        self._request_key, self._reservation_id = "", 0
        self.prices = PriceLabels()

    def _pick_session(self, session_id: int) -> bool:
        for c in self.courses:
            for s in c.sessions:
                if s.id == session_id:
                    self.course_id, self.session_id = c.id, s.id
                    self.err["session"] = ""
                    self.step = "offer"
                    return True
        return False

    # --- navigation ------------------------------------------------------------------
    @rx.event
    def choose_course(self, course_id: int):
        self.course_id, self.session_id = int(course_id), 0

    @rx.event
    def choose_session(self, session_id: int):
        if not self._pick_session(int(session_id)):
            self.err["session"] = texts.err("session_unknown")

    @rx.event
    async def choose_offer(self, offer_id: int):
        if not any(o.id == int(offer_id) for o in self.offers):
            self.err["offer"] = texts.err("offer_unknown")
            return
        self.offer_id, self.err["offer"], self.step = int(offer_id), "", "info"
        if self.promo:
            await self.apply_promo(self.promo)

    @rx.event
    def go_to(self, step: str):
        """Back buttons: only to an earlier step of the wizard."""
        order = STEPS[:4]
        if step in order and self.step in order and order.index(step) < order.index(self.step):
            self.step = step

    @rx.event
    def new_booking(self):
        """Start again; the person's details stay filled in."""
        self._restart()

    # --- form ------------------------------------------------------------------------
    @rx.event
    def set_field(self, name: str, value: str):
        if name in FIELDS and name != "promo":
            setattr(self, name, str(value)[:200])
            self.err[name] = ""

    @rx.event
    async def apply_promo(self, value: str):
        """Live promo check: the new price, or one message for any code that cannot be used.

        Limited per tab and IP (a script guessing codes); a refused check keeps what was typed.
        """
        self.promo, self.err["promo"], self.prices = str(value)[:40], "", PriceLabels()
        if not self.promo.strip() or not self.offer_id:
            return
        if msg := await refused(self, "promo"):
            self.err["promo"] = msg
            return
        try:
            self.prices = price_labels(await run_read(quote_offer, offer_id=self.offer_id, code=self.promo))
        except ServiceError as e:
            self.err["promo"] = texts.err(e.key, **e.params)

    @rx.event
    async def submit_info(self):
        """Check the form (and the session) before the summary."""
        check = check_participant(first_name=self.first_name, last_name=self.last_name,
                                  email=self.email, phone=self.phone)
        for name in ("first_name", "last_name", "email", "phone"):
            self.err[name] = texts.err(check.errors[name]) if name in check.errors else ""
        if self.promo.strip() and not self.prices.promo:
            await self.apply_promo(self.promo)
        if not check.ok or self.err["promo"]:
            return
        if self.chosen_session.full:
            return await self.join_waitlist()
        try:
            q = await run_read(quote_offer, offer_id=self.offer_id, code=self.promo)
            methods = await run_read(offer_payment_methods, offer_id=self.offer_id)
        except ServiceError as e:
            self._error(e)
            return
        self.prices = price_labels(q)
        self.methods = [{"method": m, "label": texts.PAYMENT_METHODS[m]} for m in methods]
        self._request_key = self._request_key or uuid.uuid4().hex
        self.step = "summary"

    def _error(self, e: ServiceError):
        self.err[e.field if e.field in self.err else "general"] = texts.err(e.key, **e.params)
        if e.key in ("session_past", "session_cancelled", "session_unknown"):
            self.step = "session"  # pick another date; the message shows there

    def _participant(self):
        return check_participant(first_name=self.first_name, last_name=self.last_name,
                                 email=self.email, phone=self.phone).participant

    # --- booking -----------------------------------------------------------------------
    @rx.event
    async def pay(self, method: str):
        """Create the reservation (holds a headset) and show the confirmation.

        A double click sends the same request key twice: the second call returns the
        reservation the first one created (services.booking.do_book).
        """
        if self.step != "summary" or self.submitting:
            return  # e.g. the second click of a double click, after the first one booked
        person = self._participant()
        if person is None or (self.promo.strip() and not self.prices.promo):
            self.step = "info"  # a promo code reaches a booking only after a (limited) live check
            return
        if msg := await refused(self, "booking"):
            self.err["general"] = msg
            return
        self.submitting = True
        yield
        try:
            res = await asyncio.to_thread(book, BookingRequest(
                session_id=self.session_id, offer_id=self.offer_id, person=person, promo_code=self.promo,
                payment_method=str(method), request_key=self._request_key,
            ))
        except ServiceError as e:
            self._error(e)
            if e.key.startswith("session_"):  # full / past / cancelled since the page loaded
                self.courses = await run_read(upcoming_by_course)
            return
        finally:
            self.submitting = False
        await self._show_ticket(res.id)

    async def _show_ticket(self, reservation_id: int):
        self.ticket = await run_read(ticket_for, reservation_id=reservation_id)
        self._reservation_id, self._request_key, self.step = reservation_id, "", "done"

    @rx.event
    async def join_waitlist(self):
        person = self._participant()
        if person is None:
            self.step = "info"
            return
        if msg := await refused(self, "booking"):
            self.err["general"] = msg
            return
        try:
            _entry, position = await run_write(do_join_waitlist, session_id=self.session_id,
                                               offer_id=self.offer_id, person=person)
        except ServiceError as e:
            self._error(e)
            return
        self.waitlist_message = texts.WAITLIST_DONE.format(n=position)
        self.step = "waitlisted"

    @rx.event
    async def download_ics(self):
        """The booked session as an .ics file (only this browser's own reservation)."""
        if not self._reservation_id:
            return
        ics = await run_read(reservation_ics_for, reservation_id=self._reservation_id)
        return rx.download(data=ics, filename=f"afroboost-{self.ticket.code}.ics", mime_type="text/calendar")
