"""The scheduler lease (services/jobs/lease.py): one holder at a time, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from afroboost.db import in_read, in_write, utc_now
from afroboost.services.jobs.lease import (
    do_release_lease,
    do_take_lease,
    new_holder,
    scheduler_status,
)
from tests.race import race


def take(holder: str, now, ttl_s: float = 15.0) -> bool:
    return in_write(do_take_lease, holder=holder, now=now, ttl_s=ttl_s)


def status(now):
    return in_read(scheduler_status, now=now)


def test_no_lease_means_inactive(any_db):
    st = status(utc_now())
    assert not st.active and st.holder == "" and st.heartbeat_at is None


def test_acquire_renew_refuse_steal_release(any_db):
    t0 = utc_now()
    a, b = new_holder(), new_holder()
    assert a != b and a.count(":") == 2

    assert take(a, t0)  # first ever: the row is created
    assert status(t0).active and status(t0).holder == a
    assert not take(b, t0 + timedelta(seconds=1))  # a's lease is live
    assert take(a, t0 + timedelta(seconds=5))  # renewal moves the heartbeat and the expiry
    st = status(t0 + timedelta(seconds=17))  # 17 s after t0 but 12 s after the renewal
    assert st.active and st.holder == a and st.heartbeat_at == t0 + timedelta(seconds=5)
    assert not take(b, t0 + timedelta(seconds=19))

    # a stops renewing (killed): once its lease has lapsed, b takes it; a's late renewal is refused.
    assert not status(t0 + timedelta(seconds=21)).active
    assert take(b, t0 + timedelta(seconds=21))
    assert status(t0 + timedelta(seconds=21)).holder == b
    assert not take(a, t0 + timedelta(seconds=22))

    # a graceful stop hands over at once.
    assert not in_write(do_release_lease, holder=a, now=t0 + timedelta(seconds=23))
    assert in_write(do_release_lease, holder=b, now=t0 + timedelta(seconds=23))
    assert not status(t0 + timedelta(seconds=23)).active
    assert take(a, t0 + timedelta(seconds=23, milliseconds=1))


@pytest.mark.parametrize("existing_row", [False, True], ids=["first-ever", "after-expiry"])
def test_only_one_of_many_contenders_wins(any_db, existing_row):
    """Threads released together, each with its own connection: exactly one holder per round."""
    t0 = utc_now()
    if existing_row:
        assert take("old:1:dead", t0 - timedelta(seconds=60))  # a lapsed lease to steal
    for round_ in range(5):
        now = t0 + timedelta(seconds=20 * round_)  # the previous round's lease has lapsed
        holders = [new_holder() for _ in range(12)]
        outcomes = race(lambda h, now=now: take(h, now), holders, workers=12, timeout=60)
        assert all(o.ok for o in outcomes), [repr(o.error) for o in outcomes if not o.ok]
        winners = [o.item for o in outcomes if o.result]
        assert len(winners) == 1, f"round {round_}: {len(winners)} holders"
        assert status(now).holder == winners[0]


def test_contenders_over_time_never_overlap(any_db):
    """Six contenders keep trying for a while; a holder 'dies' now and then: no two at once."""
    t0, lock, held = utc_now(), threading.Lock(), []  # (holder, from, until) intervals won
    holders = [new_holder() for _ in range(6)]
    barrier = threading.Barrier(len(holders))

    def contender(holder: str) -> None:
        barrier.wait(timeout=30)
        for step in range(40):  # a simulated clock, 1 s a step, the same for everyone
            now = t0 + timedelta(seconds=step)
            if take(holder, now, ttl_s=3):
                with lock:
                    held.append((step, holder))

    threads = [threading.Thread(target=contender, args=(h,)) for h in holders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    by_step: dict[int, set[str]] = {}
    for step, holder in held:
        by_step.setdefault(step, set()).add(holder)
    assert by_step, "nobody ever held the lease"
    assert all(len(h) == 1 for h in by_step.values()), {s: h for s, h in by_step.items() if len(h) > 1}
