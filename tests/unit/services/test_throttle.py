"""Rate limits (services/throttle.py): thresholds from the settings, per tab and per IP, refusals not counted.

Memory storage by default; the last tests run on a real Redis, as several workers would share it.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from afroboost.services import throttle
from afroboost.services.throttle import ACTIONS, allow, limits_for
from afroboost.settings import Settings, get_settings

IP = "203.0.113.7"


@pytest.fixture
def limits_env():
    """Set LIMIT_* (and REDIS_URL) for one test; every counter is forgotten before and after."""
    names: set[str] = set()

    def apply(**values) -> None:
        for name, value in values.items():
            os.environ[name] = str(value)
            names.add(name)
        get_settings.cache_clear()
        throttle.reset()

    apply()
    yield apply
    for name in names:
        os.environ.pop(name, None)
    get_settings.cache_clear()
    throttle.reset()


async def calls(n: int, action: str, *ids: str, ip: str = "") -> list[bool]:
    return [await allow(action, *ids, ip=ip) for _ in range(n)]


@pytest.mark.parametrize("action", sorted(ACTIONS))
async def test_each_action_refuses_past_its_setting(limits_env, action):
    limits_env(**{ACTIONS[action].upper(): "3/minute"})
    assert await calls(4, action, "t:" + action) == [True, True, True, False]
    assert await allow(action, "t:another-tab")  # another tab (no IP given) is counted apart


def test_a_typo_in_a_limit_stops_the_start(monkeypatch):
    monkeypatch.setenv("LIMIT_BOOKING", "dix par minute")
    with pytest.raises(ValueError, match="LIMIT_BOOKING|limit_booking"):
        Settings()


async def test_defaults_are_generous_for_a_person_and_tight_for_a_script(limits_env):
    minute = {a: next(i.amount for i in limits_for(a) if i.GRANULARITY.seconds == 60) for a in ACTIONS}
    assert minute["typing"] >= 60  # the composer sends at most one typing event a second
    assert minute["promo"] <= 10 and minute["booking"] <= 10 and minute["ai_request"] <= 10
    assert get_settings().limit_ip_factor > 1


async def test_per_tab_and_per_ip(limits_env):
    limits_env(LIMIT_CHAT_MESSAGE="2/minute", LIMIT_IP_FACTOR=2)  # the IP gets 4
    assert await calls(3, "chat_message", "t:a", ip=IP) == [True, True, False]  # the tab's limit
    assert await calls(3, "chat_message", "t:b", ip=IP) == [True, True, False]  # a new tab: the IP has 4
    assert await calls(1, "chat_message", "t:c", ip=IP) == [False]  # a third tab: the IP is over
    assert await calls(1, "chat_message", "t:c", ip="198.51.100.1") == [True]  # same tab, another address
    assert await calls(1, "typing", "t:a", ip=IP) == [True]  # another action has its own counters


async def test_a_refused_call_is_not_counted(limits_env):
    limits_env(LIMIT_PROMO="2/minute", LIMIT_IP_FACTOR=2)
    assert await calls(7, "promo", "t:a", ip=IP) == [True, True] + [False] * 5
    # The 5 refused calls did not count on the IP: a second tab still gets the IP's 2 left.
    assert await calls(3, "promo", "t:b", ip=IP) == [True, True, False]


async def test_the_window_moves_on(limits_env):
    limits_env(LIMIT_BOOKING="2/minute")
    assert await calls(3, "booking", "t:a") == [True, True, False]
    with time_machine.travel(datetime.now(UTC) + timedelta(seconds=61), tick=False):
        assert await calls(3, "booking", "t:a") == [True, True, False]


async def test_no_identity_is_never_refused(limits_env):
    limits_env(LIMIT_BOOKING="1/minute")
    assert await calls(3, "booking", "", ip="") == [True] * 3


async def test_concurrent_calls_on_redis_cannot_all_pass(limits_env, redis_server):
    """The old test-then-hit let 30 concurrent calls through a limit of 10; the atomic hit does not."""
    limits_env(REDIS_URL=redis_server.url, LIMIT_BOOKING="10/minute")
    tab = f"t:{uuid.uuid4()}"
    results = await asyncio.gather(*(allow("booking", tab) for _ in range(30)))
    assert sum(results) == 10


async def test_a_limit_holds_across_workers_sharing_redis(limits_env, redis_server):
    limits_env(REDIS_URL=redis_server.url, LIMIT_PROMO="3/minute", LIMIT_IP_FACTOR=1)
    ip = f"10.0.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    assert await calls(2, "promo", "t:worker-1-tab", ip=ip) == [True, True]
    throttle.reset()  # another process: its own limiter object on the same Redis
    assert await calls(2, "promo", "t:worker-2-tab", ip=ip) == [True, False]
