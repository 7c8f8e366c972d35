"""Campaigns: what the coach sends, when, to whom — and one delivery row per person × channel × slot.

The delivery ledger is the source of truth for « who got what »: dispatchers claim due rows
with a conditional UPDATE (a lease), providers get an idempotency key per row, and
« Relancer » only re-queues rows that failed or never went out.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class CampaignStatus(enum.StrEnum):
    draft = "draft"
    scheduled = "scheduled"
    sending = "sending"
    completed = "completed"
    failed = "failed"


class DeliveryStatus(enum.StrEnum):
    queued = "queued"
    sending = "sending"  # claimed by a dispatcher (lease_until set)
    sent = "sent"
    delivered = "delivered"
    read = "read"
    failed = "failed"
    skipped = "skipped"  # opted out at send time, or nothing to send on that channel


class Channel(enum.StrEnum):
    internal = "internal"  # a message from « 💪 Coach Bassi » in the person's own conversation
    group = "group"  # one message in a group room (not per person)
    whatsapp = "whatsapp"
    email = "email"


class Campaign(sqlmodel.SQLModel, table=True):
    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    name: str = sqlmodel.Field(max_length=120)
    body: str = sqlmodel.Field(max_length=4000)
    media_url: str = sqlmodel.Field(default="", max_length=500)
    # [{"type": "group"|"user", "id": int}] — the basket as the coach composed it.
    targets: list = sqlmodel.Field(default_factory=list, sa_type=sa.JSON)
    # {"internal": true, "whatsapp": false, "email": false, "group": false}
    channels: dict = sqlmodel.Field(default_factory=dict, sa_type=sa.JSON)
    wa_content_sid: str = sqlmodel.Field(default="", max_length=64)  # approved WhatsApp template
    status: str = sqlmodel.Field(default=CampaignStatus.draft.value, max_length=10, index=True)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    deleted_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class CampaignSlot(sqlmodel.SQLModel, table=True):
    """One send time of a campaign (« maintenant » or a scheduled date), stored in UTC."""

    __tablename__ = "campaign_slot"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    campaign_id: int = sqlmodel.Field(foreign_key="campaign.id", index=True)
    due_at: datetime = sqlmodel.Field(sa_type=UTCDateTime, index=True)
    fired_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class Delivery(sqlmodel.SQLModel, table=True):
    __table_args__ = (
        sqlmodel.UniqueConstraint("slot_id", "channel", "target_key", name="uq_delivery_slot_channel_target"),
        sqlmodel.Index("ix_delivery_due", "status", "due_at"),
    )

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    campaign_id: int = sqlmodel.Field(foreign_key="campaign.id", index=True)
    slot_id: int = sqlmodel.Field(foreign_key="campaign_slot.id")
    channel: str = sqlmodel.Field(max_length=10)
    # "c<contact id>" for a person, "g<conversation id>" for a group room.
    target_key: str = sqlmodel.Field(max_length=24)
    contact_id: int | None = sqlmodel.Field(default=None, foreign_key="contact.id", index=True)
    conversation_id: int | None = sqlmodel.Field(default=None, foreign_key="conversation.id")
    status: str = sqlmodel.Field(default=DeliveryStatus.queued.value, max_length=10)
    due_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    lease_until: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    # The dispatcher holding the lease: its results are only recorded while it still does.
    claimed_by: str = sqlmodel.Field(default="", max_length=80)
    attempts: int = 0  # claims so far (a crash mid-send counts too)
    provider_id: str = sqlmodel.Field(default="", max_length=80)  # Twilio MessageSid, Resend id, chat message id
    error_code: str = sqlmodel.Field(default="", max_length=40)
    error_message: str = sqlmodel.Field(default="", max_length=500)
    sent_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class Consent(sqlmodel.SQLModel, table=True):
    """One record per contact and channel: opted out or not, and the WhatsApp 24 h window."""

    __table_args__ = (sqlmodel.UniqueConstraint("contact_id", "channel", name="uq_consent_contact_channel"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    contact_id: int = sqlmodel.Field(foreign_key="contact.id", index=True)
    channel: str = sqlmodel.Field(max_length=10)
    opted_out: bool = sqlmodel.Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    source: str = sqlmodel.Field(default="", max_length=40)  # "whatsapp STOP", "email link", …
    last_inbound_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)  # opens the 24 h window
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class SchedulerLease(sqlmodel.SQLModel, table=True):
    """Which process runs the scheduler (exactly one): a lease renewed by its heartbeat."""

    __tablename__ = "scheduler_lease"

    name: str = sqlmodel.Field(primary_key=True, max_length=40)
    holder: str = sqlmodel.Field(default="", max_length=80)
    until: datetime = sqlmodel.Field(sa_type=UTCDateTime)
    heartbeat_at: datetime = sqlmodel.Field(sa_type=UTCDateTime)


# APScheduler 3's SQLAlchemyJobStore table (services/jobs/scheduler.py). Declared here so the
# migration creates it and autogenerate never proposes dropping it; same columns as APScheduler's.
apscheduler_jobs = sa.Table(
    "apscheduler_jobs",
    sqlmodel.SQLModel.metadata,
    sa.Column("id", sa.Unicode(191), primary_key=True),
    sa.Column("next_run_time", sa.Float(25), index=True),
    sa.Column("job_state", sa.LargeBinary, nullable=False),
)
