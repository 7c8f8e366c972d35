"""Coach › 📰 Articles: the list (internal scroll) and the editor (Markdown, cover, publish)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.coach.content_fields import delete_confirm, image_picker, labelled, text_input
from afroboost.components.content_md import safe_markdown_view
from afroboost.components.layout import MUTED, card, field_error, neon_button
from afroboost.services.content_articles import ArticleRow
from afroboost.state.articles_coach import ArticlesState as S


def article_row(r: ArticleRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.text(r.title, weight="bold", size="3", data_testid="art-row-title"),
                rx.hstack(
                    rx.badge(rx.cond(r.published, texts.ART_PUBLISHED, texts.ART_DRAFT),
                             color_scheme=rx.cond(r.published, "green", "gray"), data_testid="art-row-status"),
                    rx.text(r.date, color=MUTED, size="1"),
                    rx.text("/articles/" + r.slug, color=MUTED, size="1", overflow_wrap="anywhere"),
                    spacing="2", align="center", wrap="wrap",
                ),
                spacing="1", align="start", min_width="0",
            ),
            rx.spacer(),
            rx.hstack(
                rx.cond(r.published, rx.el.a(rx.button(texts.CONTENT_VIEW, variant="soft", size="1"),
                                             href="/articles/" + r.slug, target="_blank", rel="noopener")),
                rx.button(texts.CONTENT_EDIT, variant="soft", size="1", on_click=S.edit(r.id),
                          data_testid="art-edit"),
                rx.button(texts.CONTENT_DELETE, variant="outline", color_scheme="red", size="1",
                          on_click=S.ask_delete(r.id), data_testid="art-delete"),
                spacing="2", flex_shrink="0",
            ),
            width="100%", align="center", wrap="wrap", spacing="2",
        ),
        rx.cond(S.deleting_id == r.id, delete_confirm(S.deleting_title, S.delete, S.keep, "art-delete")),
        width="100%", padding="0.75em 1em", border_bottom="1px solid rgba(255,255,255,0.06)",
        data_testid="art-row",
    )


def body_field() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(texts.ART_BODY, size="2", weight="medium", as_="label"),
            rx.spacer(),
            rx.button(texts.ART_PREVIEW, variant=rx.cond(S.preview, "solid", "soft"), size="1",
                      on_click=S.toggle_preview, data_testid="art-preview-toggle"),
            width="100%", align="center",
        ),
        rx.text_area(value=S.body_md, on_change=S.set_body, rows="12", width="100%", resize="vertical",
                     font_family="ui-monospace, monospace", data_testid="art-input-body"),
        rx.text(texts.ART_BODY_HINT, size="1", color=MUTED),
        field_error(S.err["body_md"], "art-body-error"),
        rx.cond(S.preview, card(safe_markdown_view(S.body_preview), data_testid="art-preview")),
        spacing="1", width="100%", align="start",
    )


def article_form() -> rx.Component:
    return card(
        rx.vstack(
            rx.heading(rx.cond(S.edit_id == 0, texts.ART_FORM_NEW, texts.ART_FORM_EDIT), size="4"),
            rx.grid(
                labelled(texts.CONTENT_TITLE, text_input(S.title, S.set_title, "art-input-title"),
                         S.err["title"], "art-title"),
                labelled(texts.CONTENT_SLUG, text_input(S.slug, S.set_slug, "art-input-slug"),
                         S.err["slug"], "art-slug", hint=texts.ART_SLUG_HINT),
                columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
            ),
            labelled(texts.ART_SUMMARY, rx.text_area(value=S.summary, on_change=S.set_summary, rows="3",
                                                     width="100%", data_testid="art-input-summary"),
                     S.err["summary"], "art-summary", hint=texts.ART_SUMMARY_HINT),
            body_field(),
            image_picker(texts.ART_COVER, "art-cover", S.cover_image, S.err["image"], S.upload_cover,
                         S.image_rejected, S.remove_cover, "art-cover"),
            rx.hstack(
                rx.switch(checked=S.published, on_change=S.set_published, data_testid="art-input-published"),
                rx.text(texts.ART_PUBLISH, size="2"),
                align="center", spacing="2",
            ),
            field_error(S.err["general"], "art-general-error"),
            rx.hstack(
                neon_button(texts.CONTENT_SAVE, on_click=S.save, data_testid="art-save"),
                rx.button(texts.CONTENT_CANCEL, variant="outline", size="3", on_click=S.cancel,
                          data_testid="art-cancel"),
                spacing="3", wrap="wrap",
            ),
            spacing="4", width="100%", align="start",
        ),
        data_testid="art-form",
    )


def articles_tab() -> rx.Component:
    return tab_panel(
        texts.ART_TAB,
        rx.cond(~S.editing, rx.hstack(neon_button(texts.ART_NEW, size="2", on_click=S.new, data_testid="art-new"))),
        rx.cond(S.editing, article_form()),
        scroll_box(
            rx.cond(S.rows.length() == 0, rx.text(texts.ART_EMPTY, color=MUTED, padding="1em"),
                    rx.foreach(S.rows, article_row)),
            max_height="500px", data_testid="art-list",
        ),
        on_mount=S.load, data_testid="panel-articles",
    )
