"""Offres tab: offers and shop products (CRUD, archive instead of delete, image upload).

The search filters on the browser side (each row carries its lower-case `haystack`), so
typing only sends the query, never the list again.
"""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.catalog.offers import (
    MAX_IMAGE_BYTES,
    OfferForm,
    OfferRow,
    access_offer_form,
    access_offer_rows,
    do_delete_offer,
    do_restore_offer,
    do_save_offer,
)
from afroboost.state.auth import CoachState
from afroboost.state.coach.crud import Crud, as_text, refused
from afroboost.state.coach.crud_image import ImageField, ImageTab

TYPED = ("name", "description", "kind", "price", "stripe_url", "paypal_url", "twint_url")  # image: upload only
CRUD = Crud(access_rows=access_offer_rows, id_arg="offer_id", do_delete=do_delete_offer, deleted=texts.OFFER_DELETED,
            kept=texts.OFFER_ARCHIVED_DONE, access_form=access_offer_form, do_save=do_save_offer, blank=OfferForm,
            typed=dict.fromkeys(TYPED, 1000), form_fields=(*TYPED, "image"), saved=texts.OFFER_SAVED)


class OffersState(ImageTab, CoachState):
    crud: ClassVar[Crud] = CRUD
    crud_image: ClassVar[ImageField] = ImageField("image", "offers", MAX_IMAGE_BYTES)
    rows: list[OfferRow] = []
    query: str = ""
    form = CRUD.blank_form()
    err = CRUD.no_errors()
    form_visible: bool = True

    @rx.var
    def matches(self) -> int:
        q = self.query.lower()
        return sum(1 for r in self.rows if q in r.haystack)

    @rx.event
    def set_query(self, value: str):
        self.query = as_text(value, 100)

    def _filled(self, form: OfferForm) -> None:
        super()._filled(form)
        self.form_visible = form.visible

    def _service_form(self) -> OfferForm:
        return OfferForm(**self.form, visible=self.form_visible)

    @rx.event
    def set_visible(self, value: bool):
        self.form_visible = bool(value)

    @rx.event
    async def restore(self, offer_id: int):
        """An archived offer back in the shop."""
        row = self._pick(offer_id, lambda r: r.archived)
        if row is None:
            return refused()
        try:
            await run_write(do_restore_offer, offer_id=row.id)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        self.notice = ""
        self.rows = await run_read(access_offer_rows)
        return rx.toast.success(texts.OFFER_RESTORED)
