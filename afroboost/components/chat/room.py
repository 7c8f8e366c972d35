"""The chat page's pieces: first-visit form, room list, bubbles (text only), composer."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.layout import MUTED, PINK, VIOLET, card, field_error, neon_button
from afroboost.services.chat import MessageView, RoomView
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat import ChatRoom as R

SENDER_COLORS = {"coach": VIOLET, "ai": "#c4b5fd", "member": "#22d3ee", "system": MUTED}


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


def bubble(m: MessageView) -> rx.Component:
    mine = (m.sender_kind == "member") & (m.contact_id == I.own_contact)
    return rx.box(
        rx.cond(~mine, rx.text(m.sender_name, size="1", weight="bold",
                               color=rx.match(m.sender_kind, *SENDER_COLORS.items(), MUTED))),
        rx.text(m.body, white_space="pre-wrap", word_break="break-word", data_testid="chat-body"),
        align_self=rx.cond(mine, "flex-end", "flex-start"), max_width="80%", padding="0.5em 0.75em",
        border_radius="14px", background=rx.cond(mine, PINK, rx.cond(m.sender_kind == "coach", VIOLET, "#1f1f27")),
        data_testid="chat-message",
    )


def room_panel() -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.foreach(I.rooms, room_button), spacing="2", overflow_x="auto", width="100%"),
        rx.cond(R.conversation_id != 0, rx.vstack(
            rx.heading(R.title, size="4", data_testid="chat-room-title"),
            rx.vstack(rx.foreach(R.messages, bubble), spacing="2", width="100%", max_height="55vh",
                      overflow_y="auto", data_testid="chat-messages"),
            rx.form(rx.hstack(
                rx.input(name="body", placeholder=texts.CHAT_PLACEHOLDER, size="3", flex="1", max_length=2000,
                         auto_complete="off", data_testid="chat-input"),
                neon_button(texts.CHAT_SEND, type="submit", data_testid="chat-send"),
                width="100%"), on_submit=R.send, reset_on_submit=True, width="100%"),
            spacing="3", width="100%",
        ), rx.text(texts.CHAT_PICK_ROOM, color=MUTED)),
        spacing="3", width="100%",
    )
