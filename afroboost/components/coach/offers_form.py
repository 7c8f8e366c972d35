"""Offres tab: the offer / product form (price in CHF, type, visibility, image, payment links)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.form_kit import (
    area_field,
    fields_row,
    form_card,
    image_drop,
    labelled,
    select_field,
    switch_field,
    text_field,
)
from afroboost.components.theme import MUTED
from afroboost.state.coach.offers import OffersState as S

KIND_OPTIONS = list(texts.OFFER_KIND_LABELS.items())
UPLOAD_ID = "offer-image"


def _field(label: str, name: str, hint: str = "", **props) -> rx.Component:
    return text_field(label, S.form[name], lambda v: S.set_field(name, v), S.err[name], f"offer-{name}", hint,
                      **props)


def image_field() -> rx.Component:
    preview = rx.cond(
        S.form["image"] != "",
        rx.hstack(
            rx.image(src=rx.get_upload_url(S.form["image"]), alt=texts.OFFER_IMAGE, max_height="96px",
                     max_width="160px", border_radius="10px", object_fit="cover", data_testid="offer-image-preview"),
            rx.button(texts.OFFER_IMAGE_REMOVE, size="1", variant="outline", color_scheme="gray",
                      on_click=S.remove_image, data_testid="offer-image-remove"),
            align="end", spacing="3", wrap="wrap",
        ),
    )
    control = rx.vstack(preview, image_drop(UPLOAD_ID, S.upload_image, S.image_rejected, "offer-image-drop"),
                        spacing="2", width="100%")
    return labelled(texts.OFFER_IMAGE, control, S.err["image"], "offer-image")


def links_fields() -> rx.Component:
    return rx.vstack(
        rx.text(texts.OFFER_LINKS, weight="bold", size="2"),
        rx.text(texts.PAYMENTS_LINKS_HINT, size="1", color=MUTED),
        fields_row(*[_field(texts.LINK_LABELS[f], f, placeholder="https://…", type="url")
                     for f in ("twint_url", "stripe_url", "paypal_url")]),
        spacing="1", width="100%", align="start",
    )


def offer_form() -> rx.Component:
    return form_card(
        rx.cond(S.editing == 0, texts.OFFER_NEW_TITLE, texts.OFFER_EDIT_TITLE),
        fields_row(_field(texts.OFFER_NAME, "name", wide=True)),
        fields_row(
            select_field(texts.OFFER_KIND, KIND_OPTIONS, S.form["kind"], lambda v: S.set_field("kind", v),
                         S.err["kind"], "offer-kind"),
            _field(texts.OFFER_PRICE, "price", texts.OFFER_PRICE_HINT, input_mode="decimal", placeholder="25"),
        ),
        switch_field(texts.OFFER_VISIBLE, S.form_visible, S.set_visible, "offer-visible"),
        area_field(texts.OFFER_DESCRIPTION, S.form["description"], lambda v: S.set_field("description", v),
                   S.err["description"], "offer-description"),
        image_field(),
        links_fields(),
        on_save=S.save, on_cancel=S.close_form, general=S.err["general"], test_id="offer",
    )
