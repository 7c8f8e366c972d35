"""Coach identity: the allowlist, server-side coach sessions and one-time login links.

A coach session is a row in `coach_session`. The `afro_sid` cookie carries a random session
id (256 bits); only its SHA-256 is stored, so reading the table never yields a usable cookie.
A session proves a coach while it is not expired, not revoked and its email is still in
COACH_EMAILS: logout revokes the row, « se déconnecter partout » every row of that coach.
Cookies of the old stateless format (signed email) match no row and prove nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from http.cookies import CookieError, SimpleCookie

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlmodel import Session

from afroboost.db import utc_now
from afroboost.models import CoachSession, LoginToken
from afroboost.services import ServiceError
from afroboost.settings import get_secret_key, get_settings

SESSION_COOKIE = "afro_sid"
SESSION_MAX_AGE = 7 * 24 * 3600
LINK_MAX_AGE = 10 * 60
# Ended or expired session rows are kept this long (what happened), then deleted at a login.
SESSION_KEEP = timedelta(days=30)
_SID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_LINK_SALT = "afroboost.coach-link"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(get_secret_key())


def is_coach_email(email: str | None) -> bool:
    return bool(email) and email.strip().lower() in get_settings().coaches


def session_cookie(cookie_header: str | None) -> str:
    """The coach session cookie's value in a raw `Cookie` header ('' if absent or malformed)."""
    jar = SimpleCookie()
    try:
        jar.load(cookie_header or "")
    except CookieError:
        return ""
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else ""


def session_hash(value: str | None) -> str:
    """The stored form of a session cookie value ("" for anything that cannot be one)."""
    if not value or len(value) != 43 or not set(value) <= _SID_CHARS:
        return ""
    return hashlib.sha256(value.encode()).hexdigest()


def do_start_coach_session(session: Session, *, email: str, now: datetime | None = None) -> str:
    """A new server-side session for a coach; returns the cookie value (the only copy of the id).

    Raises:
        ServiceError: `not_coach` when the email is not in COACH_EMAILS.
    """
    now = now or utc_now()
    email = email.strip().lower()
    if not is_coach_email(email):
        raise ServiceError("not_coach")
    value = secrets.token_urlsafe(32)  # 43 characters
    session.execute(sa.delete(CoachSession).where(CoachSession.expires_at < now - SESSION_KEEP))
    session.add(CoachSession(sid_hash=session_hash(value), email=email, created_at=now,
                             expires_at=now + timedelta(seconds=SESSION_MAX_AGE)))
    session.flush()
    return value


def access_coach_session(session: Session, *, value: str | None = None, sid_hash: str | None = None,
                         now: datetime | None = None) -> str | None:
    """The coach email a live session stands for, or None.

    Args:
        session: The database session.
        value: The cookie value, or
        sid_hash: its hash (what an open tab keeps, so it never holds the cookie itself).
        now: The current instant (default: the clock).

    Returns:
        The email when the session exists, is neither expired nor revoked, and the email is
        still a coach's; else None.
    """
    digest = sid_hash if sid_hash is not None else session_hash(value)
    if not digest:
        return None
    row = session.execute(sa.select(CoachSession.email, CoachSession.expires_at, CoachSession.revoked_at)
                          .where(CoachSession.sid_hash == digest)).one_or_none()
    if row is None or row.revoked_at is not None or row.expires_at <= (now or utc_now()):
        return None
    return row.email if is_coach_email(row.email) else None


def do_end_coach_session(session: Session, *, value: str | None, everywhere: bool = False,
                         now: datetime | None = None) -> int:
    """Revoke the session of this cookie (logout), or every live session of its coach.

    Args:
        session: The database session.
        value: The cookie value of the browser asking.
        everywhere: « Se déconnecter partout »: every session of the same coach email.
        now: The current instant (default: the clock).

    Returns:
        How many sessions were ended (0 when the cookie proves no live session).
    """
    now = now or utc_now()
    email = access_coach_session(session, value=value, now=now)
    if email is None:
        return 0
    which = CoachSession.email == email if everywhere else CoachSession.sid_hash == session_hash(value)
    ended = session.execute(sa.update(CoachSession).where(which).where(CoachSession.revoked_at.is_(None))
                            .values(revoked_at=now))
    return ended.rowcount


def do_create_login_link(session: Session, *, email: str | None = None, now: datetime | None = None) -> str:
    """A one-time login token (10 minutes, usable once) for a coach email; returns the token."""
    now = now or utc_now()
    email = (email or sorted(get_settings().coaches)[0]).strip().lower()
    if not is_coach_email(email):
        raise ServiceError("not_coach")
    jti = secrets.token_urlsafe(24)
    session.add(LoginToken(jti=jti, email=email, created_at=now, expires_at=now + timedelta(seconds=LINK_MAX_AGE)))
    session.flush()
    return _serializer().dumps({"jti": jti}, salt=_LINK_SALT)


def do_consume_login_link(session: Session, *, token: str, now: datetime | None = None) -> str:
    """The coach email of a valid link, marking it used (a replay is refused)."""
    now = now or utc_now()
    try:
        data = _serializer().loads(token or "", salt=_LINK_SALT, max_age=LINK_MAX_AGE)
    except BadSignature as exc:  # includes SignatureExpired
        raise ServiceError("link_invalid") from exc
    jti = data.get("jti") if isinstance(data, dict) else None
    row = session.execute(sa.select(LoginToken).where(LoginToken.jti == str(jti))).scalar_one_or_none()
    if row is None or row.expires_at <= now:
        raise ServiceError("link_invalid")
    used = session.execute(
        sa.update(LoginToken).where(LoginToken.id == row.id).where(LoginToken.used_at.is_(None)).values(used_at=now)
    )
    if used.rowcount != 1:
        raise ServiceError("link_used")
    if not is_coach_email(row.email):
        raise ServiceError("not_coach")
    return row.email


def login_url(token: str) -> str:
    return f"{get_settings().site_url.rstrip('/')}/api/auth/link?t={token}"
