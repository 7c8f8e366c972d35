"""One Settings object, read from the environment (and an optional `.env` file).

Secrets never live in code: anything sensitive comes from the environment.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

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
    # Coach access. Several coaches may be listed, comma-separated.
    coach_emails: str = "contact.artboost@gmail.com"
    # Signs session cookies and one-time links. Empty: a random key is generated once and
    # kept in `secret_key_file` (never in code, never committed).
    secret_key: str = ""
    secret_key_file: str = ".secret_key"
    google_client_id: str = ""
    google_client_secret: str = ""
    google_metadata_url: str = "https://accounts.google.com/.well-known/openid-configuration"
    # Send the session cookie only over HTTPS (set true behind TLS in production).
    cookie_secure: bool = False
    uploads_max_bytes: int = 5 * 1024 * 1024
    # AI assistant: any OpenAI-compatible server (OpenAI, Ollama, vLLM). No key: shown unavailable.
    openai_api_key: str = ""
    openai_base_url: str = ""  # empty: the SDK's default (OpenAI)
    openai_model: str = "gpt-4o-mini"
    openai_timeout_s: float = 60.0
    openai_max_retries: int = 2
    openai_max_output_tokens: int = 600
    ai_max_input_chars: int = 1000
    ai_history_messages: int = 12
    ai_history_chars: int = 6000
    ai_rate_per_minute: int = 6
    ai_daily_tokens_per_identity: int = 30_000
    ai_daily_tokens_global: int = 1_000_000

    @property
    def db_url(self) -> str:
        return normalize_db_url(self.database_url)

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def coaches(self) -> frozenset[str]:
        return frozenset(e.strip().lower() for e in self.coach_emails.split(",") if e.strip())

    @property
    def google_configured(self) -> bool:
        return bool(self.google_client_id and self.google_client_secret)

    @property
    def openai_configured(self) -> bool:
        return bool(self.openai_api_key.strip())


def get_secret_key() -> str:
    """SECRET_KEY from the environment, else a random key created once in a 0600 file."""
    settings = get_settings()
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.secret_key_file)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache to change them)."""
    return Settings()
