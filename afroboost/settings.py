"""One Settings object, read from the environment (and an optional `.env` file).

Secrets never live in code: anything sensitive comes from the environment.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


def normalize_db_url(url: str) -> str:
    """Map `postgres://`/`postgresql://` onto the psycopg 3 driver SQLAlchemy needs."""
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def async_db_url(url: str) -> str:
    """The async twin of a sync URL (aiosqlite for SQLite, psycopg 3 is both)."""
    if url.startswith("sqlite:"):
        return url.replace("sqlite:", "sqlite+aiosqlite:", 1)
    return url


class Settings(BaseSettings):
    """Runtime configuration. Every field maps to an upper-case env var."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///afroboost.db"
    redis_url: str | None = None
    # Phone numbers typed without a country prefix are read as Swiss numbers.
    default_phone_region: str = "CH"
    # Studio time zone: sessions are entered and shown in local time, stored in UTC.
    timezone: str = "Europe/Zurich"
    # SQLite: how long a writer waits for the lock before giving up (ms).
    sqlite_busy_timeout_ms: int = 20_000
    site_url: str = "http://127.0.0.1:3000"

    @property
    def db_url(self) -> str:
        return normalize_db_url(self.database_url)

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache to change them)."""
    return Settings()
