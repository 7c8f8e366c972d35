"""Socket.IO clients for bench/chat_fanout.py: a Reflex tab on /chat, and a bare chat client.

`ReflexTab` speaks the protocol of Reflex's own frontend (reflex_base/.templates/web/utils/state.js):
socket.io namespace `/_event` at path `/_event`, websocket only, `?token=<tab token>`, the
`hydrate_and_load` boot event in the CONNECT packet (which runs /chat's on_load), then `event`
frames `{name, payload, router_data}` out and `event` frames `{delta, events}` back. The state names
are read from the compiled frontend, so the events are exactly those the browser sends.
"""

from __future__ import annotations

import asyncio
import pathlib
import re
import time
import uuid
from collections.abc import Callable

import socketio

CONNECT_TIMEOUT = 20.0
NAMESPACE = "/_event"  # io("ws://host/_event", {path: "/_event"}): the URL path is the namespace
ROUTER_DATA = {"pathname": "/chat", "asPath": "/chat"}  # what the browser sends from the /chat page

# on_message(tab_index, body, perf_counter_at_receipt), called for every message body seen in a frame
OnMessage = Callable[[int, str, float], None]


def state_names(web: pathlib.Path) -> tuple[str, str, str]:
    """(root state, ChatIdentity, ChatRoom) full names, read from the compiled frontend in `web` (.web)."""
    text = next(web.glob("utils/context.js*")).read_text()
    root = re.search(r'export const state_name = "([^"]+)"', text).group(1)
    keys = set(re.findall(rf'"({re.escape(root)}[.\w]*)": \{{', text))

    def one(suffix: str) -> str:
        found = [k for k in keys if k.endswith(suffix)]
        if len(found) != 1:
            raise RuntimeError(f"compiled states ending in {suffix}: {found}")
        return found[0]

    return root, one("____chat_identity"), one("____chat_room")


class ReflexTab:
    """One browser tab on /chat: identifies, opens a room, sends and receives chat messages."""

    def __init__(self, index: int, base_url: str, names: tuple[str, str, str], on_message: OnMessage):
        self.index, self.base_url, self.on_message = index, base_url, on_message
        self.root, self.identity, self.room = names
        self.token = str(uuid.uuid4())  # a tab token, as getToken() makes one
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("event", self._on_event, namespace=NAMESPACE)
        self.name = ""
        self.conversation_id = 0
        self._changed = asyncio.Event()

    def _on_event(self, update: dict) -> None:
        now = time.perf_counter()
        delta = update.get("delta") or {}
        me, room = delta.get(self.identity) or {}, delta.get(self.room) or {}
        self.name = me.get("name_rx_state_", self.name)
        self.conversation_id = room.get("conversation_id_rx_state_", self.conversation_id)
        for msg in room.get("messages_rx_state_") or []:
            self.on_message(self.index, str(msg.get("body", "")), now)
        self._changed.set()

    async def _until(self, ready: Callable[[], bool], what: str) -> None:
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT):
                while not ready():
                    self._changed.clear()
                    await self._changed.wait()
        except TimeoutError:
            raise TimeoutError(f"tab {self.index}: {what} after {CONNECT_TIMEOUT:.0f}s") from None

    async def emit(self, handler: str, **payload) -> None:
        await self.sio.emit("event", {"name": handler, "payload": payload, "router_data": dict(ROUTER_DATA)},
                            namespace=NAMESPACE)

    async def identify(self, email: str) -> None:
        """Connect (hydrate + on_load of /chat), then fill in the form and press « Commencer »."""
        boot = {"name": f"{self.root}.hydrate_and_load", "payload": {}, "router_data": dict(ROUTER_DATA)}
        await self.sio.connect(f"{self.base_url}?token={self.token}", socketio_path="_event",
                               namespaces=[NAMESPACE], transports=["websocket"], auth={"event": boot},
                               wait_timeout=CONNECT_TIMEOUT)
        await self.emit(f"{self.identity}.set_first_name", value=f"Bench{self.index}")
        await self.emit(f"{self.identity}.set_contact", value=email)
        await self.emit(f"{self.identity}.identify")
        await self._until(lambda: bool(self.name), "identify gave no name")

    async def join(self, email: str, conversation_id: int) -> None:
        """Identify with a new email, then open the room (the server checks membership, then links)."""
        await self.identify(email)
        await self.emit(f"{self.room}.open", conversation_id=conversation_id)
        await self._until(lambda: self.conversation_id == conversation_id, "room not opened")

    async def send(self, body: str) -> None:
        await self.emit(f"{self.room}.send", form={"body": body})

    async def close(self) -> None:
        await self.sio.disconnect()


class BareClient:
    """A client of the bare python-socketio server (bench/_bare_sio.py): `join`, `send`, `message_received`."""

    def __init__(self, index: int, base_url: str, on_message: OnMessage):
        self.index, self.base_url, self.on_message = index, base_url, on_message
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("message_received", self._on_message)

    def _on_message(self, msg: dict) -> None:
        self.on_message(self.index, str(msg.get("body", "")), time.perf_counter())

    async def join(self, email: str, conversation_id: int) -> None:
        await self.sio.connect(self.base_url, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT)
        ok = await self.sio.call("join", {"room": f"room-{conversation_id}", "contact": email},
                                 timeout=CONNECT_TIMEOUT)
        if ok is not True:
            raise RuntimeError(f"bare client {self.index}: join refused")

    async def send(self, body: str) -> None:
        await self.sio.emit("send", {"body": body})

    async def close(self) -> None:
        await self.sio.disconnect()
