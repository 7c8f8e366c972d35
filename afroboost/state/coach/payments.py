"""Paiements tab: payment links per offer, the global Twint link, pending payments."""

from __future__ import annotations

import dataclasses

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.booking.payments import (
    LinksRow,
    PendingRow,
    access_global_twint,
    access_links_rows,
    access_pending_payments,
    do_confirm_payment,
    do_save_global_twint,
    do_save_offer_links,
)
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState

LINK_FIELDS = ("stripe_url", "paypal_url", "twint_url")
MAX_TYPED = 600


class PaymentsState(CoachState):
    twint: str = ""
    twint_saved: str = ""  # what is stored, to warn when it is empty
    twint_err: str = ""
    links: list[LinksRow] = []
    pending: list[PendingRow] = []

    @rx.event
    async def load(self):
        """on_mount of the tab: links, global Twint link and pending payments."""
        self.twint = self.twint_saved = await run_read(access_global_twint)
        self.twint_err = ""
        self.links = await run_read(access_links_rows)
        self.pending = await run_read(access_pending_payments)

    # --- global Twint link -------------------------------------------------------------
    @rx.event
    def set_twint(self, value: str):
        self.twint, self.twint_err = str(value)[:MAX_TYPED], ""

    @rx.event
    async def save_twint(self):
        try:
            self.twint = self.twint_saved = await run_write(do_save_global_twint, url=self.twint)
        except ServiceError as e:
            self.twint_err = " ".join(error_messages(e).values())
            return
        return rx.toast.success(texts.PAYMENTS_TWINT_SAVED)

    # --- links per offer ---------------------------------------------------------------
    def _update(self, offer_id: int, **changes):
        self.links = [dataclasses.replace(r, **changes) if r.id == offer_id else r for r in self.links]

    @rx.event
    def set_link(self, offer_id: int, name: str, value: str):
        if name in LINK_FIELDS:
            self._update(int(offer_id), **{name: str(value)[:MAX_TYPED], f"err_{name}": ""})

    @rx.event
    async def save_links(self, offer_id: int):
        row = next((r for r in self.links if r.id == int(offer_id)), None)
        if row is None:
            return
        try:
            offer = await run_write(do_save_offer_links, offer_id=row.id, stripe_url=row.stripe_url,
                                    paypal_url=row.paypal_url, twint_url=row.twint_url)
        except ServiceError as e:
            msgs = error_messages(e)
            if "general" in msgs:
                return rx.toast.error(msgs["general"])
            self._update(row.id, **{f"err_{f}": msgs.get(f, "") for f in LINK_FIELDS})
            return
        self._update(row.id, stripe_url=offer.stripe_url, paypal_url=offer.paypal_url, twint_url=offer.twint_url,
                     **{f"err_{f}": "" for f in LINK_FIELDS})
        return rx.toast.success(texts.PAYMENTS_LINKS_SAVED.format(name=offer.name))

    # --- pending payments --------------------------------------------------------------
    @rx.event
    async def mark_paid(self, reservation_id: int):
        try:
            code = await run_write(do_confirm_payment, reservation_id=int(reservation_id))
        except ServiceError as e:
            self.pending = await run_read(access_pending_payments)
            return rx.toast.error(texts.err(e.key, **e.params))
        self.pending = await run_read(access_pending_payments)
        return rx.toast.success(texts.PAYMENTS_MARKED.format(code=code))
