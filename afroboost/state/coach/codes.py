"""Codes tab: promo codes (CRUD, validity, max uses, restriction to offers) with local search."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
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
from afroboost.state.coach.crud import Crud, CrudTab, as_id, as_text, refused

CRUD = Crud(access_rows=access_promo_rows, id_arg="promo_id", do_delete=do_delete_promo, deleted=texts.CODE_DELETED,
            kept=texts.CODE_DEACTIVATED, access_form=access_promo_form, do_save=do_save_promo, blank=PromoForm,
            typed=dict.fromkeys(("code", "kind", "value", "valid_from", "valid_until", "max_uses"), 60),
            err_fields=("code", "kind", "value", "valid_from", "valid_until", "max_uses", "offer_ids", "general"),
            saved=texts.CODE_SAVED)


class CodesState(CrudTab, CoachState):
    crud: ClassVar[Crud] = CRUD
    rows: list[PromoRow] = []
    offers: list[OfferChoice] = []
    query: str = ""
    form = CRUD.blank_form()
    err = CRUD.no_errors()
    form_offers: list[int] = []
    form_active: bool = True

    @rx.var
    def matches(self) -> int:
        q = self.query.lower()
        return sum(1 for r in self.rows if q in r.haystack)

    async def _refresh(self):
        self.rows = await run_read(access_promo_rows)
        self.offers = await run_read(access_offer_choices)

    @rx.event
    def set_query(self, value: str):
        self.query = as_text(value, 100)

    def _filled(self, form: PromoForm) -> None:
        self.form_offers, self.form_active = list(form.offer_ids), form.active

    def _service_form(self) -> PromoForm:
        return PromoForm(**self.form, offer_ids=list(self.form_offers), active=self.form_active)

    @rx.event
    def toggle_offer(self, offer_id: int, checked: bool):
        """Restrict the code to an offer of the list (or lift it)."""
        oid = as_id(offer_id)
        if not any(o.id == oid for o in self.offers):
            return refused()
        chosen = [i for i in self.form_offers if i != oid]
        self.form_offers = [*chosen, oid] if checked is True else chosen
        self.err["offer_ids"] = ""

    @rx.event
    def set_active(self, value: bool):
        self.form_active = bool(value)
