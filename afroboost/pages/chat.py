"""/chat — the participant's chat (first-visit form, then rooms)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.room import first_visit_form, room_panel
from afroboost.components.layout import MUTED, card, page
from afroboost.state.chat import ChatIdentity as I


def chat_page() -> rx.Component:
    return page(
        rx.heading(texts.CHAT_TITLE, size="6", class_name="ab-gradient-text", padding_bottom="0.5em"),
        rx.cond(I.identified,
                card(rx.text("👋 " + I.name, color=MUTED, size="2", data_testid="chat-me"), room_panel()),
                first_visit_form()),
        max_width="760px", padding_top="1em",
    )
