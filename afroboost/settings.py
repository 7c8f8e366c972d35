"""One Settings object, read from the environment (and an optional `.env` file).

Secrets never live in code: anything sensitive comes from the environment.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import field_validator
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
    # Signs session cookies and one-time links. Unset: a random key is generated once and
    # kept in `secret_key_file` (never in code, never committed). Set but empty: refused.
    secret_key: str | None = None
    secret_key_file: str = ".secret_key"
    google_client_id: str = ""
    google_client_secret: str = ""
    google_metadata_url: str = "https://accounts.google.com/.well-known/openid-configuration"
    # Send the session cookies only over HTTPS. Unset: automatic, on when SITE_URL is https.
    cookie_secure: bool | None = None
    # How long an open coach tab trusts its last check of the server-side session (seconds);
    # a session ended elsewhere stops working in that tab at its next action after this. 0: every action.
    coach_session_recheck_s: float = 2.0
    uploads_max_bytes: int = 5 * 1024 * 1024
    # Any other HTTP request body (webhooks, forms): refused past this many bytes before it is read.
    request_max_bytes: int = 256 * 1024
    # Extra origins allowed to open the websocket (comma-separated); SITE_URL's origin always is.
    allowed_origins: str = ""
    # Rate limits (the `limits` notation, `;` between several), per tab token; an IP gets
    # `limit_ip_factor` times as much (a studio's Wi-Fi is many people behind one address).
    limit_booking: str = "10/minute;40/hour"
    limit_promo: str = "10/minute;40/hour"
    limit_lookup: str = "10/minute;30/hour"
    limit_identity_claim: str = "5/minute;20/hour"
    limit_code_entry: str = "10/minute;30/hour"
    limit_chat_message: str = "20/minute;300/hour"
    limit_typing: str = "75/minute"  # the composer sends at most one « écrit… » a second
    limit_ai_request: str = "8/minute;60/hour"
    limit_ip_factor: int = 5

    @field_validator("limit_booking", "limit_promo", "limit_lookup", "limit_identity_claim", "limit_code_entry",
                     "limit_chat_message", "limit_typing", "limit_ai_request")
    @classmethod
    def _limits_notation(cls, value: str) -> str:
        """A typo in LIMIT_* stops the start, not every later call to the limited handler."""
        from limits import parse_many

        parse_many(value)  # ValueError on a bad string
        return value
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
    # Campaign scheduler (services/jobs/scheduler.py): every web worker competes for one DB lease and
    # only the holder schedules. False: this process never schedules (e.g. a web-only replica).
    scheduler_enabled: bool = True
    # Campaign channels. Missing credentials: the channel shows « non configuré » and its
    # deliveries fail with that reason (they can be relaunched once it is configured).
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""  # also checks X-Twilio-Signature on /api/webhooks/twilio
    twilio_whatsapp_from: str = ""  # the approved WhatsApp sender, E.164 (+41791234567)
    twilio_base_url: str = ""  # empty: Twilio itself; tests point it at a local fake server
    twilio_rate_per_s: float = 10.0  # Twilio's default throughput per WhatsApp sender
    resend_api_key: str = ""
    resend_from: str = ""  # « Coach Bassi <coach@afroboost.ch> » (a domain verified at Resend)
    resend_base_url: str = ""  # empty: https://api.resend.com; tests point it at a local fake
    resend_rate_per_s: float = 2.0  # Resend's default API rate limit (requests per second)
    resend_unsubscribe_mailto: str = ""  # List-Unsubscribe mailto address; empty: the sender's address
    # One-time codes proving a chat identity (services/verification.py): lifetime and wrong tries allowed.
    verification_code_minutes: int = 10
    verification_code_tries: int = 5
    # WhatsApp template (approved at Twilio, variable {{1}}) for codes sent outside the 24 h window.
    twilio_code_content_sid: str = ""
    # Transactional messages (services/notices/): a WhatsApp template whose {{1}} is the whole text,
    # used outside the 24 h window (without it, WhatsApp notices outside the window are skipped).
    twilio_notice_content_sid: str = ""
    # Booking loop (services/booking/holds.py). An unpaid booking keeps its headset `hold_hours`,
    # and at the latest until `hold_cutoff_hours` before class (booked later: until class).
    hold_hours: float = 24.0
    hold_cutoff_hours: float = 3.0
    # A freed headset is offered to the next waiting person for this long (at most until class).
    waitlist_offer_minutes: float = 30.0
    # Reminder the day before, and « Tu viens toujours ? » this many hours before class.
    reminder_hours: float = 24.0
    nudge_hours: float = 4.0

    @property
    def db_url(self) -> str:
        return normalize_db_url(self.database_url)

    @property
    def site_origin(self) -> str:
        """`scheme://host[:port]` of SITE_URL (what a browser sends as `Origin`)."""
        parts = urlsplit(self.site_url.strip())
        return f"{parts.scheme}://{parts.netloc}".lower()

    @property
    def origins(self) -> frozenset[str]:
        """Origins allowed to open the websocket and to POST logout: SITE_URL's, ALLOWED_ORIGINS.

        A loopback SITE_URL (`make run`) also allows its twin name (127.0.0.1 ⇄ localhost).
        """
        extra = (o.strip().rstrip("/").lower() for o in self.allowed_origins.split(","))
        site = urlsplit(self.site_origin)
        twins = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}
        twin = ""
        if site.hostname in twins:
            twin = f"{site.scheme}://{twins[site.hostname]}" + (f":{site.port}" if site.port else "")
        return frozenset(o for o in (self.site_origin, twin, *extra) if o)

    @property
    def secure_cookies(self) -> bool:
        """COOKIE_SECURE when set, else whether SITE_URL is https."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        return urlsplit(self.site_url.strip()).scheme.lower() == "https"

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

    @property
    def twilio_configured(self) -> bool:
        return bool(self.twilio_account_sid.strip() and self.twilio_auth_token.strip()
                    and self.twilio_whatsapp_from.strip())

    @property
    def resend_configured(self) -> bool:
        return bool(self.resend_api_key.strip() and self.resend_from.strip())


class SecretKeyError(RuntimeError):
    """SECRET_KEY (or its file) is empty or unreadable: refuse to sign anything with it."""


def get_secret_key() -> str:
    """SECRET_KEY from the environment, else a random key created once in a 0600 file.

    Raises:
        SecretKeyError: SECRET_KEY is set but empty, or the key file is empty.
    """
    settings = get_settings()
    return _secret_key(settings.secret_key, settings.secret_key_file)


@lru_cache(maxsize=8)
def _secret_key(env_value: str | None, key_file: str) -> str:
    if env_value is not None:
        if not env_value.strip():
            raise SecretKeyError("SECRET_KEY is set but empty: unset it (a key is then generated in "
                                 f"{key_file}) or give it a long random value.")
        return env_value.strip()
    path = Path(key_file)
    if not path.exists():
        _create_key_file(path)
    key = path.read_text().strip()
    if not key:
        raise SecretKeyError(f"{path.resolve()} is empty: delete it to generate a new key, or set SECRET_KEY.")
    return key


def _create_key_file(path: Path) -> None:
    """Write a new key to `path` atomically: several workers may start at once (`make run-scale`).

    The key is fully written and synced in a private temporary file, then hard-linked to its
    name: `link` fails if the name exists, so exactly one process wins and every other one
    reads the winner's complete key, never a partial or empty file.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)
    except FileExistsError:
        pass  # another worker won the race: its key is complete, read it
    finally:
        tmp.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache to change them)."""
    return Settings()
