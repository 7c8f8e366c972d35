"""The room a tab shows (assistant conversation, group, or any conversation for the coach).

One rx.SharedState per conversation (an unguessable key, afroboost/keys.py): linked only after the server checked
that this tab may be there; every linked browser gets each new message without polling.
The assistant's reply streams into the room from a background event.

Participants' messages, typing events and assistant requests are rate limited per tab and IP
(state/throttle.py); the coach, proved by the cookie, is exempt. A refused message goes back
into the composer. Typing is cheap: a keystroke event only moves a backend deadline (no push
unless someone starts or stops typing) and one sweeper task per room clears expired lines.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass

import reflex as rx

import afroboost.state.chat.fresh as chat_fresh
from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.models import ConversationKind, ConversationStatus
from afroboost.services import ServiceError
from afroboost.services.chat.format import room_window
from afroboost.services.chat.handoff import (
    coach_access,
    do_clear_history,
    do_delete_message,
    do_hand_back,
    do_post_as_coach,
    do_request_coach,
)
from afroboost.services.chat.messages import MessageView, access_conversation, do_post_message
from afroboost.services.chat.private import is_member_pair, pair_title
from afroboost.services.chat.visibility import Viewer, room_history
from afroboost.state.auth import AuthState
from afroboost.state.chat.assistant import stream_reply
from afroboost.state.chat.identity import ChatIdentity
from afroboost.state.chat.notify import after_post, after_removal, share, share_typing
from afroboost.state.throttle import refused

ROOM_SIZE = 50
TYPING_SECONDS = 3.0
SWEEP_GRACE = 5.0  # a sweeper silent this long past its next wake-up is taken as dead (its worker stopped)
COMPOSER_ID, COACH_COMPOSER_ID = "chat-composer", "coach-composer"


@dataclass
class Typist:
    key: str = ""
    name: str = ""


class ChatRoom(rx.SharedState):
    conversation_id: int = 0
    title: str = ""
    kind: str = ""
    status: str = ""
    messages: list[MessageView] = []
    typing: list[Typist] = []
    ai_typing: bool = False
    moderated: bool = False  # two members' private conversation: the coach reads and deletes, never writes
    _typing_until: dict[str, float] = {}  # typist key → when their « écrit… » ends
    _sweep_until: float = 0.0  # the room's sweeper task wakes up before this (0: none running)
    _sweeper: str = ""  # the running sweeper's id: a crafted expire_typing frame does not know it
    _fresh: bool = False  # an unverified viewer's own copy of the room (state/chat/fresh.py)
    _shared_at: dict[str, float] = {}  # typist key → when « écrit… » was last shared with the other copies

    async def _enter(self, conv, viewer: Viewer | None = None) -> None:
        # From the database on every open: pushes skip rooms nobody had loaded (state/chat/push.py).
        rows, whole = await run_read(room_history, conversation_id=conv.id, limit=ROOM_SIZE, viewer=viewer)
        room = await chat_fresh.link_room(self, ChatRoom, "room", conv.id, viewer, whole)
        pair = is_member_pair(conv)
        title = await run_read(pair_title, conversation_id=conv.id) if pair else conv.title or conv.slug or ""
        room.conversation_id, room.title, room.kind, room.moderated = conv.id, title, conv.kind, pair
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
        if not await (await self.get_state(AuthState)).ensure():
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
            await (await self.get_state(AuthState)).ensure()

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
        composer = COACH_COMPOSER_ID if coach else COMPOSER_ID
        if not coach and (msg := await refused(me, "chat_message", "chat_too_many")):
            return [rx.toast.error(msg), rx.set_value(composer, text)]  # reset_on_submit emptied it
        try:
            if coach:
                msg = await run_write(do_post_as_coach, conversation_id=self.conversation_id, body=text)
            else:
                msg = await run_write(do_post_message, contact_id=me._contact_id,
                                      conversation_id=self.conversation_id, body=text)
        except ServiceError as e:
            return [rx.toast.error(texts.err(e.key)), rx.set_value(composer, text)]
        self._append(msg)
        self._stop_typing(me.me_key)
        if coach and self.kind == ConversationKind.assistant.value:
            self.status = ConversationStatus.coach.value
        after_post(msg, sender_id=0 if coach else me._contact_id, shown_in=type(self), fresh=self._fresh)
        if not coach and self.kind == ConversationKind.assistant.value:
            # fresh identities in one tab (or many tabs on one IP) do not get fresh assistant budgets
            if refusal := await refused(me, "ai_request", "ai_too_many"):
                return rx.toast.info(refusal)  # the message is stored; the coach was told of it
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
        if not self.conversation_id or not await (await self.get_state(AuthState)).ensure():
            return rx.toast.error(texts.err("chat_coach_only"))
        await run_write(do_clear_history, conversation_id=self.conversation_id)
        self.messages = []
        after_removal(self.conversation_id, None, shown_in=type(self))
        return rx.toast.success(texts.CHAT_HISTORY_CLEARED)

    @rx.event
    async def delete_message(self, message_id: int):
        """Coach only, from the dashboard: moderation of one message (also in members' private windows)."""
        if not await self._as_coach():
            return rx.toast.error(texts.err("chat_coach_only"))
        try:
            mid = int(message_id)
        except (TypeError, ValueError):
            return None
        if await run_write(do_delete_message, conversation_id=self.conversation_id, message_id=mid):
            self.messages = room_window([m for m in self.messages if m.id != mid], ROOM_SIZE)
            after_removal(self.conversation_id, mid, shown_in=type(self))
        return None

    def _stop_typing(self, key: str) -> None:
        if key in self._typing_until:  # only then: an untouched var is not re-sent
            self._typing_until = {k: u for k, u in self._typing_until.items() if k != key}
            self.typing = [t for t in self.typing if t.key != key]

    @rx.event
    async def typed(self, _value: str = ""):
        """« X écrit… » for the others (the input sends at most one event a second; limited per tab and IP).

        Pushed only when someone starts typing: a keystroke of someone already shown only moves
        their backend deadline. The room's one sweeper task (started here if none runs) removes them.
        """
        if not self.conversation_id:
            return None
        me = await self.get_state(ChatIdentity)
        coach = me._coach_room == self.conversation_id
        name = texts.AI_SENDER_COACH if coach else me.name
        if not name or (coach and self.moderated) or await refused(me, "typing"):
            return None  # a refused typing event is dropped silently (it is only a hint)
        now = time.time()
        self._typing_until = {**{k: u for k, u in self._typing_until.items() if u > now},
                              me.me_key: now + TYPING_SECONDS}
        if not any(t.key == me.me_key for t in self.typing):
            self.typing = [*[t for t in self.typing if t.key in self._typing_until], Typist(me.me_key, name)]
        if now >= self._shared_at.get(me.me_key, 0.0) + TYPING_SECONDS - 0.5:  # the other copies, now and then
            self._shared_at = {**{k: t for k, t in self._shared_at.items() if t > now - 60}, me.me_key: now}
            share_typing(ChatRoom, self.conversation_id, Typist(me.me_key, name), fresh=self._fresh,
                         seconds=TYPING_SECONDS)
        if self._sweep_until < now:
            self._sweep_until, self._sweeper = now + TYPING_SECONDS + SWEEP_GRACE, uuid.uuid4().hex
            return ChatRoom.expire_typing(self._sweeper)
        return None

    @rx.event(background=True)
    async def expire_typing(self, sweeper: str):
        """The room's sweeper: sleeps until the next « écrit… » ends, removes it, stops when nobody types."""
        while True:
            async with self:
                if not sweeper or sweeper != self._sweeper:
                    return  # replaced by a newer sweeper, or a crafted call
                now = time.time()
                live = {k: u for k, u in self._typing_until.items() if u > now}
                if live != self._typing_until:
                    self._typing_until = live
                    self.typing = [t for t in self.typing if t.key in live]
                if not live:
                    self._sweep_until, self._sweeper = 0.0, ""
                    return
                wait = min(live.values()) - now + 0.1
                self._sweep_until = now + wait + SWEEP_GRACE
            await asyncio.sleep(wait)
