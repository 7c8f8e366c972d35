"""Rate limits for event handlers: counted per tab (socket token) and per client IP."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.services.throttle import allow


async def refused(state: rx.State, action: str) -> str:
    """'' when `action` may go on for this tab and IP, else the French message to show.

    Callers return before changing anything, so what the person typed stays in the form.
    """
    session = state.router.session
    if await allow(action, f"t:{session.client_token}", f"ip:{session.client_ip}"):
        return ""
    return texts.err("too_many")
