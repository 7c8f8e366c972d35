"""Coach identity: the allowlist, signed session cookies and one-time login links."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlmodel import Session

from afroboost.db import utc_now
from afroboost.models import LoginToken
from afroboost.services import ServiceError
from afroboost.settings import get_secret_key, get_settings

SESSION_COOKIE = "afro_sid"
SESSION_MAX_AGE = 7 * 24 * 3600
LINK_MAX_AGE = 10 * 60
_SESSION_SALT = "afroboost.coach-session"
_LINK_SALT = "afroboost.coach-link"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(get_secret_key())


def is_coach_email(email: str | None) -> bool:
    return bool(email) and email.strip().lower() in get_settings().coaches


def session_cookie_value(email: str) -> str:
    """The signed value of the coach session cookie."""
    return _serializer().dumps({"email": email.strip().lower()}, salt=_SESSION_SALT)


def coach_from_cookie(value: str | None) -> str | None:
    """The coach email a session cookie proves, or None (bad signature, expired, not allowed)."""
    if not value:
        return None
    try:
        data = _serializer().loads(value, salt=_SESSION_SALT, max_age=SESSION_MAX_AGE)
    except BadSignature:
        return None
    email = data.get("email") if isinstance(data, dict) else None
    return email if is_coach_email(email) else None


def access_coach_session(session: Session, *, value: str | None) -> str | None:
    """The coach email a session cookie value stands for, or None (not signed in)."""
    return coach_from_cookie(value)


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
