"""The chat everywhere: its body (used by /chat and the floating widget) and the floating button."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.code_form import code_form, unverified_note
from afroboost.components.chat.private import private_list, private_window, unread_badge
from afroboost.components.chat.room import coach_tools, first_visit_form, room_panel
from afroboost.components.theme import MUTED, VIOLET
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat.code import ChatCode
from afroboost.state.chat.inbox import Inbox


def notify_hook() -> rx.Component:
    """assets/chat_notify.js watches this: a new ping → sound, title flash, notification or toast."""
    return rx.el.span(data_chat_ping=Inbox.ping, data_chat_note=Inbox.note, data_chat_at=Inbox.at, hidden=True,
                      data_testid="chat-ping")


def chat_body(height: str = "55vh") -> rx.Component:
    return rx.fragment(
        rx.cond(I.link_error != "", rx.callout(I.link_error, icon="triangle_alert", color_scheme="red",
                                               data_testid="chat-link-error")),
        rx.cond(
            I.identified,
            rx.vstack(
                rx.hstack(rx.text("👋 " + I.name, color=MUTED, size="2", data_testid="chat-me"), rx.spacer(),
                          coach_tools(), width="100%", align="center", wrap="wrap"),
                unverified_note(),
                private_list(),
                room_panel(height),
                spacing="3", width="100%",
            ),
            rx.cond(ChatCode.pending, code_form(), first_visit_form()),
        ),
        private_window(),
    )


def chat_widget() -> rx.Component:
    """Floating button on every public page; the panel goes full screen on a phone or on demand."""
    panel = rx.cond(I.widget_open, rx.box(
        rx.hstack(
            rx.text("💬 " + texts.CHAT_TITLE, weight="bold", class_name="ab-gradient-text"),
            rx.spacer(),
            rx.icon_button(rx.icon(rx.cond(I.full, "minimize-2", "maximize-2"), size=16), size="1",
                           variant="ghost", on_click=I.toggle_full, aria_label=texts.CHAT_FULLSCREEN,
                           data_testid="chat-fullscreen"),
            rx.icon_button(rx.icon("x", size=16), size="1", variant="ghost", on_click=I.toggle_widget,
                           aria_label=texts.CHAT_CLOSE, data_testid="chat-widget-close"),
            width="100%", align="center", padding_bottom="0.5em",
        ),
        chat_body(height=rx.cond(I.full, "calc(100vh - 270px)", "min(340px, 50vh)")),
        class_name=rx.cond(I.full, "ab-chat-panel ab-chat-full", "ab-chat-panel"),
        data_testid="chat-widget", data_chat_open="true",
    ))
    button = rx.box(
        rx.button("💬", on_click=I.toggle_widget, size="4", radius="full", aria_label=texts.CHAT_OPEN_WIDGET,
                  width="3.6em", height="3.6em", font_size="1.5em", class_name="ab-btn",
                  box_shadow=f"0 0 22px {VIOLET}", data_testid="chat-widget-button"),
        rx.box(unread_badge(Inbox.unread_total, "chat-widget-unread"), position="absolute", top="-4px", right="-4px"),
        position="fixed", bottom="1.5em", right="1.5em", z_index="49", on_mount=I.restore,
    )
    return rx.fragment(rx.cond(I.widget_open, rx.fragment(), button), panel, notify_hook())
