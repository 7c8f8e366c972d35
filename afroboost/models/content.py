"""Public content: the site concept (texts, hero, FAQ, contact), articles, media pages."""

from __future__ import annotations

from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class SiteConcept(sqlmodel.SQLModel, table=True):
    """The public site's editable texts. A single row (id = 1)."""

    __tablename__ = "site_concept"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    title: str = sqlmodel.Field(default="", max_length=120)
    tagline: str = sqlmodel.Field(default="", max_length=200)
    pitch: str = sqlmodel.Field(default="", max_length=2000)
    hero_image: str = sqlmodel.Field(default="", max_length=300)  # path under the upload dir
    # FAQ as JSON: [{"q": "...", "a": "..."}, ...]
    faq_json: str = sqlmodel.Field(default="[]", max_length=20000)
    contact_email: str = sqlmodel.Field(default="", max_length=254)
    contact_phone: str = sqlmodel.Field(default="", max_length=30)
    contact_address: str = sqlmodel.Field(default="", max_length=300)
    instagram_url: str = sqlmodel.Field(default="", max_length=300)
    # The global Twint link (used by the AI assistant and as a fallback payment link).
    twint_url: str = sqlmodel.Field(default="", max_length=500)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class Article(sqlmodel.SQLModel, table=True):
    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    slug: str = sqlmodel.Field(max_length=120, unique=True, index=True)
    title: str = sqlmodel.Field(max_length=200)
    summary: str = sqlmodel.Field(default="", max_length=500)
    body_md: str = sqlmodel.Field(default="", max_length=100_000)  # Markdown, rendered without raw HTML
    cover_image: str = sqlmodel.Field(default="", max_length=300)
    published: bool = False
    published_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class MediaPage(sqlmodel.SQLModel, table=True):
    """A video landing page served at /v/{slug}."""

    __tablename__ = "media_page"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    slug: str = sqlmodel.Field(max_length=80, unique=True, index=True)
    title: str = sqlmodel.Field(max_length=200)
    description: str = sqlmodel.Field(default="", max_length=2000)
    video_url: str = sqlmodel.Field(default="", max_length=500)  # YouTube or Google Drive link
    thumbnail: str = sqlmodel.Field(default="", max_length=300)  # path under the upload dir
    cta_text: str = sqlmodel.Field(default="", max_length=80)
    cta_url: str = sqlmodel.Field(default="", max_length=500)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
