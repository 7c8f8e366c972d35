"""Small pieces shared by the dashboard tabs."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.form_kit import notice, search_input
from afroboost.components.theme import MUTED, neon_button


def tab_panel(title: str, *children, **props) -> rx.Component:
    return rx.vstack(rx.heading(title, size="5"), *children, spacing="3", width="100%", align="start", **props)


def scroll_box(*children, max_height: str = "600px", **props) -> rx.Component:
    """Internal scroll with a sticky table header inside (PRD: max 600 px)."""
    return rx.box(*children, max_height=max_height, overflow_y="auto", width="100%",
                  border="1px solid rgba(139,92,246,0.25)", border_radius="12px", **props)


def searchable_tab(S, title: str, *, one: str, many: str, new_label: str, search_label: str, none_label: str,
                   form: rx.Component, row, max_height: str, panel_id: str) -> rx.Component:
    """« New » + instant local search (rows carry a lower-case `haystack`), notice, form, scrolled list.

    `S` has new, query / set_query, notice / close_notice, form_open, rows, matches and load;
    test ids are « {one}-new », « {one}-notice », « {many}-search », « {many}-no-match », « {many}-scroll ».
    """
    q = S.query.lower()
    return tab_panel(
        title,
        rx.flex(
            neon_button(new_label, size="2", on_click=S.new, data_testid=f"{one}-new"),
            search_input(S.query, S.set_query, search_label, f"{many}-search"),
            spacing="3", wrap="wrap", width="100%", align="center",
        ),
        notice(S.notice, S.close_notice, f"{one}-notice"),
        rx.cond(S.form_open, form),
        rx.cond(S.rows.length() == 0, rx.text(none_label, color=MUTED),
                rx.cond(S.matches == 0, rx.text(texts.FORM_NO_MATCH, color=MUTED, data_testid=f"{many}-no-match"))),
        scroll_box(
            rx.vstack(rx.foreach(S.rows, lambda r: rx.cond(r.haystack.contains(q), row(r))),
                      spacing="2", padding="0.5em", width="100%"),
            max_height=max_height, data_testid=f"{many}-scroll",
        ),
        on_mount=S.load, data_testid=panel_id,
    )
