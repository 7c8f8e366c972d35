"""The room a tab shows (assistant conversation, group, or any conversation for the coach).

One rx.SharedState per conversation (an unguessable key, afroboost/keys.py): linked only after the server checked
that this tab may be there; every linked browser gets each new message without polling.
The assistant's reply streams into the room from a background event.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.models import ConversationKind, ConversationStatus
from afroboost.services import ServiceError
from afroboost.services.chat import MessageView, access_conversation, do_post_message
from afroboost.services.chat_format import room_window
from afroboost.services.chat_handoff import (
    coach_access,
    do_clear_history,
    do_hand_back,
    do_post_as_coach,
    do_request_coach,
)
from afroboost.services.chat_visibility import Viewer, room_history
from afroboost.state import chat_fresh
from afroboost.state.auth import AuthState
from afroboost.state.chat import ChatIdentity
from afroboost.state.chat_assistant import stream_reply
from afroboost.state.chat_notify import after_post, share, share_typing

ROOM_SIZE = 50
TYPING_SECONDS = 3.0


@dataclass
class Typist:
    key: str = ""
    name: str = ""
    until: float = 0.0


class ChatRoom(rx.SharedState):
    conversation_id: int = 0
    title: str = ""
    kind: str = ""
    status: str = ""
    messages: list[MessageView] = []
    typing: list[Typist] = []
    ai_typing: bool = False
    _fresh: bool = False  # an unverified viewer's own copy of the room (state/chat_fresh.py)

    async def _enter(self, conv, viewer: Viewer | None = None) -> None:
        # From the database on every open: pushes skip rooms nobody had loaded (state/chat_push.py).
        rows, whole = await run_read(room_history, conversation_id=conv.id, limit=ROOM_SIZE, viewer=viewer)
        room = await chat_fresh.link_room(self, ChatRoom, "room", conv.id, viewer, whole)
        room.conversation_id, room.title, room.kind = conv.id, conv.title or conv.slug or "", conv.kind
        room.messages = room_window(rows, ROOM_SIZE)
        room.status = conv.status if conv.kind == ConversationKind.assistant.value else ""

    @rx.event
    async def open(self, conversation_id: int):
        """Link this tab to the room, after checking on the server that this person belongs there."""
        me = await self.get_state(ChatIdentity)
        try:
            conv = await run_read(access_conversation, contact_id=me._contact_id, conversation_id=int(conversation_id))
        except (ServiceError, ValueError, TypeError):
            return rx.toast.error(texts.err("chat_not_member"))
        me._coach_room = 0
        await self._enter(conv, me._viewer())

    @rx.event
    async def open_as_coach(self, conversation_id: int):
        """The coach links this tab to any conversation (identity re-read from the HttpOnly cookie)."""
        if not (await self.get_state(AuthState)).ensure():
            return rx.toast.error(texts.err("chat_coach_only"))
        try:
            conv = await run_read(coach_access, conversation_id=int(conversation_id))
        except (ServiceError, ValueError, TypeError):
            return rx.toast.error(texts.err("ai_conversation_unknown"))
        (await self.get_state(ChatIdentity))._coach_room = conv.id
        await self._enter(conv)

    async def _as_coach(self) -> bool:
        """This tab speaks as the coach only if it opened this room from the dashboard AND is the coach."""
        me = await self.get_state(ChatIdentity)
        return bool(self.conversation_id) and me._coach_room == self.conversation_id and \
            (await self.get_state(AuthState)).ensure()

    def _append(self, view: MessageView) -> None:
        self.messages = room_window([*[m for m in self.messages if m.id != view.id], view], ROOM_SIZE)

    @rx.event
    async def send(self, form: dict):
        """The composer is a per-tab form (nothing typed is shared); the sender comes from the server."""
        text = str(form.get("body", ""))
        if not self.conversation_id:
            return
        me = await self.get_state(ChatIdentity)
        coach = await self._as_coach()
        try:
            if coach:
                msg = await run_write(do_post_as_coach, conversation_id=self.conversation_id, body=text)
            else:
                msg = await run_write(do_post_message, contact_id=me._contact_id,
                                      conversation_id=self.conversation_id, body=text)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key))
        self._append(msg)
        if any(t.key == me.me_key for t in self.typing):  # only then: an untouched var is not re-sent
            self.typing = [t for t in self.typing if t.key != me.me_key]
        if coach and self.kind == ConversationKind.assistant.value:
            self.status = ConversationStatus.coach.value
        after_post(msg, sender_id=0 if coach else me._contact_id, shown_in=type(self), fresh=self._fresh)
        if not coach and self.kind == ConversationKind.assistant.value:
            me._ai_pending = (self.conversation_id, msg.id, text)
            return ChatRoom.ai_reply

    @rx.event(background=True)
    async def ai_reply(self):
        """Stream the assistant's answer to this tab's last message (set by `send`, never by the browser)."""
        await stream_reply(self, ChatIdentity, ROOM_SIZE)

    @rx.event
    async def ask_coach(self):
        me = await self.get_state(ChatIdentity)
        try:
            msg = await run_write(do_request_coach, contact_id=me._contact_id, conversation_id=self.conversation_id)
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key))
        self.status = ConversationStatus.waiting.value if self.status == "ai" else self.status
        if msg is not None:
            self._append(msg)
            after_post(msg, sender_id=me._contact_id, shown_in=type(self), force_coach=True, fresh=self._fresh)

    @rx.event
    async def hand_back(self):
        if not await self._as_coach():
            return rx.toast.error(texts.err("chat_coach_only"))
        msg = await run_write(do_hand_back, conversation_id=self.conversation_id)
        if msg is not None:
            self.status = ConversationStatus.ai.value
            self._append(msg)
            share(msg, type(self))

    @rx.event
    async def clear_history(self):
        """Coach only « Supprimer l'historique » (dashboard or widget)."""
        if not self.conversation_id or not (await self.get_state(AuthState)).ensure():
            return rx.toast.error(texts.err("chat_coach_only"))
        await run_write(do_clear_history, conversation_id=self.conversation_id)
        self.messages = []
        return rx.toast.success(texts.CHAT_HISTORY_CLEARED)

    @rx.event
    async def typed(self, _value: str = ""):
        """« X écrit… » for the others (the input throttles this to one event a second)."""
        if not self.conversation_id:
            return
        me = await self.get_state(ChatIdentity)
        name = texts.AI_SENDER_COACH if me._coach_room == self.conversation_id else me.name
        if not name:
            return
        typist = Typist(me.me_key, name, time.time() + TYPING_SECONDS)
        self.typing = [*[t for t in self.typing if t.key != me.me_key and t.until > time.time()], typist]
        share_typing(ChatRoom, self.conversation_id, typist, fresh=self._fresh, seconds=TYPING_SECONDS)
        return ChatRoom.expire_typing

    @rx.event(background=True)
    async def expire_typing(self):
        await asyncio.sleep(TYPING_SECONDS + 0.2)
        async with self:
            now = time.time()
            if any(t.until <= now for t in self.typing):
                self.typing = [t for t in self.typing if t.until > now]
