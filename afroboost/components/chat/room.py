"""The chat's pieces: first-visit form, room list, the open room (status, messages, typing, composer)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.bubble import bubble
from afroboost.components.chat.composer import composer
from afroboost.components.theme import MUTED, VIOLET, card, field_error, neon_button
from afroboost.services.chat.messages import RoomView
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat import ChatRoom as R
from afroboost.state.chat.room import COMPOSER_ID, Typist


def first_visit_form() -> rx.Component:
    return card(rx.vstack(
        rx.heading(texts.CHAT_WELCOME, size="5"),
        rx.text(texts.CHAT_WELCOME_PITCH, color=MUTED, size="2"),
        rx.input(value=I.first_name, on_change=I.set_first_name, placeholder=texts.FIRST_NAME, size="3",
                 width="100%", data_testid="chat-first-name"),
        field_error(I.err_first_name, "chat-error-first-name"),
        rx.input(value=I.contact, on_change=I.set_contact, placeholder=texts.CHAT_CONTACT_PLACEHOLDER,
                 size="3", width="100%", data_testid="chat-contact"),
        field_error(I.err_contact, "chat-error-contact"),
        neon_button(texts.CHAT_START, on_click=I.identify, width="100%", data_testid="chat-start"),
        spacing="2", width="100%",
    ), data_testid="chat-identify")


def room_button(r: RoomView) -> rx.Component:
    return rx.button(r.title, variant=rx.cond(R.conversation_id == r.id, "solid", "soft"), size="2",
                     on_click=R.open(r.id), flex_shrink="0", data_testid="chat-room")


def typing_line(t: Typist) -> rx.Component:
    before, after = texts.CHAT_TYPING.split("{name}")
    return rx.cond(t.key != I.me_key, rx.text(before + t.name + after, size="1", color=MUTED,
                                              data_testid="chat-typing"))


def status_bar() -> rx.Component:
    """Assistant conversations: who answers, « Parler au coach », and the assistant's availability."""
    return rx.cond(R.kind == "assistant", rx.vstack(
        rx.hstack(
            rx.badge(rx.match(R.status, *texts.CHAT_STATUS.items(), ""), variant="soft",
                     color_scheme=rx.match(R.status, ("ai", "violet"), ("waiting", "amber"), "pink"),
                     data_testid="chat-status"),
            rx.spacer(),
            rx.cond((R.status == "ai") & ~I.is_coach_view,
                    rx.button("🙋 " + texts.CHAT_TALK_TO_COACH, size="1", variant="outline", on_click=R.ask_coach,
                              data_testid="chat-ask-coach")),
            width="100%", align="center",
        ),
        rx.cond(~I.ai_on & (R.status == "ai"),
                rx.text(texts.CHAT_AI_OFF, size="1", color=MUTED, data_testid="chat-ai-off")),
        spacing="1", width="100%",
    ))


def messages_box(height: str = "55vh") -> rx.Component:
    return rx.auto_scroll(
        rx.cond(R.messages.length() == 0,
                rx.center(rx.text(texts.CHAT_EMPTY_ROOM, color=MUTED, size="2"), padding_y="2em",
                          data_testid="chat-empty")),
        rx.vstack(rx.foreach(R.messages, bubble), spacing="2", width="100%"),
        rx.cond(R.ai_typing, rx.text(texts.CHAT_AI_THINKING, size="1", color=VIOLET, data_testid="chat-ai-typing")),
        rx.foreach(R.typing, typing_line),
        width="100%", height=height, padding_right="0.25em", data_testid="chat-messages",
    )


def room_panel(height: str = "55vh") -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.foreach(I.rooms, room_button), spacing="2", overflow_x="auto", width="100%",
                  padding_bottom="0.25em"),
        rx.cond(R.conversation_id != 0, rx.vstack(
            rx.heading(R.title, size="4", data_testid="chat-room-title"),
            status_bar(),
            messages_box(height),
            composer(R.send, input_id=COMPOSER_ID, on_typing=R.typed),
            spacing="3", width="100%",
        ), rx.text(texts.CHAT_PICK_ROOM, color=MUTED)),
        spacing="3", width="100%",
    )


def clear_history_button(testid: str) -> rx.Component:
    """Coach only « Supprimer l'historique » of the open room, behind « Êtes-vous sûr ? »."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button("🗑️ " + texts.CHAT_CLEAR_HISTORY, size="1", variant="outline",
                                          color_scheme="red", data_testid=testid)),
        rx.alert_dialog.content(
            rx.alert_dialog.title(texts.CHAT_SURE),
            rx.hstack(rx.alert_dialog.cancel(rx.button(texts.CHAT_CLOSE, variant="soft")),
                      rx.alert_dialog.action(neon_button(texts.CHAT_CLEAR_HISTORY, on_click=R.clear_history,
                                                         data_testid=testid.replace("history", "confirm"))),
                      justify="end", spacing="2"),
        ),
    )


def coach_tools() -> rx.Component:
    """Shown in the widget to the signed-in coach only; the server refuses these to anyone else."""
    return rx.cond(I.is_coach, rx.hstack(
        clear_history_button("chat-clear-history"),
        rx.button(texts.CHAT_SWITCH_IDENTITY, size="1", variant="outline", on_click=I.switch_identity,
                  data_testid="chat-switch-identity"),
        spacing="2", wrap="wrap",
    ))
