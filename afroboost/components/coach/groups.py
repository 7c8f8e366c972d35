"""💬 Conversations: the « 👥 Chat Communautaire » card (groups, rename, members, delete)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import icon_bubble, section, sure
from afroboost.components.coach.form_kit import ROW_STYLE, fill
from afroboost.components.coach.groups_members import members_panel
from afroboost.components.theme import MUTED, PINK, field_error, neon_button
from afroboost.services.chat.groups import GroupRow
from afroboost.state.coach.groups import GroupsState as G


def rename_editor() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.input(value=G.rename_title, on_change=G.set_rename_title, size="2", flex="1 1 160px",
                     auto_complete="off", data_testid="group-rename-input"),
            rx.button(texts.FORM_SAVE, size="2", on_click=G.save_rename, data_testid="group-rename-save"),
            rx.button(texts.FORM_CANCEL, size="2", variant="soft", color_scheme="gray", on_click=G.cancel_rename),
            spacing="2", wrap="wrap", width="100%",
        ),
        field_error(G.err_rename, "error-group-rename"),
        spacing="1", flex="1 1 220px",
    )


def group_actions(g: GroupRow) -> rx.Component:
    return rx.cond(
        G.confirm_delete == g.id,
        sure(G.delete(g.id), G.keep, "group-delete"),
        rx.flex(
            rx.button(rx.icon("users", size=14), texts.GROUP_MEMBERS, size="1",
                      variant=rx.cond(G.open_group == g.id, "solid", "soft"), color_scheme="violet",
                      on_click=G.toggle_members(g.id), data_testid="group-members"),
            rx.button(rx.icon("pencil", size=14), texts.GROUP_RENAME, size="1", variant="soft", color_scheme="gray",
                      on_click=G.start_rename(g.id), data_testid="group-rename"),
            rx.cond(g.is_default, rx.fragment(),
                    rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="soft", color_scheme="red",
                                   on_click=G.ask_delete(g.id), aria_label=texts.FORM_DELETE,
                                   data_testid="group-delete")),
            spacing="2", wrap="wrap",
        ),
    )


def group_row(g: GroupRow) -> rx.Component:
    return rx.box(
        rx.flex(
            icon_bubble(rx.icon("users", size=18, color=PINK), PINK),
            rx.cond(
                G.renaming == g.id,
                rename_editor(),
                rx.vstack(
                    rx.text(g.title, weight="bold", data_testid="group-title"),
                    rx.hstack(rx.text(fill(texts.CONV_MEMBERS, g.members), size="1", color=MUTED,
                                      data_testid="group-member-count"),
                              rx.cond(g.is_default, rx.badge(texts.GROUP_DEFAULT, color_scheme="gray",
                                                             variant="surface", size="1")),
                              spacing="2", align="center"),
                    spacing="1", flex="1 1 160px", min_width="0",
                ),
            ),
            group_actions(g),
            spacing="3", align="center", wrap="wrap", width="100%",
        ),
        rx.cond(G.open_group == g.id, members_panel()),
        **ROW_STYLE, data_testid="group-row",
    )


def groups_card() -> rx.Component:
    return section(
        texts.GROUPS_TITLE, texts.GROUPS_HINT,
        rx.flex(
            rx.input(value=G.new_title, on_change=G.set_new_title, placeholder=texts.GROUP_NAME, size="2",
                     flex="1 1 200px", auto_complete="off", data_testid="new-community-name"),
            neon_button(texts.GROUP_CREATE, size="2", on_click=G.create, data_testid="group-create"),
            spacing="2", wrap="wrap", width="100%",
        ),
        field_error(G.err_new, "error-group-new"),
        rx.vstack(rx.foreach(G.rows, group_row), spacing="2", width="100%"),
        on_mount=G.load, data_testid="groups-card",
    )
