"""The assistant's limits: requests per minute and daily tokens per identity, daily tokens overall."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlmodel import func, select

from afroboost.db import in_read
from afroboost.models import AIUsage
from afroboost.services import ServiceError
from afroboost.services.assistant.limits import (
    GLOBAL,
    check_and_reserve,
    contact_identity,
    identity_key,
    record_tokens,
    usage_day,
    usage_of,
)
from tests import ai_world, frdate
from tests.factories import NOW

ai_env = ai_world.ai_env
# Limits count per UTC minute and per studio day. The tests start at noon in Zurich on NOW's day,
# on a whole minute: « the next minute » is never « the next day », « +30 s » never the next
# window, whatever instant the travelled clock starts at.
T0 = datetime.combine(frdate.local(NOW).date(), time(12), tzinfo=frdate.ZURICH).astimezone(UTC)
A, B = contact_identity(1), "anon:browser-b"


def refused(identity: str, now=T0) -> str:
    with pytest.raises(ServiceError) as exc:
        check_and_reserve(identity, now)
    return exc.value.key


def usage(identity: str, now=T0) -> AIUsage | None:
    return in_read(lambda s: usage_of(s, identity=identity, day=usage_day(now)))


def test_rate_per_minute_per_identity(db, ai_env):
    ai_env(AI_RATE_PER_MINUTE=3)
    for i in range(3):
        check_and_reserve(A, T0 + timedelta(seconds=i))
    assert refused(A, T0 + timedelta(seconds=30)) == "ai_rate_limited"
    check_and_reserve(B, T0 + timedelta(seconds=30))  # someone else is not slowed down
    check_and_reserve(A, T0 + timedelta(seconds=61))  # next minute
    assert usage(A).requests == 4  # the refused request was not counted
    assert usage(GLOBAL).requests == 5


def test_daily_token_budget_per_identity(db, ai_env):
    ai_env(AI_DAILY_TOKENS_PER_IDENTITY=100, AI_RATE_PER_MINUTE=0)
    check_and_reserve(A, T0)
    record_tokens(A, 99, T0)
    check_and_reserve(A, T0)  # 99 < 100: one more reply allowed
    record_tokens(A, 40, T0)
    assert refused(A) == "ai_daily_budget"
    check_and_reserve(B, T0)
    tomorrow = frdate.days_after(T0, 1)  # the next studio day (not always 24 h later: DST)
    check_and_reserve(A, tomorrow)  # a new day, a new budget
    assert (usage(A).tokens, usage(A, tomorrow).tokens, usage(GLOBAL).tokens) == (139, 0, 139)


def test_global_daily_budget(db, ai_env):
    ai_env(AI_DAILY_TOKENS_GLOBAL=150)
    check_and_reserve(A, T0)
    record_tokens(A, 100, T0)
    check_and_reserve(B, T0)
    record_tokens(B, 60, T0)
    for who in (A, B, "anon:newcomer"):
        assert refused(who) == "ai_global_budget"
    assert usage("anon:newcomer") is None  # refused before anything was written for them


def test_limits_at_zero_are_off(db, ai_env):
    ai_env(AI_RATE_PER_MINUTE=0, AI_DAILY_TOKENS_PER_IDENTITY=0, AI_DAILY_TOKENS_GLOBAL=0)
    for _ in range(20):
        check_and_reserve(A, T0)
        record_tokens(A, 10_000, T0)
    assert usage(A).requests == 20 and usage(A).tokens == 200_000


def test_the_day_is_the_studio_day(db):
    # fixed instants around Zurich midnight, winter (UTC+1) and summer (UTC+2)
    assert usage_day(datetime(2026, 12, 1, 22, 30, tzinfo=UTC)) == "2026-12-01"
    assert usage_day(datetime(2026, 12, 1, 23, 30, tzinfo=UTC)) == "2026-12-02"  # 00:30 in Zurich
    assert usage_day(datetime(2027, 7, 20, 21, 30, tzinfo=UTC)) == "2027-07-20"
    assert usage_day(datetime(2027, 7, 20, 22, 30, tzinfo=UTC)) == "2027-07-21"  # 00:30 in Zurich


def test_old_minute_windows_are_purged_on_the_first_request_of_a_day(db, ai_env):
    ai_env(AI_RATE_PER_MINUTE=5)
    for i in range(3):
        check_and_reserve(A, T0 + timedelta(minutes=i))

    def windows(s):
        return s.exec(select(func.count()).select_from(AIUsage).where(AIUsage.identity.startswith("rpm:"))).one()

    assert in_read(windows) == 3
    check_and_reserve(B, frdate.days_after(T0, 1))
    assert in_read(windows) == 1  # yesterday's three are gone, today's one is there
    assert usage(A).requests == 3  # daily rows are kept


def test_identity_keys():
    assert identity_key(" contact:12 ") == "contact:12"
    long = identity_key("anon:" + "x" * 200)
    assert long.startswith("anon:#") and len(long) <= 64
    assert long == identity_key("anon:" + "x" * 200) != identity_key("anon:" + "y" * 200)
    for bad in ("global", "", "rpm:1200:contact:1"):
        with pytest.raises(ValueError):
            identity_key(bad)
