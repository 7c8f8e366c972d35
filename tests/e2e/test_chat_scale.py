"""Scale: with REDIS_URL set, several backend workers serve the chat and a message reaches everyone.

The production app runs with a throwaway redis-server and GRANIAN_WORKERS=2, from its own copy
of the checkout: a prod build bakes its server's port into the frontend bundle and `reflex run`
wipes `.states`, so a second server in the checkout of the `app_url` server would break that one.

Proof that more than one worker is involved: with redis, Reflex stores one record per connected
socket, `token_manager_socket_record_<client token>`, holding the `instance_id` of the worker
process that owns the socket (each worker draws a fresh one when it starts). The client token is
the tab's `sessionStorage.token`. Clients are opened until their sockets belong to 2 instance ids.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pathlib
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import pytest
import redis
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, migrate
from tests.e2e.conftest import _free_port, _wait_http
from tests.e2e.test_chat_rooms import _join
from tests.procs import stop_group

WORKERS = 2
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


@pytest.fixture(scope="module")
def scale_app(redis_server):
    """The prod app, 2 granian workers sharing state through redis, its own SQLite DB and checkout."""
    app_dir = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-scale-")) / "app"
    proc = None
    client = redis.Redis.from_url(redis_server.url, socket_timeout=5)
    try:
        shutil.copytree(ROOT, app_dir, symlinks=True, ignore=_ignore)
        db_url = f"sqlite:///{app_dir / 'scale.db'}"
        migrate(db_url)
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": db_url, "REDIS_URL": redis_server.url,
               "GRANIAN_WORKERS": str(WORKERS), "SITE_URL": f"http://127.0.0.1:{port}"}
        for name in ("PYTEST_CURRENT_TEST", "REFLEX_REDIS_URL", "REFLEX_USE_GRANIAN"):
            env.pop(name, None)
        subprocess.run([sys.executable, "-m", "afroboost", "seed"], cwd=app_dir, env=env, check=True, timeout=60)
        with open(LOG, "w") as logf:
            proc = subprocess.Popen(
                [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-host", "127.0.0.1",
                 "--backend-port", str(port)],
                cwd=app_dir, env=env, start_new_session=True, stdout=logf, stderr=subprocess.STDOUT,
            )
        _wait_http(f"http://127.0.0.1:{port}/ping", 420, proc, LOG)
        _wait_http(f"http://127.0.0.1:{port}/", 60, proc, LOG)
        workers = pathlib.Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(workers) >= WORKERS, f"GRANIAN_WORKERS={WORKERS} ignored: worker pids {workers}, see {LOG}"
        yield ScaleApp(url=f"http://127.0.0.1:{port}", redis=client)
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
