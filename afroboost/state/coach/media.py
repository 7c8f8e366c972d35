"""Coach › Médias: video landing pages /v/{slug} (video link, thumbnail, call to action)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.content.media import (
    MediaRow,
    access_media_form,
    access_media_rows,
    check_media,
    do_delete_media,
    do_save_media,
    embed_url,
)
from afroboost.state.auth import CoachState
from afroboost.state.coach.forms import (
    ask_delete_row,
    close_after_save,
    close_on_error,
    delete_content,
    keep_row,
    open_editor,
    remove_upload,
    show_check_errors,
    show_save_error,
    take_upload,
)
from afroboost.state.coach.uploads import drop_image, rejected_message

FIELDS = ("slug", "title", "description", "video_url", "image", "cta_text", "cta_url", "general")
TEXT_FIELDS = {"slug": 200, "title": 400, "description": 4000, "video_url": 1000, "cta_text": 200, "cta_url": 1000}


def _no_errors() -> dict[str, str]:
    return {k: "" for k in FIELDS}


class MediasState(CoachState):
    rows: list[MediaRow] = []
    editing: bool = False
    edit_id: int = 0
    slug: str = ""
    title: str = ""
    description: str = ""
    video_url: str = ""
    thumbnail: str = ""
    cta_text: str = ""
    cta_url: str = ""
    err: dict[str, str] = _no_errors()
    deleting_id: int = 0
    deleting_title: str = ""
    _saved_thumb: str = ""

    @rx.var
    def embed(self) -> str:
        """The embed URL of the typed link ("" while it is not a YouTube/Drive link)."""
        return embed_url(self.video_url) or ""

    def _fill(self, *, edit_id=0, slug="", title="", description="", video_url="", thumbnail="", cta_text="",
              cta_url=""):
        self.edit_id, self.slug, self.title, self.description = edit_id, slug, title, description
        self.video_url, self.thumbnail, self.cta_text, self.cta_url = video_url, thumbnail, cta_text, cta_url
        self._saved_thumb, self.err = thumbnail, _no_errors()

    async def _drop_unsaved_upload(self):
        if self.thumbnail and self.thumbnail != self._saved_thumb:
            await drop_image(self.thumbnail)

    @rx.event
    async def load(self):
        """Called when the tab opens."""
        self.rows = await run_read(access_media_rows)

    @rx.event
    async def new(self):
        await open_editor(self, True)

    @rx.event
    async def edit(self, media_id: int):
        await self._drop_unsaved_upload()
        try:
            v = await run_read(access_media_form, media_id=int(media_id))
        except ServiceError as e:
            return await close_on_error(self, e, access_media_rows)
        self._fill(edit_id=v.id, slug=v.slug, title=v.title, description=v.description, video_url=v.video_url,
                   thumbnail=v.thumbnail, cta_text=v.cta_text, cta_url=v.cta_url)
        self.editing = True

    @rx.event
    async def cancel(self):
        await open_editor(self, False)

    @rx.event
    def set_field(self, name: str, value: str):
        """One handler for the text inputs; only the known fields can be set."""
        if name in TEXT_FIELDS:
            setattr(self, name, str(value)[:TEXT_FIELDS[name]])
            self.err[name] = ""

    @rx.event
    def image_rejected(self, rejected: list[dict]):
        self.err["image"] = rejected_message(rejected)

    @rx.event
    async def upload_thumbnail(self, files: list[rx.UploadFile]):
        await take_upload(self, files, "medias", "thumbnail")

    @rx.event
    async def remove_thumbnail(self):
        await remove_upload(self, "thumbnail")

    @rx.event
    async def save(self):
        values = dict(slug=self.slug.strip(), title=self.title, description=self.description,
                      video_url=self.video_url, thumbnail=self.thumbnail, cta_text=self.cta_text,
                      cta_url=self.cta_url)
        if not show_check_errors(self, check_media(**values), FIELDS):
            return
        try:
            _, old_thumb = await run_write(do_save_media, media_id=self.edit_id, **values)
        except ServiceError as e:
            show_save_error(self, e)
            return
        return await close_after_save(self, old_thumb, access_media_rows, texts.MEDIA_SAVED)

    @rx.event
    def ask_delete(self, media_id: int):
        ask_delete_row(self, media_id)

    @rx.event
    def keep(self):
        keep_row(self)

    @rx.event
    async def delete(self):
        return await delete_content(self, do_delete_media, "media_id", access_media_rows, texts.MEDIA_DELETED)
