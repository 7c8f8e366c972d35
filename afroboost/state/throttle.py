"""Rate limits for event handlers: counted per tab (socket token) and per client IP."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.services.throttle import allow


async def refused(state: rx.State, action: str, message: str = "too_many") -> str:
    """'' when `action` may go on for this tab and IP, else the French message (ERR key `message`).

    `state` must be one of the tab's own states: inside a linked rx.SharedState the router
    carries the room's key, not the tab's token, so chat handlers pass the tab's ChatIdentity.
    Callers return before changing anything, so what the person typed stays in the form.
    The token and IP come from the socket's handshake (Reflex rebuilds them server-side on
    every event; a frame's own router_data cannot choose them).
    """
    if isinstance(state, rx.SharedState):
        raise TypeError(f"{type(state).__name__} is shared: pass the tab's own state")
    session = state.router.session
    token = f"t:{session.client_token}" if session.client_token else ""
    if await allow(action, token, ip=session.client_ip):
        return ""
    return texts.err(message)
