"""Pushes to other people's open browsers: their inbox (badge, sound, toast) and rooms they view.

Runs inside the web process (an event handler or a background event), through
`app.modify_state`, so with Redis it reaches clients on every worker.
"""

from __future__ import annotations

import logging
import time

import reflex as rx

from afroboost.keys import room_key
from afroboost.services.chat_format import room_window

log = logging.getLogger("afroboost.chat")


def _app():
    from reflex.utils import prerequisites

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


async def _edit_room(cls: type[rx.State], conversation_id: int, edit, what: str) -> None:
    """Apply `edit(room)` to a room state browsers have open (none open: nothing to do)."""
    token = rx.BaseStateToken(ident=room_key(conversation_id), cls=cls)
    try:
        if not await _loaded(token):
            return
        async with _app().modify_state(token) as root:
            room = await root.get_state(cls)
            if room.conversation_id == conversation_id:
                edit(room)
    except Exception:  # a push is a courtesy: the database is right and shows on next open
        log.exception("[CHAT] %s in room %s failed", what, conversation_id)


async def append_to_room(cls: type[rx.State], conversation_id: int, view, size: int) -> None:
    """Add a message to a room state browsers have open (a campaign, a copy to the other window kind)."""
    def edit(room) -> None:
        if all(m.id != view.id for m in room.messages):
            room.messages = room_window([*room.messages, view], size)

    await _edit_room(cls, conversation_id, edit, "push")


async def remove_from_room(cls: type[rx.State], conversation_id: int, message_id: int | None, size: int) -> None:
    """Drop a deleted message (None: every message) from a room state browsers have open."""
    def edit(room) -> None:
        kept = [] if message_id is None else [m for m in room.messages if m.id != message_id]
        if len(kept) != len(room.messages):
            room.messages = room_window(kept, size)

    await _edit_room(cls, conversation_id, edit, "removal")


async def ping_inbox(cls: type[rx.State], token: str, note: str, refresh=None) -> None:
    """Ring an inbox: its `ping` counter moves (the page plays the sound / shows the toast)."""
    state_token = rx.BaseStateToken(ident=token, cls=cls)
    try:
        if not await _loaded(state_token):  # nobody has this inbox open: it refreshes when they connect
            return
        async with _app().modify_state(state_token) as root:
            inbox = await root.get_state(cls)
            inbox.ping += 1
            inbox.at = time.time()
            inbox.note = note[:140]
            if refresh is not None:
                await refresh(inbox)
    except Exception:
        log.exception("[CHAT] push to inbox %s failed", token)
