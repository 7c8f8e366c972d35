"""Coach › Articles: list, create, edit (Markdown + cover image), publish, delete."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.content.articles import (
    ArticleRow,
    access_article_form,
    access_article_rows,
    check_article,
    do_delete_article,
    do_save_article,
    safe_markdown,
    slugify,
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

FIELDS = ("title", "slug", "summary", "body_md", "image", "general")


def _no_errors() -> dict[str, str]:
    return {k: "" for k in FIELDS}


class ArticlesState(CoachState):
    rows: list[ArticleRow] = []
    editing: bool = False
    edit_id: int = 0
    title: str = ""
    slug: str = ""
    slug_auto: bool = True  # the slug follows the title until the coach edits it
    summary: str = ""
    body_md: str = ""
    cover_image: str = ""
    published: bool = False
    preview: bool = False
    err: dict[str, str] = _no_errors()
    deleting_id: int = 0
    deleting_title: str = ""
    _saved_cover: str = ""  # the cover stored in the DB for the article being edited

    @rx.var
    def body_preview(self) -> str:
        return safe_markdown(self.body_md) if self.preview else ""

    def _fill(self, *, edit_id=0, title="", slug="", summary="", body_md="", cover_image="", published=False):
        self.edit_id, self.title, self.slug, self.summary = edit_id, title, slug, summary
        self.body_md, self.cover_image, self.published = body_md, cover_image, published
        self._saved_cover, self.slug_auto, self.preview = cover_image, not slug, False
        self.err = _no_errors()

    async def _drop_unsaved_upload(self):
        if self.cover_image and self.cover_image != self._saved_cover:
            await drop_image(self.cover_image)

    @rx.event
    async def load(self):
        """Called when the tab opens."""
        self.rows = await run_read(access_article_rows)

    @rx.event
    async def new(self):
        await open_editor(self, True)

    @rx.event
    async def edit(self, article_id: int):
        await self._drop_unsaved_upload()
        try:
            form = await run_read(access_article_form, article_id=int(article_id))
        except ServiceError as e:
            return await close_on_error(self, e, access_article_rows)
        self._fill(edit_id=form.id, title=form.title, slug=form.slug, summary=form.summary,
                   body_md=form.body_md, cover_image=form.cover_image, published=form.published)
        self.editing = True

    @rx.event
    async def cancel(self):
        await open_editor(self, False)

    @rx.event
    def set_title(self, value: str):
        self.title, self.err["title"] = str(value)[:400], ""
        if self.slug_auto:
            self.slug, self.err["slug"] = slugify(self.title), ""

    @rx.event
    def set_slug(self, value: str):
        self.slug, self.err["slug"] = str(value)[:240], ""
        self.slug_auto = self.slug == ""

    @rx.event
    def set_summary(self, value: str):
        self.summary, self.err["summary"] = str(value)[:1000], ""

    @rx.event
    def set_body(self, value: str):
        self.body_md, self.err["body_md"] = str(value)[:200_000], ""

    @rx.event
    def set_published(self, value: bool):
        self.published = bool(value)

    @rx.event
    def toggle_preview(self):
        self.preview = not self.preview

    @rx.event
    def image_rejected(self, rejected: list[dict]):
        self.err["image"] = rejected_message(rejected)

    @rx.event
    async def upload_cover(self, files: list[rx.UploadFile]):
        await take_upload(self, files, "articles", "cover_image")

    @rx.event
    async def remove_cover(self):
        await remove_upload(self, "cover_image")

    @rx.event
    async def save(self):
        errors = check_article(title=self.title, slug=self.slug.strip(), summary=self.summary, body_md=self.body_md,
                               cover_image=self.cover_image)
        if not show_check_errors(self, errors, FIELDS):
            return
        try:
            _, old_cover = await run_write(
                do_save_article, article_id=self.edit_id, title=self.title, slug=self.slug.strip(),
                summary=self.summary, body_md=self.body_md, cover_image=self.cover_image, published=self.published)
        except ServiceError as e:
            show_save_error(self, e)
            return
        return await close_after_save(self, old_cover, access_article_rows, texts.ART_SAVED)

    @rx.event
    def ask_delete(self, article_id: int):
        ask_delete_row(self, article_id)

    @rx.event
    def keep(self):
        keep_row(self)

    @rx.event
    async def delete(self):
        return await delete_content(self, do_delete_article, "article_id", access_article_rows, texts.ART_DELETED)
