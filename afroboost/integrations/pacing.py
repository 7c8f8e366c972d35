"""Pacing per provider: at most `rate_per_s` HTTP requests per second from this process.

Adapters pace their own requests because only they know how many HTTP calls a send
makes (a Resend batch of 150 emails is 2 requests, a WhatsApp zombie check is a fetch
plus maybe a send). No lock: the read-modify-write of `_next_at` has no `await` in it, so
it is atomic on the event loop, and the pacer works from any loop (tests use several).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time

MARGIN = 1.02  # 2 % slower than the limit: network jitter must not put 3 requests in one second


class Pacer:
    def __init__(self, rate_per_s: float):
        self.interval = MARGIN / rate_per_s if rate_per_s and rate_per_s > 0 else 0.0
        self._next_at = 0.0
        # Sliding window on *responses*: a request arrives before its answer comes back, so
        # starting request n one second after the answer to request n - k keeps every
        # 1-second window at k arrivals, whatever the network and client delays.
        self.window = max(1, math.floor(rate_per_s)) if rate_per_s and rate_per_s > 0 else 0
        self._open = 0  # requests started and not answered yet
        self._answered: list[float] = []  # answer times of the last `window` requests

    def _window_wait(self, now: float) -> float:
        """0 when one more request may start now, else how long to wait before looking again."""
        if not self.window:
            return 0.0
        self._answered = [t for t in self._answered if t + 1.0 > now]
        if self._open + len(self._answered) < self.window:
            return 0.0
        if self._answered and self._open < self.window:
            return min(self._answered) + 1.0 - now
        return 0.02  # all slots are requests still in flight: look again shortly

    @contextlib.asynccontextmanager
    async def request(self):
        """`async with pacer.request():` around one HTTP call (spacing + the response window)."""
        while (delay := self._window_wait(time.monotonic())) > 0:
            await asyncio.sleep(delay)
        self._open += 1  # no await since the check: atomic on the event loop
        try:
            await self.wait()
            yield
        finally:
            self._open -= 1
            self._answered.append(time.monotonic())

    def reserve(self) -> float:
        """Book the next free start time; returns how long to wait before it."""
        now = time.monotonic()
        start = max(now, self._next_at)
        self._next_at = start + self.interval
        return start - now

    def push_back(self, seconds: float) -> None:
        """The provider said « slow down » (429 Retry-After): nobody starts before that."""
        self._next_at = max(self._next_at, time.monotonic() + max(0.0, seconds))

    async def wait(self) -> None:
        delay = self.reserve()
        if delay > 0:
            await asyncio.sleep(delay)
