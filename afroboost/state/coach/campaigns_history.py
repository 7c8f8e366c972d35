"""📢 Campagnes history: filters, « 🚀 Lancer » / « 🔄 Relancer », delete, deliveries, error log,
and the « 🟢 Planificateur actif » indicator.

While the tab is open it refreshes itself: each refresh ends with a browser-side timer
(`rx.call_script` resolving after a delay) whose callback is the next `tick` — every 1.5 s
while a campaign is sending, every 8 s otherwise. A tick from an older loop (the tab was
mounted again) or arriving after the coach left the tab or the dashboard stops there.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write, utc_now
from afroboost.services import ServiceError
from afroboost.services.campaigns.campaigns import (
    campaign_rows,
    delivery_rows,
    do_delete_campaign,
    do_launch,
    do_relaunch,
    recent_errors,
)
from afroboost.services.forms import error_messages
from afroboost.services.jobs.campaign_slots import schedule_campaign
from afroboost.services.jobs.scheduler import scheduler_status
from afroboost.state.auth import CoachState
from afroboost.state.coach.campaigns_kit import (
    FILTERS,
    DeliveryLine,
    HistoryRow,
    delivery_line,
    history_row,
    short_when,
)
from afroboost.state.coach.crud import as_id, as_text
from afroboost.state.coach.dashboard import DashboardState

POLL_FAST_MS = 1500
POLL_SLOW_MS = 8000
SHOWN_DELIVERIES = 200  # failed ones first; the whole ledger stays in the database


class CampaignHistoryState(CoachState):
    filter: str = "all"
    rows: list[HistoryRow] = []
    open_id: int = 0  # whose delivery table is shown
    deliveries: list[DeliveryLine] = []
    show_errors: bool = False
    error_lines: list[DeliveryLine] = []
    scheduler_active: bool = False
    scheduler_seen: str = ""
    confirm_delete: int = 0
    loaded: bool = False
    _gen: int = 0

    @rx.var
    def scheduler_label(self) -> str:
        return texts.CAMP_SCHEDULER_ON if self.scheduler_active else texts.CAMP_SCHEDULER_OFF

    def _put(self, name: str, value) -> None:
        """Assign only what changed: every assignment is sent to the browser, and ticks are frequent."""
        if getattr(self, name) != value:
            setattr(self, name, value)

    async def _deliveries(self, campaign_id: int) -> list[DeliveryLine]:
        return [delivery_line(d) for d in await run_read(delivery_rows, campaign_id=campaign_id,
                                                         limit=SHOWN_DELIVERIES)]

    async def _refresh(self) -> None:
        self._put("rows", [history_row(r) for r in await run_read(campaign_rows, filter=self.filter)])
        row = self._row(self.open_id)
        if row is None:
            self._put("open_id", 0)
            self._put("deliveries", [])
        else:
            self._put("deliveries", await self._deliveries(row.id))
        if self.show_errors:
            self._put("error_lines", [delivery_line(e) for e in await run_read(recent_errors, limit=50)])
        status = await run_read(scheduler_status, now=utc_now())
        self._put("scheduler_active", status.active)
        self._put("scheduler_seen", texts.CAMP_SCHEDULER_SEEN.format(when=short_when(status.heartbeat_at))
                  if status.heartbeat_at else "")
        self._put("loaded", True)

    def _row(self, raw_id) -> HistoryRow | None:
        cid = as_id(raw_id)
        return next((r for r in self.rows if r.id == cid), None) if cid else None

    def _poll(self):
        busy = any(r.in_progress for r in self.rows)
        delay = POLL_FAST_MS if busy else POLL_SLOW_MS
        return rx.call_script(f"new Promise((ok) => setTimeout(() => ok({self._gen}), {delay}))",
                              callback=CampaignHistoryState.tick)

    @rx.event
    async def load(self):
        """on_mount of the history (and after a save): fresh rows, and a new refresh loop."""
        self._gen += 1
        self.confirm_delete = 0
        await self._refresh()
        return self._poll()

    @rx.event
    async def tick(self, gen: int):
        """One step of the refresh loop started by `load` (see the module docstring)."""
        if as_id(gen) != self._gen:
            return None
        # The timer outlives the tab: stop once the coach opened another tab or left the dashboard.
        if (await self.get_state(DashboardState)).tab != "campagnes" or not self.router.url.path.startswith("/coach"):
            return None
        await self._refresh()
        return self._poll()

    @rx.event
    async def refresh(self):
        await self._refresh()

    @rx.event
    async def set_filter(self, value: str):
        """[Tout] [👥 Groupes] [👤 Individuels]."""
        value = as_text(value, 20)
        if value in FILTERS:
            self.filter = value
            await self._refresh()

    # --- actions ---------------------------------------------------------------------------------
    async def _act(self, raw_id, may, do, done) -> tuple[bool, object]:
        """Run `do` on a row of the list that `may` allows; (done?, the toast to show)."""
        row = self._row(raw_id)
        if row is None or not may(row):
            return False, None
        self.confirm_delete = 0
        try:
            result = await run_write(do, campaign_id=row.id, now=utc_now())
        except ServiceError as e:
            await self._refresh()
            return False, rx.toast.error(" ".join(error_messages(e).values()))
        await self._refresh()
        return True, rx.toast.success(done(row, result))

    def _restart_poll(self, toast):
        """After an action: refresh soon (fast while sending); the previous loop ends at its next tick."""
        if toast is None:
            return None
        self._gen += 1
        return [toast, self._poll()]

    @rx.event
    async def launch(self, campaign_id: int):
        """« 🚀 Lancer » a draft now: its rows are written, then the scheduler fires the slot at once."""
        ok, toast = await self._act(campaign_id, lambda r: r.can_launch, do_launch,
                                    lambda r, _: texts.CAMP_LAUNCHED.format(name=r.name))
        if ok:
            await schedule_campaign(as_id(campaign_id))
        return self._restart_poll(toast)

    @rx.event
    async def relaunch(self, campaign_id: int):
        """« 🔄 Relancer »: only failed or never-sent deliveries go out again (the next sweep, ≤ 5 s)."""
        _, toast = await self._act(campaign_id, lambda r: r.can_relaunch, do_relaunch,
                                   lambda r, n: texts.CAMP_RELAUNCHED.format(n=n))
        return self._restart_poll(toast)

    @rx.event
    def ask_delete(self, campaign_id: int):
        row = self._row(campaign_id)
        self.confirm_delete = row.id if row is not None else 0

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    async def _delete(self, campaign_id: int) -> tuple[bool, object]:
        """Soft delete, only after « Êtes-vous sûr ? » on that row; (done?, the toast)."""
        if as_id(campaign_id) != self.confirm_delete:
            return False, None
        return await self._act(campaign_id, lambda r: True, do_delete_campaign, lambda r, _: texts.CAMP_DELETED)

    @rx.event
    async def delete(self, campaign_id: int):
        """Soft delete after « Êtes-vous sûr ? »: what was not sent yet never will be.

        The dashboard calls CampaignEditState.delete, which also closes the composer on it.
        """
        return (await self._delete(campaign_id))[1]

    # --- deliveries and errors ----------------------------------------------------------------------
    @rx.event
    async def toggle_deliveries(self, campaign_id: int):
        row = self._row(campaign_id)
        if row is None or row.id == self.open_id:
            self.open_id, self.deliveries = 0, []
            return
        self.open_id = row.id
        self.deliveries = await self._deliveries(row.id)

    @rx.event
    async def toggle_errors(self):
        self.show_errors = not self.show_errors
        self.error_lines = ([delivery_line(e) for e in await run_read(recent_errors, limit=50)]
                            if self.show_errors else [])
