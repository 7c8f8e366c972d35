"""Read models of the public catalog: upcoming sessions with spots left, offers, products."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Course, Offer, OfferKind
from afroboost.services.catalog.pricing import format_chf
from afroboost.settings import get_settings


def local_tz() -> ZoneInfo:
    return ZoneInfo(get_settings().timezone)


def format_day(dt: datetime) -> str:
    """« mercredi 2 décembre » in the studio's time zone."""
    loc = as_utc(dt).astimezone(local_tz())
    return f"{texts.WEEKDAYS[loc.weekday()]} {loc.day} {texts.MONTHS[loc.month - 1]}"


def format_time(dt: datetime) -> str:
    loc = as_utc(dt).astimezone(local_tz())
    return f"{loc.hour:02d}h{loc.minute:02d}"


def spots_label(spots: int) -> str:
    if spots <= 0:
        return texts.FULL
    return texts.SPOTS_LEFT_ONE if spots == 1 else texts.SPOTS_LEFT_MANY.format(n=spots)


@dataclass
class SessionView:
    """Everything the UI shows about one dated session."""

    id: int = 0
    course_id: int = 0
    course: str = ""
    place: str = ""
    coach: str = ""
    day: str = ""
    time: str = ""
    label: str = ""
    spots: int = 0
    spots_label: str = ""
    full: bool = False


@dataclass
class CourseView:
    id: int = 0
    name: str = ""
    description: str = ""
    place: str = ""
    coach: str = ""
    schedule: str = ""
    sessions: list[SessionView] = field(default_factory=list)


@dataclass
class OfferView:
    id: int = 0
    name: str = ""
    description: str = ""
    kind: str = ""
    kind_label: str = ""
    price: str = ""
    price_cents: int = 0
    image: str = ""


def session_view(cls: ClassSession, course: Course) -> SessionView:
    day = format_day(cls.starts_at)
    return SessionView(
        id=cls.id, course_id=course.id, course=course.name, place=course.place, coach=course.coach,
        day=day, time=format_time(cls.starts_at), label=f"{day.capitalize()} · {format_time(cls.starts_at)}",
        spots=cls.spots_left, spots_label=spots_label(cls.spots_left), full=cls.spots_left <= 0,
    )


def upcoming_by_course(session: Session, *, days: int = 28, now: datetime | None = None) -> list[CourseView]:
    """Active courses with their open future sessions (next `days` days), by date."""
    now = now or utc_now()
    rows = session.exec(
        select(ClassSession, Course)
        .join(Course, Course.id == ClassSession.course_id)
        .where(Course.active.is_(True))
        .where(ClassSession.cancelled.is_(False))
        .where(ClassSession.starts_at > now)
        .where(ClassSession.starts_at <= now + timedelta(days=days))
        .order_by(Course.weekday, Course.start_time, Course.id, ClassSession.starts_at)
    ).all()
    courses: dict[int, CourseView] = {}
    for cls, course in rows:
        entry = courses.setdefault(course.id, CourseView(
            id=course.id, name=course.name, description=course.description, place=course.place,
            coach=course.coach,
            schedule=texts.COURSE_SCHEDULE.format(day=texts.WEEKDAYS[course.weekday],
                                             time=course.start_time.replace(":", "h")),
        ))
        entry.sessions.append(session_view(cls, course))
    return list(courses.values())


def offer_view(offer: Offer) -> OfferView:
    return OfferView(
        id=offer.id, name=offer.name, description=offer.description, kind=offer.kind,
        kind_label=texts.OFFER_KIND_LABELS.get(offer.kind, ""), price=format_chf(offer.price_cents),
        price_cents=offer.price_cents, image=offer.image,
    )


def visible_offers(session: Session, *, products: bool) -> list[OfferView]:
    """Visible class offers (products=False) or visible shop products (products=True).

    Archived offers (soft-deleted by the coach) are never shown, whatever `visible` says."""
    stmt = (select(Offer).where(Offer.visible.is_(True)).where(Offer.archived.is_(False))
            .order_by(Offer.sort, Offer.id))
    if products:
        stmt = stmt.where(Offer.kind == OfferKind.product.value)
    else:
        stmt = stmt.where(Offer.kind != OfferKind.product.value)
    return [offer_view(o) for o in session.exec(stmt).all()]


def home_catalog(session: Session, *, now: datetime | None = None) -> dict:
    """One read for the home page."""
    return {
        "courses": upcoming_by_course(session, now=now),
        "offers": visible_offers(session, products=False),
        "products": visible_offers(session, products=True),
    }
