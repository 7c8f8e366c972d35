"""Transactional messages to one participant (confirmation, reminder, waitlist offer, …): the outbox.

Each row is one message on one channel, written in the same transaction as what it announces
(a booking, a promotion, a cancellation), so nothing is announced that did not happen and
nothing that happened goes unannounced. `dedupe_key` makes « this kind, for this booking, on
this channel » exist at most once; the dispatcher (services/notices/dispatch.py) claims due
rows like the campaign ledger does, so each is sent exactly once across workers and restarts.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class NoticeKind(enum.StrEnum):
    confirmation = "confirmation"  # booked: code, QR, date, place, payment state and link
    reminder = "reminder"  # the day before
    nudge = "nudge"  # « Tu viens toujours ? » a few hours before, with « Je ne viens pas »
    waitlist_offer = "waitlist_offer"  # a headset is held for you: « Je confirme » / « Je laisse ma place »
    offer_expired = "offer_expired"  # no answer in time: the spot went to the next person
    hold_expired = "hold_expired"  # unpaid in time: the headset was freed
    session_cancelled = "session_cancelled"  # the coach cancelled the class


class Notice(sqlmodel.SQLModel, table=True):
    __table_args__ = (sqlmodel.Index("ix_notice_due", "status", "due_at"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    kind: str = sqlmodel.Field(max_length=20)
    # "<kind>:r<reservation id>:<channel>" (or w<waitlist id>): one message per thing per channel.
    dedupe_key: str = sqlmodel.Field(max_length=80, unique=True)
    contact_id: int = sqlmodel.Field(foreign_key="contact.id", index=True)
    session_id: int = sqlmodel.Field(foreign_key="class_session.id")
    reservation_id: int | None = sqlmodel.Field(default=None, foreign_key="reservation.id", index=True)
    waitlist_id: int | None = sqlmodel.Field(default=None, foreign_key="waitlist_entry.id")
    channel: str = sqlmodel.Field(max_length=10)  # internal | email | whatsapp
    status: str = sqlmodel.Field(default="queued", max_length=10)  # DeliveryStatus values
    due_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    lease_until: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    claimed_by: str = sqlmodel.Field(default="", max_length=80)
    attempts: int = 0
    provider_id: str = sqlmodel.Field(default="", max_length=80)
    error_code: str = sqlmodel.Field(default="", max_length=40)
    error_message: str = sqlmodel.Field(default="", max_length=500)
    sent_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
