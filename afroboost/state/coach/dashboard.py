"""Which dashboard tab is open (coach only)."""

from __future__ import annotations

import reflex as rx

from afroboost.state.auth import CoachState
from afroboost.state.coach.tabs import is_tab


class DashboardState(CoachState):
    tab: str = "apercu"

    @rx.event
    def open_tab(self, key: str):
        """Only a registered tab opens (state/coach/tabs.py)."""
        if is_tab(key):
            self.tab = key
