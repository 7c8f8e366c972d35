"""Campaign messages stored in the chat: a « 💪 Coach Bassi » message in the person's own
conversation ("internal") or in a group room ("group"), then shown live where a publisher runs.

Exactly once, even across a crash: the messages and their delivery rows' provider_id are
written in the SAME transaction. A retried delivery whose row already carries a message
id (the process died after the commit, before the dispatcher recorded « sent ») reports
that message instead of posting a second one. Two attempts racing on one row (only after
a lease expired) are caught by a conditional UPDATE: the later one rolls back whole and
raises Raced, and its retry then reports the winner's message.

A chunk is a handful of set-based statements (no per-message ORM work): 10 000
recipients must go out in seconds.

Live display is the web app's business: it registers a publisher at assembly
(`set_chat_publisher`), called with the new messages once their transaction committed.
A process without one (the scheduler subprocess, a script) only stores the rows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from afroboost import texts
from afroboost.db import run_write, utc_now
from afroboost.integrations.channels import OutgoingMessage, SendResult
from afroboost.integrations.chat_channel import ChatChannel, Raced
from afroboost.models import ChatMessage, Contact, Conversation, ConversationKind, ConversationStatus, SenderKind
from afroboost.models.campaign import Delivery
from afroboost.services.chat.messages import MessageView, message_view

MAX_BODY = 4000
_D, _M, _C = Delivery.__table__, ChatMessage.__table__, Conversation.__table__

Publisher = Callable[[list[MessageView]], Awaitable[None]]
_publisher: Publisher | None = None
_publishing: set[asyncio.Task] = set()


def set_chat_publisher(publisher: Publisher | None) -> None:
    """Register how stored campaign messages reach open browsers (None: store only, the default)."""
    global _publisher
    _publisher = publisher


@dataclass
class _Stored:  # what message_view reads, without an ORM object per message
    id: int
    conversation_id: int
    body: str
    created_at: datetime
    sender_kind: str = SenderKind.coach.value
    sender_name: str = texts.CAMPAIGN_SENDER
    contact_id: int | None = None


def _text(m: OutgoingMessage) -> str:
    body = m.body.strip()
    if m.media_url.strip():
        body = f"{body}\n{m.media_url.strip()}" if body else m.media_url.strip()
    return body[:MAX_BODY]


def _group_rooms(session: Session, ids: set[int]) -> dict[int, int]:
    rows = session.execute(sa.select(_C.c.id).where(_C.c.id.in_(ids), _C.c.kind == ConversationKind.group.value,
                                                    _C.c.deleted_at.is_(None))).scalars()
    return {i: i for i in rows}


def _own_rooms(session: Session, contact_ids: set[int], now: datetime) -> dict[int, int]:
    """contact id → their assistant conversation (created when missing), like do_ensure_assistant_conversation."""
    known = set(session.execute(sa.select(Contact.id).where(Contact.id.in_(contact_ids))).scalars())
    rooms = dict(session.execute(
        sa.select(_C.c.contact_id, sa.func.min(_C.c.id)).where(
            _C.c.contact_id.in_(known), _C.c.kind == ConversationKind.assistant.value, _C.c.link_id.is_(None),
            _C.c.deleted_at.is_(None)).group_by(_C.c.contact_id)).all())
    missing = sorted(known - rooms.keys())
    if missing:
        created = session.execute(sa.insert(_C).returning(_C.c.contact_id, _C.c.id, sort_by_parameter_order=True), [
            {"kind": ConversationKind.assistant.value, "contact_id": c, "link_id": None, "title": "Coach Bassi",
             "status": ConversationStatus.ai.value, "created_at": now, "slug": None, "deleted_at": None,
             "last_message_at": None} for c in missing]).all()
        rooms.update(dict(created))
    return rooms


def post_messages(session: Session, *, channel: str, messages: list[OutgoingMessage], views: bool = True
                  ) -> list[tuple[SendResult, MessageView | None]]:
    """Store the messages (one transaction); a message already stored for a delivery is reported, not repeated.

    Raises Raced when a concurrent attempt stored one of them first (nothing of ours is kept).
    """
    now = utc_now()
    ledger = dict(session.execute(sa.select(_D.c.id, _D.c.provider_id)
                                  .where(_D.c.id.in_({m.delivery_id for m in messages}))).all())
    if channel == "group":
        rooms = _group_rooms(session, {int(m.conversation_id or 0) for m in messages})
        room_of = [rooms.get(int(m.conversation_id or 0)) for m in messages]
    else:
        todo = {int(m.contact_id or 0) for m in messages if not ledger.get(m.delivery_id) and _text(m)}
        rooms = _own_rooms(session, todo, now) if todo else {}
        room_of = [rooms.get(int(m.contact_id or 0)) for m in messages]
    out: list[tuple[SendResult, MessageView | None] | None] = [None] * len(messages)
    new: list[tuple[int, dict]] = []
    for i, (m, room) in enumerate(zip(messages, room_of, strict=True)):
        if ledger.get(m.delivery_id):
            out[i] = (SendResult("sent", provider_id=ledger[m.delivery_id]), None)
        elif not _text(m):
            out[i] = (SendResult("failed", error_code="empty", error_message=texts.err("chat_empty")), None)
        elif room is None and channel == "group":
            out[i] = (SendResult("failed", error_code="no_group", error_message=texts.CH_NO_GROUP), None)
        elif room is None:
            out[i] = (SendResult("failed", error_code="no_contact", error_message=texts.CH_NO_CONTACT), None)
        else:
            new.append((i, {"conversation_id": room, "sender_kind": SenderKind.coach.value, "contact_id": None,
                            "sender_name": texts.CAMPAIGN_SENDER, "body": _text(m), "created_at": now,
                            "notified": False}))
    if new:
        ids = session.execute(sa.insert(_M).returning(_M.c.id, sort_by_parameter_order=True),
                              [row for _, row in new]).scalars().all()
        # The campaign must not silence the assistant: the conversation's status is left as it is.
        session.execute(sa.update(_C).where(_C.c.id.in_({row["conversation_id"] for _, row in new}))
                        .values(last_message_at=now))
        marks = [{"b_id": messages[i].delivery_id, "b_pid": str(mid)}
                 for (i, _), mid in zip(new, ids, strict=True) if messages[i].delivery_id in ledger]
        if marks:
            claimed = session.execute(sa.update(_D).where(_D.c.id == sa.bindparam("b_id"), _D.c.provider_id == "")
                                      .values(provider_id=sa.bindparam("b_pid")), marks)
            if claimed.rowcount != len(marks):
                raise Raced(f"{len(marks) - claimed.rowcount} of {len(marks)} deliveries already posted")
        for (i, row), mid in zip(new, ids, strict=True):
            view = message_view(_Stored(mid, row["conversation_id"], row["body"], now)) if views else None
            out[i] = (SendResult("sent", provider_id=str(mid)), view)
    return out  # type: ignore[return-value]


def _publish(views: list[MessageView]) -> None:
    """In the background: the dispatcher records « sent » without waiting for browsers."""
    if not views or _publisher is None:
        return
    task = asyncio.create_task(_publisher(views))
    _publishing.add(task)
    task.add_done_callback(_publishing.discard)


def chat_writer(*, publish: bool = True):
    """The writer a ChatChannel calls: store one chunk (its own transaction), then publish it.

    Args:
        publish: False keeps the messages off open browsers (tests driving the dispatcher).
    """
    async def write(channel: str, messages: list[OutgoingMessage]) -> list[SendResult]:
        live = publish and _publisher is not None
        rows = await run_write(post_messages, channel=channel, messages=messages, views=live)
        if live:  # after the commit: run_write has returned
            _publish([v for _, v in rows if v is not None])
        return [r for r, _ in rows]

    return write


def chat_channel(channel: str = "internal", *, publish: bool = True) -> ChatChannel:
    """The internal or group campaign channel, writing through this module."""
    return ChatChannel(channel, write=chat_writer(publish=publish))


def post_to_own_room(session: Session, *, contact_id: int, body: str, now: datetime) -> tuple[int, MessageView] | None:
    """One « 💪 Coach Bassi » message in the contact's own conversation (a transactional notice).

    In the caller's transaction, so the caller records it as sent in the same commit. None when
    the contact does not exist.
    """
    room = _own_rooms(session, {contact_id}, now).get(contact_id)
    text = (body or "").strip()[:MAX_BODY]
    if room is None or not text:
        return None
    mid = session.execute(sa.insert(_M).returning(_M.c.id), [{
        "conversation_id": room, "sender_kind": SenderKind.coach.value, "contact_id": None,
        "sender_name": texts.CAMPAIGN_SENDER, "body": text, "created_at": now, "notified": False}]).scalar_one()
    session.execute(sa.update(_C).where(_C.c.id == room).values(last_message_at=now))
    return mid, message_view(_Stored(mid, room, text, now))


def publish_messages(views: list[MessageView]) -> None:
    """Show stored messages in open browsers (after their commit), where the app registered a publisher."""
    _publish(views)
