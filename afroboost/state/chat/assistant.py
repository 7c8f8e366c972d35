"""The assistant's answer streamed into a room (called from ChatRoom's background event).

What to answer comes from the tab's backend-only `_ai_pending`, set by `send` after the
participant's message was stored: a crafted event cannot make the assistant answer
anything else, or in someone else's conversation.
"""

from __future__ import annotations

import asyncio
import time

import reflex as rx

from afroboost import texts
from afroboost.db import run_write, utc_now
from afroboost.models import ChatMessage, SenderKind
from afroboost.services import ServiceError
from afroboost.services.assistant.limits import contact_identity
from afroboost.services.assistant.reply import assistant_available, do_save_ai_reply, reply_stream
from afroboost.services.chat.format import mark_first_of_day, room_window
from afroboost.services.chat.handoff import do_route_to_coach
from afroboost.services.chat.messages import message_view
from afroboost.state.chat.notify import after_post

PUSH_EVERY = 0.12  # seconds between two partial updates of the streaming bubble
SILENT = {"ai_paused"}  # the coach took over: no message, no toast
# the coach answers instead (temporary refusals such as ai_rate_limited keep the assistant on)
TO_COACH = {None, "ai_unavailable", "ai_disabled", "ai_daily_budget", "ai_global_budget", "ai_provider_error"}


def _save_view(session, *, conversation_id: int, body: str):
    return message_view(do_save_ai_reply(session, conversation_id=conversation_id, body=body))


def _draft(conversation_id: int, reply_to: int, body: str):
    return message_view(ChatMessage(id=-reply_to, conversation_id=conversation_id, sender_kind=SenderKind.ai.value,
                                    sender_name=texts.AI_SENDER_NAME, body=body, created_at=utc_now()))


async def _show(room, conversation_id: int, view, size: int) -> None:
    async with room:
        if room.conversation_id == conversation_id:
            room.messages = room_window([*[m for m in room.messages if m.id != view.id], view], size)


async def stream_reply(room, identity_cls, size: int):
    async with room:
        me = await room.get_state(identity_cls)
        pending, me._ai_pending = me._ai_pending, None
        contact_id, viewer, fresh = me._contact_id, me._viewer(), room._fresh
        if not pending or not contact_id:
            return None
        conversation_id, message_id, text = pending
        room.ai_typing = room.conversation_id == conversation_id
    if not await asyncio.to_thread(assistant_available):
        return await _to_coach(room, conversation_id, None)
    parts: list[str] = []
    last = 0.0
    try:
        async for delta in reply_stream(conversation_id=conversation_id, identity=contact_identity(contact_id),
                                        user_text=text, user_message_id=message_id, viewer=viewer):
            parts.append(delta)
            if time.monotonic() - last >= PUSH_EVERY:
                last = time.monotonic()
                await _show(room, conversation_id, _draft(conversation_id, message_id, "".join(parts)), size)
    except ServiceError as e:
        return await _to_coach(room, conversation_id, e.key, draft_id=-message_id)
    body = "".join(parts).strip()
    if not body:
        return await _to_coach(room, conversation_id, "ai_provider_error", draft_id=-message_id)
    view = await run_write(_save_view, conversation_id=conversation_id, body=body)
    async with room:
        if room.conversation_id == conversation_id:
            room.messages = room_window([*[m for m in room.messages if m.id not in (view.id, -message_id)], view], size)
        room.ai_typing = False
    after_post(view, sender_id=0, shown_in=type(room), fresh=fresh)
    return None


async def _to_coach(room, conversation_id: int, key: str | None, draft_id: int = 0):
    """The assistant cannot answer: the conversation waits for the coach (who was already notified)."""
    status = await run_write(do_route_to_coach, conversation_id=conversation_id) if key in TO_COACH else None
    async with room:
        room.ai_typing = False
        if room.conversation_id == conversation_id:
            room.messages = mark_first_of_day([m for m in room.messages if m.id != draft_id])
            if status:
                room.status = status
    if key and key not in SILENT:
        return rx.toast.info(texts.err(key))
    return None
