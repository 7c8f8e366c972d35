"""The assistant's limits: requests per minute and tokens per day for each identity, and tokens per day overall.

Everything is counted in `ai_usage` rows keyed by (day, identity):
- `<identity>` (`contact:<id>`, `anon:<key>`): requests and tokens of the studio-local day;
- `global`: the same for everyone together;
- `rpm:<HHMM>:<identity>`: the requests of one UTC minute (a fixed one-minute window).

No read-then-write: each check is a conditional UPDATE (`… WHERE tokens < budget`,
`… WHERE requests < rate`) after an INSERT … ON CONFLICT DO NOTHING that makes sure the
row exists. On Postgres concurrent reservations queue on the row and re-check the WHERE
against the committed value; on SQLite writers are serialized. Either way the limits hold
under concurrency, and a refused reservation rolls back, so refusals do not count.

The token budgets are checked before a call and charged after it (the size of a reply is
only known then), so a budget can be passed by the replies already running when it runs
out — bounded by the rate limit. A limit set to 0 is off.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from afroboost.db import as_utc, in_write, utc_now
from afroboost.models import AIUsage
from afroboost.services import ServiceError
from afroboost.services.catalog.listing import local_tz
from afroboost.settings import get_settings

GLOBAL = "global"
RATE_PREFIX = "rpm:"
_MAX_KEY = 64  # leaves room for the rpm prefix within the column's 80 characters


def usage_day(now: datetime) -> str:
    """The studio-local day a usage belongs to (budgets reset at local midnight)."""
    return as_utc(now).astimezone(local_tz()).strftime("%Y-%m-%d")


def identity_key(identity: str) -> str:
    """The stored key of a participant identity; long ones are hashed to fit the column."""
    identity = (identity or "").strip()
    if ":" not in identity or identity.startswith(RATE_PREFIX):
        raise ValueError(f"not a participant identity: {identity!r} (expected contact:<id> or anon:<key>)")
    if len(identity) > _MAX_KEY:
        kind = identity.split(":", 1)[0][:10]
        identity = f"{kind}:#{hashlib.sha256(identity.encode()).hexdigest()[:40]}"
    return identity


def contact_identity(contact_id: int) -> str:
    return f"contact:{int(contact_id)}"


def _ensure_row(session: Session, *, day: str, identity: str) -> bool:
    """Create the (day, identity) row unless it exists; True when this call created it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(AIUsage).values(day=day, identity=identity, requests=0, tokens=0)
    return session.execute(stmt.on_conflict_do_nothing(index_elements=["day", "identity"])).rowcount == 1


def _bump(session: Session, *, day: str, identity: str, below: tuple[str, int] | None, now: datetime,
          tokens: int = 0, requests: int = 1) -> bool:
    """Add to a row's counters if `below` (column, limit) holds; False when the limit is reached."""
    stmt = (sa.update(AIUsage).where(AIUsage.day == day).where(AIUsage.identity == identity)
            .values(requests=AIUsage.requests + requests, tokens=AIUsage.tokens + tokens))
    if requests:
        stmt = stmt.values(last_request_at=now)
    if below is not None and below[1] > 0:
        stmt = stmt.where(getattr(AIUsage, below[0]) < below[1])
    return session.execute(stmt).rowcount == 1


def do_check_and_reserve(session: Session, *, identity: str, now: datetime) -> None:
    """Count one request for `identity`, or raise ServiceError when a limit is reached.

    Raises (the caller's transaction then rolls back, so nothing is counted):
        ServiceError("ai_global_budget"): today's tokens for everyone are spent.
        ServiceError("ai_daily_budget"): today's tokens for this identity are spent.
        ServiceError("ai_rate_limited"): too many requests from this identity this minute.
    """
    s = get_settings()
    key, day = identity_key(identity), usage_day(now)
    if _ensure_row(session, day=day, identity=GLOBAL):
        do_purge_rate_rows(session, before_day=day)  # first request of the day: drop old windows
    if not _bump(session, day=day, identity=GLOBAL, below=("tokens", s.ai_daily_tokens_global), now=now):
        raise ServiceError("ai_global_budget")
    _ensure_row(session, day=day, identity=key)
    if not _bump(session, day=day, identity=key, below=("tokens", s.ai_daily_tokens_per_identity), now=now):
        raise ServiceError("ai_daily_budget")
    if s.ai_rate_per_minute > 0:
        window = f"{RATE_PREFIX}{as_utc(now):%H%M}:{key}"
        _ensure_row(session, day=day, identity=window)
        if not _bump(session, day=day, identity=window, below=("requests", s.ai_rate_per_minute), now=now):
            raise ServiceError("ai_rate_limited")


def do_record_tokens(session: Session, *, identity: str, tokens: int, now: datetime) -> None:
    """Charge a reply's tokens to the identity and to the global budget."""
    if tokens <= 0:
        return
    key, day = identity_key(identity), usage_day(now)
    for who in (key, GLOBAL):
        _ensure_row(session, day=day, identity=who)  # the day may have turned since the reservation
        _bump(session, day=day, identity=who, below=None, now=now, tokens=int(tokens), requests=0)


def do_purge_rate_rows(session: Session, *, before_day: str) -> int:
    """Delete the per-minute windows of days before `before_day` (daily rows are kept)."""
    stmt = sa.delete(AIUsage).where(AIUsage.day < before_day).where(AIUsage.identity.startswith(RATE_PREFIX))
    return session.execute(stmt).rowcount


def check_and_reserve(identity: str, now: datetime | None = None) -> None:
    """`do_check_and_reserve` in its own write transaction."""
    in_write(do_check_and_reserve, identity=identity, now=now or utc_now())


def record_tokens(identity: str, tokens: int, now: datetime | None = None) -> None:
    """`do_record_tokens` in its own write transaction."""
    in_write(do_record_tokens, identity=identity, tokens=tokens, now=now or utc_now())


def usage_of(session: Session, *, identity: str, day: str) -> AIUsage | None:
    """The stored counters of one identity (or GLOBAL) for one day."""
    key = identity if identity == GLOBAL else identity_key(identity)
    stmt = sa.select(AIUsage).where(AIUsage.day == day).where(AIUsage.identity == key)
    return session.execute(stmt).scalars().first()
