"""Pushes to other people's open browsers: their inbox (badge, sound, toast) and rooms they view.

Runs inside the web process (an event handler or a background event), through
`app.modify_state`, so with Redis it reaches clients on every worker.
"""

from __future__ import annotations

import logging
import time

import reflex as rx
from reflex.utils import prerequisites

import afroboost.state.chat.fresh as chat_fresh
from afroboost.keys import room_key
from afroboost.services.chat.format import room_window

log = logging.getLogger("afroboost.chat")


def _app():
    return prerequisites.get_app().app


async def _loaded(token: rx.BaseStateToken) -> bool:
    """Whether a room state exists at all (memory, disk or Redis manager).

    A room nobody has open is not created just to hold a push: rooms reload their last
    messages from the database whenever someone opens them.
    """
    manager = _app().state_manager
    states = getattr(manager, "states", None)
    if isinstance(states, dict):
        return token.cache_key in states
    redis = getattr(manager, "redis", None)
    if redis is not None:
        return bool(await redis.exists(str(token)))
    return True


async def append_to_room(cls: type[rx.State], conversation_id: int, view, size: int, *, main: bool = True) -> None:
    """Add a message to the room states browsers have open (a campaign, a copy to the other window kind).

    Also to every unverified viewer's own copy of the room (state/chat/fresh.py); `main=False`
    reaches only those (the caller's event already updated the shared room).
    """
    def append(room) -> None:
        if all(m.id != view.id for m in room.messages):
            room.messages = room_window([*room.messages, view], size)

    await edit_rooms(cls, conversation_id, append, main=main)


async def edit_rooms(cls: type[rx.State], conversation_id: int, edit, *, main: bool = True) -> int:
    """Apply `edit(room)` to the shared room (if `main`) and to the unverified viewers' copies that are open.

    Returns how many rooms were open.
    """
    done = 0
    if main:
        done += await _edit(cls, room_key(conversation_id), conversation_id, edit)
    where = chat_fresh.group(cls, conversation_id)
    for key in await chat_fresh.members(where):
        if await _edit(cls, key, conversation_id, edit):
            done += 1
        else:
            await chat_fresh.forget(where, key)
    return done


async def _edit(cls: type[rx.State], key: str, conversation_id: int, edit) -> bool:
    """False when nobody has that room loaded."""
    token = rx.BaseStateToken(ident=key, cls=cls)
    try:
        if not await _loaded(token):
            return False
        async with _app().modify_state(token) as root:
            room = await root.get_state(cls)
            if room.conversation_id == conversation_id:
                edit(room)
    except Exception:  # a push is a courtesy: the message is stored and shows on next open
        log.exception("[CHAT] push to room %s failed", conversation_id)
    return True


async def remove_from_room(cls: type[rx.State], conversation_id: int, message_id: int | None, size: int) -> None:
    """Drop a deleted message (None: every message) from the room states browsers have open."""
    def edit(room) -> None:
        kept = [] if message_id is None else [m for m in room.messages if m.id != message_id]
        if len(kept) != len(room.messages):
            room.messages = room_window(kept, size)

    await edit_rooms(cls, conversation_id, edit)


async def ping_inbox(cls: type[rx.State], token: str, note: str, refresh=None) -> bool:
    """Ring an inbox: its `ping` counter moves (the page plays the sound / shows the toast).

    False when nobody has it open (it refreshes when they connect).
    """
    state_token = rx.BaseStateToken(ident=token, cls=cls)
    try:
        if not await _loaded(state_token):
            return False
        async with _app().modify_state(state_token) as root:
            inbox = await root.get_state(cls)
            inbox.ping += 1
            inbox.at = time.time()
            inbox.note = note[:140]
            if refresh is not None:
                await refresh(inbox)
    except Exception:
        log.exception("[CHAT] push to inbox %s failed", token)
    return True
