"""« 📇 Contacts CRM » card: contacts (search on the server), CSV export, deleting a participant."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.crm import ContactRow, access_contacts, contacts_csv, do_delete_participant
from afroboost.state.auth import CoachState
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.crud import Crud, RowsTab, as_text
from afroboost.state.coach.groups import GroupsState


class CrmState(RowsTab, CoachState):
    """Deleting a participant is a hard delete of their chat (see crm.do_delete_participant):
    their conversations and memberships go too, so the list and the member counts change.
    """

    crud: ClassVar[Crud] = Crud(access_rows=access_contacts, id_arg="contact_id", do_delete=do_delete_participant)
    rows: list[ContactRow] = []
    total: int = 0
    query: str = ""

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
    async def set_query(self, value: str):
        self.query = as_text(value, 100)
        await self._refresh()

    @rx.event
    async def export_csv(self):
        """Every contact matching the search (not only the rows shown), as a CSV download."""
        rows, _ = await run_read(access_contacts, query=self.query, limit=None)
        return rx.download(data=contacts_csv(rows), filename=texts.CRM_CSV_FILE, mime_type="text/csv")

    async def _deleted(self, row, gone):
        return [rx.toast.success(texts.CRM_DELETED if gone else texts.CRM_KEPT),
                ConversationsState.load, GroupsState.load]
