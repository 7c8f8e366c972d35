"""One-time coach login links (each usable once, short-lived)."""

from __future__ import annotations

from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class LoginToken(sqlmodel.SQLModel, table=True):
    __tablename__ = "login_token"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    jti: str = sqlmodel.Field(max_length=64, unique=True, index=True)
    email: str = sqlmodel.Field(max_length=254)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    expires_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    used_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class CoachSession(sqlmodel.SQLModel, table=True):
    """A coach's signed-in browser, kept on the server so logout (and « partout ») really ends it.

    The cookie carries a random session id; only its SHA-256 is stored, so a database read
    never yields a usable cookie.
    """

    __tablename__ = "coach_session"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    sid_hash: str = sqlmodel.Field(max_length=64, unique=True, index=True)
    email: str = sqlmodel.Field(max_length=254, index=True)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    expires_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class VerificationCode(sqlmodel.SQLModel, table=True):
    """A one-time code proving someone owns a contact's email or WhatsApp number.

    Short-lived, single use, a few tries; only a keyed hash of the code is stored. `demo_code`
    keeps the code itself only when no channel could carry it (a fresh machine without
    Resend/Twilio), so the coach's dashboard can show it.
    """

    __tablename__ = "verification_code"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    contact_id: int = sqlmodel.Field(foreign_key="contact.id", index=True)
    purpose: str = sqlmodel.Field(max_length=20)  # "chat", "lookup", …
    channel: str = sqlmodel.Field(max_length=20)  # "email", "whatsapp", "log"
    code_hash: str = sqlmodel.Field(max_length=64)
    demo_code: str | None = sqlmodel.Field(default=None, max_length=12)
    attempts: int = sqlmodel.Field(default=0)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    expires_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    used_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
