"""Each person's inbox: unread badges and notifications of private messages.

Inbox is linked to the person's unguessable inbox key (afroboost/keys.py; the coach's dashboard
has its own): pushes move its `ping`, which the page turns into a sound, a tab-title flash and
a browser notification (or an in-page toast).
"""

from __future__ import annotations

import reflex as rx

import afroboost.state.chat.fresh as chat_fresh
from afroboost.db import run_read
from afroboost.keys import inbox_key
from afroboost.services.chat.private import PrivateView, private_threads
from afroboost.state.auth import AuthState
from afroboost.state.chat.identity import ChatIdentity


class Inbox(rx.SharedState):
    ping: int = 0
    note: str = ""
    at: float = 0.0  # when the last ping happened (epoch seconds)
    threads: list[PrivateView] = []

    @rx.var
    def unread_total(self) -> int:
        return sum(t.unread for t in self.threads)

    @rx.event
    async def connect(self):
        """The person's inbox; an unverified tab gets one of its own, showing only what it may see."""
        me = await self.get_state(ChatIdentity)
        if not me._contact_id:
            return
        viewer = me._viewer()
        if viewer is None:
            inbox = await self._link_to(inbox_key(me._contact_id))
        else:
            key = chat_fresh.fresh_key("inbox", me._contact_id, viewer)
            await chat_fresh.remember(chat_fresh.group(Inbox, me._contact_id), key, viewer.since.timestamp())
            inbox = await self._link_to(key)
        inbox.threads = await run_read(private_threads, contact_id=me._contact_id, viewer=viewer)

    @rx.event
    async def connect_coach(self):
        """The dashboard hears of new participant messages (checked from the coach cookie)."""
        if await (await self.get_state(AuthState)).ensure():
            await self._link_to(inbox_key("coach"))
