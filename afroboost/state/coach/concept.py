"""Coach › Concept: the home page's texts, FAQ, hero image and contact details.

What the coach typed stays in the state when a field is refused, so nothing is lost.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.content.concept import (
    MAX_FAQ,
    ConceptForm,
    FaqItem,
    access_concept_form,
    check_concept,
    do_remove_hero_image,
    do_save_concept,
    do_store_hero_image,
)
from afroboost.settings import get_settings
from afroboost.state.auth import CoachState

FIELDS = ("title", "tagline", "pitch", "contact_email", "contact_phone", "contact_address", "instagram_url")
ERROR_FIELDS = (*FIELDS, "hero_image", "faq")
UPLOAD_ID = "concept-hero"
MAX_TYPED = 5000  # anything longer is refused by the checks anyway; keeps the state small


def _faq_row(q: str = "", a: str = "") -> dict[str, str]:
    return {"q": q, "a": a, "err_q": "", "err_a": ""}


class ConceptState(CoachState):
    title: str = ""
    tagline: str = ""
    pitch: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_address: str = ""
    instagram_url: str = ""
    hero_image: str = ""  # path under the upload dir, "" = none
    faq: list[dict[str, str]] = []
    err: dict[str, str] = {k: "" for k in ERROR_FIELDS}
    loaded: bool = False
    saving: bool = False

    def _show(self, form: ConceptForm):
        for name in FIELDS:
            setattr(self, name, getattr(form, name))
        self.hero_image = form.hero_image
        self.faq = [_faq_row(i.q, i.a) for i in form.faq]
        self.err = {k: "" for k in ERROR_FIELDS}

    def _form(self) -> ConceptForm:
        return ConceptForm(**{name: getattr(self, name) for name in FIELDS},
                           faq=[FaqItem(q=row["q"], a=row["a"]) for row in self.faq])

    @rx.event
    async def load(self):
        """on_mount of the tab: the stored concept (empty fields when there is none yet)."""
        self._show(await run_read(access_concept_form))
        self.loaded = True

    @rx.event
    def set_field(self, name: str, value: str):
        if name in FIELDS:
            setattr(self, name, str(value)[:MAX_TYPED])
            self.err[name] = ""

    @rx.event
    def set_faq(self, index: int, key: str, value: str):
        """Edit the question (`q`) or the answer (`a`) of FAQ row `index`."""
        index = int(index)
        if key in ("q", "a") and 0 <= index < len(self.faq):
            self.faq[index][key] = str(value)[:MAX_TYPED]
            self.faq[index]["err_" + key] = ""

    @rx.event
    def add_faq(self):
        if len(self.faq) < MAX_FAQ:
            self.faq.append(_faq_row())
            self.err["faq"] = ""
        else:
            self.err["faq"] = texts.err("faq_too_many")

    @rx.event
    def remove_faq(self, index: int):
        index = int(index)
        if 0 <= index < len(self.faq):
            self.faq.pop(index)
            self.err["faq"] = ""

    @rx.event
    async def save(self):
        """Check every field, show each problem next to its field, store only when all are valid."""
        if self.saving:
            return
        check = check_concept(form=self._form())
        self.err = {k: texts.err(check.errors[k]) if k in check.errors else "" for k in ERROR_FIELDS}
        for i, row in enumerate(self.faq):
            for key in ("q", "a"):
                code = check.errors.get(f"faq.{i}.{key}")
                row["err_" + key] = texts.err(code) if code else ""
        if not check.ok:
            yield rx.toast.error(texts.CONCEPT_FIX)
            return
        self.saving = True
        yield
        try:
            stored = await run_write(do_save_concept, form=self._form())
        except ServiceError as e:  # the service re-checks; same rules, so only a safety net
            self.err[e.field if e.field in self.err else "faq"] = texts.err(e.key, **e.params)
            yield rx.toast.error(texts.CONCEPT_FIX)
            return
        finally:
            self.saving = False
        self._show(stored)  # normalized values: E.164 phone, lower-case email, trimmed texts
        yield rx.toast.success(texts.CONCEPT_SAVED)

    @rx.event
    async def upload_hero(self, files: list[rx.UploadFile]):
        """Store the chosen image (png/jpg/webp, 5 MB max) and make it the home page's hero."""
        self.err["hero_image"] = ""
        if not files:
            self.err["hero_image"] = texts.err("image_missing")
            return
        upload = files[0]
        limit = get_settings().uploads_max_bytes
        # Read one byte past the limit: enough to refuse a big file without loading all of it.
        data = await upload.read(limit + 1)
        try:
            self.hero_image = await run_write(do_store_hero_image, upload_dir=rx.get_upload_dir(),
                                              filename=upload.name or "", data=data)
        except ServiceError as e:
            self.err["hero_image"] = texts.err(e.key, **e.params)
            return rx.clear_selected_files(UPLOAD_ID)
        return [rx.clear_selected_files(UPLOAD_ID), rx.toast.success(texts.CONCEPT_HERO_SAVED)]

    @rx.event
    async def remove_hero(self):
        await run_write(do_remove_hero_image, upload_dir=rx.get_upload_dir())
        self.hero_image = ""
        self.err["hero_image"] = ""
        return rx.toast.success(texts.CONCEPT_HERO_REMOVED)
