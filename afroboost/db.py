"""Engine and session helpers shared by services, states, CLI and tests.

SQLite notes (why this file exists):
- WAL mode lets readers run while one writer commits.
- SQLite ignores `SELECT ... FOR UPDATE`, so capacity is protected by conditional
  UPDATEs instead. A deferred transaction that reads first and writes later can fail
  with SQLITE_BUSY without waiting, so write transactions start with
  `BEGIN IMMEDIATE` (they take the write lock up front and wait `busy_timeout`).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Session

from afroboost.settings import get_settings

T = TypeVar("T")


def utc_now() -> datetime:
    """The current time, UTC-aware."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Treat naive datetimes (SQLite) as UTC and convert aware ones to UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A DateTime column that always gives back UTC-aware values (also on SQLite)."""

    impl = sa.DateTime
    cache_ok = True

    def __init__(self, timezone: bool = True):
        super().__init__(timezone=timezone)

    def process_bind_param(self, value, dialect):
        value = as_utc(value)
        if value is not None and dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return as_utc(value)


def _configure_sqlite(engine: sa.Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> sa.Engine:
    """The engine for `url` (default: the configured database), created once."""
    settings = get_settings()
    url = url or settings.db_url
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": settings.sqlite_busy_timeout_ms / 1000}
        )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
    else:
        # No pre-ping: it costs a round trip on every checkout (three per booking);
        # recycling bounds the age of a connection instead.
        engine = sa.create_engine(url, pool_size=10, max_overflow=20, pool_recycle=1800)
    return engine


@contextlib.contextmanager
def read_session(url: str | None = None) -> Iterator[Session]:
    """A session for reads."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        yield session


_sqlite_writers: dict[str, threading.Lock] = {}


@contextlib.contextmanager
def write_session(url: str | None = None) -> Iterator[Session]:
    """A session whose transaction takes the write lock first on SQLite; commits on success.

    SQLite admits one writer; threads that find the lock taken would sleep in SQLite's busy
    handler (steps of up to 100 ms). Queueing them on an in-process lock instead wakes the
    next writer as soon as the previous one commits. `busy_timeout` still covers other
    processes (CLI, migrations).
    """
    engine = get_engine(url)
    lock = _sqlite_writers.setdefault(str(engine.url), threading.Lock()) if engine.dialect.name == "sqlite" else None
    with lock or contextlib.nullcontext():
        with Session(engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False) as session:
            with session.begin():
                yield session


def in_write(fn: Callable[..., T], /, **kwargs) -> T:
    """Call `fn(session, **kwargs)` inside one write transaction."""
    with write_session() as session:
        return fn(session, **kwargs)


def in_read(fn: Callable[..., T], /, **kwargs) -> T:
    """Call `fn(session, **kwargs)` with a read session."""
    with read_session() as session:
        return fn(session, **kwargs)


async def run_write(fn: Callable[..., T], /, **kwargs) -> T:
    """`in_write` in a worker thread, so a Reflex handler never blocks the event loop."""
    return await asyncio.to_thread(in_write, fn, **kwargs)


async def run_read(fn: Callable[..., T], /, **kwargs) -> T:
    """`in_read` in a worker thread."""
    return await asyncio.to_thread(in_read, fn, **kwargs)


# The search migrations (alembic/versions/c5e1a7d3f920_search_indexes.py, e4b7a1c90d52_…) create SQLite FTS5
# tables and expression indexes (pg_trgm, the list order) by hand: they are not in the models. Without
# this, Alembic autogenerate — and so Reflex's startup check (« Detected database schema
# changes ») and `reflex db makemigrations` — would want to drop them.
SEARCH_TABLES = ("contact_fts", "chat_message_fts")
SEARCH_INDEXES = frozenset({"ix_contact_name_trgm", "ix_contact_email_trgm", "ix_contact_phone_trgm",
                            "ix_chat_message_body_trgm", "ix_conversation_recent"})


def _is_search_table(name: str) -> bool:
    return any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def _hide_search_tables_from_autogenerate() -> None:
    try:
        from alembic.autogenerate.compare import comparators
        from alembic.operations import ops
        from alembic.util.langhelpers import DispatchPriority, PriorityDispatchResult
    except ImportError:  # an Alembic without the priority dispatcher: nothing to hide from
        return

    def keep(o) -> bool:
        if isinstance(o, ops.DropTableOp):
            return not _is_search_table(o.table_name)
        if isinstance(o, ops.DropIndexOp):
            return o.index_name not in SEARCH_INDEXES
        if isinstance(o, ops.ModifyTableOps):
            o.ops[:] = [inner for inner in o.ops if keep(inner)]
            return bool(o.ops)
        return True

    @comparators.dispatch_for("schema", priority=DispatchPriority.LAST)
    def _keep_search_objects(_autogen_context, upgrade_ops, _schemas):
        upgrade_ops.ops[:] = [o for o in upgrade_ops.ops if keep(o)]
        return PriorityDispatchResult.CONTINUE


_hide_search_tables_from_autogenerate()
