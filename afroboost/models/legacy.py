"""What was imported from the legacy Afroboost MongoDB: one row per legacy document.

Makes `python -m afroboost import-mongo` idempotent and resumable: a document already in
this map is skipped (or merged), never created twice.
"""

from __future__ import annotations

from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class LegacyImport(sqlmodel.SQLModel, table=True):
    __tablename__ = "legacy_import"
    __table_args__ = (sqlmodel.UniqueConstraint("collection", "legacy_id", name="uq_legacy_collection_id"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    collection: str = sqlmodel.Field(max_length=60)
    legacy_id: str = sqlmodel.Field(max_length=80)
    table: str = sqlmodel.Field(max_length=40)  # where it went (contact, conversation, campaign…)
    new_id: int | None = None
    outcome: str = sqlmodel.Field(default="created", max_length=10)  # created | merged | skipped
    imported_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
