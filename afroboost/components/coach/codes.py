"""Codes tab: promo codes with usage « uses / max », instant local search, internal scroll."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.codes_form import code_form
from afroboost.components.coach.common import searchable_tab
from afroboost.components.coach.form_kit import edit_button, row_actions, row_box, trash_button
from afroboost.components.theme import MUTED, VIOLET
from afroboost.services.catalog.codes import PromoRow
from afroboost.state.coach.codes import CodesState as S
from afroboost.state.coach.tabs import register_tab


def code_row(p: PromoRow) -> rx.Component:
    on = p.state == texts.PROMO_STATES["on"]
    return row_box(
        rx.vstack(
            rx.hstack(
                rx.text(p.code, weight="bold", font_family="monospace", size="3", data_testid="code-row-code"),
                rx.badge(p.discount, color_scheme="pink", variant="soft"),
                rx.badge(p.state, color_scheme=rx.cond(on, "grass", "gray")),
                spacing="2", align="center", wrap="wrap",
            ),
            rx.text(p.validity + " · " + p.offers, size="1", color=MUTED),
            spacing="1", align="start", flex="1 1 220px", min_width="0",
        ),
        rx.vstack(rx.text(texts.CODE_USES, size="1", color=MUTED),
                  rx.text(p.usage, weight="bold", color=VIOLET, data_testid="code-usage"),
                  spacing="0", align="center"),
        row_actions(S, p.id, "code", edit_button(S.edit(p.id), "code-edit"),
                    trash_button(S.ask_delete(p.id), "code-delete")),
        opacity=rx.cond(p.active, "1", "0.6"),
        data_testid="code-row",
    )


@register_tab("codes", texts.CODES_TAB, 70, S)
def codes_tab() -> rx.Component:
    return searchable_tab(S, texts.CODES_TITLE, one="code", many="codes", new_label=texts.CODE_NEW,
                          search_label=texts.CODES_SEARCH, none_label=texts.CODE_NONE, form=code_form(),
                          row=code_row, max_height="400px", panel_id="panel-codes")
