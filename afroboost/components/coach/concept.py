"""Concept tab: the home page's texts, hero image, FAQ and contact details."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import tab_panel
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button
from afroboost.state.coach.concept import UPLOAD_ID
from afroboost.state.coach.concept import ConceptState as C
from afroboost.state.coach.tabs import register_tab

IMAGE_TYPES = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"]}


def _label(text: str) -> rx.Component:
    return rx.text(text, size="2", weight="medium", as_="label")


def field(label: str, name: str, hint: str = "", kind: str = "text", area: bool = False) -> rx.Component:
    """One labelled input bound to ConceptState.<name>, with its error right under it."""
    props = dict(value=getattr(C, name), on_change=lambda v: C.set_field(name, v), width="100%",
                 data_testid=f"concept-{name}")
    control = rx.text_area(rows="6", resize="vertical", **props) if area else rx.input(
        type=kind, size="3", placeholder=hint, **props)
    return rx.vstack(
        _label(label), control,
        field_error(C.err[name], f"concept-error-{name}"),
        spacing="1", width="100%", align="start",
    )


def section(title: str, *children, **props) -> rx.Component:
    return card(rx.vstack(rx.heading(title, size="4"), *children, spacing="3", width="100%", align="start"),
                **props)


def hero_block() -> rx.Component:
    return section(
        texts.CONCEPT_HERO,
        rx.text(texts.CONCEPT_HERO_HINT, size="2", color=MUTED),
        rx.cond(
            C.hero_image != "",
            rx.image(src=rx.get_upload_url(C.hero_image), alt=texts.CONCEPT_HERO, width="100%",
                     max_width="420px", max_height="240px", object_fit="cover", border_radius="12px",
                     data_testid="concept-hero-preview"),
            rx.text(texts.CONCEPT_HERO_NONE, size="2", color=MUTED, data_testid="concept-hero-none"),
        ),
        rx.upload(
            rx.vstack(rx.icon("image-up", size=28, color=PINK),
                      rx.text(texts.CONCEPT_HERO_DROP, size="2", text_align="center"),
                      rx.foreach(rx.selected_files(UPLOAD_ID), lambda f: rx.text(f, size="1", color=PINK)),
                      align="center", spacing="1"),
            id=UPLOAD_ID, accept=IMAGE_TYPES, max_files=1, multiple=False, width="100%", padding="1em",
            border="1px dashed rgba(139,92,246,0.6)", border_radius="12px", cursor="pointer",
            data_testid="concept-hero-drop",
        ),
        rx.flex(
            neon_button(texts.CONCEPT_HERO_UPLOAD, size="2", data_testid="concept-hero-upload",
                        on_click=C.upload_hero(rx.upload_files(upload_id=UPLOAD_ID))),
            rx.cond(C.hero_image != "", rx.button(texts.CONCEPT_HERO_REMOVE, variant="outline", size="2",
                                                  color_scheme="gray", on_click=C.remove_hero,
                                                  data_testid="concept-hero-remove")),
            spacing="2", wrap="wrap",
        ),
        field_error(C.err["hero_image"], "concept-error-hero_image"),
    )


def faq_row(row: rx.Var, index: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(texts.CONCEPT_FAQ_QUESTION + " " + (index + 1).to_string(), size="2", weight="bold"),
            rx.spacer(),
            rx.button(texts.CONCEPT_FAQ_REMOVE, variant="ghost", size="1", color_scheme="red",
                      on_click=C.remove_faq(index), data_testid="faq-remove"),
            width="100%", align="center",
        ),
        rx.input(value=row["q"], on_change=lambda v: C.set_faq(index, "q", v), size="2", width="100%",
                 placeholder=texts.CONCEPT_FAQ_QUESTION, data_testid="faq-q"),
        field_error(row["err_q"], "faq-error-q"),
        rx.text_area(value=row["a"], on_change=lambda v: C.set_faq(index, "a", v), rows="3", width="100%",
                     placeholder=texts.CONCEPT_FAQ_ANSWER, resize="vertical", data_testid="faq-a"),
        field_error(row["err_a"], "faq-error-a"),
        spacing="1", width="100%", align="start", padding_bottom="0.75em",
        border_bottom="1px solid rgba(255,255,255,0.08)", data_testid="faq-row",
    )


def faq_block() -> rx.Component:
    return section(
        texts.CONCEPT_FAQ,
        rx.cond(C.faq.length() == 0, rx.text(texts.CONCEPT_FAQ_EMPTY, size="2", color=MUTED)),
        rx.foreach(C.faq, faq_row),
        rx.button(texts.CONCEPT_FAQ_ADD, variant="soft", size="2", on_click=C.add_faq, data_testid="faq-add"),
        field_error(C.err["faq"], "concept-error-faq"),
    )


@register_tab("concept", texts.CONCEPT_TAB, 30, C)
def concept_tab() -> rx.Component:
    return tab_panel(
        texts.CONCEPT_TITLE,
        rx.text(texts.CONCEPT_PITCH, size="2", color=MUTED),
        rx.grid(
            rx.vstack(
                section(texts.CONCEPT_TEXTS,
                        field(texts.CONCEPT_FIELD_TITLE, "title", texts.HERO_TITLE),
                        field(texts.CONCEPT_FIELD_TAGLINE, "tagline", texts.TAGLINE),
                        field(texts.CONCEPT_FIELD_PITCH, "pitch", area=True)),
                faq_block(),
                spacing="4", width="100%",
            ),
            rx.vstack(
                hero_block(),
                section(texts.CONCEPT_CONTACT,
                        field(texts.CONTACT_EMAIL, "contact_email", texts.CONCEPT_EMAIL_HINT, kind="email"),
                        field(texts.CONTACT_PHONE, "contact_phone", texts.CONCEPT_PHONE_HINT, kind="tel"),
                        field(texts.CONTACT_ADDRESS, "contact_address"),
                        field(texts.CONTACT_INSTAGRAM, "instagram_url", texts.CONCEPT_INSTAGRAM_HINT, kind="url")),
                spacing="4", width="100%",
            ),
            columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
        ),
        rx.box(
            neon_button(texts.CONCEPT_SAVE, on_click=C.save, loading=C.saving, width="100%",
                        data_testid="concept-save"),
            position="sticky", bottom="0", width="100%", padding_y="0.75em", background="rgba(0,0,0,0.85)",
            z_index="5",
        ),
        on_mount=C.load, data_testid="concept-tab",
    )
