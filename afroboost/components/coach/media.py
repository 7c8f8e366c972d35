"""Coach › 🎬 Médias: video landing pages /v/{slug} (list with internal scroll, editor)."""

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
from afroboost.components.theme import MUTED
from afroboost.services.content.media import MediaRow
from afroboost.state.coach.media import MediasState as S
from afroboost.state.coach.tabs import register_tab


def media_row(r: MediaRow) -> rx.Component:
    meta = [rx.badge(r.kind, color_scheme="purple"),
            rx.text("/v/" + r.slug, color=MUTED, size="1", overflow_wrap="anywhere")]
    return content_row(S, r, "media", meta, view_link("/v/" + r.slug))


def field(label: str, name: str, placeholder: str = "", hint: str = "", **props) -> rx.Component:
    return labelled(label, text_input(S.form[name], lambda v: S.set_field(name, v), f"media-input-{name}",
                                      placeholder, **props),
                    S.err[name], f"media-{name}", hint=hint)


def video_field() -> rx.Component:
    return rx.vstack(
        field(texts.MEDIA_VIDEO, "video_url", "https://youtu.be/…", texts.MEDIA_VIDEO_HINT, type="url"),
        rx.cond(S.embed != "", rx.text(texts.MEDIA_VIDEO_OK, color="#4ade80", size="1", data_testid="media-video-ok")),
        spacing="1", width="100%",
    )


def media_form() -> rx.Component:
    return content_form(
        S, "media", texts.MEDIA_FORM_NEW, texts.MEDIA_FORM_EDIT,
        rx.grid(
            field(texts.CONTENT_TITLE, "title"),
            field(texts.CONTENT_SLUG, "slug", "ma-video", texts.MEDIA_SLUG_HINT),
            columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
        ),
        labelled(texts.MEDIA_DESCRIPTION,
                 rx.text_area(value=S.form["description"], on_change=lambda v: S.set_field("description", v), rows="3",
                              width="100%", data_testid="media-input-description"),
                 S.err["description"], "media-description"),
        video_field(),
        image_picker(texts.MEDIA_THUMBNAIL, "media-thumb", S.form["thumbnail"], S.err["image"], S.upload_image,
                     S.image_rejected, S.remove_image, "media-thumb"),
        rx.grid(
            field(texts.MEDIA_CTA_TEXT, "cta_text", texts.MEDIA_CTA_PLACEHOLDER),
            field(texts.MEDIA_CTA_URL, "cta_url", "https://…", texts.MEDIA_CTA_HINT, type="url"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
        ),
    )


@register_tab("medias", texts.MEDIA_TAB, 100, S)
def medias_tab() -> rx.Component:
    return content_tab(S, "media", texts.MEDIA_TAB, texts.MEDIA_NEW, texts.MEDIA_EMPTY, media_form(), media_row,
                       "panel-medias")
