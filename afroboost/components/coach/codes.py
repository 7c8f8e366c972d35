"""Codes tab: promo codes with usage « uses / max », instant local search, internal scroll."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.code_form import code_form
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.coach.form_kit import confirm_delete, notice, row_box, search_input
from afroboost.components.layout import MUTED, VIOLET, neon_button
from afroboost.services.coach_codes import PromoRow
from afroboost.state.coach_codes import CodesState as S


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
        rx.cond(
            S.confirm_delete == p.id,
            confirm_delete(S.delete(p.id), S.keep, "code-delete"),
            rx.flex(
                rx.button(texts.FORM_EDIT, size="2", variant="outline", on_click=S.edit(p.id),
                          data_testid="code-edit"),
                rx.button(rx.icon("trash-2", size=16), size="2", variant="soft", color_scheme="red",
                          on_click=S.ask_delete(p.id), aria_label=texts.FORM_DELETE, data_testid="code-delete"),
                spacing="2",
            ),
        ),
        opacity=rx.cond(p.active, "1", "0.6"),
        data_testid="code-row",
    )


def codes_tab() -> rx.Component:
    q = S.query.lower()
    return tab_panel(
        texts.CODES_TITLE,
        rx.flex(
            neon_button(texts.CODE_NEW, size="2", on_click=S.new, data_testid="code-new"),
            search_input(S.query, S.set_query, texts.CODES_SEARCH, "codes-search"),
            spacing="3", wrap="wrap", width="100%", align="center",
        ),
        notice(S.notice, S.close_notice, "code-notice"),
        rx.cond(S.form_open, code_form()),
        rx.cond(S.rows.length() == 0, rx.text(texts.CODE_NONE, color=MUTED),
                rx.cond(S.matches == 0, rx.text(texts.FORM_NO_MATCH, color=MUTED, data_testid="codes-no-match"))),
        scroll_box(
            rx.vstack(rx.foreach(S.rows, lambda p: rx.cond(p.haystack.contains(q), code_row(p))),
                      spacing="2", padding="0.5em", width="100%"),
            max_height="400px", data_testid="codes-scroll",
        ),
        on_mount=S.load, data_testid="panel-codes",
    )
