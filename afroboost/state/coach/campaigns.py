"""📢 Campagnes composer: name, message + preview, media, channels, dates, recap, create / edit.

The basket (steps 2–3) lives in CampaignBasketState; this state reads it when it recaps or
saves. Every argument is re-checked here, then again by services/campaigns.py; on a refusal
the message goes next to its field and nothing typed is lost.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write, utc_now
from afroboost.services import ServiceError
from afroboost.services.campaigns.campaigns import (
    MAX_BODY,
    MAX_NAME,
    CampaignDraft,
    do_save_campaign,
    recipients_preview,
    render_body,
)
from afroboost.services.campaigns.channels import channel_status
from afroboost.services.content.media import MediaRow, access_media_rows
from afroboost.services.forms import error_messages
from afroboost.services.jobs.campaign_slots import schedule_campaign
from afroboost.state.auth import CoachState
from afroboost.state.coach.campaigns_basket import CampaignBasketState
from afroboost.state.coach.campaigns_history import CampaignHistoryState
from afroboost.state.coach.campaigns_kit import (
    create_label,
    media_url,
    recap_text,
    sample_first_name,
    targets,
)
from afroboost.state.coach.campaigns_when import CampaignWhenState
from afroboost.state.coach.crud import as_text

FIELDS = ("name", "body", "targets", "channels", "media", "wa_content_sid", "slot", "general")  # "slot": When


class CampaignFormState(CoachState):
    editing: int = 0
    editing_name: str = ""
    name: str = ""
    body: str = ""
    media_pages: list[MediaRow] = []
    media_slug: str = ""
    media_link: str = ""
    ch_internal: bool = True
    ch_whatsapp: bool = False
    ch_email: bool = False
    ch_group: bool = False
    ready: dict[str, bool] = {"internal": True, "group": True, "whatsapp": True, "email": True}  # credentials?
    adv: str = ""  # "advanced" while « ⚙️ Paramètres avancés » is open
    content_sid: str = ""
    persons: int = 0
    n_groups: int = 0
    n_users: int = 0
    excluded: int = 0
    first_name: str = texts.CAMP_FIRST_NAME_SAMPLE
    errors: dict[str, str] = {}

    # --- what the form shows -------------------------------------------------------------------
    @rx.var
    def err(self) -> dict[str, str]:
        """Every field's message ("" when fine), so the page can always index it."""
        return {f: self.errors.get(f, "") for f in FIELDS}

    @rx.var
    def title(self) -> str:
        return texts.CAMP_EDIT_TITLE if self.editing else texts.CAMP_NEW

    @rx.var
    def preview_person(self) -> str:
        return render_body(self.body, self.first_name)

    @rx.var
    def preview_group(self) -> str:
        return render_body(self.body, texts.CAMP_COMMUNITY)

    @rx.var
    def recap_label(self) -> str:
        return recap_text(self.persons, self.n_groups, self.n_users, self.n_groups if self.ch_group else 0)

    @rx.var
    def excluded_label(self) -> str:
        return texts.CAMP_EXCLUDED.format(n=self.excluded) if self.excluded else ""

    @rx.var
    def create_text(self) -> str:
        rooms = self.n_groups if self.ch_group else 0  # « 💬 Salons de groupe »: an empty group still gets it
        return create_label(self.body, self.n_groups + self.n_users, self.persons, bool(self.editing), rooms)

    @rx.var
    def reachable(self) -> bool:
        """Someone (or a group room) would get the message."""
        rooms = self.n_groups if self.ch_group else 0
        return self.n_groups + self.n_users > 0 and self.persons + rooms > 0

    @rx.var
    def can_create(self) -> bool:
        rooms = self.n_groups if self.ch_group else 0
        return bool(self.body.strip()) and self.n_groups + self.n_users > 0 and self.persons + rooms > 0

    def _channels(self) -> dict[str, bool]:
        return {"internal": self.ch_internal, "whatsapp": self.ch_whatsapp, "email": self.ch_email,
                "group": self.ch_group}

    def _clear(self, *fields: str) -> None:
        if any(f in self.errors for f in fields):
            self.errors = {k: v for k, v in self.errors.items() if k not in fields}

    # --- loading and the recap --------------------------------------------------------------------
    @rx.event
    async def load(self):
        """on_mount of the composer: media pages, which channels are configured, the recap."""
        self.media_pages = await run_read(access_media_rows)
        self.ready = channel_status()
        await self._recap()

    @rx.event
    async def recap(self):
        """Recount who the basket reaches (after any basket or channel change)."""
        await self._recap()

    async def _recap(self) -> None:
        basket = (await self.get_state(CampaignBasketState)).basket
        preview = await run_read(recipients_preview, targets=targets(basket), channels=self._channels())
        self.persons, self.n_groups, self.n_users = preview.persons, preview.groups, preview.users
        self.excluded = preview.excluded_opt_out
        self.first_name = sample_first_name(basket)
        self._clear("targets")

    # --- fields -------------------------------------------------------------------------------------
    @rx.event
    def set_name(self, value: str):
        self.name = as_text(value, MAX_NAME + 50)
        self._clear("name")

    @rx.event
    def set_body(self, value: str):
        self.body = as_text(value, MAX_BODY + 200)
        self._clear("body")

    @rx.event
    def set_media_slug(self, value: str):
        slug = as_text(value, 100)
        self.media_slug = slug if slug in {p.slug for p in self.media_pages} else ""
        if self.media_slug:
            self.media_link = ""
        self._clear("media")

    @rx.event
    def set_media_link(self, value: str):
        self.media_link = as_text(value, 600)
        if self.media_link:
            self.media_slug = ""
        self._clear("media")

    @rx.event
    async def set_channel(self, channel: str, on: bool):
        if channel not in ("internal", "whatsapp", "email", "group"):
            return None
        setattr(self, f"ch_{channel}", on is True)
        self._clear("channels")
        await self._recap()

    @rx.event
    def set_adv(self, value: str | list[str]):
        self.adv = "advanced" if value == "advanced" or value == ["advanced"] else ""

    @rx.event
    def set_content_sid(self, value: str):
        self.content_sid = as_text(value, 80)
        self._clear("wa_content_sid")

    # --- save -----------------------------------------------------------------------------------------
    def _draft(self, basket, when: CampaignWhenState) -> CampaignDraft:
        """The campaign as typed; services/campaigns.py checks every field (FormInvalid per field)."""
        return CampaignDraft(name=self.name, body=self.body, media_url=media_url(self.media_slug, self.media_link),
                             targets=targets(basket), channels=self._channels(), slots=when._due(),
                             wa_content_sid=self.content_sid)

    async def _save(self, schedule: bool):
        basket = (await self.get_state(CampaignBasketState)).basket
        when = await self.get_state(CampaignWhenState)
        if not (self.name.strip() or self.body.strip() or basket):
            return None  # a second click queued behind the save that just emptied the form
        if schedule and when.later and not when.slots:  # « À une date » chosen but none added
            when.err_slot = texts.err("campaign_slot_required")
            return rx.toast.error(texts.CAMP_FIX)
        draft = self._draft(basket, when)
        try:
            saved = await run_write(do_save_campaign, draft=draft, campaign_id=self.editing or None,
                                    schedule=schedule, now=utc_now())
        except ServiceError as e:
            msgs = error_messages(e)
            self.errors = {(f if f in FIELDS else "general"): m for f, m in msgs.items()}
            when.err_slot = self.errors.pop("slot", "")
            if {"channels", "wa_content_sid"} & set(self.errors):
                self.adv = "advanced"  # the faulty field is inside the accordion: show it
            return rx.toast.error(texts.CAMP_FIX if len(msgs) > 1 or e.field else next(iter(msgs.values())))
        await schedule_campaign(saved.id)
        done = (texts.CAMP_UPDATED if self.editing else texts.CAMP_SAVED_DRAFT if not schedule
                else texts.CAMP_CREATED_LATER if when.later else texts.CAMP_CREATED_NOW)
        await self._reset()
        return [rx.toast.success(done.format(name=saved.name)), CampaignHistoryState.load]

    @rx.event
    async def save(self):
        """« 🚀 Créer » / « 💾 Enregistrer les modifications »: sent now or at the dates given."""
        return await self._save(schedule=True)

    @rx.event
    async def save_draft(self):
        """« 💾 Brouillon »: kept for later, launched from the history with « 🚀 Lancer »."""
        return await self._save(schedule=False)

    async def _reset(self) -> None:
        self.editing, self.editing_name, self.name, self.body = 0, "", "", ""
        self.media_slug, self.media_link, self.content_sid = "", "", ""
        self.ch_internal, self.ch_whatsapp, self.ch_email, self.ch_group = True, False, False, False
        self.errors, self.adv = {}, ""
        (await self.get_state(CampaignWhenState))._fill([])
        (await self.get_state(CampaignBasketState)).basket = []
        await self._recap()
