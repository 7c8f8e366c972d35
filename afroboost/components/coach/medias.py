"""Coach › 🎬 Médias: video landing pages /v/{slug} (list with internal scroll, editor)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.coach.content_fields import delete_confirm, image_picker, labelled, text_input
from afroboost.components.layout import MUTED, card, field_error, neon_button
from afroboost.services.content_media import MediaRow
from afroboost.state.medias_coach import MediasState as S


def media_row(r: MediaRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.text(r.title, weight="bold", size="3", data_testid="media-row-title"),
                rx.hstack(
                    rx.badge(r.kind, color_scheme="purple"),
                    rx.text("/v/" + r.slug, color=MUTED, size="1", overflow_wrap="anywhere"),
                    spacing="2", align="center", wrap="wrap",
                ),
                spacing="1", align="start", min_width="0",
            ),
            rx.spacer(),
            rx.hstack(
                rx.el.a(rx.button(texts.CONTENT_VIEW, variant="soft", size="1"), href="/v/" + r.slug,
                        target="_blank", rel="noopener"),
                rx.button(texts.CONTENT_EDIT, variant="soft", size="1", on_click=S.edit(r.id),
                          data_testid="media-edit"),
                rx.button(texts.CONTENT_DELETE, variant="outline", color_scheme="red", size="1",
                          on_click=S.ask_delete(r.id), data_testid="media-delete"),
                spacing="2", flex_shrink="0",
            ),
            width="100%", align="center", wrap="wrap", spacing="2",
        ),
        rx.cond(S.deleting_id == r.id, delete_confirm(S.deleting_title, S.delete, S.keep, "media-delete")),
        width="100%", padding="0.75em 1em", border_bottom="1px solid rgba(255,255,255,0.06)",
        data_testid="media-row",
    )


def field(label: str, name: str, placeholder: str = "", hint: str = "", **props) -> rx.Component:
    return labelled(label, text_input(getattr(S, name), lambda v: S.set_field(name, v), f"media-input-{name}",
                                      placeholder, **props),
                    S.err[name], f"media-{name}", hint=hint)


def video_field() -> rx.Component:
    return rx.vstack(
        field(texts.MEDIA_VIDEO, "video_url", "https://youtu.be/…", texts.MEDIA_VIDEO_HINT, type="url"),
        rx.cond(S.embed != "", rx.text(texts.MEDIA_VIDEO_OK, color="#4ade80", size="1", data_testid="media-video-ok")),
        spacing="1", width="100%",
    )


def media_form() -> rx.Component:
    return card(
        rx.vstack(
            rx.heading(rx.cond(S.edit_id == 0, texts.MEDIA_FORM_NEW, texts.MEDIA_FORM_EDIT), size="4"),
            rx.grid(
                field(texts.CONTENT_TITLE, "title"),
                field(texts.CONTENT_SLUG, "slug", "ma-video", texts.MEDIA_SLUG_HINT),
                columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
            ),
            labelled(texts.MEDIA_DESCRIPTION,
                     rx.text_area(value=S.description, on_change=lambda v: S.set_field("description", v), rows="3",
                                  width="100%", data_testid="media-input-description"),
                     S.err["description"], "media-description"),
            video_field(),
            image_picker(texts.MEDIA_THUMBNAIL, "media-thumb", S.thumbnail, S.err["image"], S.upload_thumbnail,
                         S.image_rejected, S.remove_thumbnail, "media-thumb"),
            rx.grid(
                field(texts.MEDIA_CTA_TEXT, "cta_text", "Réserver mon casque"),
                field(texts.MEDIA_CTA_URL, "cta_url", "https://…", texts.MEDIA_CTA_HINT, type="url"),
                columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
            ),
            field_error(S.err["general"], "media-general-error"),
            rx.hstack(
                neon_button(texts.CONTENT_SAVE, on_click=S.save, data_testid="media-save"),
                rx.button(texts.CONTENT_CANCEL, variant="outline", size="3", on_click=S.cancel,
                          data_testid="media-cancel"),
                spacing="3", wrap="wrap",
            ),
            spacing="4", width="100%", align="start",
        ),
        data_testid="media-form",
    )


def medias_tab() -> rx.Component:
    return tab_panel(
        texts.MEDIA_TAB,
        rx.cond(~S.editing, rx.hstack(neon_button(texts.MEDIA_NEW, size="2", on_click=S.new,
                                                  data_testid="media-new"))),
        rx.cond(S.editing, media_form()),
        scroll_box(
            rx.cond(S.rows.length() == 0, rx.text(texts.MEDIA_EMPTY, color=MUTED, padding="1em"),
                    rx.foreach(S.rows, media_row)),
            max_height="500px", data_testid="media-list",
        ),
        on_mount=S.load, data_testid="panel-medias",
    )
