"""« 🤖 Agent IA » card: campaign prompt, Twint link, on/off, notify AI replies.

What the coach typed stays in the fields when something is refused; nothing is stored then.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.assistant.ai import MAX_PROMPT, AISettings, access_ai_settings, do_save_ai_settings
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState
from afroboost.state.coach.conversations import as_text

ERR_FIELDS = ("campaign_prompt", "twint_url", "general")
MAX_URL_TYPED = 600


class AISettingsState(CoachState):
    campaign_prompt: str = ""
    twint_url: str = ""
    twint_saved: str = ""  # what is stored: the warning shows while it is empty
    enabled: bool = True
    notify_ai_replies: bool = False
    err: dict[str, str] = dict.fromkeys(ERR_FIELDS, "")

    def _show(self, stored: AISettings) -> None:
        self.campaign_prompt, self.twint_url, self.twint_saved = (stored.campaign_prompt, stored.twint_url,
                                                                  stored.twint_url)
        self.enabled, self.notify_ai_replies = stored.enabled, stored.notify_ai_replies
        self.err = dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    async def load(self):
        """on_mount of the card."""
        self._show(await run_read(access_ai_settings))

    @rx.event
    def set_campaign_prompt(self, value: str):
        self.campaign_prompt, self.err["campaign_prompt"] = as_text(value, MAX_PROMPT + 100), ""

    @rx.event
    def set_twint_url(self, value: str):
        self.twint_url, self.err["twint_url"] = as_text(value, MAX_URL_TYPED), ""

    @rx.event
    def set_enabled(self, value: bool):
        self.enabled = value is True

    @rx.event
    def set_notify_ai_replies(self, value: bool):
        self.notify_ai_replies = value is True

    @rx.event
    async def save(self):
        form = AISettings(campaign_prompt=self.campaign_prompt, twint_url=self.twint_url, enabled=self.enabled,
                          notify_ai_replies=self.notify_ai_replies)
        try:
            stored = await run_write(do_save_ai_settings, form=form)
        except ServiceError as e:
            msgs = error_messages(e)
            self.err = {k: msgs.get(k, "") for k in ERR_FIELDS}
            self.err["general"] = self.err["general"] or texts.FORM_FIX
            return
        self._show(stored)
        return rx.toast.success(texts.AI_SAVED)
