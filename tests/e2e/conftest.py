"""End-to-end: the production build served like `make run` (`python -m afroboost serve`), driven by Debian chromium.

The server gets its own migrated SQLite database with the demo data, on a free port on
127.0.0.1, and is stopped (whole process group) at the end.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import ROOT, migrate
from tests.procs import stop_group

# A 2-core machine building, serving and driving several browsers at once: 10 s, not 5, per expectation.
expect.set_options(timeout=10_000)

E2E_DB = ROOT / "tests" / ".test-e2e.db"
LOG = ROOT / "tests" / ".e2e-server.log"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, timeout: float, proc: subprocess.Popen, log: pathlib.Path = LOG) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited early, see {log}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not up after {timeout}s, see {log}")


@contextlib.contextmanager
def e2e_session():
    """A session on the e2e server's database, for arranging what the UI under test does not cover."""
    import sqlalchemy as sa
    from sqlmodel import Session

    engine = sa.create_engine(f"sqlite:///{E2E_DB}", connect_args={"timeout": 15})
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def e2e_db_url() -> str:
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(f"{E2E_DB}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{E2E_DB}"
    migrate(url)
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("PYTEST_CURRENT_TEST", None)
    subprocess.run([sys.executable, "-m", "afroboost", "seed"], cwd=ROOT, env=env, check=True, timeout=60)
    return url


@pytest.fixture(scope="session")
def idp():
    """The local OpenID provider standing in for Google (signs in the allowlisted coach)."""
    from tests.fakes.oidc import FakeOIDC
    from tests.fakes.server import LocalServer

    port = _free_port()
    provider = FakeOIDC(f"http://127.0.0.1:{port}")
    with LocalServer(provider.app, port=port):
        yield provider


@pytest.fixture(scope="session")
def fake_ai():
    """A local OpenAI-compatible server the app's real SDK talks to (requests are recorded)."""
    from tests.fakes.openai_server import FakeOpenAI
    from tests.fakes.server import LocalServer

    fake = FakeOpenAI(reply=["Bonjour, ici Coach Bassi ! ", "Le cours Afrobeat ", "t'attend 💪"])
    with LocalServer(fake.app, port=_free_port()) as url:
        fake.url = url
        yield fake


@pytest.fixture(scope="session")
def app_url(e2e_db_url, idp, fake_ai):
    from tests.fakes.oidc import CLIENT_ID, CLIENT_SECRET

    port = _free_port()
    env = {**os.environ, "DATABASE_URL": e2e_db_url, "GOOGLE_CLIENT_ID": CLIENT_ID,
           "GOOGLE_CLIENT_SECRET": CLIENT_SECRET, "GOOGLE_METADATA_URL": idp.metadata_url,
           "SITE_URL": f"http://127.0.0.1:{port}", "OPENAI_API_KEY": "sk-test-e2e",
           "OPENAI_BASE_URL": f"{fake_ai.url}/v1",
           # Every browser and script of the suite comes from 127.0.0.1: the per-IP share of each limit
           # is raised so the tab limits (what tests/e2e/test_limits.py proves) refuse first.
           "LIMIT_IP_FACTOR": "50"}
    env.pop("PYTEST_CURRENT_TEST", None)
    with open(LOG, "w") as logf:
        proc = subprocess.Popen(
            [sys.executable, "-m", "afroboost", "serve", "--host", "127.0.0.1", "--port", str(port)],  # = make run
            cwd=ROOT, env=env, start_new_session=True, stdout=logf, stderr=subprocess.STDOUT,
        )
    try:
        _wait_http(f"http://127.0.0.1:{port}/ping", 420, proc)
        _wait_http(f"http://127.0.0.1:{port}/", 60, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_group(proc)


@pytest.fixture(scope="session")
def pw():
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(pw):
    b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture
def phone(browser, app_url):
    """A new visitor on a 375x812 phone."""
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                              accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    yield page
    ctx.close()


@pytest.fixture
def desktop(browser, app_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    yield page
    ctx.close()
