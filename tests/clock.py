"""The one clock of the unit and integration suites.

Every test process of those suites runs on a travelled clock (time-machine, ticking) that
starts at `NOW`, so what a test computes from `utc_now()` and what it compares with
`tests.factories.NOW` come from the same clock, whatever the real date is. `AFRO_TEST_CLOCK`
(ISO 8601) moves that start: `make test-clock` (part of `make test`, so of `.ci/run`) runs the
suites a second time months ahead, in summer time, to prove no test or demo datum depends on
the day it runs; tests derive the dates and times they expect from `NOW` (tests/frdate.py).
Processes the tests start (the scheduler runner) get the current travelled instant through
`child_env()`.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import time_machine

ENV = "AFRO_TEST_CLOCK"
# Default start: Tuesday 1 December 2026, 12:00 UTC.
DEFAULT = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _start_instant() -> datetime:
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT
    at = datetime.fromisoformat(raw)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


NOW = _start_instant()
_traveller: time_machine.travel | None = None


def start() -> None:
    """Move this process's clock to `NOW` (it keeps ticking). Idempotent."""
    global _traveller
    if _traveller is None:
        _traveller = time_machine.travel(NOW, tick=True)
        _traveller.start()


def child_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """`env` (default: this process's) plus the travelled instant, for a process a test starts."""
    out = dict(os.environ if env is None else env)
    out[ENV] = datetime.now(UTC).isoformat()
    return out
