"""The assistant's limits hold under concurrency, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import Counter

from afroboost.db import in_read
from afroboost.services import ServiceError
from afroboost.services.assistant.limits import GLOBAL, check_and_reserve, record_tokens, usage_day, usage_of
from tests import ai_world
from tests.factories import NOW
from tests.race import race

ai_env = ai_world.ai_env


def keys(outcomes) -> Counter:
    assert all(o.ok or isinstance(o.error, ServiceError) for o in outcomes), [repr(o.error) for o in outcomes][:3]
    return Counter("ok" if o.ok else o.error.key for o in outcomes)


def test_rate_limit_admits_exactly_the_rate_under_a_burst(any_db, ai_env):
    ai_env(AI_RATE_PER_MINUTE=5)
    outcomes = race(lambda _: check_and_reserve("contact:7", NOW), range(30), workers=16)
    assert keys(outcomes) == Counter({"ok": 5, "ai_rate_limited": 25})
    assert in_read(lambda s: usage_of(s, identity="contact:7", day=usage_day(NOW))).requests == 5


def test_token_charges_are_never_lost_under_concurrency(any_db, ai_env):
    ai_env(AI_RATE_PER_MINUTE=0)
    race(lambda n: record_tokens(f"contact:{n % 4}", 10, NOW), range(40), workers=16)
    assert in_read(lambda s: usage_of(s, identity=GLOBAL, day=usage_day(NOW))).tokens == 400
    assert in_read(lambda s: usage_of(s, identity="contact:3", day=usage_day(NOW))).tokens == 100
