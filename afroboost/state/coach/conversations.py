"""💬 Conversations tab: the list (server-side search, « Plus »), selecting a conversation, soft delete.

The selected conversation is shown live by `ChatRoom` (state/chat.py): selecting a row asks
it to link this tab to that room; it re-checks the coach on its side.
"""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.chat.conversations import (
    PER_PAGE,
    ConversationRow,
    access_conversations,
    do_delete_conversation,
)
from afroboost.state.auth import CoachState
from afroboost.state.chat import ChatRoom
from afroboost.state.coach.crud import Crud, RowsTab, as_id, as_text

MAX_QUERY = 100
# On a phone the thread sits under the list: bring it into view once a row is chosen.
SHOW_THREAD = ("(() => { if (window.innerWidth < 768) { const el = document.getElementById('conv-thread');"
               " if (el) el.scrollIntoView({behavior: 'smooth', block: 'start'}); } })()")


class ConversationsState(RowsTab, CoachState):
    crud: ClassVar[Crud] = Crud(access_rows=access_conversations, id_arg="conversation_id",
                                do_delete=do_delete_conversation, deleted=texts.CONV_DELETED)
    rows: list[ConversationRow] = []
    query: str = ""
    page: int = 1
    total: int = 0
    total_exact: bool = True  # False: a search found everywhere, `total` is a floor
    has_more: bool = False
    selected: int = 0

    @rx.var
    def count_label(self) -> str:
        return (texts.CONV_COUNT if self.total_exact else texts.CONV_COUNT_FLOOR).format(n=self.total)

    async def _fetch(self, page: int) -> None:
        result = await run_read(access_conversations, query=self.query, page=page, per_page=PER_PAGE)
        if page == 1:
            self.rows = result.rows
        else:  # a conversation that moved up meanwhile may come again: keep its first place
            seen = {r.id for r in self.rows}
            self.rows = [*self.rows, *[r for r in result.rows if r.id not in seen]]
        self.page, self.total, self.has_more = result.page, result.total, result.has_more
        self.total_exact = result.total_exact

    @rx.event
    async def set_query(self, value: str):
        """The search box (debounced in the browser): searched on the server, from the first page."""
        self.query = as_text(value, MAX_QUERY)
        await self._fetch(1)

    @rx.event
    async def clear_query(self):
        self.query = ""
        await self._fetch(1)

    @rx.event
    async def more(self):
        if self.has_more:
            await self._fetch(self.page + 1)

    @rx.event
    def select(self, conversation_id: int):
        """Show this conversation on the right; only rows of the list can be chosen."""
        cid = as_id(conversation_id)
        if not any(r.id == cid for r in self.rows):
            return
        self.selected, self.confirm_delete = cid, 0
        return [ChatRoom.open_as_coach(cid), rx.call_script(SHOW_THREAD)]

    async def _refresh(self) -> None:
        """The first page again (RowsTab.load is the on_mount, and runs after a change elsewhere)."""
        await self._fetch(1)

    def _may_delete(self, row: ConversationRow) -> bool:
        return row.deletable

    async def _deleted(self, row, outcome):
        """Soft delete after « Êtes-vous sûr ? » (the history stays in the database)."""
        if row.id == self.selected:
            self.selected = 0
        return await super()._deleted(row, outcome)
