"""💬 Conversations: « Codes de vérification » (chat codes and « Code oublié ? » sends no channel carried)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import section
from afroboost.components.theme import MUTED
from afroboost.services.verification import DemoCode
from afroboost.state.coach.verification import VerificationCodesState as V


def code_row(c: DemoCode) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(c.person, weight="bold", size="2", data_testid="verification-person"),
                  rx.text(c.reach, size="1", color=MUTED, data_testid="verification-reach"),
                  rx.text(c.purpose + " · " + texts.COACH_CODES_UNTIL.format(t="") + c.until, size="1",
                          color=MUTED),
                  spacing="0", align="start"),
        rx.spacer(),
        rx.text(c.code, font_family="monospace", size="4", weight="bold", data_testid="verification-code"),
        width="100%", align="center", data_testid="verification-row",
    )


def verification_codes_card() -> rx.Component:
    refresh = rx.button(rx.icon("refresh-cw", size=14), texts.COACH_CODES_REFRESH, size="1", variant="soft",
                        on_click=V.load, data_testid="verification-refresh")
    return section(
        texts.COACH_CODES_TITLE, texts.COACH_CODES_HINT,
        rx.cond(V.codes.length() > 0, rx.vstack(rx.foreach(V.codes, code_row), spacing="2", width="100%"),
                rx.text(texts.COACH_CODES_EMPTY, size="2", color=MUTED)),
        head=refresh, on_mount=V.load, data_testid="verification-codes",
    )
