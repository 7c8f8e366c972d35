"""Chat for participants: who they are (signed token in the browser) and the live rooms.

Rooms are rx.SharedState instances linked per conversation (`room-<id>`), only after the
server has checked membership from the verified contact id. The room keeps the last
messages; the history is in the database.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.chat import (
    MessageView,
    RoomView,
    access_conversation,
    access_name,
    do_identify_and_join,
    do_post_message,
    recent_messages,
    rooms_for,
)
from afroboost.services.chat_identity import contact_id_from_token

ROOM_SIZE = 50


class ChatIdentity(rx.State):
    token: str = rx.LocalStorage("", name="afro_chat_identity")
    first_name: str = ""
    contact: str = ""
    err_first_name: str = ""
    err_contact: str = ""
    name: str = ""
    rooms: list[RoomView] = []
    _contact_id: int = 0

    @rx.var
    def identified(self) -> bool:
        return self.name != ""

    @rx.var
    def own_contact(self) -> int:
        """Which bubbles are mine (display only; every write re-checks the identity on the server)."""
        return self._contact_id

    @rx.event
    async def restore(self):
        """on_load: trust the stored token only if its signature holds; else clean it up."""
        cid = contact_id_from_token(self.token)
        name = await run_read(access_name, contact_id=cid) if cid else None
        if cid is None or name is None:
            had_token = bool(self.token)
            self.token, self._contact_id, self.name, self.rooms = "", 0, "", []
            if had_token:  # edited or stale: remove it, the form shows again
                return rx.remove_local_storage("afro_chat_identity")
            return
        self._contact_id, self.name = cid, name
        self.rooms = await run_read(rooms_for, contact_id=cid)

    @rx.event
    def set_first_name(self, value: str):
        self.first_name, self.err_first_name = str(value)[:80], ""

    @rx.event
    def set_contact(self, value: str):
        self.contact, self.err_contact = str(value)[:254], ""

    @rx.event
    async def identify(self):
        try:
            cid, token, name = await run_write(do_identify_and_join, first_name=self.first_name,
                                               contact=self.contact)
        except ServiceError as e:
            msg = texts.err(e.key)
            if e.field == "first_name":
                self.err_first_name = msg
            else:
                self.err_contact = msg
            return
        self.token, self._contact_id, self.name = token, cid, name
        self.rooms = await run_read(rooms_for, contact_id=cid)


class ChatRoom(rx.SharedState):
    conversation_id: int = 0
    title: str = ""
    messages: list[MessageView] = []

    @rx.event
    async def open(self, conversation_id: int):
        """Link this tab to the room, after checking on the server that this person belongs there."""
        me = await self.get_state(ChatIdentity)
        try:
            conv = await run_read(access_conversation, contact_id=me._contact_id, conversation_id=int(conversation_id))
        except (ServiceError, ValueError):
            return rx.toast.error(texts.err("chat_not_member"))
        if self._linked_to:
            await self._unlink()
        room = await self._link_to(f"room-{conv.id}")
        if room.conversation_id != conv.id:
            room.conversation_id, room.title = conv.id, conv.title or conv.slug or ""
            room.messages = await run_read(recent_messages, conversation_id=conv.id, limit=ROOM_SIZE)

    @rx.event
    async def send(self, form: dict):
        """The composer is a per-tab form (nothing typed is shared); the sender comes from the server."""
        me = await self.get_state(ChatIdentity)
        text = str(form.get("body", ""))
        if not self.conversation_id:
            return
        try:
            msg = await run_write(do_post_message, contact_id=me._contact_id, conversation_id=self.conversation_id,
                                  body=text)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key))
        self.messages = [*self.messages, msg][-ROOM_SIZE:]
