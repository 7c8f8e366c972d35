"""Coach › 📰 Articles: the list (internal scroll) and the editor (Markdown, cover, publish)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.content_fields import (
    content_form,
    content_row,
    content_tab,
    image_picker,
    labelled,
    text_input,
    view_link,
)
from afroboost.components.content_md import safe_markdown_view
from afroboost.components.theme import MUTED, card, field_error
from afroboost.services.content.articles import ArticleRow
from afroboost.state.coach.articles import ArticlesState as S
from afroboost.state.coach.tabs import register_tab


def article_row(r: ArticleRow) -> rx.Component:
    status = rx.badge(rx.cond(r.published, texts.ART_PUBLISHED, texts.ART_DRAFT),
                      color_scheme=rx.cond(r.published, "green", "gray"), data_testid="art-row-status")
    meta = [status, rx.text(r.date, color=MUTED, size="1"),
            rx.text("/articles/" + r.slug, color=MUTED, size="1", overflow_wrap="anywhere")]
    return content_row(S, r, "art", meta, rx.cond(r.published, view_link("/articles/" + r.slug)))


def body_field() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(texts.ART_BODY, size="2", weight="medium", as_="label"),
            rx.spacer(),
            rx.button(texts.ART_PREVIEW, variant=rx.cond(S.preview, "solid", "soft"), size="1",
                      on_click=S.toggle_preview, data_testid="art-preview-toggle"),
            width="100%", align="center",
        ),
        rx.text_area(value=S.form["body_md"], on_change=lambda v: S.set_field("body_md", v), rows="12",
                     width="100%", resize="vertical",
                     font_family="ui-monospace, monospace", data_testid="art-input-body"),
        rx.text(texts.ART_BODY_HINT, size="1", color=MUTED),
        field_error(S.err["body_md"], "art-body-error"),
        rx.cond(S.preview, card(safe_markdown_view(S.body_preview), data_testid="art-preview")),
        spacing="1", width="100%", align="start",
    )


def article_form() -> rx.Component:
    return content_form(
        S, "art", texts.ART_FORM_NEW, texts.ART_FORM_EDIT,
        rx.grid(
            labelled(texts.CONTENT_TITLE, text_input(S.form["title"], S.set_title, "art-input-title"),
                     S.err["title"], "art-title"),
            labelled(texts.CONTENT_SLUG, text_input(S.form["slug"], S.set_slug, "art-input-slug"),
                     S.err["slug"], "art-slug", hint=texts.ART_SLUG_HINT),
            columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
        ),
        labelled(texts.ART_SUMMARY, rx.text_area(value=S.form["summary"], on_change=lambda v: S.set_field("summary", v),
                                                 rows="3", width="100%", data_testid="art-input-summary"),
                 S.err["summary"], "art-summary", hint=texts.ART_SUMMARY_HINT),
        body_field(),
        image_picker(texts.ART_COVER, "art-cover", S.form["cover_image"], S.err["image"], S.upload_image,
                     S.image_rejected, S.remove_image, "art-cover"),
        rx.hstack(
            rx.switch(checked=S.published, on_change=S.set_published, data_testid="art-input-published"),
            rx.text(texts.ART_PUBLISH, size="2"),
            align="center", spacing="2",
        ),
    )


@register_tab("articles", texts.ART_TAB, 90, S)
def articles_tab() -> rx.Component:
    return content_tab(S, "art", texts.ART_TAB, texts.ART_NEW, texts.ART_EMPTY, article_form(), article_row,
                       "panel-articles")
