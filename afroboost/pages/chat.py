"""/chat and /chat/l/[token] — the participant's chat on a full page (first-visit form, then rooms)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.widget import chat_body, notify_hook
from afroboost.components.layout import page
from afroboost.components.theme import card


def chat_page() -> rx.Component:
    return page(
        rx.heading(texts.CHAT_TITLE, size="6", class_name="ab-gradient-text", padding_bottom="0.5em"),
        card(chat_body(), data_chat_open="true"),
        notify_hook(),
        max_width="760px", padding_top="1em", widget=False,
    )
