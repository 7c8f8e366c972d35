"""Chat: conversations (assistant, group, private), members, messages, links, AI settings and usage.

The history lives here; the live rooms (rx.SharedState) only keep the last messages.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class ConversationKind(enum.StrEnum):
    assistant = "assistant"  # a participant with the AI assistant and the coach
    group = "group"  # community groups: community, vip, promo, coach-created ones
    private = "private"  # two people (member ↔ member, or member ↔ coach)


class ConversationStatus(enum.StrEnum):
    ai = "ai"  # the assistant answers
    waiting = "waiting"  # « Parler au coach » asked, nobody answered yet
    coach = "coach"  # the coach answered: the assistant stays silent until handed back


class SenderKind(enum.StrEnum):
    member = "member"
    coach = "coach"
    ai = "ai"
    system = "system"


class ChatLink(sqlmodel.SQLModel, table=True):
    """A shareable /chat/l/{token} link; a custom prompt makes its conversations STRICT."""

    __tablename__ = "chat_link"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    token: str = sqlmodel.Field(max_length=64, unique=True, index=True)
    title: str = sqlmodel.Field(default="", max_length=120)
    custom_prompt: str | None = sqlmodel.Field(default=None, max_length=8000)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    deleted_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class Conversation(sqlmodel.SQLModel, table=True):
    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    kind: str = sqlmodel.Field(max_length=12, index=True)
    # Groups: a stable slug (community, vip, promo, les-lionnes…). Private: the member pair key.
    slug: str | None = sqlmodel.Field(default=None, max_length=80, unique=True)
    title: str = sqlmodel.Field(default="", max_length=120)
    # Assistant conversations: the participant, and the link they came through (STRICT when it has a prompt).
    contact_id: int | None = sqlmodel.Field(default=None, foreign_key="contact.id", index=True)
    link_id: int | None = sqlmodel.Field(default=None, foreign_key="chat_link.id")
    status: str = sqlmodel.Field(default=ConversationStatus.ai.value, max_length=10)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    last_message_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime, index=True)
    deleted_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)  # soft delete


class ConversationMember(sqlmodel.SQLModel, table=True):
    __tablename__ = "conversation_member"
    __table_args__ = (sqlmodel.UniqueConstraint("conversation_id", "contact_id", name="uq_member_contact"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    conversation_id: int = sqlmodel.Field(foreign_key="conversation.id", index=True)
    contact_id: int = sqlmodel.Field(foreign_key="contact.id", index=True)
    joined_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    last_read_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)


class ChatMessage(sqlmodel.SQLModel, table=True):
    __tablename__ = "chat_message"
    __table_args__ = (sqlmodel.Index("ix_chat_message_conv_time", "conversation_id", "created_at"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    conversation_id: int = sqlmodel.Field(foreign_key="conversation.id")
    sender_kind: str = sqlmodel.Field(max_length=8)
    contact_id: int | None = sqlmodel.Field(default=None, foreign_key="contact.id")
    sender_name: str = sqlmodel.Field(default="", max_length=80)
    body: str = sqlmodel.Field(max_length=4000)  # plain text; rendered as text, never HTML
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    notified: bool = False  # the coach was notified of it


class AIConfig(sqlmodel.SQLModel, table=True):
    """The assistant's settings. A single row (id = 1). The Twint link is SiteConcept.twint_url."""

    __tablename__ = "ai_config"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    enabled: bool = True
    campaign_prompt: str = sqlmodel.Field(default="", max_length=8000)
    notify_ai_replies: bool = False
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class AIUsage(sqlmodel.SQLModel, table=True):
    """Requests and tokens per day and identity (`contact:<id>`, `anon:<key>` or `global`)."""

    __tablename__ = "ai_usage"
    __table_args__ = (sqlmodel.UniqueConstraint("day", "identity", name="uq_ai_usage_day_identity"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    day: str = sqlmodel.Field(max_length=10)  # YYYY-MM-DD (studio time zone)
    identity: str = sqlmodel.Field(max_length=80)
    requests: int = 0
    tokens: int = 0
    last_request_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
