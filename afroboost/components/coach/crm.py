"""💬 Conversations: the « 📇 Contacts CRM » card (search, CSV export, delete a participant)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import ELLIPSIS, icon_bubble, search_box, section, sure
from afroboost.components.coach.form_kit import fill, row_box
from afroboost.components.theme import MUTED, VIOLET
from afroboost.services.crm import ContactRow
from afroboost.state.coach.crm import CrmState as C


def contact_row(c: ContactRow) -> rx.Component:
    return row_box(
        icon_bubble(rx.text(c.name[0].upper(), weight="bold", color=VIOLET), VIOLET),
        rx.vstack(
            rx.text(c.name, weight="bold", size="2", style=ELLIPSIS, max_width="100%", data_testid="crm-name"),
            rx.text(c.email, size="1", color=MUTED, word_break="break-all"),
            rx.text(c.phone_display, size="1", color=MUTED),
            spacing="0", flex="1 1 180px", min_width="0",
        ),
        rx.flex(
            rx.badge(fill(texts.CRM_BOOKINGS, c.reservations), color_scheme="pink", variant="soft"),
            rx.badge(fill(texts.CRM_MESSAGES, c.messages), color_scheme="violet", variant="soft"),
            rx.text(c.created, size="1", color=MUTED),
            rx.cond(
                C.confirm_delete == c.id,
                sure(C.delete(c.id), C.keep, "crm-delete", message=texts.CRM_DELETE_SURE),
                rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="soft", color_scheme="red",
                               on_click=C.ask_delete(c.id), aria_label=texts.CRM_DELETE, data_testid="crm-delete"),
            ),
            spacing="2", align="center", wrap="wrap", margin_left="auto", justify="end",
        ),
        data_testid="crm-row",
    )


def crm_card() -> rx.Component:
    export = rx.button(rx.icon("download", size=14), texts.CRM_EXPORT, size="2", variant="outline",
                       color_scheme="violet", on_click=C.export_csv, data_testid="crm-export-csv")
    return section(
        texts.CRM_TITLE, texts.CRM_HINT,
        rx.flex(rx.box(search_box(C.query, C.set_query, C.set_query(""), texts.CRM_SEARCH, "crm-search"),
                       flex="1 1 220px"),
                rx.badge(C.count_label, color_scheme="violet", variant="soft", data_testid="crm-count"),
                spacing="2", align="center", wrap="wrap", width="100%"),
        rx.cond(C.shown_label != "", rx.text(C.shown_label, size="1", color=MUTED)),
        rx.cond(
            C.rows.length() == 0,
            rx.text(rx.cond(C.query != "", texts.CRM_NO_MATCH, texts.CRM_NONE), color=MUTED, size="2"),
            rx.vstack(rx.foreach(C.rows, contact_row), spacing="2", width="100%", max_height="460px",
                      overflow_y="auto"),
        ),
        head=export, on_mount=C.load, data_testid="crm-card",
    )
