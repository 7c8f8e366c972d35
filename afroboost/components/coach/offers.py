"""Offres tab: offers and shop products — instant local search, list with internal scroll."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import searchable_tab
from afroboost.components.coach.form_kit import edit_button, row_actions, row_box, trash_button
from afroboost.components.coach.offers_form import offer_form
from afroboost.components.theme import MUTED, PINK, VIOLET
from afroboost.services.catalog.offers import OfferRow
from afroboost.state.coach.offers import OffersState as S
from afroboost.state.coach.tabs import register_tab


def thumb(o: OfferRow) -> rx.Component:
    return rx.cond(
        o.image != "",
        rx.image(src=rx.get_upload_url(o.image), alt=o.name, width="56px", height="56px", object_fit="cover",
                 border_radius="10px", flex_shrink="0"),
        rx.center(rx.icon("tag", color=VIOLET, size=22), width="56px", height="56px", border_radius="10px",
                  background="rgba(139,92,246,0.12)", flex_shrink="0"),
    )


def actions(o: OfferRow) -> rx.Component:
    return row_actions(
        S, o.id, "offer",
        edit_button(S.edit(o.id), "offer-edit"),
        rx.cond(
            o.archived,
            rx.button(texts.OFFER_RESTORE, size="2", variant="soft", color_scheme="violet",
                      on_click=S.restore(o.id), data_testid="offer-restore"),
            trash_button(S.ask_delete(o.id), "offer-delete"),
        ),
    )


def offer_row(o: OfferRow) -> rx.Component:
    return row_box(
        thumb(o),
        rx.vstack(
            rx.hstack(
                rx.text(o.name, weight="bold"),
                rx.badge(o.kind_label, color_scheme="violet", variant="soft"),
                rx.cond(o.archived, rx.badge(texts.OFFER_ARCHIVED, color_scheme="gray"),
                        rx.cond(o.visible, rx.fragment(), rx.badge(texts.OFFER_HIDDEN, color_scheme="orange"))),
                spacing="2", align="center", wrap="wrap",
            ),
            rx.text(o.price, color=PINK, weight="bold", size="3", data_testid="offer-row-price"),
            rx.text(o.links, size="1", color=MUTED),
            spacing="1", align="start", flex="1 1 200px", min_width="0",
        ),
        actions(o),
        opacity=rx.cond(o.archived, "0.6", "1"),
        data_testid="offer-row",
    )


@register_tab("offres", texts.OFFERS_TAB, 50, S)
def offers_tab() -> rx.Component:
    return searchable_tab(S, texts.OFFERS_TITLE, one="offer", many="offers", new_label=texts.OFFER_NEW,
                          search_label=texts.OFFERS_SEARCH, none_label=texts.OFFER_NONE, form=offer_form(),
                          row=offer_row, max_height="500px", panel_id="panel-offres")
