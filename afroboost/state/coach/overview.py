"""Coach › Aperçu (the dashboard's landing tab): the week at a glance."""

from __future__ import annotations

from typing import Any

import reflex as rx

from afroboost.db import run_read
from afroboost.services.overview import HeadsetOut, WeekSession, access_overview
from afroboost.state.auth import CoachState


class ApercuState(CoachState):
    week_label: str = ""
    sessions: list[WeekSession] = []
    # Chart rows are plain dicts: recharts reads them by key.
    weekly: list[dict[str, Any]] = []
    revenue: list[dict[str, Any]] = []
    revenue_total: str = ""
    headsets: list[HeadsetOut] = []
    loaded: bool = False

    @rx.var
    def headsets_count(self) -> int:
        return len(self.headsets)

    @rx.var
    def revenue_chart_height(self) -> int:
        """One 44 px band per course (horizontal bars stay readable on a phone)."""
        return max(160, 44 * len(self.revenue) + 40)

    @rx.event
    async def load(self):
        """on_mount of the tab (and the refresh button): one read of every figure."""
        ov = await run_read(access_overview)
        self.week_label, self.sessions, self.revenue_total = ov.week_label, ov.sessions, ov.revenue_total
        self.weekly = [{"label": w.label, "count": w.count} for w in ov.weekly]
        # No-break space: recharts wraps a bar label at spaces (« CHF » above « 595.- »).
        self.revenue = [{"course": r.course, "chf": r.chf, "amount": r.amount.replace(" ", "\u00a0")}
                        for r in ov.revenue]
        self.headsets = ov.headsets
        self.loaded = True
