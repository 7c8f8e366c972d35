"""Pacing per provider: at most `rate_per_s` HTTP requests per second from this process.

Adapters pace their own requests because only they know how many HTTP calls a send
makes (a Resend batch of 150 emails is 2 requests, a WhatsApp zombie check is a fetch
plus maybe a send). No lock: the read-modify-write of `_next_at` has no `await` in it, so
it is atomic on the event loop, and the pacer works from any loop (tests use several).
"""

from __future__ import annotations

import asyncio
import time

MARGIN = 1.02  # 2 % slower than the limit: network jitter must not put 3 requests in one second


class Pacer:
    def __init__(self, rate_per_s: float):
        self.interval = MARGIN / rate_per_s if rate_per_s and rate_per_s > 0 else 0.0
        self._next_at = 0.0

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
