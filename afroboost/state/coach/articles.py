"""Coach › Articles: list, create, edit (Markdown + cover image), publish, delete."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_write
from afroboost.services.content.articles import (
    ArticleForm,
    ArticleRow,
    access_article_form,
    access_article_rows,
    check_article,
    do_delete_article,
    do_save_article,
    safe_markdown,
    slugify,
)
from afroboost.services.forms import FormInvalid
from afroboost.state.auth import CoachState
from afroboost.state.coach.crud import Crud, as_text
from afroboost.state.coach.crud_image import ImageField, ImageTab

CRUD = Crud(access_rows=access_article_rows, id_arg="article_id", do_delete=do_delete_article,
            deleted=texts.ART_DELETED, access_form=access_article_form, blank=ArticleForm,
            typed={"title": 400, "slug": 240, "summary": 1000, "body_md": 200_000},
            form_fields=("title", "slug", "summary", "body_md", "cover_image"),
            err_fields=("title", "slug", "summary", "body_md", "image", "general"), saved=texts.ART_SAVED)


class ArticlesState(ImageTab, CoachState):
    crud: ClassVar[Crud] = CRUD
    crud_image: ClassVar[ImageField] = ImageField("cover_image", "articles")
    rows: list[ArticleRow] = []
    form = CRUD.blank_form()
    err = CRUD.no_errors()
    slug_auto: bool = True  # the slug follows the title until the coach edits it
    published: bool = False
    preview: bool = False

    @rx.var
    def body_preview(self) -> str:
        return safe_markdown(self.form.get("body_md", "")) if self.preview else ""

    def _filled(self, form: ArticleForm) -> None:
        super()._filled(form)
        self.published, self.slug_auto, self.preview = form.published, not form.slug, False

    async def _write(self) -> None:
        values = {k: self.form.get(k, "") for k in CRUD.form_fields} | {"slug": self.form.get("slug", "").strip()}
        if errors := check_article(**values):  # every refused field at once, before any write
            raise FormInvalid(errors)
        await run_write(do_save_article, article_id=self.editing, **values, published=self.published)

    @rx.event
    def set_title(self, value: str):
        self.form["title"], self.err["title"] = as_text(value, 400), ""
        if self.slug_auto:
            self.form["slug"], self.err["slug"] = slugify(self.form["title"]), ""

    @rx.event
    def set_slug(self, value: str):
        self.form["slug"], self.err["slug"] = as_text(value, 240), ""
        self.slug_auto = self.form["slug"] == ""

    @rx.event
    def set_published(self, value: bool):
        self.published = bool(value)

    @rx.event
    def toggle_preview(self):
        self.preview = not self.preview
