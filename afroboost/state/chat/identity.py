"""Chat for participants: who they are (signed token in the browser) and what they see.

Rooms are rx.SharedState instances linked per conversation, only after the server has
checked membership from the contact id of a token whose signature holds (state/chat/room.py,
state/chat/private.py). Claiming a contact that exists needs a one-time code
(state/chat/code.py); a new contact is unverified and sees no history it did not write.

Everything else in the chat reads this identity, so this module sits at the bottom. What
entering the chat opens (the inbox, a room, the code form) is plugged in by the package
once those states are defined (`plug`, state/chat/__init__.py).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.assistant.reply import assistant_available
from afroboost.services.chat.entry import do_enter_link
from afroboost.services.chat.identity import identity_from_token, identity_token
from afroboost.services.chat.messages import RoomView, access_name, do_claim_and_join, rooms_for
from afroboost.services.chat.visibility import Viewer
from afroboost.state.auth import AuthState
from afroboost.state.throttle import refused

STORAGE_KEY = "afro_chat_identity"


@dataclass(frozen=True)
class Entry:
    """What entering the chat opens; these states read the identity, so they live above it."""

    inbox: rx.EventHandler  # Inbox.connect
    room: rx.EventHandler  # ChatRoom.open(conversation_id)
    code: type  # ChatCode: its `_start` sends a code and shows the code form


_entry: Entry | None = None


def plug(entry: Entry) -> None:
    """Called once by the package (state/chat/__init__.py) when every chat state is defined."""
    global _entry
    _entry = entry


class ChatIdentity(rx.State):
    token: str = rx.LocalStorage("", name=STORAGE_KEY)
    first_name: str = ""
    contact: str = ""
    err_first_name: str = ""
    err_contact: str = ""
    name: str = ""
    rooms: list[RoomView] = []
    widget_open: bool = False
    full: bool = False
    link_error: str = ""
    dm_title: str = ""  # the other person in the open private window
    ai_on: bool = True
    is_coach: bool = False  # display only: coach actions are re-checked on the server
    verified: bool = False  # display only (the « confirme ton email » note); the server reads _verified
    _contact_id: int = 0
    _verified: bool = False  # proven by a code (the source of truth: `verified` is only its public copy)
    _since: float = 0.0  # unverified identity: when it was issued (what it may read starts there); 0 = verified
    _coach_room: int = 0  # the conversation this tab opened from the dashboard, as the coach
    _link_room: int = 0  # the assistant conversation of the chat link this page was opened with
    _ai_pending: tuple[int, int, str] | None = None  # (conversation, message, text) the assistant answers next

    @rx.var
    def identified(self) -> bool:
        return self.name != ""

    @rx.var
    def own_contact(self) -> int:
        """Which bubbles are mine (display only; every write re-checks the identity on the server)."""
        return self._contact_id

    @rx.var
    def is_coach_view(self) -> bool:
        return self._coach_room != 0

    @rx.var
    def me_key(self) -> str:
        return "coach" if self._coach_room else f"c{self._contact_id}"

    def _viewer(self) -> Viewer | None:
        """None for a verified identity; else what limits its reading (services/chat/visibility.py)."""
        return None if self._verified else Viewer.unverified(self._contact_id, self._since)

    def _forget(self) -> None:
        self.token, self._contact_id, self.name, self.rooms = "", 0, "", []
        self.verified = self._verified = False
        self._since = 0.0

    def _link_token(self) -> str:
        path = self.router.url.path or ""
        return path.rstrip("/").rsplit("/", 1)[-1] if path.startswith("/chat/l/") else ""

    async def _enter(self, cid: int, name: str, *, verified: bool, since: float):
        self._contact_id, self.name = cid, name
        self.verified = self._verified = verified
        self._since = 0.0 if verified else since
        first = 0
        if token := self._link_token():  # /chat/l/<token>: the link's own assistant conversation
            try:
                first = await run_write(do_enter_link, contact_id=cid, token=token)
            except ServiceError as e:
                self.link_error = texts.err(e.key)
        self._link_room = first
        self.rooms = await run_read(rooms_for, contact_id=cid)
        # A closed widget on some page only needs the inbox (badge, pings); a room is opened
        # when the chat is actually on screen.
        return [_entry.inbox, *(await self._first_room() if self._on_chat_page() or self.widget_open else [])]

    def _on_chat_page(self) -> bool:
        return (self.router.url.path or "").startswith("/chat")

    async def _first_room(self) -> list:
        if not self.rooms:
            return []
        self.ai_on = await asyncio.to_thread(assistant_available)
        return [_entry.room(self._link_room or self.rooms[0].id)]

    @rx.event
    async def restore(self):
        """on_load / widget mount: trust the stored token only if its signature holds; else clean it up."""
        self.is_coach = await (await self.get_state(AuthState)).ensure()
        ident = identity_from_token(self.token)
        name = await run_read(access_name, contact_id=ident.contact_id) if ident else None
        if ident is None or name is None:
            had_token = bool(self.token)
            self._forget()
            if had_token:  # edited or stale: remove it, the form shows again
                return rx.remove_local_storage(STORAGE_KEY)
            return
        since = ident.issued_at
        if not ident.verified and not since:  # a token from before codes: unverified from now on
            since = time.time()
            self.token = identity_token(ident.contact_id, verified=False, issued_at=since)
        same = (ident.contact_id, ident.verified, 0.0 if ident.verified else since) == \
            (self._contact_id, self._verified, self._since)
        if same and self.name and not self._on_chat_page():
            return  # this tab already knows who it is (the widget mounts again on each page)
        return await self._enter(ident.contact_id, name, verified=ident.verified, since=since)

    @rx.event
    def set_first_name(self, value: str):
        self.first_name, self.err_first_name = str(value)[:80], ""

    @rx.event
    def set_contact(self, value: str):
        self.contact, self.err_contact = str(value)[:254], ""

    @rx.event
    async def identify(self):
        """First-visit form. An email/number already on a contact gets no identity, only the code form."""
        if msg := await refused(self, "identity_claim"):
            self.err_contact = msg
            return
        try:
            claim = await run_write(do_claim_and_join, first_name=self.first_name, contact=self.contact)
        except ServiceError as e:
            msg = texts.err(e.key)
            if e.field == "first_name":
                self.err_first_name = msg
            else:
                self.err_contact = msg
            return
        if not claim.token:
            return await (await self.get_state(_entry.code))._start(claim.contact_id, claim.channel)
        self.token = claim.token
        ident = identity_from_token(claim.token)
        return await self._enter(claim.contact_id, claim.name, verified=False, since=ident.issued_at)

    @rx.event
    async def confirm(self):
        """An unverified identity asks for a code, to see its whole history."""
        if not self._contact_id or self._verified:
            return
        if msg := await refused(self, "identity_claim"):
            return rx.toast.error(msg)
        return await (await self.get_state(_entry.code))._start(self._contact_id, "email")

    @rx.event
    async def toggle_widget(self):
        self.widget_open = not self.widget_open
        if not self.widget_open:
            return None
        if not self.name:
            return ChatIdentity.restore
        return await self._first_room()

    @rx.event
    def toggle_full(self):
        self.full = not self.full

    @rx.event
    async def switch_identity(self):
        """Coach only (testing the widget as someone else): forget this browser's identity."""
        if not await (await self.get_state(AuthState)).ensure():
            return rx.toast.error(texts.err("chat_coach_only"))
        self._forget()
        return rx.remove_local_storage(STORAGE_KEY)

