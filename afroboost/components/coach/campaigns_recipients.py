"""📢 Campagnes composer, steps 2–3: « Rechercher un groupe ou utilisateur » and the basket of tags."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import ELLIPSIS, search_box
from afroboost.components.coach.form_kit import fill
from afroboost.components.theme import MUTED, VIOLET, field_error
from afroboost.state.coach.campaigns import CampaignFormState as F
from afroboost.state.coach.campaigns_basket import CampaignBasketState as B
from afroboost.state.coach.campaigns_kit import BasketItem

BLUE = "#3B82F6"
LIST_STYLE = {"max_height": "220px", "overflow_y": "auto", "width": "100%", "border_radius": "12px",
              "border": "1px solid rgba(139,92,246,0.25)"}


def _icon(kind: rx.Var) -> rx.Var:
    return rx.cond(kind == "group", "👥", "👤")


def option_line(o: BasketItem) -> rx.Component:
    picked = B.basket_keys.contains(o.key)
    return rx.flex(
        rx.text(_icon(o.kind), size="3"),
        rx.vstack(rx.text(o.label, size="2", weight="medium", style=ELLIPSIS, max_width="100%"),
                  rx.cond(o.detail != "", rx.text(o.detail, size="1", color=MUTED, style=ELLIPSIS, max_width="100%")),
                  spacing="0", flex="1", min_width="0"),
        rx.cond(picked, rx.icon("check", size=16, color=VIOLET), rx.icon("plus", size=16, color=MUTED)),
        align="center", spacing="2", width="100%", padding="0.45em 0.75em", cursor="pointer",
        background=rx.cond(picked, "rgba(139,92,246,0.12)", "transparent"),
        _hover={"background": "rgba(233,30,99,0.10)"}, on_click=[B.pick(o.key), F.recap],
        data_testid="recipient-option", data_kind=o.kind,
    )


def search_block() -> rx.Component:
    return rx.vstack(
        rx.text(texts.CAMP_SEARCH, size="2", weight="medium"),
        rx.flex(
            rx.box(search_box(B.query, B.set_query, B.set_query(""), texts.CAMP_SEARCH, "recipient-search",
                              auto_focus=True), flex="1 1 220px"),
            rx.icon_button(rx.icon("refresh-cw", size=16), size="2", variant="soft", color_scheme="violet",
                           on_click=B.refresh, aria_label=texts.CAMP_SEARCH_REFRESH, title=texts.CAMP_SEARCH_REFRESH,
                           data_testid="recipient-refresh"),
            spacing="2", width="100%", align="center",
        ),
        rx.flex(
            rx.text(B.search_count, size="1", color=MUTED, data_testid="recipient-count"),
            rx.spacer(),
            rx.button(B.add_all_label, size="1", variant="soft", color_scheme="violet", on_click=[B.add_all, F.recap],
                      disabled=B.options.length() == 0, data_testid="recipient-add-all"),
            align="center", width="100%", spacing="2",
        ),
        rx.box(
            rx.foreach(B.options, option_line),
            rx.cond(B.options.length() == 0, rx.text(texts.CAMP_SEARCH_NONE, size="2", color=MUTED, padding="0.75em")),
            rx.cond(B.n_hidden > 0, rx.text(fill(texts.CAMP_SEARCH_MORE, B.n_hidden), size="1", color=MUTED,
                                            padding="0.5em 0.75em")),
            **LIST_STYLE, data_testid="recipient-options",
        ),
        spacing="2", width="100%", align="start",
    )


def tag(b: BasketItem) -> rx.Component:
    color = rx.cond(b.kind == "group", VIOLET, BLUE)
    return rx.flex(
        rx.text(_icon(b.kind), size="2"),
        rx.text(b.label, size="2", style=ELLIPSIS, max_width="220px"),
        rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", color_scheme="gray", radius="full",
                       on_click=[B.remove(b.key), F.recap], aria_label=texts.CAMP_REMOVE.split("{name}")[0] + b.label,
                       data_testid="basket-remove-" + b.key),
        align="center", spacing="1", padding="0.15em 0.3em 0.15em 0.6em", border_radius="999px",
        border="1.5px solid", border_color=color,
        background=rx.cond(b.kind == "group", "rgba(139,92,246,0.14)", "rgba(59,130,246,0.14)"),
        data_testid="basket-tag-" + b.key, class_name="basket-tag", data_kind=b.kind,
    )


def basket_block() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.text(texts.CAMP_BASKET, size="2", weight="medium"),
            rx.badge(B.basket.length().to_string() + " · " + B.basket_groups.to_string() + " 👥 · "
                     + B.basket_users.to_string() + " 👤", color_scheme="violet", variant="soft",
                     data_testid="basket-count"),
            rx.spacer(),
            rx.button(texts.CAMP_CLEAR, size="1", color_scheme="red", variant="solid", on_click=[B.clear, F.recap],
                      disabled=B.basket.length() == 0, data_testid="basket-clear"),
            align="center", spacing="2", width="100%", wrap="wrap",
        ),
        rx.cond(
            B.basket.length() == 0,
            rx.text(texts.CAMP_BASKET_EMPTY, size="2", color=MUTED, data_testid="basket-empty"),
            rx.flex(rx.foreach(B.basket, tag), wrap="wrap", spacing="2", max_height="168px", overflow_y="auto",
                    width="100%", padding="0.25em 0", data_testid="basket"),
        ),
        field_error(F.err["targets"], "error-campaign-targets"),
        spacing="2", width="100%", align="start",
    )
