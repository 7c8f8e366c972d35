"""Campaign messages shown live in the chat rooms people have open.

services/campaigns/chat_delivery.py stores them; the app registers `show_campaign_messages`
as its publisher at assembly (afroboost.py), so only the web process pushes.
"""

from __future__ import annotations

import asyncio

from afroboost.services.chat.messages import MessageView
from afroboost.state.chat.push import append_to_room
from afroboost.state.chat.room import ROOM_SIZE, ChatRoom

PUSH_CONCURRENCY = 16  # each push is a state lock + read + write (a Redis round trip with several workers)


async def show_campaign_messages(views: list[MessageView]) -> None:
    """Append each message to its room where a browser has it open (after the commit)."""
    gate = asyncio.Semaphore(PUSH_CONCURRENCY)

    async def one(view: MessageView) -> None:
        async with gate:
            await append_to_room(ChatRoom, view.conversation_id, view, ROOM_SIZE)

    await asyncio.gather(*(one(v) for v in views))
