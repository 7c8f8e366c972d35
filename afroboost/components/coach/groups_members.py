"""💬 Conversations › 👥 groups: the members of the open group, and contacts to add."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import search_box
from afroboost.components.theme import MUTED
from afroboost.services.chat.groups import MemberRow
from afroboost.state.coach.groups import GroupsState as G


def person_line(m: MemberRow, action: rx.Component, test_id: str) -> rx.Component:
    return rx.flex(
        rx.vstack(rx.text(m.name, size="2", weight="medium"), rx.text(m.detail, size="1", color=MUTED),
                  spacing="0", flex="1", min_width="0"),
        action,
        align="center", spacing="2", width="100%", padding_y="0.3em",
        border_bottom="1px solid rgba(139,92,246,0.15)", data_testid=test_id,
    )


def member(m: MemberRow) -> rx.Component:
    return person_line(m, rx.button(rx.icon("user-minus", size=14), texts.GROUP_REMOVE, size="1", variant="soft",
                                    color_scheme="red", on_click=G.remove_member(m.id), data_testid="member-remove"),
                       "group-member")


def candidate(m: MemberRow) -> rx.Component:
    return person_line(m, rx.button(rx.icon("user-plus", size=14), texts.GROUP_ADD, size="1", variant="soft",
                                    color_scheme="grass", on_click=G.add_member(m.id), data_testid="member-add"),
                       "member-candidate")


def members_panel() -> rx.Component:
    return rx.vstack(
        rx.text(texts.GROUP_MEMBERS, size="2", weight="bold"),
        rx.cond(G.members.length() == 0,
                rx.text(texts.GROUP_NO_MEMBERS, size="2", color=MUTED),
                rx.vstack(rx.foreach(G.members, member), spacing="0", width="100%", max_height="240px",
                          overflow_y="auto")),
        search_box(G.member_query, G.set_member_query, G.set_member_query(""), texts.GROUP_ADD_SEARCH,
                   "member-search"),
        rx.cond((G.member_query != "") & (G.candidates.length() == 0),
                rx.text(texts.GROUP_NO_CANDIDATE, size="2", color=MUTED)),
        rx.vstack(rx.foreach(G.candidates, candidate), spacing="0", width="100%"),
        spacing="2", width="100%", padding="0.75em", margin_top="0.5em", border_radius="10px",
        background="rgba(139,92,246,0.06)", border="1px dashed rgba(139,92,246,0.35)",
        data_testid="group-members-panel",
    )
