"""📢 Campagnes: the orchestrator over the composer's states: ✏️ edit a draft or scheduled campaign of the
history (form, dates and basket reload), « Annuler », and a delete that also closes the composer on it.

The states it drives (form, basket, dates, history) never import it, nor each other upward.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services import ServiceError
from afroboost.services.campaigns.campaigns import draft_of
from afroboost.services.campaigns.ledger import clean_channels
from afroboost.state.auth import CoachState
from afroboost.state.coach.campaigns import CampaignFormState
from afroboost.state.coach.campaigns_basket import CampaignBasketState, find
from afroboost.state.coach.campaigns_history import CampaignHistoryState
from afroboost.state.coach.campaigns_kit import CHANNELS, split_media
from afroboost.state.coach.campaigns_when import CampaignWhenState
from afroboost.state.coach.crud import as_id


class CampaignEditState(CoachState):
    @rx.event
    async def edit(self, campaign_id: int):
        """✏️ on a draft or scheduled campaign of the history: the form and the basket are filled from it.

        Only a row the history shows as editable can be opened (a crafted id opens nothing);
        the service refuses the save anyway if the campaign moved on meanwhile.
        """
        history = await self.get_state(CampaignHistoryState)
        row = next((r for r in history.rows if r.id == as_id(campaign_id) and r.can_edit), None)
        if row is None:
            return None
        try:
            saved = await run_read(draft_of, campaign_id=row.id)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key))
        form = await self.get_state(CampaignFormState)
        form.editing, form.editing_name, form.errors = row.id, saved.name, {}
        form.name, form.body, form.content_sid = saved.name, saved.body, saved.wa_content_sid
        form.media_slug, form.media_link = split_media(saved.media_url, {p.slug for p in form.media_pages})
        ch = clean_channels(saved.channels)
        form.ch_internal, form.ch_whatsapp, form.ch_email, form.ch_group = (ch[c] for c in CHANNELS)
        form.adv = "advanced" if form.ch_whatsapp or form.ch_email or form.ch_group or form.content_sid else ""
        (await self.get_state(CampaignWhenState))._fill(saved.slots)
        known = {b.key: b for b in await find("")}
        keys = [f"{t['type']}-{t['id']}" for t in saved.targets]
        (await self.get_state(CampaignBasketState))._set_basket([known[k] for k in keys if k in known])
        await form._recap()
        events = [rx.toast.info(texts.CAMP_EDIT_MODE.format(name=saved.name)), rx.scroll_to("campaign-composer")]
        missing = sum(1 for k in keys if k not in known)
        if missing:
            events.append(rx.toast.warning(texts.CAMP_MISSING.format(n=missing)))
        return events

    @rx.event
    async def delete(self, campaign_id: int):
        """« Oui, supprimer » in the history: deleted there; the composer leaves edit mode if it was on it."""
        ok, toast = await (await self.get_state(CampaignHistoryState))._delete(campaign_id)
        if ok and (await self.get_state(CampaignFormState)).editing == as_id(campaign_id):
            return [toast, CampaignEditState.cancel]
        return toast

    @rx.event
    async def cancel(self):
        """« Annuler »: the form is emptied and leaves edit mode."""
        form = await self.get_state(CampaignFormState)
        was = form.editing
        await form._reset()
        return rx.toast.info(texts.CAMP_EDIT_CANCELLED) if was else None
