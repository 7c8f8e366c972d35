"""« 📇 Contacts CRM » card: contacts (search on the server), CSV export, deleting a participant."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.crm import ContactRow, access_contacts, contacts_csv, do_delete_participant
from afroboost.state.auth import CoachState
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.groups import GroupsState
from afroboost.state.coach.rows import as_text, ask_row, delete_row


class CrmState(CoachState):
    rows: list[ContactRow] = []
    total: int = 0
    query: str = ""
    confirm_delete: int = 0

    @rx.var
    def count_label(self) -> str:
        return texts.CRM_COUNT.format(n=self.total)

    @rx.var
    def shown_label(self) -> str:
        """Only said when the list is cut: how many are shown out of how many."""
        return texts.CRM_SHOWN.format(shown=len(self.rows), n=self.total) if len(self.rows) < self.total else ""

    async def _refresh(self) -> None:
        self.rows, self.total = await run_read(access_contacts, query=self.query)

    @rx.event
    async def load(self):
        """on_mount of the card."""
        self.confirm_delete = 0
        await self._refresh()

    @rx.event
    async def set_query(self, value: str):
        self.query = as_text(value, 100)
        await self._refresh()

    @rx.event
    async def export_csv(self):
        """Every contact matching the search (not only the rows shown), as a CSV download."""
        rows, _ = await run_read(access_contacts, query=self.query, limit=None)
        return rx.download(data=contacts_csv(rows), filename=texts.CRM_CSV_FILE, mime_type="text/csv")

    @rx.event
    def ask_delete(self, contact_id: int):
        ask_row(self, contact_id, self.rows)

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    @rx.event
    async def delete(self, contact_id: int):
        """Hard delete of the participant's chat after « Êtes-vous sûr ? » (see crm.do_delete_participant).

        Their conversations and memberships go too: the list and the member counts change.
        """
        return await delete_row(self, contact_id, do_delete_participant, "contact_id",
                                lambda gone: texts.CRM_DELETED if gone else texts.CRM_KEPT,
                                ConversationsState.load, GroupsState.load)
