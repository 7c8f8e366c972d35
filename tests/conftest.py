"""Shared fixtures: a real, migrated database per test run (SQLite by default)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEST_DB = ROOT / "tests" / ".test.db"
os.environ["DATABASE_URL"] = f"sqlite:///{TEST_DB}"  # before settings/rxconfig are read
os.environ.pop("REDIS_URL", None)

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402


def migrate(database_url: str) -> None:
    """Apply the real alembic migrations (`reflex db migrate`) to `database_url`."""
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("PYTEST_CURRENT_TEST", None)
    out = subprocess.run([sys.executable, "-m", "reflex", "db", "migrate"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def wipe(engine: sa.Engine) -> None:
    """Delete every row (children first), keeping the migrated schema."""
    import afroboost.models  # noqa: F401

    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(table.delete())


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
