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
