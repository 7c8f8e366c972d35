"""The chat's code step (« Un code t'a été envoyé à … ») and the unverified identity's note."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED, card, field_error, neon_button
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat.code import ChatCode as C

TAP = "44px"  # a thumb's target on a phone


def code_form() -> rx.Component:
    return card(rx.vstack(
        rx.text(texts.CHAT_CODE_PITCH, color=MUTED, size="2"),
        rx.text(C.hint, weight="medium", size="2", data_testid="chat-code-hint"),
        rx.cond(C.demo, rx.callout(texts.CHAT_CODE_DEMO, icon="info", size="1", data_testid="chat-code-demo")),
        rx.input(value=C.code, on_change=C.set_code, placeholder=texts.CHAT_CODE_PLACEHOLDER, size="3",
                 width="100%", input_mode="numeric", auto_complete="one-time-code", max_length=12,
                 data_testid="chat-code"),
        field_error(C.err_code, "chat-error-code"),
        rx.cond(C.note != "", rx.text(C.note, size="1", color=MUTED, data_testid="chat-code-note")),
        neon_button(texts.CHAT_CODE_VALIDATE, on_click=C.verify, width="100%", data_testid="chat-code-submit"),
        rx.hstack(
            rx.button(texts.CHAT_CODE_RESEND, variant="ghost", size="2", min_height=TAP, on_click=C.resend,
                      data_testid="chat-code-resend"),
            rx.spacer(),
            rx.button(texts.CHAT_CODE_BACK, variant="ghost", size="2", min_height=TAP, color_scheme="gray",
                      on_click=C.back, data_testid="chat-code-back"),
            width="100%", wrap="wrap",
        ),
        spacing="2", width="100%",
    ), data_testid="chat-code-form")


def unverified_note() -> rx.Component:
    """An unverified identity sees only recent messages: say so, and offer the code."""
    return rx.cond(
        C.pending, code_form(),
        rx.cond(~I.verified, rx.hstack(
            rx.text(texts.CHAT_UNVERIFIED_NOTE, size="1", color=MUTED),
            rx.button(texts.CHAT_UNVERIFIED_CONFIRM, size="2", min_height=TAP, variant="soft", on_click=I.confirm,
                      flex_shrink="0", data_testid="chat-confirm"),
            width="100%", align="center", data_testid="chat-unverified",
        )),
    )
