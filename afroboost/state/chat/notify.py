"""After a message is stored: tell the people concerned who are not looking at that room.

Private conversations are shown to participants in the floating window (PrivateRoom) and
to the coach in the dashboard (ChatRoom): a message written in one is copied to the other.
Those room states call this module, so it sits below them: the package names them here
once both are defined (`show_private_in`, state/chat/__init__.py).
"""

from __future__ import annotations

import asyncio
import time

import afroboost.state.chat.fresh as chat_fresh
from afroboost import texts
from afroboost.db import run_read
from afroboost.keys import inbox_key
from afroboost.services.chat.format import plain_text
from afroboost.services.chat.private import private_threads, recipients
from afroboost.services.chat.visibility import Viewer
from afroboost.state.chat.inbox import Inbox
from afroboost.state.chat.push import append_to_room, edit_rooms, ping_inbox, remove_from_room

_pending: set[asyncio.Task] = set()
_windows: tuple[type, ...] = ()  # the room states showing a private conversation


def show_private_in(*windows: type) -> None:
    """Name the room states a private conversation shows in (a message posted in one is copied to the others)."""
    global _windows
    _windows = windows


def _later(coro) -> None:
    """Calling `app.modify_state` for other tokens inside an event handler made Reflex drop that
    handler's own delta (the sender did not see their message): pushes run in a task."""
    task = asyncio.create_task(coro)
    _pending.add(task)
    task.add_done_callback(_pending.discard)


def after_removal(conversation_id: int, message_id: int | None, *, shown_in: type) -> None:
    """The coach deleted a message (None: the whole history): the other window kind drops it too."""
    task = asyncio.create_task(_after_removal(conversation_id, message_id, shown_in))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def _after_removal(conversation_id: int, message_id: int | None, shown_in: type) -> None:
    for other in _windows:
        if other is not shown_in:
            await remove_from_room(other, conversation_id, message_id, 50)


def after_post(view, *, sender_id: int, shown_in: type, force_coach: bool = False, fresh: bool = False) -> None:
    """Schedule the pushes to run once the current event is done.

    `fresh`: the message was shown in an unverified viewer's own copy of the room
    (state/chat/fresh.py), so the shared room still needs it.
    """
    _later(_after_post(view, sender_id=sender_id, shown_in=shown_in, force_coach=force_coach, fresh=fresh))


def share(view, shown_in: type) -> None:
    """A message only the shared room got (no notification): copy it to unverified viewers' rooms."""
    _later(append_to_room(shown_in, view.conversation_id, view, 50, main=False))


# (room class, conversation, typist key) → until when a shared « écrit… » stays in the other copies
_shared_typing: dict[tuple, float] = {}


def share_typing(cls: type, conversation_id: int, typist, *, fresh: bool, seconds: float) -> None:
    """« X écrit… » for the unverified viewers' own copies of the room (and the shared room, from one).

    The typist's own room has its sweeper; the copies drop the typist once the last share ran out.
    """
    key = (cls, conversation_id, typist.key)
    _shared_typing[key] = time.time() + seconds
    _later(_share_typing(cls, conversation_id, typist, key, fresh=fresh, seconds=seconds))


async def _share_typing(cls: type, conversation_id: int, typist, key: tuple, *, fresh: bool, seconds: float) -> None:
    def put(room) -> None:
        if all(t.key != typist.key for t in room.typing):
            room.typing = [*room.typing, typist]

    def drop(room) -> None:
        if typist.key not in room._typing_until and any(t.key == typist.key for t in room.typing):
            room.typing = [t for t in room.typing if t.key != typist.key]

    if not await edit_rooms(cls, conversation_id, put, main=fresh):
        return
    await asyncio.sleep(seconds + 0.2)
    if _shared_typing.get(key, 0) <= time.time():  # no newer share keeps them typing
        _shared_typing.pop(key, None)
        await edit_rooms(cls, conversation_id, drop, main=fresh)


async def _after_post(view, *, sender_id: int, shown_in: type, force_coach: bool = False,
                      fresh: bool = False) -> None:
    members, coach, private = await run_read(recipients, conversation_id=view.conversation_id,
                                             sender_kind=view.sender_kind, sender_id=sender_id)
    await append_to_room(shown_in, view.conversation_id, view, 50, main=fresh)
    for other in _windows if private else ():
        if other is not shown_in:
            await append_to_room(other, view.conversation_id, view, 50)
    who = view.sender_name or texts.AI_SENDER_COACH
    note = texts.CHAT_NEW_FROM.format(name=who, text=plain_text(view.body)[:80])
    for contact_id in members:
        async def refresh(inbox, cid=contact_id):
            inbox.threads = await run_read(private_threads, contact_id=cid)
        await ping_inbox(Inbox, inbox_key(contact_id), note, refresh)
        await _ping_fresh(Inbox, contact_id, note)
    if coach or force_coach:
        await ping_inbox(Inbox, inbox_key("coach"), note)


async def _ping_fresh(inbox_cls: type, contact_id: int, note: str) -> None:
    """The person's unverified tabs have inboxes of their own, showing only threads they may see."""
    where = chat_fresh.group(inbox_cls, contact_id)
    for key, since in (await chat_fresh.members(where)).items():
        viewer = Viewer.unverified(contact_id, since)

        async def refresh(inbox, viewer=viewer):
            inbox.threads = await run_read(private_threads, contact_id=viewer.contact_id, viewer=viewer)
        if not await ping_inbox(inbox_cls, key, note, refresh):
            await chat_fresh.forget(where, key)
