"""The scale-out profile end to end: PostgreSQL + Redis + 3 workers, served like `make run-scale`.

The production app runs from its own copy of the checkout (a prod build bakes its server's
port into the frontend bundle and `reflex run` wipes `.states`, so a second server in the
checkout of the `app_url` server would break that one), with the environment and command of
`scripts/scale.py` (`app_env`, `serve_cmd`: `python -m afroboost serve`), on a database of
the throwaway PostgreSQL server and a throwaway redis-server.

Proof that more than one worker is involved: with redis, Reflex stores one record per connected
socket, `token_manager_socket_record_<client token>`, holding the `instance_id` of the worker
process that owns the socket (each worker draws a fresh one when it starts). The client token is
the tab's `sessionStorage.token`. Clients are opened until their sockets belong to 2 instance ids.
The scheduler's worker is the pid in its lease row (`host:pid:random`).
"""

from __future__ import annotations

import dataclasses
import io
import os
import pathlib
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import timedelta

import pytest
import redis
from playwright.sync_api import Page, expect
from sqlmodel import select

from afroboost import routes
from afroboost.db import in_read, in_write, utc_now
from afroboost.models import Contact, Delivery, Reservation
from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign, open_slots
from afroboost.services.jobs.scheduler import schedule_slot, scheduler_status
from scripts import scale
from tests.conftest import ROOT, migrate
from tests.e2e.conftest import _free_port, _wait_http
from tests.e2e.test_booking_journey import _to_summary
from tests.e2e.test_chat_live import _join as _join_own
from tests.e2e.test_chat_rooms import _join
from tests.e2e.test_limits import DEFAULTS, _class_offer, _per_minute
from tests.pgserver import using_database
from tests.procs import stop_group
from tests.wsclient import WsScript

WORKERS = 3
HANDOFF_S = 30  # issue 6: killing the scheduler's worker hands the lease to another within 30 s
MIN_CLIENTS, MAX_CLIENTS = 3, 10  # more clients only while every socket sits on one worker
NAMES = ["Awa", "Kofi", "Aminata", "Yaw", "Fatou", "Kwame", "Mariam", "Sekou", "Adjoa", "Moussa"]
LOG = ROOT / "tests" / ".e2e-scale-server.log"
SOCKET_RECORD_KEY = "token_manager_socket_record_{}"  # reflex.utils.token_manager.RedisTokenManager

# Not copied into the server's checkout: VCS, venv, caches, databases, logs, the old build.
_SKIP_ANYWHERE = {"__pycache__", ".vite-temp"}
_SKIP_AT_ROOT = {".git", ".venv", ".states", ".pytest_cache", ".ruff_cache", "uploaded_files", "tests", "bench",
                 "docs"}
_SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".log")


def _ignore(dirpath: str, names: list[str]) -> set[str]:
    here = pathlib.Path(dirpath)
    skip = {n for n in names if n in _SKIP_ANYWHERE}
    if here == ROOT:
        skip |= (_SKIP_AT_ROOT & set(names)) | {n for n in names if n.endswith(_SKIP_SUFFIXES)}
    if here == ROOT / ".web":
        skip |= {"build"} & set(names)
    return skip


class _SocketRecord:
    """Stand-in for reflex's frozen dataclass `SocketRecord(instance_id, sid)`."""


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) == ("reflex.utils.token_manager", "SocketRecord"):
            return _SocketRecord
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a socket record")


@dataclasses.dataclass
class ScaleApp:
    url: str
    redis: redis.Redis
    db_url: str
    proc: subprocess.Popen

    def socket_owner(self, page: Page, timeout: float = 10) -> str:
        """The instance id of the worker holding this tab's websocket (from Reflex's redis record)."""
        token = page.evaluate("window.sessionStorage.getItem('token')")
        assert token, "the tab has no Reflex client token"
        deadline = time.monotonic() + timeout
        while (raw := self.redis.get(SOCKET_RECORD_KEY.format(token))) is None:
            assert time.monotonic() < deadline, f"no socket record in redis for token {token}"
            time.sleep(0.1)
        record = _RecordUnpickler(io.BytesIO(raw)).load()
        return record.instance_id

    def token_owner(self, token: str, timeout: float = 10) -> str:
        """The instance id of the worker holding the socket of this client token."""
        deadline = time.monotonic() + timeout
        while (raw := self.redis.get(SOCKET_RECORD_KEY.format(token))) is None:
            assert time.monotonic() < deadline, f"no socket record in redis for token {token}"
            time.sleep(0.1)
        return _RecordUnpickler(io.BytesIO(raw)).load().instance_id

    def workers(self) -> set[int]:
        """The live granian worker pids (children of the server process)."""
        children = pathlib.Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        return {int(pid) for pid in children}

    def scheduler(self) -> tuple[str, int] | None:
        """(holder, pid) of the live scheduler lease, None while nobody holds it."""
        with using_database(self.db_url):
            status = in_read(scheduler_status, now=utc_now())
        return (status.holder, int(status.holder.rsplit(":", 2)[1])) if status.active else None


