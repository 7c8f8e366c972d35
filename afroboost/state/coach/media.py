"""Coach › Médias: video landing pages /v/{slug} (video link, thumbnail, call to action)."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_write
from afroboost.services.content.media import (
    MediaRow,
    MediaView,
    access_media_form,
    access_media_rows,
    check_media,
    do_delete_media,
    do_save_media,
    embed_url,
)
from afroboost.services.forms import FormInvalid
from afroboost.state.auth import CoachState
from afroboost.state.coach.crud import Crud
from afroboost.state.coach.crud_image import ImageField, ImageTab

TYPED = {"slug": 200, "title": 400, "description": 4000, "video_url": 1000, "cta_text": 200, "cta_url": 1000}
CRUD = Crud(access_rows=access_media_rows, id_arg="media_id", do_delete=do_delete_media, deleted=texts.MEDIA_DELETED,
            access_form=access_media_form, blank=MediaView, typed=TYPED, form_fields=(*TYPED, "thumbnail"),
            err_fields=(*TYPED, "image", "general"), saved=texts.MEDIA_SAVED)


class MediasState(ImageTab, CoachState):
    crud: ClassVar[Crud] = CRUD
    crud_image: ClassVar[ImageField] = ImageField("thumbnail", "medias")
    rows: list[MediaRow] = []
    form = CRUD.blank_form()
    err = CRUD.no_errors()

    @rx.var
    def embed(self) -> str:
        """The embed URL of the typed link ("" while it is not a YouTube/Drive link)."""
        return embed_url(self.form.get("video_url", "")) or ""

    async def _write(self) -> None:
        values = {k: self.form.get(k, "") for k in CRUD.form_fields} | {"slug": self.form.get("slug", "").strip()}
        if errors := check_media(**values):  # every refused field at once, before any write
            raise FormInvalid(errors)
        await run_write(do_save_media, media_id=self.editing, **values)
