"""Shared fixtures: a real, migrated database per test run (SQLite by default)."""

from __future__ import annotations

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEST_DB = ROOT / "tests" / ".test.db"
os.environ["DATABASE_URL"] = f"sqlite:///{TEST_DB}"  # before settings/rxconfig are read
os.environ.pop("REDIS_URL", None)

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

# `migrate` and `using_database` live with the throwaway-Postgres helper so bench/ reuses them.
from tests.pgserver import MISSING_HINT, PgServer, PostgresMissing, migrate, using_database  # noqa: E402,F401


def wipe(engine: sa.Engine) -> None:
    """Delete every row (children first), keeping the migrated schema."""
    import afroboost.models  # noqa: F401
    from afroboost.services.booking.capacity import forget_all_full

    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(table.delete())
    forget_all_full()  # ids start again: no « full » memory may outlive its rows


@pytest.fixture(scope="session")
def _migrated_sqlite():
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(f"{TEST_DB}{suffix}").unlink(missing_ok=True)
    migrate(os.environ["DATABASE_URL"])
    yield


@pytest.fixture
def db(_migrated_sqlite):
    """A clean, migrated SQLite database; yields its engine."""
    from afroboost.db import get_engine

    engine = get_engine()
    wipe(engine)
    yield engine
    wipe(engine)


# --- PostgreSQL (integration / concurrency tests) ------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL server for this test run, migrated; always stopped at the end.

    Fails (never skips) when PostgreSQL is not installed: concurrency must be proven on it.
    """
    try:
        server = PgServer()
    except PostgresMissing:
        server = None
    if server is None:
        pytest.fail(MISSING_HINT, pytrace=False)
    try:
        server.start()
        migrate(server.url)
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_db(pg_server):
    """Like `db`, but on the throwaway PostgreSQL server."""
    with using_database(pg_server.url) as engine:
        wipe(engine)
        yield engine
        wipe(engine)


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request):
    """Runs the test once on SQLite and once on PostgreSQL; yields the engine."""
    yield request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")


# --- Redis (several backend workers sharing state) -----------------------------------------

@pytest.fixture(scope="session")
def redis_server():
    """A private redis-server on 127.0.0.1, no persistence; always stopped at the end.

    Fails (never skips) when redis-server is not installed: multi-worker chat must be proven on it.
    """
    from tests.redisserver import MISSING_HINT as REDIS_HINT
    from tests.redisserver import RedisMissing, RedisServer

    try:
        server = RedisServer()
    except RedisMissing:
        server = None
    if server is None:
        pytest.fail(REDIS_HINT, pytrace=False)
    try:
        yield server.start()
    finally:
        server.stop()
