"""Which dashboard tab is open (coach only)."""

from __future__ import annotations

import reflex as rx

from afroboost.state.auth import CoachState

TAB_KEYS = ("apercu", "reservations", "concept", "cours", "offres", "paiements", "codes", "campagnes",
            "articles", "medias", "conversations")


class DashboardState(CoachState):
    tab: str = "apercu"

    @rx.event
    def open_tab(self, key: str):
        if key in TAB_KEYS:
            self.tab = key