def _scale_database(pg_server) -> str:
    """A fresh, migrated database for the scale app on the throwaway PostgreSQL server."""
    import psycopg

    name = f"scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url.rsplit("/", 1)[0] + f"/{name}"
    migrate(url)
    return url


@pytest.fixture(scope="module")
def scale_app(redis_server, pg_server):
    """The prod app as `make run-scale` serves it: 3 workers, PostgreSQL, Redis, its own checkout."""
    app_dir = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-scale-")) / "app"
    proc = None
    client = redis.Redis.from_url(redis_server.url, socket_timeout=5)
    try:
        shutil.copytree(ROOT, app_dir, symlinks=True, ignore=_ignore)
        db_url = _scale_database(pg_server)
        port = _free_port()
        env = {**scale.app_env(db_url, redis_server.url), "GRANIAN_WORKERS": str(WORKERS),
               "SITE_URL": f"http://127.0.0.1:{port}"}
        for name in ("PYTEST_CURRENT_TEST", "REFLEX_USE_GRANIAN"):
            env.pop(name, None)
        subprocess.run([sys.executable, "-m", "afroboost", "seed"], cwd=app_dir, env=env, check=True, timeout=60)
        with open(LOG, "w") as logf:
            proc = subprocess.Popen(scale.serve_cmd("127.0.0.1", port), cwd=app_dir, env=env,
                                    start_new_session=True, stdout=logf, stderr=subprocess.STDOUT)
        _wait_http(f"http://127.0.0.1:{port}/ping", 420, proc, LOG)
        _wait_http(f"http://127.0.0.1:{port}/", 60, proc, LOG)
        app = ScaleApp(url=f"http://127.0.0.1:{port}", redis=client, db_url=db_url, proc=proc)
        assert len(app.workers()) == WORKERS, f"GRANIAN_WORKERS={WORKERS} ignored: {app.workers()}, see {LOG}"
        yield app
    finally:
        stop_group(proc)
        client.close()
        shutil.rmtree(app_dir.parent, ignore_errors=True)


def test_group_message_reaches_every_client_on_every_worker(browser, scale_app: ScaleApp):
    clients: list[tuple[str, Page, str]] = []  # (name, page, owning worker's instance id)
    contexts = []
    try:
        while len(clients) < MIN_CLIENTS or (
            len({owner for *_, owner in clients}) < 2 and len(clients) < MAX_CLIENTS
        ):
            name = NAMES[len(clients)]
            contexts.append(browser.new_context(viewport={"width": 375, "height": 812}))
            page = contexts[-1].new_page()
            page.set_default_timeout(20_000)
            _join(page, scale_app.url, name)
            clients.append((name, page, scale_app.socket_owner(page)))
        owners = [owner for *_, owner in clients]
        assert len(set(owners)) >= 2, f"all {len(clients)} sockets landed on one worker: {owners}"

        sent = []
        for name, page, _ in clients:
            text = f"Bonjour de {name} {uuid.uuid4().hex[:8]}"
            page.get_by_test_id("chat-input").fill(text)
            page.get_by_test_id("chat-send").click()
            expect(page.get_by_test_id("chat-input")).to_have_value("")
            sent.append(text)

        # Every client shows every message exactly once, whichever worker holds its socket.
        for _, page, _ in clients:
            for text in sent:
                expect(page.get_by_test_id("chat-body").filter(has_text=text)).to_have_count(1)
        # Still spread over several workers at the end (no socket moved onto one worker meanwhile).
        assert len({scale_app.socket_owner(page) for _, page, _ in clients}) >= 2
    finally:
        for ctx in contexts:
            ctx.close()


def test_a_booking_on_the_scale_profile_lands_in_postgres(browser, scale_app: ScaleApp):
    page = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    try:
        email = _to_summary(page, scale_app.url, "Afroboost Silent", "Nia", "Mensah", "+41 79 222 33 44")
        page.get_by_test_id("pay-twint").click()
        code = page.get_by_test_id("reservation-code")
        expect(code).to_have_text(re.compile(r"^AFR-[A-Z2-9]{6}$"))
        with using_database(scale_app.db_url):
            row = in_read(lambda s: s.exec(select(Reservation).where(Reservation.email == email)).one())
        assert row.code == code.inner_text() and row.price_cents == 2500
    finally:
        page.context.close()


def _online_lines() -> list[str]:
    """The holders of the « Scheduler is ONLINE » lines in the server log, in order."""
    return re.findall(r"Scheduler is ONLINE \(([^)]+)\)", LOG.read_text(errors="replace"))


