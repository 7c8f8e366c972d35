"""💬 Conversations: the left column (search, rows with badges, « Plus »)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import ELLIPSIS, LINE_CLAMP_2, icon_bubble, search_box, sure
from afroboost.components.theme import MUTED, PINK, VIOLET, card
from afroboost.services.chat.conversations import ConversationRow
from afroboost.state.coach.conversations import ConversationsState as S

STATUS_COLORS = (("ai", "violet"), ("waiting", "orange"), ("coach", "grass"))
SELECTED = {"border": f"1px solid {PINK}", "box_shadow": "0 0 0 1px rgba(233,30,99,0.5), 0 0 18px rgba(233,30,99,0.3)",
            "background": "rgba(233,30,99,0.07)"}
IDLE = {"border": "1px solid rgba(139,92,246,0.25)", "box_shadow": "none", "background": "rgba(11,11,16,0.9)"}


def selected_style(is_selected: rx.Var) -> dict:
    return {k: rx.cond(is_selected, SELECTED[k], IDLE[k]) for k in SELECTED}


def kind_icon(kind: rx.Var) -> rx.Component:
    return rx.match(
        kind,
        ("assistant", icon_bubble(rx.icon("bot", size=18, color=VIOLET), VIOLET)),
        ("group", icon_bubble(rx.icon("users", size=18, color=PINK), PINK)),
        icon_bubble(rx.icon("message-circle", size=18, color="#22d3ee"), "#22d3ee"),
    )


def badges(r: ConversationRow) -> rx.Component:
    return rx.flex(
        rx.cond(r.status != "", rx.badge(r.status_label, color_scheme=rx.match(r.status, *STATUS_COLORS, "gray"),
                                         variant="soft", data_testid="conversation-status")),
        rx.cond(r.strict, rx.badge(texts.LINK_STRICT, color_scheme="pink", variant="outline")),
        rx.text(r.count_label, size="1", color=MUTED, data_testid="conversation-count"),
        rx.text("· " + r.time, size="1", color=MUTED),
        rx.spacer(),
        rx.cond(
            S.confirm_delete == r.id,
            sure(S.delete(r.id), S.keep, "conversation-delete"),
            rx.cond(r.deletable, rx.icon_button(
                rx.icon("trash-2", size=14), size="1", variant="ghost", color_scheme="red",
                on_click=S.ask_delete(r.id).stop_propagation, aria_label=texts.CONV_DELETE,
                data_testid="conversation-delete")),
        ),
        spacing="2", align="center", wrap="wrap", width="100%",
    )


def conversation_row(r: ConversationRow) -> rx.Component:
    return rx.hstack(
        kind_icon(r.kind),
        rx.vstack(
            rx.hstack(
                rx.text(r.title, weight="bold", size="2", style=ELLIPSIS, data_testid="conversation-title"),
                rx.spacer(),
                rx.badge(r.day, variant="surface", color_scheme=rx.cond(r.day == texts.CONV_TODAY, "pink", "gray"),
                         flex_shrink="0", data_testid="conversation-day"),
                width="100%", align="center", spacing="2",
            ),
            rx.cond(r.people != "", rx.text(r.people, size="1", color=MUTED, style=ELLIPSIS, max_width="100%")),
            rx.text(r.excerpt, size="2", color="#e4e4e7", style=LINE_CLAMP_2, data_testid="conversation-excerpt"),
            badges(r),
            spacing="1", flex="1", min_width="0", align="start",
        ),
        spacing="3", width="100%", padding="0.65em", border_radius="12px", cursor="pointer",
        on_click=S.select(r.id), title=r.kind_label,
        **selected_style(S.selected == r.id),
        _hover={"border_color": "rgba(233,30,99,0.6)"},
        data_testid="conversation-row",
    )


def conversations_list() -> rx.Component:
    return card(rx.vstack(
        rx.hstack(
            rx.heading(texts.CONV_LIST_TITLE, size="4", color=PINK),
            rx.spacer(),
            rx.badge(S.count_label, color_scheme="violet", variant="soft", data_testid="conversations-count"),
            rx.icon_button(rx.icon("refresh-cw", size=14), size="1", variant="ghost", color_scheme="violet",
                           on_click=S.load, aria_label=texts.CONV_REFRESH, data_testid="conversations-refresh"),
            width="100%", align="center",
        ),
        search_box(S.query, S.set_query, S.clear_query, texts.CONV_SEARCH, "conversations-search"),
        rx.cond(
            S.rows.length() == 0,
            rx.text(rx.cond(S.query != "", texts.CONV_NO_MATCH, texts.CONV_NONE), color=MUTED, size="2",
                    data_testid="conversations-empty"),
            rx.box(
                rx.vstack(rx.foreach(S.rows, conversation_row), spacing="2", width="100%"),
                rx.cond(S.has_more, rx.center(
                    rx.button(texts.CONV_MORE, variant="soft", size="2", on_click=S.more,
                              data_testid="conversations-more"), padding_top="0.5em")),
                max_height="450px", overflow_y="auto", width="100%", padding_right="2px",
                data_testid="conversations-scroll",
            ),
        ),
        spacing="3", width="100%", align="start",
    ), on_mount=S.load, data_testid="conversations-list")
