"""« 👥 Chat Communautaire » card: groups (create, rename, delete) and their members."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.chat.conversations import do_delete_conversation
from afroboost.services.chat.groups import (
    MAX_TITLE,
    GroupRow,
    MemberRow,
    access_group_members,
    access_groups,
    access_member_candidates,
    do_add_member,
    do_create_group,
    do_remove_member,
    do_rename_group,
)
from afroboost.services.chat.messages import do_ensure_default_groups
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.crud import Crud, RowsTab, as_id, as_text, refused


def _message(e: ServiceError) -> str:
    return " ".join(error_messages(e).values())


def _shown(raw_id, rows: list[MemberRow]) -> int:
    """The contact id when it is one of `rows`, else 0."""
    cid = as_id(raw_id)
    return cid if any(m.id == cid for m in rows) else 0


class GroupsState(RowsTab, CoachState):
    crud: ClassVar[Crud] = Crud(access_rows=access_groups, id_arg="conversation_id", do_delete=do_delete_conversation,
                                deleted=texts.GROUP_DELETED)
    rows: list[GroupRow] = []
    new_title: str = ""
    err_new: str = ""
    renaming: int = 0
    rename_title: str = ""
    err_rename: str = ""
    open_group: int = 0  # whose members are shown
    members: list[MemberRow] = []
    member_query: str = ""
    candidates: list[MemberRow] = []

    async def _refresh(self) -> None:
        self.rows = await run_read(access_groups)
        if self.open_group and not any(g.id == self.open_group for g in self.rows):
            self.open_group, self.members, self.candidates = 0, [], []

    @rx.event
    async def load(self):
        """on_mount of the card (the default groups are created the first time)."""
        await run_write(do_ensure_default_groups)
        await self._refresh()

    # --- create / rename / delete --------------------------------------------------------
    @rx.event
    def set_new_title(self, value: str):
        self.new_title, self.err_new = as_text(value, MAX_TITLE + 50), ""

    @rx.event
    async def create(self):
        try:
            group = await run_write(do_create_group, title=self.new_title)
        except ServiceError as e:
            self.err_new = _message(e)
            return
        self.new_title, self.err_new = "", ""
        await self._refresh()
        return [rx.toast.success(texts.GROUP_CREATED.format(title=group.title)), ConversationsState.load]

    @rx.event
    def start_rename(self, group_id: int):
        row = self._pick(group_id)
        if row is None:
            return refused()
        self.renaming, self.rename_title, self.err_rename = row.id, row.title, ""

    @rx.event
    def set_rename_title(self, value: str):
        self.rename_title, self.err_rename = as_text(value, MAX_TITLE + 50), ""

    @rx.event
    def cancel_rename(self):
        self.renaming, self.err_rename = 0, ""

    @rx.event
    async def save_rename(self):
        try:
            await run_write(do_rename_group, group_id=self.renaming, title=self.rename_title)
        except ServiceError as e:
            self.err_rename = _message(e)
            return
        self.renaming = 0
        await self._refresh()
        return [rx.toast.success(texts.GROUP_RENAMED), ConversationsState.load]

    def _may_delete(self, row: GroupRow) -> bool:
        return not row.is_default  # « Les Afroboosteurs » & co. stay

    async def _deleted(self, row, outcome):
        return [rx.toast.success(texts.GROUP_DELETED), ConversationsState.load]

    # --- members ---------------------------------------------------------------------------
    async def _load_members(self) -> None:
        self.members = await run_read(access_group_members, group_id=self.open_group)
        self.candidates = await run_read(access_member_candidates, group_id=self.open_group,
                                         query=self.member_query)

    @rx.event
    async def toggle_members(self, group_id: int):
        row = self._pick(group_id)
        if row is None:
            return refused()
        if row.id == self.open_group:  # a second click closes it
            self.open_group, self.members, self.candidates = 0, [], []
            return
        self.open_group, self.member_query = row.id, ""
        try:
            await self._load_members()
        except ServiceError as e:
            self.open_group = 0
            await self._refresh()
            return rx.toast.error(texts.err(e.key))

    @rx.event
    async def set_member_query(self, value: str):
        """Contacts to add, searched on the server (debounced in the browser)."""
        self.member_query = as_text(value, 100)
        if self.open_group:
            self.candidates = await run_read(access_member_candidates, group_id=self.open_group,
                                             query=self.member_query)

    async def _change(self, do, cid: int, done: str):
        try:
            name = await run_write(do, group_id=self.open_group, contact_id=cid)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key))
        await self._load_members()
        await self._refresh()
        return [rx.toast.success(done.format(name=name)), ConversationsState.load]

    @rx.event
    async def add_member(self, contact_id: int):
        """Only a contact of the candidates shown can be added."""
        if not (cid := _shown(contact_id, self.candidates)):
            return refused()
        self.member_query = ""  # ready to look for the next person
        return await self._change(do_add_member, cid, texts.GROUP_MEMBER_ADDED)

    @rx.event
    async def remove_member(self, contact_id: int):
        """Only a member shown can be removed."""
        if not (cid := _shown(contact_id, self.members)):
            return refused()
        return await self._change(do_remove_member, cid, texts.GROUP_MEMBER_REMOVED)
