"""Campaign dispatch benchmark: 10 000 recipients through the real ledger, dispatcher and channels.

Run from the repo root (`make bench`): `.venv/bin/python bench/dispatch.py [--n 10000] [--emails 10000]
[--slots 20] [--pg]`. For a throwaway migrated SQLite file (and, with --pg, a throwaway PostgreSQL):
- internal chat: N contacts in one group, a campaign « maintenant » on the internal channel saved with
  `do_save_campaign` (slots + N delivery rows), then sent by `dispatch_due` with the app's own adapters
  (`adapters_from_settings`, 100 rows per claim as the scheduler does). Deliveries/s (target ≥ 1 000/s).
- email: the same for --emails contacts on the email channel, through the resend SDK to a fake Resend
  (tests/fakes/resend_server.py) that answers 429 beyond 2 requests/s, as Resend does; it runs in its
  own process on 127.0.0.1 (like the real provider, it shares neither our GIL nor our heap) and is first
  probed to check it does refuse a third request in the same second. Emails/s (target ≥ 190/s:
  100-email batches at the ceiling). 429s are retried by the dispatcher with its backoff, so they
  show in the rate.
- scheduler lateness: the real scheduler as its own process (tests/scheduler_runner.py: lease,
  APScheduler and its SQL job store, the sweep), then --slots one-slot campaigns of --slot-people
  people, due --spacing s apart, saved and handed to `schedule_slot` as the 📢 tab does.
  Lateness of a slot = its first chat message's created_at − due_at; p50 / p95 / max (target p95 ≤ 2 s).
- duplicates (must be 0): chat messages per (conversation, slot), emails per recipient at the fake,
  accepted requests per Idempotency-Key.
Prints PASS / MISS per target and exits 0 either way; exits 1 when a delivery is lost or duplicated,
the fake does not enforce its limit, or something crashes. Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # reflex reads rxconfig.py from the working directory

KEY, SENDER = "re_bench_afroboost", "Coach Bassi <coach@afroboost.example>"
os.environ.update(RESEND_API_KEY=KEY, RESEND_FROM=SENDER, RESEND_RATE_PER_S="2", SECRET_KEY="bench-secret",
                  TWILIO_ACCOUNT_SID="", TWILIO_AUTH_TOKEN="")  # before the settings are first read
os.environ.pop("REDIS_URL", None)

import httpx  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import JSONResponse  # noqa: E402
from starlette.routing import Route  # noqa: E402

from tests.fakes.resend_server import FakeResend  # noqa: E402
from tests.fakes.server import LocalServer, free_port  # noqa: E402
from tests.pgserver import PgServer, find_pg_bin, migrate, using_database  # noqa: E402
from tests.procs import stop_group  # noqa: E402

TARGET_CHAT_PER_S = 1000.0
TARGET_EMAIL_PER_S = 190.0
TARGET_LATE_P95_S = 2.0
RESEND_LIMIT = 2  # requests per second, as Resend
LIMIT = 100  # rows per claim, as the scheduler's drain
CHAT_BODY, EMAIL_BODY, LATE_BODY = "Bench chat {prénom} 💪", "Bench email {prénom} 💌", "Bench late #{k:02d} {{prénom}}"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class CountingResend(FakeResend):
    """The fake Resend, also counting the Idempotency-Keys of the requests it accepted and its 429s."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.accepted_keys: Counter = Counter()
        self.throttled = 0

    def _gate(self, request: Request):
        refused = super()._gate(request)
        if refused is not None and refused.status_code == 429:
            self.throttled += 1
        return refused

    def _batch(self, payload, request: Request):
        status, body = super()._batch(payload, request)  # reached only when sent (not a replay, not refused)
        if status == 200:
            self.accepted_keys[request.headers.get("idempotency-key", "")] += 1
        return status, body

    async def stats(self, _request: Request) -> JSONResponse:
        """What the bench checks, read over HTTP from the fake's own process."""
        return JSONResponse({
            "batch_requests": len(self.batch_requests), "throttled": self.throttled,
            "accepted_keys": dict(self.accepted_keys),
            "to": dict(Counter(addr for e in self.emails for addr in e["to"])),
            "no_key": sum(1 for r in self.requests if not r["headers"].get("idempotency-key"))})


