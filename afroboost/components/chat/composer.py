"""The message composer: an uncontrolled input in a form (what one tab types is never shared)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.emoji_picker import emoji_picker
from afroboost.components.theme import neon_button


def composer(on_submit, *, input_id: str, on_typing=None, placeholder: str = texts.CHAT_PLACEHOLDER,
             testid: str = "chat") -> rx.Component:
    extra = {"on_change": on_typing.throttle(1000)} if on_typing is not None else {}
    return rx.form(
        rx.hstack(
            emoji_picker(input_id),
            rx.input(name="body", id=input_id, placeholder=placeholder, size="3", flex="1", max_length=2000,
                     auto_complete="off", data_testid=f"{testid}-input", **extra),
            neon_button(texts.CHAT_SEND, type="submit", data_testid=f"{testid}-send"),
            width="100%", align="center", spacing="2",
        ),
        on_submit=on_submit, reset_on_submit=True, width="100%",
    )
