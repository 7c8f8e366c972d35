"""Crashes: SIGKILL the scheduler process in the middle of a 2 000-recipient campaign.

Each scheduler is a real process (tests/scheduler_runner.py: the web worker's lifespan code,
the real dispatcher and the internal chat channel) on the test database. Afterwards every
recipient must have exactly one « 💪 Coach Bassi » message in their conversation: none lost,
none twice. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import sqlalchemy as sa
from sqlmodel import func, select

from afroboost import texts
from afroboost.db import in_read, in_write, utc_now, write_session
from afroboost.models import ChatMessage, Contact, Conversation, Delivery
from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign
from tests import clock
from tests.conftest import ROOT
from tests.procs import stop_group

N = 2000
BODY = "Crash test {prénom} 💪"
# Rows the killed process had claimed come back once their claim lease (prod 5 min) plus the
# zombie delay (prod 30 min) are over: shortened here so the test takes seconds.
TIMERS = ("--claim-lease", "8", "--zombie-after", "0")


class Runner:
    """One scheduler process in its own process group; always killed at the end."""

    def __init__(self, db_url: str, log_path, *args: str):
        env = {**clock.child_env(), "DATABASE_URL": db_url}  # the same clock as this test
        env.pop("PYTEST_CURRENT_TEST", None)
        self.log_path = log_path
        with open(log_path, "w") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "tests.scheduler_runner", *args], cwd=ROOT, env=env,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def log(self) -> str:
        return self.log_path.read_text()

    @property
    def online(self) -> bool:
        return "Scheduler is ONLINE" in self.log()

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        stop_group(self.proc)


def wait_for(cond, timeout: float, what: str, step: float = 0.01, runners=()) -> float:
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > timeout:
            logs = "\n".join(r.log()[-3000:] for r in runners)
            raise AssertionError(f"{what}: not after {timeout}s\n{logs}")
        time.sleep(step)
    return time.monotonic() - start


def db_url(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def add_contacts(tag: str) -> list[int]:
    now = utc_now()
    rows = [{"first_name": f"P{i}", "last_name": tag, "email": f"{tag}{i}@exemple.ch", "created_at": now,
             "updated_at": now} for i in range(N)]
    with write_session() as s:
        s.execute(sa.insert(Contact.__table__), rows)
    return in_read(lambda s: list(s.exec(select(Contact.id).where(Contact.last_name == tag)).all()))


def launch(contact_ids: list[int]) -> int:
    draft = CampaignDraft(name="Crash", body=BODY, targets=[{"type": "user", "id": i} for i in contact_ids],
                          channels={"internal": True})
    return in_write(do_save_campaign, draft=draft, schedule=True, now=utc_now()).id


def statuses(campaign_id: int) -> Counter:
    return Counter(dict(in_read(lambda s: s.exec(select(Delivery.status, func.count()).where(
        Delivery.campaign_id == campaign_id).group_by(Delivery.status)).all())))


def reached() -> int:
    """People who already have the campaign's message (committed with the row's provider id)."""
    return in_read(lambda s: s.exec(select(func.count()).select_from(ChatMessage)
                                    .where(ChatMessage.body.like("Crash test %"))).one())


def open_rows(campaign_id: int) -> int:
    c = statuses(campaign_id)
    return c["queued"] + c["sending"]


def assert_exactly_once(campaign_id: int, contact_ids: list[int]) -> None:
    c = statuses(campaign_id)
    assert c == Counter({"sent": N}), c
    per_contact = Counter(in_read(lambda s: s.exec(
        select(Conversation.contact_id).join(ChatMessage, ChatMessage.conversation_id == Conversation.id)
        .where(ChatMessage.sender_name == texts.CAMPAIGN_SENDER)
        .where(ChatMessage.body.like("Crash test %"))).all()))
    assert sum(per_contact.values()) == N, f"{sum(per_contact.values())} messages for {N} recipients"
    assert set(per_contact) == set(contact_ids), "someone got nothing"
    assert max(per_contact.values()) == 1, [k for k, v in per_contact.items() if v > 1][:5]
    # the ledger points at the very message each person got
    pairs = in_read(lambda s: s.exec(select(Delivery.contact_id, Delivery.provider_id)
                                     .where(Delivery.campaign_id == campaign_id)).all())
    msg_owner = dict(in_read(lambda s: s.exec(
        select(ChatMessage.id, Conversation.contact_id)
        .join(Conversation, Conversation.id == ChatMessage.conversation_id)
        .where(ChatMessage.body.like("Crash test %"))).all()))
    assert all(msg_owner.get(int(pid)) == cid for cid, pid in pairs)


def test_sigkill_mid_campaign_then_restart_sends_everyone_exactly_once(any_db, tmp_path):
    url = db_url(any_db)
    ids = add_contacts("crash")
    campaign_id = launch(ids)
    first = Runner(url, tmp_path / "first.log", *TIMERS)
    try:
        wait_for(lambda: reached() >= 200, 180, "first messages", runners=[first])
        first.kill()
    finally:
        first.kill()
    at_kill, reached_at_kill = statuses(campaign_id), reached()
    print(f"\nat SIGKILL: {reached_at_kill} messages, rows {dict(at_kill)}")
    assert 0 < reached_at_kill < N, "the kill must land in the middle of the campaign"
    assert at_kill["sent"] < N

    second = Runner(url, tmp_path / "second.log", *TIMERS)
    try:
        took_over = wait_for(lambda: second.online, 60, "restarted scheduler online", step=0.1, runners=[second])
        finished = wait_for(lambda: open_rows(campaign_id) == 0, 180, "campaign finished", step=0.2,
                            runners=[second])
    finally:
        second.stop()
    print(f"restart: leader after {took_over:.1f}s (old lease lapses), done {finished:.1f}s later")
    assert_exactly_once(campaign_id, ids)


def test_a_standby_worker_takes_over_within_30s_when_the_leader_is_killed(db, tmp_path):
    url = db_url(db)
    runners = [Runner(url, tmp_path / f"worker{i}.log", *TIMERS) for i in range(2)]
    try:
        wait_for(lambda: any(r.online for r in runners), 60, "a leader", step=0.1, runners=runners)
        time.sleep(1.0)
        assert sum(r.online for r in runners) == 1, "two leaders"
        leader = next(r for r in runners if r.online)
        standby = next(r for r in runners if r is not leader)
        ids = add_contacts("failover")
        campaign_id = launch(ids)
        wait_for(lambda: reached() >= 200, 120, "first messages", runners=runners)
        leader.kill()
        killed_at = time.monotonic()
        at_kill, reached_at_kill = statuses(campaign_id), reached()
        assert 0 < reached_at_kill < N, "the kill must land in the middle of the campaign"
        wait_for(lambda: standby.online, 40, "standby online", step=0.1, runners=[standby])
        takeover = time.monotonic() - killed_at
        wait_for(lambda: open_rows(campaign_id) == 0, 180, "campaign finished", step=0.2, runners=[standby])
        done = time.monotonic() - killed_at
    finally:
        for r in runners:
            r.stop()
    print(f"\nfailover: at kill {reached_at_kill} messages, rows {dict(at_kill)}; "
          f"standby leader after {takeover:.1f}s, all sent after {done:.1f}s")
    assert takeover <= 30
    assert_exactly_once(campaign_id, ids)


def test_three_schedulers_dispatching_at_once_on_postgres_send_everyone_once(pg_db, tmp_path):
    """Three leaders at once (three lease names: what a failover overlap or a clock jump can
    produce, made permanent), each with its own dispatcher, on one PostgreSQL: still exactly once."""
    url = db_url(pg_db)
    ids = add_contacts("crash")
    campaign_id = launch(ids)
    runners = [Runner(url, tmp_path / f"leader{i}.log", *TIMERS, "--sweep", "1", "--lease-name", f"race{i}")
               for i in range(3)]
    try:
        wait_for(lambda: all(r.online for r in runners), 60, "three leaders", step=0.1, runners=runners)
        wait_for(lambda: open_rows(campaign_id) == 0, 180, "campaign finished", step=0.2, runners=runners)
    finally:
        for r in runners:
            r.stop()
    shares = [int(r.log().rsplit("dispatched=", 1)[1].split()[0]) for r in runners]
    print(f"\nrows handled per scheduler: {shares}")
    assert sum(shares) == N
    assert_exactly_once(campaign_id, ids)
