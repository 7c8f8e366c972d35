"""The secret key (created atomically, never empty) and the cookie/origin settings derived from SITE_URL."""

from __future__ import annotations

import multiprocessing
import os
import pathlib

import pytest

from afroboost.settings import SecretKeyError, Settings, get_secret_key, get_settings
from tests import ai_world

ai_env = ai_world.ai_env
WORKERS = 8


def _worker_key(key_file: str, barrier, out) -> None:
    """One worker starting: reads (or creates) the key the moment every worker is ready.

    Making the random key takes 0.3 s here, as on a worker descheduled (or a slow disk)
    between creating the file and writing it: the others must never read a partial key.
    """
    import secrets
    import time

    os.environ.pop("SECRET_KEY", None)
    os.environ["SECRET_KEY_FILE"] = key_file
    from afroboost import settings

    fast = secrets.token_urlsafe

    def slow(n: int) -> str:
        time.sleep(0.3)
        return fast(n)

    settings.secrets.token_urlsafe = slow
    get_secret_key = settings.get_secret_key

    barrier.wait()
    try:
        out.put(get_secret_key())
    except Exception as exc:  # an error is a result too: the test shows it
        out.put(f"ERROR {type(exc).__name__}: {exc}")


@pytest.mark.parametrize("round_", range(2))
def test_workers_starting_together_all_read_one_complete_key(tmp_path: pathlib.Path, round_):
    ctx = multiprocessing.get_context("spawn")
    key_file = str(tmp_path / ".secret_key")
    barrier, out = ctx.Barrier(WORKERS), ctx.Queue()
    procs = [ctx.Process(target=_worker_key, args=(key_file, barrier, out)) for _ in range(WORKERS)]
    for p in procs:
        p.start()
    keys = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    assert len(set(keys)) == 1, keys
    assert len(keys[0]) >= 60 and not keys[0].startswith("ERROR")
    assert pathlib.Path(key_file).read_text().strip() == keys[0]
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == [".secret_key"]  # no temporary file left behind


def test_an_empty_secret_key_in_the_environment_is_refused(ai_env, tmp_path):
    ai_env(SECRET_KEY="", SECRET_KEY_FILE=tmp_path / "k")
    with pytest.raises(SecretKeyError, match="SECRET_KEY is set but empty"):
        get_secret_key()
    ai_env(SECRET_KEY="   ")
    with pytest.raises(SecretKeyError):
        get_secret_key()
    assert not (tmp_path / "k").exists()


def test_an_empty_key_file_is_refused(ai_env, tmp_path):
    key_file = tmp_path / ".secret_key"
    key_file.write_text("\n")
    ai_env(SECRET_KEY_FILE=key_file)
    os.environ.pop("SECRET_KEY", None)
    get_settings.cache_clear()
    with pytest.raises(SecretKeyError, match="is empty"):
        get_secret_key()


def test_a_key_from_the_environment_or_the_file_is_used_as_is(ai_env, tmp_path):
    ai_env(SECRET_KEY="from-the-env", SECRET_KEY_FILE=tmp_path / "k")
    assert get_secret_key() == "from-the-env"
    os.environ.pop("SECRET_KEY")
    get_settings.cache_clear()
    created = get_secret_key()
    assert created == (tmp_path / "k").read_text().strip() and get_secret_key() == created


@pytest.mark.parametrize(("site", "override", "secure"), [
    ("http://127.0.0.1:3000", None, False),
    ("https://afroboost.ch", None, True),
    ("HTTPS://afroboost.ch/", None, True),
    ("https://afroboost.ch", False, False),
    ("http://127.0.0.1:3000", True, True),
])
def test_secure_cookies_follow_site_url_unless_set(site, override, secure):
    assert Settings(site_url=site, cookie_secure=override).secure_cookies is secure


def test_allowed_origins_come_from_site_url():
    assert Settings(site_url="https://afroboost.ch/coach").origins == {"https://afroboost.ch"}
    assert Settings(site_url="https://afroboost.ch", allowed_origins="https://www.afroboost.ch/, ").origins == {
        "https://afroboost.ch", "https://www.afroboost.ch"}
    # `make run`: the same local server under its two loopback names
    assert Settings(site_url="http://127.0.0.1:3000").origins == {"http://127.0.0.1:3000", "http://localhost:3000"}
