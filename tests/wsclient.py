"""An anonymous script that speaks the app's websocket protocol, as an attacker would.

It is what Reflex's own frontend does (reflex_base/.templates/web/utils/state.js): socket.io
namespace `/_event` at path `/_event`, websocket transport, `?token=<tab token>` chosen by the
client, the `hydrate_and_load` boot event in the CONNECT packet, then `event` frames
`{name, payload, router_data}` out and `{delta, events}` frames back. No cookie, no account —
unless a test passes one. State names are read from the compiled frontend (`.web`), so a test
names a state by its suffix (`"chat_identity"`) and a handler as `"chat_identity.identify"`.

Use from sync tests: `with WsScript(app_url) as ws: ws.connect(); ws.emit(...); ws.wait_for(...)`.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
import uuid
from typing import Any

import socketio

from tests.conftest import ROOT

NAMESPACE = "/_event"
TIMEOUT = 20.0


def _state_names() -> tuple[str, set[str]]:
    text = next((ROOT / ".web").glob("utils/context.js*")).read_text()
    root = re.search(r'export const state_name = "([^"]+)"', text).group(1)
    return root, set(re.findall(rf'"({re.escape(root)}[.\w]*)": \{{', text))


class WsScript:
    """One scripted tab on its own event loop thread (so sync Playwright-era tests can drive it)."""

    def __init__(self, base_url: str, *, token: str | None = None, origin: str | None = None,
                 cookie: str | None = None, path: str = "/chat"):
        self.base_url, self.path = base_url, path
        self.token = token or str(uuid.uuid4())
        self.headers = {k: v for k, v in (("Origin", origin), ("Cookie", cookie)) if v}
        self.root, self._names = _state_names()
        self.frames: list[dict] = []  # every {delta, events} update received
        self.connect_error: str | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("event", self._on_event, namespace=NAMESPACE)

    # --- names ------------------------------------------------------------------------------
    def state(self, suffix: str) -> str:
        """The full name of the one compiled state ending in `____<suffix>` (e.g. "chat_identity")."""
        found = [n for n in self._names if n.endswith("____" + suffix)]
        if len(found) != 1:
            raise LookupError(f"states ending in {suffix}: {found}")
        return found[0]

    def handler(self, name: str) -> str:
        """`"chat_identity.identify"` → the full event name."""
        state, _, method = name.rpartition(".")
        return f"{self.state(state)}.{method}"

    # --- wire -------------------------------------------------------------------------------
    def _run(self, coro, timeout: float = TIMEOUT):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _on_event(self, update: dict) -> None:
        self.frames.append(update)

    def _router_data(self) -> dict:
        return {"pathname": self.path, "asPath": self.path}

    def connect(self) -> bool:
        """Connect and hydrate (runs the page's on_load). False (and `connect_error`) if refused."""
        boot = {"name": f"{self.root}.hydrate_and_load", "payload": {}, "router_data": self._router_data()}
        try:
            self._run(self.sio.connect(f"{self.base_url}?token={self.token}", socketio_path="_event",
                                       namespaces=[NAMESPACE], transports=["websocket"], auth={"event": boot},
                                       headers=self.headers, wait_timeout=TIMEOUT), TIMEOUT + 5)
        except socketio.exceptions.ConnectionError as exc:
            self.connect_error = str(exc)
            return False
        return True

    def emit(self, handler: str, **payload: Any) -> None:
        """Send one event frame, exactly as the browser would (any handler, any arguments)."""
        name = handler if handler.startswith(self.root) else self.handler(handler)
        self._run(self.sio.emit("event", {"name": name, "payload": payload, "router_data": self._router_data()},
                                namespace=NAMESPACE))

    # --- reading what came back -------------------------------------------------------------
    def text(self) -> str:
        """Everything received so far, as one JSON text (to search for a leaked value)."""
        return json.dumps(self.frames, ensure_ascii=False)

    def var(self, state_suffix: str, var: str, default: Any = None) -> Any:
        """The latest value of `var` received for a state (None if never sent)."""
        full, key = self.state(state_suffix), f"{var}_rx_state_"
        value = default
        for frame in self.frames:
            part = (frame.get("delta") or {}).get(full) or {}
            if key in part:
                value = part[key]
        return value

    def wait_for(self, predicate, timeout: float = 15.0, what: str = "condition") -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError(f"{what} not met within {timeout:.0f}s; received: {self.text()[:2000]}")

    def settle(self, seconds: float = 1.0) -> None:
        """Give the server time to answer (used before asserting that something did NOT arrive)."""
        time.sleep(seconds)

    def close(self) -> None:
        try:
            if self.sio.connected:
                self._run(self.sio.disconnect(), 10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)

    def __enter__(self) -> WsScript:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
