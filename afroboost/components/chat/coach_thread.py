"""The coach's live view of one conversation (right column of 💬 Conversations).

The room is the same shared state participants are linked to: the coach's reply appears in
their browsers at once, and theirs here. Sending as the coach is re-checked on the server.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.composer import composer
from afroboost.components.chat.room import clear_history_button, messages_box
from afroboost.components.theme import MUTED
from afroboost.state.chat import ChatRoom as R
from afroboost.state.chat.room import COACH_COMPOSER_ID


def coach_thread() -> rx.Component:
    return rx.cond(R.conversation_id != 0, rx.vstack(
        rx.hstack(
            rx.heading(R.title, size="4", data_testid="coach-thread-title"),
            rx.cond(R.kind == "assistant",
                    rx.badge(rx.match(R.status, *texts.CHAT_STATUS.items(), ""), variant="soft",
                             color_scheme=rx.match(R.status, ("ai", "violet"), ("waiting", "amber"), "pink"),
                             data_testid="coach-thread-status")),
            rx.spacer(),
            rx.cond((R.kind == "assistant") & (R.status != "ai"),
                    rx.button("🤖 " + texts.COACH_HAND_BACK, size="1", variant="outline", on_click=R.hand_back,
                              data_testid="coach-hand-back")),
            clear_history_button("coach-clear-history"),
            width="100%", align="center", wrap="wrap",
        ),
        messages_box("min(60vh, 560px)"),
        # two members' private thread: the coach moderates (reads, deletes), never writes in it
        rx.cond(R.moderated,
                rx.text("🛡️ " + texts.COACH_PAIR_MODERATION, size="2", color=MUTED, data_testid="coach-pair-note"),
                composer(R.send, input_id=COACH_COMPOSER_ID, on_typing=R.typed,
                         placeholder=texts.COACH_REPLY_PLACEHOLDER, testid="coach-reply")),
        spacing="3", width="100%", data_testid="coach-thread",
    ), rx.text(texts.COACH_NO_SELECTION, color=MUTED, data_testid="coach-thread"))
