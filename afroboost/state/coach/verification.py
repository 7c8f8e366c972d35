"""Coach › Conversations › « Codes de vérification »: codes no channel could carry (a fresh machine).

A CoachState: every handler is guarded, and the codes are loaded only after the guard.
"""

from __future__ import annotations

import reflex as rx

from afroboost.db import run_read
from afroboost.services.verification import DemoCode, live_demo_codes
from afroboost.state.auth import CoachState


class VerificationCodesState(CoachState):
    codes: list[DemoCode] = []

    @rx.event
    async def load(self):
        """on_mount of the card and its refresh button."""
        self.codes = await run_read(live_demo_codes)
