"""Offres tab: offers and shop products — instant local search, list with internal scroll."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.coach.form_kit import confirm_delete, notice, row_box, search_input
from afroboost.components.coach.offer_form import offer_form
from afroboost.components.layout import MUTED, PINK, VIOLET, neon_button
from afroboost.services.coach_offers import OfferRow
from afroboost.state.coach_offers import OffersState as S


def thumb(o: OfferRow) -> rx.Component:
    return rx.cond(
        o.image != "",
        rx.image(src=rx.get_upload_url(o.image), alt=o.name, width="56px", height="56px", object_fit="cover",
                 border_radius="10px", flex_shrink="0"),
        rx.center(rx.icon("tag", color=VIOLET, size=22), width="56px", height="56px", border_radius="10px",
                  background="rgba(139,92,246,0.12)", flex_shrink="0"),
    )


def actions(o: OfferRow) -> rx.Component:
    return rx.cond(
        S.confirm_delete == o.id,
        confirm_delete(S.delete(o.id), S.keep, "offer-delete"),
        rx.flex(
            rx.button(texts.FORM_EDIT, size="2", variant="outline", on_click=S.edit(o.id), data_testid="offer-edit"),
            rx.cond(
                o.archived,
                rx.button(texts.OFFER_RESTORE, size="2", variant="soft", color_scheme="violet",
                          on_click=S.restore(o.id), data_testid="offer-restore"),
                rx.button(rx.icon("trash-2", size=16), size="2", variant="soft", color_scheme="red",
                          on_click=S.ask_delete(o.id), aria_label=texts.FORM_DELETE, data_testid="offer-delete"),
            ),
            spacing="2",
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


def offers_tab() -> rx.Component:
    q = S.query.lower()
    return tab_panel(
        texts.OFFERS_TITLE,
        rx.flex(
            neon_button(texts.OFFER_NEW, size="2", on_click=S.new, data_testid="offer-new"),
            search_input(S.query, S.set_query, texts.OFFERS_SEARCH, "offers-search"),
            spacing="3", wrap="wrap", width="100%", align="center",
        ),
        notice(S.notice, S.close_notice, "offer-notice"),
        rx.cond(S.form_open, offer_form()),
        rx.cond(S.rows.length() == 0, rx.text(texts.OFFER_NONE, color=MUTED),
                rx.cond(S.matches == 0, rx.text(texts.FORM_NO_MATCH, color=MUTED, data_testid="offers-no-match"))),
        scroll_box(
            rx.vstack(rx.foreach(S.rows, lambda o: rx.cond(o.haystack.contains(q), offer_row(o))),
                      spacing="2", padding="0.5em", width="100%"),
            max_height="500px", data_testid="offers-scroll",
        ),
        on_mount=S.load, data_testid="panel-offres",
    )
