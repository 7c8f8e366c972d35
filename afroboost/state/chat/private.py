"""Private messages in a floating window.

PrivateRoom is a second shared state so a participant keeps their group open while
writing privately; the coach sees the same conversation in the dashboard (ChatRoom).
"""

from __future__ import annotations

import reflex as rx

import afroboost.state.chat.fresh as chat_fresh
from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.models import Conversation
from afroboost.services import ServiceError
from afroboost.services.chat.format import room_window
from afroboost.services.chat.messages import MessageView, access_conversation, do_post_message
from afroboost.services.chat.private import (
    do_mark_read,
    do_open_private,
    is_member_pair,
    private_threads,
    private_title,
)
from afroboost.services.chat.visibility import room_history
from afroboost.state.chat.identity import ChatIdentity
from afroboost.state.chat.inbox import Inbox
from afroboost.state.chat.notify import after_post
from afroboost.state.throttle import refused

ROOM_SIZE = 50
DM_COMPOSER_ID = "chat-dm-composer"


class PrivateRoom(rx.SharedState):
    conversation_id: int = 0
    messages: list[MessageView] = []
    moderated: bool = False  # between two members: the window says the coach can moderate it
    _fresh: bool = False  # an unverified viewer's own copy (state/chat/fresh.py)

    async def _show(self, me: ChatIdentity, conv) -> None:
        viewer = me._viewer()
        rows, whole = await run_read(room_history, conversation_id=conv.id, limit=ROOM_SIZE, viewer=viewer)
        room = await chat_fresh.link_room(self, PrivateRoom, "private", conv.id, viewer, whole)
        room.conversation_id = conv.id  # from the database on every open (pushes skip unloaded rooms)
        room.moderated = is_member_pair(conv)
        room.messages = room_window(rows, ROOM_SIZE)
        me.dm_title = await run_read(_title, conversation_id=conv.id, viewer_id=me._contact_id)
        await self._read(me, conv.id)

    async def _read(self, me: ChatIdentity, conversation_id: int) -> None:
        await run_write(do_mark_read, contact_id=me._contact_id, conversation_id=conversation_id)
        inbox = await self.get_state(Inbox)
        inbox.threads = await run_read(private_threads, contact_id=me._contact_id, viewer=me._viewer())

    @rx.event
    async def open_with(self, other_id: int):
        """Click on a name in a group (0 = the coach): the private conversation, in the floating window."""
        me = await self.get_state(ChatIdentity)
        try:
            conv = await run_write(do_open_private, contact_id=me._contact_id, other_id=int(other_id))
        except (ServiceError, ValueError, TypeError) as e:
            return rx.toast.error(texts.err(getattr(e, "key", "chat_private_refused")))
        await self._show(me, conv)

    @rx.event
    async def open_thread(self, conversation_id: int):
        me = await self.get_state(ChatIdentity)
        try:
            conv = await run_read(access_conversation, contact_id=me._contact_id, conversation_id=int(conversation_id))
        except (ServiceError, ValueError, TypeError):
            return rx.toast.error(texts.err("chat_not_member"))
        if conv.kind != "private":
            return rx.toast.error(texts.err("chat_not_member"))
        await self._show(me, conv)

    @rx.event
    async def close(self):
        me = await self.get_state(ChatIdentity)
        if self.conversation_id:
            await self._read(me, self.conversation_id)
        me.dm_title = ""
        if self._linked_to:
            return await self._unlink()

    @rx.event
    async def send(self, form: dict):
        """Limited per tab and IP like the rooms; a refused message goes back into the composer."""
        if not self.conversation_id:
            return
        text = str(form.get("body", ""))
        me = await self.get_state(ChatIdentity)
        if msg := await refused(me, "chat_message", "chat_too_many"):
            return [rx.toast.error(msg), rx.set_value(DM_COMPOSER_ID, text)]
        try:
            msg = await run_write(do_post_message, contact_id=me._contact_id, conversation_id=self.conversation_id,
                                  body=text)
        except ServiceError as e:
            return [rx.toast.error(texts.err(e.key)), rx.set_value(DM_COMPOSER_ID, text)]
        self.messages = room_window([*self.messages, msg], ROOM_SIZE)
        after_post(msg, sender_id=me._contact_id, shown_in=type(self), fresh=self._fresh)


def _title(session, *, conversation_id: int, viewer_id: int) -> str:
    return private_title(session, session.get(Conversation, conversation_id), viewer_id)
