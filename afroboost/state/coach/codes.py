"""Codes tab: promo codes (CRUD, validity, max uses, restriction to offers) with local search."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.catalog.codes import (
    OfferChoice,
    PromoForm,
    PromoRow,
    access_offer_choices,
    access_promo_form,
    access_promo_rows,
    do_delete_promo,
    do_save_promo,
)
from afroboost.state.auth import CoachState
from afroboost.state.coach.forms import delete_or_deactivate, show_form_errors, typed_form

FIELDS = ("code", "kind", "value", "valid_from", "valid_until", "max_uses")
ERR_FIELDS = (*FIELDS, "offer_ids", "general")
MAX_TYPED = 60


def _blank_form() -> dict[str, str]:
    return typed_form(PromoForm(), FIELDS)


class CodesState(CoachState):
    rows: list[PromoRow] = []
    offers: list[OfferChoice] = []
    query: str = ""
    form_open: bool = False
    editing: int = 0
    form: dict[str, str] = _blank_form()
    form_offers: list[int] = []
    form_active: bool = True
    err: dict[str, str] = dict.fromkeys(ERR_FIELDS, "")
    notice: str = ""
    confirm_delete: int = 0

    @rx.var
    def matches(self) -> int:
        q = self.query.lower()
        return sum(1 for r in self.rows if q in r.haystack)

    @rx.event
    async def load(self):
        """on_mount of the tab."""
        await self._refresh()

    async def _refresh(self):
        self.rows = await run_read(access_promo_rows)
        self.offers = await run_read(access_offer_choices)

    @rx.event
    def set_query(self, value: str):
        self.query = str(value)[:100]

    # --- form --------------------------------------------------------------------------
    def _open(self, form: PromoForm, promo_id: int):
        self.form, self.form_offers, self.form_active = typed_form(form, FIELDS), list(form.offer_ids), form.active
        self.editing, self.form_open, self.err = promo_id, True, dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    def new(self):
        self._open(PromoForm(), 0)

    @rx.event
    async def edit(self, promo_id: int):
        try:
            form = await run_read(access_promo_form, promo_id=int(promo_id))
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        self._open(form, int(promo_id))

    @rx.event
    def set_field(self, name: str, value: str):
        if name in FIELDS:
            self.form[name] = str(value)[:MAX_TYPED]
            self.err[name] = ""

    @rx.event
    def toggle_offer(self, offer_id: int, checked: bool):
        chosen = [i for i in self.form_offers if i != int(offer_id)]
        self.form_offers = [*chosen, int(offer_id)] if checked else chosen
        self.err["offer_ids"] = ""

    @rx.event
    def set_active(self, value: bool):
        self.form_active = bool(value)

    @rx.event
    def close_form(self):
        self.form_open, self.editing = False, 0

    @rx.event
    async def save(self):
        form = PromoForm(**{k: self.form.get(k, "") for k in FIELDS}, offer_ids=list(self.form_offers),
                         active=self.form_active)
        try:
            await run_write(do_save_promo, promo_id=self.editing, form=form)
        except ServiceError as e:
            show_form_errors(self, e, ERR_FIELDS)
            return
        self.form_open, self.editing = False, 0
        await self._refresh()
        return rx.toast.success(texts.CODE_SAVED)

    # --- delete (or deactivate) ----------------------------------------------------------
    @rx.event
    def ask_delete(self, promo_id: int):
        self.confirm_delete = int(promo_id)

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    @rx.event
    async def delete(self, promo_id: int):
        return await delete_or_deactivate(self, do_delete_promo, int(promo_id), promo_id=int(promo_id),
                                          deleted=texts.CODE_DELETED, deactivated=texts.CODE_DEACTIVATED)

    @rx.event
    def close_notice(self):
        self.notice = ""
