"""📢 Campagnes composer, step 7: « Maintenant » or one or more dates typed in Zurich time.

Each date is checked as it is added (format, the spring-forward gap, not in the past) and
kept as a UTC instant; services/campaigns.py checks the list again when the campaign is saved.
"""

from __future__ import annotations

from datetime import datetime

import reflex as rx

from afroboost import texts
from afroboost.db import utc_now
from afroboost.services import ServiceError
from afroboost.state.auth import CoachState
from afroboost.state.coach.campaigns_kit import MAX_SLOTS, SlotItem, parse_slot, slot_item, slots_from
from afroboost.state.coach.crud import as_text


class CampaignWhenState(CoachState):
    later: bool = False
    slot_input: str = ""
    slots: list[SlotItem] = []
    err_slot: str = ""

    @rx.var
    def when(self) -> str:
        return "later" if self.later else "now"

    @rx.var
    def planned_label(self) -> str:
        when = ", ".join(s.label for s in self.slots) if self.later else texts.CAMP_PLANNED_NOW
        return texts.CAMP_PLANNED.format(when=when or "—")

    def _due(self) -> list[datetime]:
        """The UTC instants to save: none means « maintenant »."""
        return slots_from(self.slots) if self.later else []

    def _fill(self, slots: list[datetime]) -> None:
        self.slots = [slot_item(at) for at in slots]
        self.later, self.slot_input, self.err_slot = bool(self.slots), "", ""

    @rx.event
    def set_later(self, value: str | list[str]):
        self.later, self.err_slot = value == "later", ""

    @rx.event
    def set_slot_input(self, value: str):
        self.slot_input, self.err_slot = as_text(value, 40), ""

    @rx.event
    def add_slot(self):
        """« ➕ Ajouter » the date typed (Zurich time)."""
        try:
            at = parse_slot(self.slot_input, utc_now())
            if len(self.slots) >= MAX_SLOTS:
                raise ServiceError("campaign_slots_too_many", field="slot")
            if any(s.iso == slot_item(at).iso for s in self.slots):
                raise ServiceError("campaign_slot_duplicate", field="slot")
        except ServiceError as e:
            self.err_slot = texts.err(e.key)
            return
        self.slots = sorted([*self.slots, slot_item(at)], key=lambda s: s.iso)
        self.slot_input, self.err_slot = "", ""

    @rx.event
    def remove_slot(self, iso: str):
        self.slots = [s for s in self.slots if s.iso != as_text(iso, 40)]
