"""After a message is stored: tell the people concerned who are not looking at that room.

Private conversations are shown to participants in the floating window (PrivateRoom) and
to the coach in the dashboard (ChatRoom): a message written in one is copied to the other.
"""

from __future__ import annotations

import asyncio

from afroboost import texts
from afroboost.db import run_read
from afroboost.keys import inbox_key
from afroboost.services.chat_format import plain_text
from afroboost.services.chat_private import private_threads, recipients
from afroboost.state.chat_push import append_to_room, ping_inbox, remove_from_room

_pending: set[asyncio.Task] = set()


def after_post(view, *, sender_id: int, shown_in: type, force_coach: bool = False) -> None:
    """Schedule the pushes to run once the current event is done.

    Calling `app.modify_state` for other tokens inside an event handler made Reflex drop that
    handler's own delta (the sender did not see their message): the pushes run in a task.
    """
    task = asyncio.create_task(_after_post(view, sender_id=sender_id, shown_in=shown_in, force_coach=force_coach))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


def after_removal(conversation_id: int, message_id: int | None, *, shown_in: type) -> None:
    """The coach deleted a message (None: the whole history): the other window kind drops it too."""
    task = asyncio.create_task(_after_removal(conversation_id, message_id, shown_in))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def _after_removal(conversation_id: int, message_id: int | None, shown_in: type) -> None:
    from afroboost.state.chat_private import PrivateRoom
    from afroboost.state.chat_room import ChatRoom

    await remove_from_room(PrivateRoom if shown_in is ChatRoom else ChatRoom, conversation_id, message_id, 50)


async def _after_post(view, *, sender_id: int, shown_in: type, force_coach: bool = False) -> None:
    from afroboost.state.chat_private import Inbox, PrivateRoom
    from afroboost.state.chat_room import ChatRoom

    members, coach, private = await run_read(recipients, conversation_id=view.conversation_id,
                                             sender_kind=view.sender_kind, sender_id=sender_id)
    if private:
        other = PrivateRoom if shown_in is ChatRoom else ChatRoom
        await append_to_room(other, view.conversation_id, view, 50)
    who = view.sender_name or texts.AI_SENDER_COACH
    note = texts.CHAT_NEW_FROM.format(name=who, text=plain_text(view.body)[:80])
    for contact_id in members:
        async def refresh(inbox, cid=contact_id):
            inbox.threads = await run_read(private_threads, contact_id=cid)
        await ping_inbox(Inbox, inbox_key(contact_id), note, refresh)
    if coach or force_coach:
        await ping_inbox(Inbox, inbox_key("coach"), note)