def serve_fake(port: int) -> None:
    """`--serve-fake-resend PORT`: the fake Resend at 2 requests/s in this process, until SIGTERM.

    A process of its own, like the real provider: its bookkeeping (every request kept) and its
    event loop do not share the dispatcher's interpreter, GIL and garbage collector.
    """
    import uvicorn

    fake = CountingResend(api_key=KEY, rate_per_s=RESEND_LIMIT)
    fake.app.router.routes.append(Route("/_bench/stats", fake.stats, methods=["GET"]))
    uvicorn.run(fake.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")


@contextlib.contextmanager
def fake_resend_process(log: pathlib.Path):
    """Start `serve_fake` in its own process group; yield its base URL; always stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "w") as logf:
        proc = subprocess.Popen([sys.executable, str(pathlib.Path(__file__).resolve()), "--serve-fake-resend",
                                 str(port)], cwd=ROOT, stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"fake Resend not up:\n{log.read_text(errors='replace')[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/_bench/stats", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        yield url
    finally:
        stop_group(proc, grace=10)


def fake_enforces_limit() -> list[int]:
    """Three requests at once to a fake at 2 requests/s: the statuses (expected 200, 200, 429)."""
    probe = CountingResend(api_key=KEY, rate_per_s=RESEND_LIMIT)
    email = {"from": SENDER, "to": ["probe@exemple.ch"], "subject": "probe", "text": "probe"}
    with LocalServer(probe.app) as url:
        with httpx.Client(base_url=url, headers={"authorization": f"Bearer {KEY}"}, timeout=5) as client:
            return [client.post("/emails", json=email).status_code for _ in range(RESEND_LIMIT + 1)]


@dataclass
class Result:
    label: str
    chat_n: int = 0
    chat_write_s: float = 0.0
    chat_s: float = 0.0
    email_n: int = 0
    email_s: float = 0.0
    email_requests: int = 0
    email_429: int = 0
    late: list[float] = field(default_factory=list)  # first message − due_at, per slot, seconds
    late_all: list[float] = field(default_factory=list)  # last row recorded sent − due_at, per slot
    slot_people: int = 0
    dups: dict[str, int] = field(default_factory=dict)  # what → how many extra copies
    lost: dict[str, int] = field(default_factory=dict)  # what → how many missing / not sent
    notes: list[str] = field(default_factory=list)


# --- data ---------------------------------------------------------------------------------------

def add_people(n: int) -> list[int]:
    from afroboost.db import in_read, utc_now, write_session
    from afroboost.models import Contact

    now = utc_now()
    with write_session() as s:
        for start in range(0, n, 2000):
            s.execute(sa.insert(Contact.__table__), [
                {"first_name": f"B{i}", "last_name": "Bench", "email": f"bench{i}@exemple.ch", "created_at": now,
                 "updated_at": now} for i in range(start, min(n, start + 2000))])
    return in_read(lambda s: list(s.exec(sa.select(Contact.id).where(Contact.last_name == "Bench")
                                         .order_by(Contact.id)).scalars().all()))


def add_group(title: str, members: list[int]) -> int:
    """A group through the coach service, its members inserted in bulk (10 000 one by one is not the point)."""
    from afroboost.db import utc_now, write_session
    from afroboost.models import ConversationMember
    from afroboost.services.chat.groups import do_create_group

    with write_session() as s:
        gid = do_create_group(s, title=title).id
        now = utc_now()
        for start in range(0, len(members), 2000):
            s.execute(sa.insert(ConversationMember.__table__), [
                {"conversation_id": gid, "contact_id": c, "joined_at": now} for c in members[start:start + 2000]])
    return gid


def save(name: str, body: str, targets: list[dict], channels: dict, slots=()) -> int:
    from afroboost.db import in_write, utc_now
    from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign

    draft = CampaignDraft(name=name, body=body, targets=targets, channels=channels, slots=list(slots))
    return in_write(do_save_campaign, draft=draft, schedule=True, now=utc_now()).id


def statuses(campaign_ids: list[int]) -> Counter:
    from afroboost.db import in_read
    from afroboost.models import Delivery

    return Counter(dict(in_read(lambda s: s.exec(
        sa.select(Delivery.status, sa.func.count()).where(Delivery.campaign_id.in_(campaign_ids))
        .group_by(Delivery.status)).all())))


def open_rows(campaign_ids: list[int]) -> int:
    c = statuses(campaign_ids)
    return c["queued"] + c["sending"]


async def drain(campaign_id: int, *, worker: str, timeout: float) -> float:
    """Dispatch until every row of the campaign is final (retries with backoff included); seconds taken."""
    from afroboost.services.campaigns.channels import adapters_from_settings
    from afroboost.services.campaigns.dispatch import dispatch_due

    adapters = adapters_from_settings()
    started = time.perf_counter()
    while True:
        await dispatch_due(adapters=adapters, worker=worker, limit=LIMIT)
        if not await asyncio.to_thread(open_rows, [campaign_id]):
            return time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{worker}: rows still open after {timeout:.0f}s")
        await asyncio.sleep(0.1)  # rows waiting for their backoff


def chat_counts(pattern: str) -> Counter:
    """(contact of the conversation, body) → number of « 💪 Coach Bassi » messages whose body is LIKE pattern."""
    from afroboost import texts
    from afroboost.db import in_read
    from afroboost.models import ChatMessage, Conversation

    rows = in_read(lambda s: s.exec(
        sa.select(Conversation.contact_id, ChatMessage.body)
        .join(Conversation, Conversation.id == ChatMessage.conversation_id)
        .where(ChatMessage.sender_name == texts.CAMPAIGN_SENDER, ChatMessage.body.like(pattern))).all())
    return Counter((cid, body) for cid, body in rows)


def check_sent(res: Result, what: str, campaign_ids: list[int], expected: int) -> None:
    c = statuses(campaign_ids)
    if c["sent"] != expected or sum(c.values()) != expected:
        res.lost[what] = expected - c["sent"]
        res.notes.append(f"{what}: delivery rows {dict(c)} (expected {expected} sent)")


# --- phases -------------------------------------------------------------------------------------

def chat_phase(res: Result, people: list[int], timeout: float) -> None:
    from afroboost.services.campaigns.ledger import render_body

    gid = add_group("Bench chat", people)
    started = time.perf_counter()
    camp = save("Bench chat", CHAT_BODY, [{"type": "group", "id": gid}], {"internal": True})
    res.chat_write_s = time.perf_counter() - started
    res.chat_s = asyncio.run(drain(camp, worker="bench-chat", timeout=timeout))
    res.chat_n = len(people)
    check_sent(res, "chat", [camp], len(people))
    counts = chat_counts("Bench chat %")
    res.dups["chat messages per (person, slot)"] = sum(n - 1 for n in counts.values())
    got = {cid for cid, _ in counts}
    if missing := len(set(people) - got):
        res.lost["chat messages"] = missing
    first = {cid: body for cid, body in counts}
    wrong = sum(1 for i, cid in enumerate(people[:50]) if first.get(cid) != render_body(CHAT_BODY, f"B{i}"))
    if wrong:
        res.notes.append(f"chat: {wrong} of the first 50 messages are not personalised as expected")
        res.lost["chat personalisation"] = wrong


def email_phase(res: Result, people: list[int], fake_url: str, timeout: float) -> None:
    gid = add_group("Bench email", people)
    camp = save("Bench email", EMAIL_BODY, [{"type": "group", "id": gid}], {"email": True})
    res.email_s = asyncio.run(drain(camp, worker="bench-email", timeout=timeout))
    res.email_n = len(people)
    stats = httpx.get(fake_url + "/_bench/stats", timeout=30).json()
    res.email_requests, res.email_429 = stats["batch_requests"], stats["throttled"]
    check_sent(res, "email", [camp], len(people))
    to = Counter(stats["to"])
    expected = {f"bench{i}@exemple.ch" for i in range(len(people))}
    res.dups["emails per recipient at the fake"] = sum(n - 1 for n in to.values())
    res.dups["accepted requests per Idempotency-Key"] = sum(n - 1 for n in stats["accepted_keys"].values())
    if missing := len(expected - set(to)):
        res.lost["emails at the fake"] = missing
    if stray := len(set(to) - expected):
        res.notes.append(f"email: {stray} unexpected recipient(s) at the fake")
        res.lost["emails to unexpected recipients"] = stray
    if stats["no_key"]:
        res.notes.append(f"email: {stats['no_key']} request(s) without an Idempotency-Key")
        res.lost["requests without Idempotency-Key"] = stats["no_key"]


def lateness_phase(res: Result, url: str, people: list[int], args, tmp: pathlib.Path) -> None:
    from afroboost.db import as_utc, get_engine, in_read, utc_now
    from afroboost.models import ChatMessage, Delivery
    from afroboost.services.campaigns.campaigns import open_slots
    from afroboost.services.jobs.scheduler import schedule_slot

    env = {**os.environ, "DATABASE_URL": url}
    log = tmp / f"scheduler-{get_engine().dialect.name}.log"
    with open(log, "w") as logf:
        proc = subprocess.Popen([sys.executable, "-m", "tests.scheduler_runner"], cwd=ROOT, env=env,
                                stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
    camps: list[tuple[int, int, object]] = []  # (k, campaign id, due_at)
    try:
        deadline = time.monotonic() + 60
        while "Scheduler is ONLINE" not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"scheduler process not online:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        base = utc_now() + timedelta(seconds=args.lead)
        for k in range(args.slots):  # what the 📢 tab does: save, then hand each slot to the scheduler
            due = base + timedelta(seconds=k * args.spacing)
            camp = save(f"Bench late {k}", LATE_BODY.format(k=k), [{"type": "user", "id": i} for i in people],
                        {"internal": True}, slots=[due])
            for slot_id, at in in_read(open_slots, campaign_id=camp):
                schedule_slot(slot_id, at)
            camps.append((k, camp, due))
        if utc_now() > base:
            res.notes.append("lateness: saving the campaigns took longer than --lead; early slots were late")
        ids = [c for _, c, _ in camps]
        end = time.monotonic() + args.lead + args.slots * args.spacing + 60
        while open_rows(ids):
            if proc.poll() is not None:
                raise RuntimeError(f"scheduler process died:\n{log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > end:
                res.notes.append("lateness: rows still open 60 s after the last slot")
                break
            time.sleep(0.2)
    finally:
        stop_group(proc)
    if (tracebacks := log.read_text(errors="replace").count("Traceback")):
        res.notes.append(f"lateness: {tracebacks} traceback(s) in the scheduler log {log}")
    res.slot_people = len(people)
    for k, camp, due in camps:
        first = in_read(lambda s, k=k: s.execute(sa.select(sa.func.min(ChatMessage.created_at))
                                                 .where(ChatMessage.body.like(f"Bench late #{k:02d} %"))).scalar())
        last = in_read(lambda s, camp=camp: s.execute(sa.select(sa.func.max(Delivery.sent_at))
                                                      .where(Delivery.campaign_id == camp)).scalar())
        if first is None:
            continue  # counted as lost below
        res.late.append((as_utc(first) - due).total_seconds())
        if last is not None:
            res.late_all.append((as_utc(last) - due).total_seconds())
    check_sent(res, "lateness", [c for _, c, _ in camps], len(camps) * len(people))
    counts = chat_counts("Bench late #%")
    res.dups["lateness messages per (person, slot)"] = sum(n - 1 for n in counts.values())
    if missing := len(camps) * len(people) - len(counts):
        res.lost["lateness messages"] = missing
    if early := sum(1 for s in res.late if s < 0):
        res.notes.append(f"lateness: {early} slot(s) sent BEFORE their time")
        res.lost["slots sent early"] = early


def run_one(label: str, url: str, args, tmp: pathlib.Path) -> Result:
    res = Result(label)
    migrate(url)
    with fake_resend_process(tmp / f"fake-resend-{len(os.listdir(tmp))}.log") as fake_url:
        os.environ["RESEND_BASE_URL"] = fake_url  # read by the settings using_database reloads
        with using_database(url):
            run_phases(res, url, fake_url, args, tmp)
    return res


def run_phases(res: Result, url: str, fake_url: str, args, tmp: pathlib.Path) -> None:
    people = add_people(max(args.n, args.emails, args.slot_people))
    print(f"{res.label}: internal chat to {args.n} …", flush=True)
    chat_phase(res, people[:args.n], args.phase_timeout)
    print(f"{res.label}: email to {args.emails} through the fake Resend at {RESEND_LIMIT} req/s …", flush=True)
    email_phase(res, people[:args.emails], fake_url, args.phase_timeout)
    print(f"{res.label}: scheduler lateness, {args.slots} slots × {args.slot_people} people …", flush=True)
    lateness_phase(res, url, people[:args.slot_people], args, tmp)


# --- report -------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(res: Result, args) -> bool:
    print(f"\n{res.label}")
    print(f"  {'measure':<42}{'figure':>34}   {'target':<14}")
    chat_rate = res.chat_n / res.chat_s if res.chat_s else 0.0
    print(f"  {'internal chat deliveries/s':<42}"
          f"{f'{chat_rate:,.0f}/s ({res.chat_n} in {res.chat_s:.1f} s)':>34}   "
          f"{f'≥ {TARGET_CHAT_PER_S:,.0f}/s':<14}{verdict(chat_rate >= TARGET_CHAT_PER_S)}")
    print(f"  {'  (scheduling: slot + rows written)':<42}{f'{res.chat_write_s:.2f} s':>34}")
    mail_rate = res.email_n / res.email_s if res.email_s else 0.0
    req_rate = res.email_requests / res.email_s if res.email_s else 0.0
    print(f"  {f'emails/s via fake Resend ({RESEND_LIMIT} req/s)':<42}"
          f"{f'{mail_rate:,.0f}/s ({res.email_n} in {res.email_s:.1f} s)':>34}   "
          f"{f'≥ {TARGET_EMAIL_PER_S:.0f}/s':<14}{verdict(mail_rate >= TARGET_EMAIL_PER_S)}")
    print(f"  {'  (requests, req/s, 429 answers)':<42}"
          f"{f'{res.email_requests} req · {req_rate:.2f} req/s · {res.email_429} × 429':>34}")
    if res.email_429:
        print(f"  {'':<42}note: each 429 wastes a request slot, pauses the sender and puts its rows back "
              "with the dispatcher's backoff")
    if res.email_n < 10_000:
        print(f"  {'':<42}{f'note: {res.email_n} email recipients, not 10 000 (--emails)':>34}")
    if res.late:
        p50, p95, worst = percentile(res.late, 50), percentile(res.late, 95), max(res.late)
        figure = f"p50 {p50:.2f} · p95 {p95:.2f} · max {worst:.2f} s"
        print(f"  {f'scheduler lateness ({len(res.late)} slots × {res.slot_people})':<42}{figure:>34}   "
              f"{f'p95 ≤ {TARGET_LATE_P95_S:.0f} s':<14}{verdict(p95 <= TARGET_LATE_P95_S)}")
        if res.late_all:
            print(f"  {'  (last of a slot recorded sent)':<42}"
                  f"{f'p50 {percentile(res.late_all, 50):.2f} · max {max(res.late_all):.2f} s':>34}")
    else:
        print(f"  {'scheduler lateness':<42}{'no slot delivered':>34}   {'':<14}MISS")
    dups = sum(res.dups.values())
    print(f"  {'duplicates':<42}{dups:>34}   {'= 0':<14}{'PASS' if dups == 0 else 'FAIL'}")
    for what, n in res.dups.items():
        print(f"  {f'  {what}':<42}{n:>34}")
    lost = sum(res.lost.values())
    print(f"  {'lost / not sent':<42}{lost:>34}   {'= 0':<14}{'PASS' if lost == 0 else 'FAIL'}")
    for what, n in res.lost.items():
        print(f"  {f'  {what}':<42}{n:>34}")
    for note in res.notes:
        print(f"  note: {note}")
    return dups == 0 and lost == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="internal-chat recipients (default 10000)")
    parser.add_argument("--emails", type=int, default=10_000,
                        help="email recipients (default 10000: 100 requests, ~50 s at 2 req/s)")
    parser.add_argument("--slots", type=int, default=20, help="scheduled slots for lateness (default 20)")
    parser.add_argument("--slot-people", type=int, default=50, help="recipients per slot (default 50)")
    parser.add_argument("--spacing", type=float, default=1.5, help="seconds between slots (default 1.5)")
    parser.add_argument("--lead", type=float, default=8.0,
                        help="seconds from saving to the first slot (default 8; the leader sees jobs "
                             "written by another process at its next sweep, every 5 s)")
    parser.add_argument("--pg", action="store_true", help="also run on a throwaway PostgreSQL")
    parser.add_argument("--phase-timeout", type=float, default=300, help="seconds per send phase (default 300)")
    parser.add_argument("--timeout", type=int, default=1200, help="overall limit in seconds (default 1200)")
    parser.add_argument("--serve-fake-resend", type=int, metavar="PORT", help=argparse.SUPPRESS)  # internal
    args = parser.parse_args(argv)
    if args.serve_fake_resend:
        serve_fake(args.serve_fake_resend)
        return 0
    if min(args.n, args.emails, args.slots, args.slot_people) < 1 or args.spacing < 0 or args.lead < 0:
        parser.error("--n, --emails, --slots and --slot-people must be ≥ 1, --spacing and --lead ≥ 0")

    def too_long(*_):
        raise TimeoutError(f"dispatch bench: over --timeout {args.timeout}s")

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(args.timeout)  # servers and the scheduler process are stopped by their `finally`
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-dispatch-"))
    ok = True
    try:
        probe = fake_enforces_limit()
        enforced = probe[:RESEND_LIMIT] == [200] * RESEND_LIMIT and probe[RESEND_LIMIT] == 429
        print(f"fake Resend at {RESEND_LIMIT} req/s, {RESEND_LIMIT + 1} requests at once → "
              f"{' '.join(map(str, probe))} ({'enforced' if enforced else 'NOT ENFORCED: email figure meaningless'})")
        ok &= enforced
        results = [run_one("SQLite (WAL, BEGIN IMMEDIATE)", f"sqlite:///{tmp / 'bench.db'}", args, tmp)]
        if args.pg:
            if find_pg_bin() is None:
                print("PostgreSQL: not installed, skipped (run `make test-deps`)")
            else:
                with PgServer() as pg:  # stopped and deleted on the way out, errors included
                    results.append(run_one(f"PostgreSQL {pg.bin.parent.name} (throwaway, fsync=off)", pg.url,
                                           args, tmp))
        print(f"\nCampaign dispatch: {args.n} chat recipients, {args.emails} email recipients, "
              f"{args.slots} scheduled slots")
        for res in results:
            ok &= report(res, args)
    except BaseException:
        print(f"dispatch bench: failed; logs and database kept in {tmp}", file=sys.stderr)
        raise
    finally:
        signal.alarm(0)
    if ok:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"  FAIL: deliveries lost or duplicated (logs and database kept in {tmp})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
