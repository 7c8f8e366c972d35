"""Catalog and content: offers (incl. products), courses, articles, promo codes, media pages,
AI settings, custom emojis."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from afroboost.legacy.common import (
    CREATED,
    MERGED,
    SKIPPED,
    Malformed,
    as_dt,
    as_int,
    cents,
    doc_time,
    field,
    flag,
    lookup,
    slugify,
    text,
    unique_slug,
)
from afroboost.models import AIConfig, Article, Course, MediaPage, Offer, OfferKind, PromoCode, PromoKind, SiteConcept
from afroboost.services import ServiceError
from afroboost.services.chat.format import emoji_files
from afroboost.services.forms import parse_hhmm

Result = tuple[str, str, int | None]


def map_offer(session: Session, doc: dict, now: datetime) -> Result:
    name = text(doc, "name", "title", limit=120)
    if not name:
        raise Malformed("offer without name")
    kind = OfferKind.product.value if flag(doc, "isProduct", False) else OfferKind.single.value
    offer = Offer(name=name, description=text(doc, "description", limit=1000), kind=kind,
                  price_cents=cents(field(doc, "price")), visible=flag(doc, "visible", True),
                  image=text(doc, "thumbnail", "image", limit=300),
                  stripe_url=text(doc, "stripeLink", "stripe_url", "paymentLink", limit=500),
                  twint_url=text(doc, "twintLink", "twint_url", limit=500), sort=as_int(doc.get("order"), 0))
    session.add(offer)
    session.flush()
    return CREATED, "offer", offer.id


def map_course(session: Session, doc: dict, now: datetime) -> Result:
    name = text(doc, "name", "title", limit=120)
    if not name:
        raise Malformed("course without name")
    try:
        start = parse_hhmm(text(doc, "time", "startTime", limit=20) or "18:30")
    except ServiceError as exc:
        raise Malformed(f"bad time {field(doc, 'time', 'startTime')!r}") from exc
    weekday = as_int(field(doc, "weekday", "dayOfWeek"), 0)
    if not 0 <= weekday <= 6:
        raise Malformed(f"bad weekday {weekday}")
    seats = as_int(field(doc, "maxCapacity", "maxSeats", "capacity"), 20, low=0)
    course = Course(slug=unique_slug(session, Course, slugify(name)), name=name,
                    description=text(doc, "description", limit=2000),
                    place=text(doc, "locationName", "location", limit=200), weekday=weekday, start_time=start,
                    seats=seats, headsets=seats, active=flag(doc, "visible", True),
                    created_at=doc_time(doc) or now)
    session.add(course)
    session.flush()
    return CREATED, "course", course.id


def map_article(session: Session, doc: dict, now: datetime) -> Result:
    title = text(doc, "title", limit=200)
    if not title:
        raise Malformed("article without title")
    created = doc_time(doc) or now
    published = flag(doc, "published", True)
    art = Article(slug=unique_slug(session, Article, slugify(title, 120), 120), title=title,
                  summary=text(doc, "summary", "excerpt", limit=500),
                  body_md=text(doc, "content", "body", limit=100_000),
                  cover_image=text(doc, "image", "coverImage", "cover_image", limit=300), published=published,
                  published_at=created if published else None, created_at=created,
                  updated_at=as_dt(doc.get("updatedAt")) or created)
    session.add(art)
    session.flush()
    return CREATED, "article", art.id


def map_promo_code(session: Session, doc: dict, now: datetime) -> Result:
    code = text(doc, "code", limit=40).upper()
    if not code:
        raise Malformed("promo code without code")
    found = session.exec(select(PromoCode).where(PromoCode.code == code)).first()
    if found is not None:
        return MERGED, "promo_code", found.id
    raw_type = str(field(doc, "type", default="%"))
    fixed = raw_type.upper() in ("CHF", "FIXED", "AMOUNT")
    value = field(doc, "value", default=0)
    refs = field(doc, "courses", "offers", default=[]) or []
    offer_ids = ",".join(dict.fromkeys(str(hit[1]) for hit in (lookup(session, ("offers",), x) for x in refs) if hit))
    if len(offer_ids) > 500:  # promo_code.offer_ids is varchar(500): PostgreSQL would refuse the row
        raise Malformed(f"too many offers ({offer_ids.count(',') + 1})")
    promo = PromoCode(code=code, kind=PromoKind.fixed.value if fixed else PromoKind.percent.value,
                      value=cents(value) if fixed else min(100, as_int(value, 0, low=0)),
                      valid_until=as_dt(field(doc, "expiresAt", "expires_at")),
                      max_uses=as_int(field(doc, "maxUses"), 0, low=0) or None,
                      uses=as_int(field(doc, "used", "uses"), 0, low=0), offer_ids=offer_ids,
                      active=flag(doc, "active", True))
    session.add(promo)
    session.flush()
    return CREATED, "promo_code", promo.id


def map_media_page(session: Session, doc: dict, now: datetime) -> Result:
    title = text(doc, "title", limit=200)
    slug = slugify(text(doc, "slug") or title)
    if not title and not doc.get("slug"):
        raise Malformed("media page without slug or title")
    found = session.exec(select(MediaPage).where(MediaPage.slug == slug)).first()
    if found is not None:
        return MERGED, "media_page", found.id
    page = MediaPage(slug=slug, title=title or slug, description=text(doc, "description", limit=2000),
                     video_url=text(doc, "video_url", "videoUrl", limit=500),
                     thumbnail=text(doc, "thumbnail", limit=300), cta_text=text(doc, "cta_text", "ctaText", limit=80),
                     cta_url=text(doc, "cta_link", "cta_url", "ctaLink", limit=500), created_at=doc_time(doc) or now)
    session.add(page)
    session.flush()
    return CREATED, "media_page", page.id


def map_ai_config(session: Session, doc: dict, now: datetime) -> Result:
    """The single AI settings row (id 1); the Twint link goes to the site concept."""
    cfg = session.get(AIConfig, 1) or AIConfig(id=1)
    cfg.campaign_prompt = text(doc, "campaignPrompt", limit=8000) or cfg.campaign_prompt
    if "enabled" in doc:
        cfg.enabled = flag(doc, "enabled", cfg.enabled)
    cfg.updated_at = now
    session.add(cfg)
    twint = text(doc, "twintPaymentUrl", limit=500)
    if twint:
        concept = session.get(SiteConcept, 1) or SiteConcept(id=1)
        concept.twint_url = twint
        concept.updated_at = now
        session.add(concept)
    session.flush()
    return MERGED, "ai_config", 1


def map_custom_emoji(session: Session, doc: dict, now: datetime) -> tuple[str, str, None, str]:
    """Custom emojis are files (legacy /uploads/emojis/), not rows: each one gets a note in the report.

    The new app shows the files of assets/emojis/. One that is already there is simply
    available; another one is listed for a person to add by hand after a look at it (an SVG
    can carry script; messages using a missing one show its native twin, or nothing).
    """
    name = text(doc, "filename", "name", "file", "url").rsplit("/", 1)[-1]
    if not name:
        raise Malformed("emoji without file name")
    if name in emoji_files():
        return SKIPPED, "emoji", None, f"{name}: already in the app"
    return SKIPPED, "emoji", None, f"{name}: not in assets/emojis/ — review the legacy file, then add it by hand"
