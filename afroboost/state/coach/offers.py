"""Offres tab: offers and shop products (CRUD, archive instead of delete, image upload).

The search filters on the browser side (each row carries its lower-case `haystack`), so
typing only sends the query, never the list again.
"""

from __future__ import annotations

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
from afroboost.state.coach.forms import show_form_errors, typed_form
from afroboost.state.coach.uploads import drop_image, rejected_message, store_image

FIELDS = ("name", "description", "kind", "price", "image", "stripe_url", "paypal_url", "twint_url")
TYPED = ("name", "description", "kind", "price", "stripe_url", "paypal_url", "twint_url")  # image: upload only
ERR_FIELDS = (*FIELDS, "general")
MAX_TYPED = 1000


def _blank_form() -> dict[str, str]:
    return typed_form(OfferForm(), FIELDS)


class OffersState(CoachState):
    rows: list[OfferRow] = []
    query: str = ""
    form_open: bool = False
    editing: int = 0
    form: dict[str, str] = _blank_form()
    form_visible: bool = True
    err: dict[str, str] = dict.fromkeys(ERR_FIELDS, "")
    notice: str = ""
    confirm_delete: int = 0
    _saved_image: str = ""  # the image the edited offer already has (uploads differ until saved)

    @rx.var
    def matches(self) -> int:
        q = self.query.lower()
        return sum(1 for r in self.rows if q in r.haystack)

    @rx.event
    async def load(self):
        """on_mount of the tab."""
        self.rows = await run_read(access_offer_rows)

    @rx.event
    def set_query(self, value: str):
        self.query = str(value)[:100]

    # --- form --------------------------------------------------------------------------
    async def _drop_unsaved_upload(self):
        """An image uploaded into the form but never saved is deleted, not left on disk."""
        if self.form.get("image", "") != self._saved_image:
            await drop_image(self.form.get("image", ""))
        self.form["image"] = self._saved_image

    @rx.event
    async def new(self):
        await self._drop_unsaved_upload()
        self.form, self.form_visible, self.editing, self.form_open = _blank_form(), True, 0, True
        self.err, self._saved_image = dict.fromkeys(ERR_FIELDS, ""), ""

    @rx.event
    async def edit(self, offer_id: int):
        try:
            form = await run_read(access_offer_form, offer_id=int(offer_id))
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        await self._drop_unsaved_upload()
        self.form, self.form_visible, self._saved_image = typed_form(form, FIELDS), form.visible, form.image
        self.editing, self.form_open, self.err = int(offer_id), True, dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    def set_field(self, name: str, value: str):
        if name in TYPED:
            self.form[name] = str(value)[:MAX_TYPED]
            self.err[name] = ""

    @rx.event
    def set_visible(self, value: bool):
        self.form_visible = bool(value)

    @rx.event
    async def close_form(self):
        await self._drop_unsaved_upload()
        self.form_open, self.editing = False, 0

    @rx.event
    async def save(self):
        form = OfferForm(**{k: self.form.get(k, "") for k in FIELDS}, visible=self.form_visible)
        try:
            await run_write(do_save_offer, offer_id=self.editing, form=form)
        except ServiceError as e:
            show_form_errors(self, e, ERR_FIELDS)
            return
        if self._saved_image != form.image:
            await drop_image(self._saved_image)  # replaced or removed: the old file goes
        self.form_open, self.editing, self._saved_image = False, 0, ""
        self.rows = await run_read(access_offer_rows)
        return rx.toast.success(texts.OFFER_SAVED)

    # --- image -------------------------------------------------------------------------
    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        """Store the chosen image now; the offer points to it once the form is saved."""
        self.err["image"] = ""
        if not files:
            return
        rel, self.err["image"] = await store_image(files, "offers", max_bytes=MAX_IMAGE_BYTES)
        if not rel:
            return
        await self._drop_unsaved_upload()
        self.form["image"] = rel

    @rx.event
    def image_rejected(self, rejected: list[dict]):
        self.err["image"] = rejected_message(rejected, "offers")

    @rx.event
    async def remove_image(self):
        await self._drop_unsaved_upload()
        self.form["image"], self.err["image"] = "", ""

    # --- delete / archive / restore ------------------------------------------------------
    @rx.event
    def ask_delete(self, offer_id: int):
        self.confirm_delete = int(offer_id)

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    @rx.event
    async def delete(self, offer_id: int):
        self.confirm_delete = 0
        image = next((r.image for r in self.rows if r.id == int(offer_id)), "")
        try:
            outcome = await run_write(do_delete_offer, offer_id=int(offer_id))
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        if outcome == "deleted":
            await drop_image(image)
        if int(offer_id) == self.editing:
            await self._drop_unsaved_upload()
            self.form_open, self.editing, self._saved_image = False, 0, ""
        self.notice = texts.OFFER_ARCHIVED_DONE if outcome == "archived" else ""
        self.rows = await run_read(access_offer_rows)
        return rx.toast.success(texts.OFFER_DELETED) if outcome == "deleted" else None

    @rx.event
    async def restore(self, offer_id: int):
        try:
            await run_write(do_restore_offer, offer_id=int(offer_id))
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        self.notice = ""
        self.rows = await run_read(access_offer_rows)
        return rx.toast.success(texts.OFFER_RESTORED)

    @rx.event
    def close_notice(self):
        self.notice = ""
