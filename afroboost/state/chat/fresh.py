"""Rooms and inboxes of their own for UNVERIFIED chat identities, and who has one open.

A shared room holds everyone's last messages, and every tab linked to it receives them all.
An unverified identity may see only its own messages and newer ones
(services/chat/visibility.py), so when a room's window holds anything else it is linked to a
« fresh » copy under its own unguessable key instead. Pushes must reach those copies too:
each is noted here under its room (or inbox), in Redis when the app runs on several workers,
else in this process.
"""

from __future__ import annotations

from reflex.utils import prerequisites

from afroboost.keys import room_key, shared_key
from afroboost.services.chat.visibility import Viewer

TTL_S = 2 * 24 * 3600
_local: dict[str, dict[str, float]] = {}


def fresh_key(kind: str, ident: int, viewer: Viewer) -> str:
    """The key of one unverified viewer's copy of a room/inbox (per identity issue time)."""
    return shared_key("fresh", f"{kind}:{int(ident)}:{viewer.contact_id}:{int(viewer.since.timestamp())}")


def group(cls: type, ident: int) -> str:
    """Where the fresh copies of one room (or inbox) of state class `cls` are noted."""
    return f"afro-fresh:{cls.__name__}:{int(ident)}"


async def link_room(state, cls: type, kind: str, conversation_id: int, viewer: Viewer | None, whole: bool):
    """Link a room state to the shared room when `whole` (its window holds nothing this viewer may
    not see), else to this viewer's own copy, noted so pushes reach it. Returns the linked room."""
    if whole:
        room = await state._link_to(room_key(conversation_id))
    else:
        key = fresh_key(kind, conversation_id, viewer)
        await remember(group(cls, conversation_id), key, viewer.since.timestamp())
        room = await state._link_to(key)
    room._fresh = not whole
    return room


def _redis():
    return getattr(prerequisites.get_app().app.state_manager, "redis", None)


async def remember(where: str, key: str, since: float) -> None:
    redis = _redis()
    if redis is None:
        _local.setdefault(where, {})[key] = since
        return
    await redis.hset(where, key, str(since))
    await redis.expire(where, TTL_S)


async def members(where: str) -> dict[str, float]:
    """{fresh key: since (epoch seconds)} of the copies noted under `where`."""
    redis = _redis()
    if redis is None:
        return dict(_local.get(where, {}))
    raw = await redis.hgetall(where)
    return {(k.decode() if isinstance(k, bytes) else k): float(v) for k, v in raw.items()}


async def forget(where: str, key: str) -> None:
    """A copy nobody has loaded any more (its tab went away)."""
    redis = _redis()
    if redis is None:
        _local.get(where, {}).pop(key, None)
        return
    await redis.hdel(where, key)
