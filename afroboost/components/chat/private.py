"""Private messages: the list with unread badges, and the floating window (the group stays open)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.bubble import bubble
from afroboost.components.chat.composer import composer
from afroboost.components.theme import MUTED, PINK
from afroboost.services.chat.private import PrivateView
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat.inbox import Inbox
from afroboost.state.chat.private import DM_COMPOSER_ID
from afroboost.state.chat.private import PrivateRoom as P


def unread_badge(count, testid: str) -> rx.Component:
    return rx.cond(count > 0, rx.box(count, background=PINK, color="white", border_radius="999px", min_width="1.4em",
                                     padding_x="0.35em", font_size="0.75em", font_weight="bold", text_align="center",
                                     data_testid=testid))


def thread_row(t: PrivateView) -> rx.Component:
    return rx.button(
        rx.text("✉️ " + t.title),
        rx.cond(P.conversation_id != t.conversation_id, unread_badge(t.unread, "chat-dm-unread")),
        size="1", variant="soft", on_click=P.open_thread(t.conversation_id), flex_shrink="0", gap="0.4em",
        data_testid="chat-dm-thread",
    )


def private_list() -> rx.Component:
    return rx.cond(Inbox.threads.length() > 0, rx.hstack(
        rx.text(texts.CHAT_PRIVATE, size="1", color=MUTED), rx.foreach(Inbox.threads, thread_row),
        spacing="2", overflow_x="auto", width="100%", align="center", data_testid="chat-dm-list",
    ), rx.text(texts.CHAT_PRIVATE_HINT, size="1", color=MUTED))


def private_window() -> rx.Component:
    """Floating, above the page and the group; full width at the bottom of a phone."""
    return rx.cond(P.conversation_id != 0, rx.vstack(
        rx.hstack(
            rx.text("✉️ " + I.dm_title, weight="bold", data_testid="chat-dm-title"),
            rx.spacer(),
            rx.icon_button(rx.icon("x", size=16), size="1", variant="ghost", on_click=P.close,
                           aria_label=texts.CHAT_CLOSE, data_testid="chat-dm-close"),
            width="100%", align="center",
        ),
        rx.cond(P.moderated, rx.text("🛡️ " + texts.CHAT_DM_MODERATED, size="1", color=MUTED,
                                     data_testid="chat-dm-moderated")),
        rx.auto_scroll(rx.vstack(rx.foreach(P.messages, bubble), spacing="2", width="100%"),
                       width="100%", height="min(320px, 45vh)", data_testid="chat-dm-messages"),
        composer(P.send, input_id=DM_COMPOSER_ID, testid="chat-dm"),
        class_name="ab-dm-window", spacing="2", data_testid="chat-dm-window",
    ))
