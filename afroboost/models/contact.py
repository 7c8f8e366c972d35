"""Contacts: one person = one contact (deduplicated by normalized email and E.164 phone)."""

from __future__ import annotations

from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class Contact(sqlmodel.SQLModel, table=True):
    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    first_name: str = sqlmodel.Field(default="", max_length=80)
    last_name: str = sqlmodel.Field(default="", max_length=80)
    # Normalized (lower-cased) email; NULL when unknown. Unique: one person, one row.
    email: str | None = sqlmodel.Field(default=None, max_length=254, unique=True, index=True)
    # E.164 (+41791234567); NULL when unknown.
    phone: str | None = sqlmodel.Field(default=None, max_length=20, unique=True, index=True)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or self.email or "Contact sans nom"
