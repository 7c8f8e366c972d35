"""💬 Conversations: the « 🤖 Agent IA » settings card (test ids from the PRD)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import section
from afroboost.components.coach.form_kit import labelled, switch_field
from afroboost.components.theme import field_error, neon_button
from afroboost.state.coach.ai import AISettingsState as A


def ai_card() -> rx.Component:
    prompt = rx.text_area(value=A.campaign_prompt, on_change=A.set_campaign_prompt, rows="5", size="2",
                          width="100%", placeholder=texts.AI_CAMPAIGN_HINT, data_testid="campaign-prompt-input")
    twint = rx.input(value=A.twint_url, on_change=A.set_twint_url, type="url", placeholder="https://…", size="2",
                     width="100%", auto_complete="off", data_testid="twint-payment-url-input")
    return section(
        texts.AI_CARD_TITLE, texts.AI_CARD_HINT,
        rx.flex(switch_field(texts.AI_ENABLED, A.enabled, A.set_enabled, "ai-enabled"),
                switch_field(texts.AI_NOTIFY, A.notify_ai_replies, A.set_notify_ai_replies, "ai-notify"),
                spacing="4", wrap="wrap"),
        labelled(texts.AI_CAMPAIGN_PROMPT, prompt, A.err["campaign_prompt"], "campaign-prompt"),
        labelled(texts.AI_TWINT, twint, A.err["twint_url"], "twint-payment-url"),
        rx.cond(A.twint_saved == "", rx.callout.root(
            rx.callout.text(texts.AI_TWINT_EMPTY), color_scheme="orange", size="1", width="100%",
            data_testid="twint-empty-warning",
        )),
        field_error(A.err["general"], "error-ai-general"),
        neon_button(texts.FORM_SAVE, size="2", on_click=A.save, data_testid="ai-save"),
        on_mount=A.load, data_testid="ai-settings-card",
    )