def _wait(cond, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (value := cond()):
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s, see {LOG}"
        time.sleep(0.2)
    return value


def test_killing_the_scheduler_worker_hands_the_lease_over_and_campaigns_go_on(browser, scale_app: ScaleApp):
    holder, pid = _wait(scale_app.scheduler, 30, "a scheduler lease")
    workers = scale_app.workers()
    assert pid in workers, f"the lease holder {holder} is not one of the server's workers {workers}"
    assert _online_lines() == [holder], "exactly one of the 3 workers runs the scheduler"
    page = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    page.set_default_timeout(20_000)
    try:
        name = "Nadia" + uuid.uuid4().hex[:4]
        _join_own(page, scale_app.url, name, room=None)  # her « Coach Bassi » conversation is on screen

        os.kill(pid, signal.SIGKILL)
        killed_at = time.monotonic()
        new_holder, new_pid = _wait(lambda: (s := scale_app.scheduler()) and s[0] != holder and s, HANDOFF_S,
                                    "another worker holding the lease")
        handoff = time.monotonic() - killed_at
        print(f"\nscheduler worker {pid} killed: worker {new_pid} took the lease {handoff:.1f} s later")
        assert scale_app.proc.poll() is None, "the server stopped with its worker"
        assert new_pid != pid and new_pid in scale_app.workers()
        _wait(lambda: len(_online_lines()) >= 2, 5, "the new leader's « Scheduler is ONLINE »")
        assert _online_lines() == [holder, new_holder]
        # granian respawned the dead worker: 3 workers again, the killed pid gone.
        respawned = _wait(lambda: len(w := scale_app.workers()) == WORKERS and pid not in w and w, 30,
                          f"{WORKERS} workers again")
        assert len(respawned - workers) == 1
        with urllib.request.urlopen(scale_app.url + "/ping", timeout=5) as r:
            assert r.status == 200

        # The new leader dispatches: a campaign slot 3 s ahead reaches her open chat, once.
        tag = uuid.uuid4().hex[:8]
        with using_database(scale_app.db_url):
            contact_id = in_read(lambda s: s.exec(select(Contact.id).where(Contact.first_name == name)).one())
            draft = CampaignDraft(name=f"Relève {tag}", body=f"Toujours là {{prénom}} ! {tag}",
                                  targets=[{"type": "user", "id": contact_id}], channels={"internal": True},
                                  slots=[utc_now() + timedelta(seconds=3)])
            camp = in_write(do_save_campaign, draft=draft, schedule=True, now=utc_now())
            for slot_id, at in in_read(open_slots, campaign_id=camp.id):
                schedule_slot(slot_id, at)
        message = page.get_by_test_id("chat-message").filter(has_text=tag)
        expect(message).to_contain_text(f"Toujours là {name} !", timeout=30_000)
        expect(message).to_have_count(1)
        with using_database(scale_app.db_url):
            sent = in_read(lambda s: s.exec(select(Delivery.status).where(Delivery.campaign_id == camp.id)).all())
        assert sent == ["sent"]
    finally:
        page.context.close()


def test_a_rate_limit_holds_across_workers(scale_app: ScaleApp):
    """Promo checks from one IP, over tabs served by different workers, meet one IP limit (counters in Redis).

    Each tab stays under its own limit. The refusal must come on a worker that itself saw fewer
    calls than the IP's limit: with per-process counters, that worker would still have said yes.
    Last in this module: it uses up 127.0.0.1's promo checks for a minute.
    """
    per_tab = _per_minute("limit_promo")
    ip_limit = per_tab * DEFAULTS.limit_ip_factor
    seen: dict[str, int] = {}  # worker instance id → allowed checks it handled
    refused_on, scripts = None, []
    try:
        while refused_on is None and len(scripts) < 3 * ip_limit // (per_tab - 1):
            ws = WsScript(scale_app.url, path=routes.BOOK)
            scripts.append(ws)
            assert ws.connect()
            owner = scale_app.token_owner(ws.token)
            ws.emit("booking_state.choose_offer", offer_id=_class_offer(ws))
            for i in range(per_tab - 1):
                before = len(ws.frames)
                ws.emit("booking_state.apply_promo", value=f"W{len(scripts)}X{i}")
                ws.wait_for(lambda b=before, w=ws: len(w.frames) > b, what="an answer")
                ws.settle(0.05)
                if ws.var("booking_state", "err")["promo"].startswith("Trop de tentatives"):
                    refused_on = owner
                    break
                seen[owner] = seen.get(owner, 0) + 1
        assert refused_on is not None, f"never refused after {sum(seen.values())} checks: {seen}"
        assert len(seen) >= 2, f"every tab landed on one worker: {seen}"
        assert sum(seen.values()) <= ip_limit  # never more than the IP's limit in all
        assert seen.get(refused_on, 0) < ip_limit, "the refusing worker had counted the limit on its own"
        print(f"\nIP limit {ip_limit}: allowed per worker {seen}, refused on {refused_on}")
    finally:
        for ws in scripts:
            ws.close()
