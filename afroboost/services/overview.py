"""The coach's Aperçu: this week's fill rates, bookings per week, revenue per course, headsets out.

Weeks run Monday 00:00 → Monday 00:00 in the studio's time zone (services.catalog.local_tz),
so a booking made on Sunday 23:30 in Zurich counts for that week even though it is already
Sunday 22:30 UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, func, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Contact, Course, Reservation, ReservationStatus
from afroboost.services.catalog.listing import format_day, format_time, local_tz
from afroboost.services.catalog.pricing import format_chf

# Money actually earned: paid bookings and people who came. Pending payments and
# cancellations are not revenue.
REVENUE_STATUSES = (ReservationStatus.confirmed.value, ReservationStatus.checked_in.value)


@dataclass
class WeekSession:
    id: int = 0
    course: str = ""
    label: str = ""
    taken: int = 0
    capacity: int = 0
    pct: int = 0
    fill_label: str = ""


@dataclass
class WeekCount:
    label: str = ""  # « 30.11 » (the Monday; short enough for 8 bars on a phone)
    monday: str = ""  # ISO date of the Monday
    count: int = 0


@dataclass
class CourseRevenue:
    course: str = ""
    cents: int = 0
    chf: float = 0.0
    amount: str = ""
    bookings: int = 0


@dataclass
class HeadsetOut:
    reservation_id: int = 0
    code: str = ""
    headset: str = ""
    person: str = ""
    session: str = ""
    since: str = ""


@dataclass
class Overview:
    week_label: str = ""
    sessions: list[WeekSession] = field(default_factory=list)
    weekly: list[WeekCount] = field(default_factory=list)
    revenue: list[CourseRevenue] = field(default_factory=list)
    revenue_total: str = ""
    headsets: list[HeadsetOut] = field(default_factory=list)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def local_midnight(day: date) -> datetime:
    """Midnight of `day` in the studio's time zone, as an aware UTC datetime."""
    return as_utc(datetime.combine(day, time(0), tzinfo=local_tz()))


def week_bounds(now: datetime) -> tuple[date, datetime, datetime]:
    """(local Monday, its start in UTC, the next Monday's start in UTC) of the week holding `now`."""
    monday = monday_of(as_utc(now).astimezone(local_tz()).date())
    return monday, local_midnight(monday), local_midnight(monday + timedelta(days=7))


def fill_pct(taken: int, capacity: int) -> int:
    """Rounded fill rate in percent, 0 for a session without capacity, never above 100."""
    if capacity <= 0:
        return 0
    return max(0, min(100, round(100 * taken / capacity)))


def short_date(day: date) -> str:
    return f"{day.day} {texts.MONTHS_SHORT[day.month - 1]}"


def week_sessions(session: Session, *, now: datetime | None = None) -> list[WeekSession]:
    """This week's (Monday–Sunday, local time) sessions that are not cancelled, by start time."""
    _, start, end = week_bounds(now or utc_now())
    rows = session.exec(
        select(ClassSession, Course).join(Course, Course.id == ClassSession.course_id)
        .where(ClassSession.starts_at >= start).where(ClassSession.starts_at < end)
        .where(ClassSession.cancelled.is_(False))
        .order_by(ClassSession.starts_at, Course.name)
    ).all()
    out = []
    for cls, course in rows:
        cap = cls.capacity
        out.append(WeekSession(
            id=cls.id, course=course.name,
            label=f"{format_day(cls.starts_at).capitalize()} · {format_time(cls.starts_at)}",
            taken=cls.taken, capacity=cap, pct=fill_pct(cls.taken, cap), fill_label=f"{cls.taken} / {cap}",
        ))
    return out


def weekly_bookings(session: Session, *, now: datetime | None = None, weeks: int = 8) -> list[WeekCount]:
    """Bookings made (not cancelled) per local week, the current week last, `weeks` bars."""
    this_monday, _, end = week_bounds(now or utc_now())
    mondays = [this_monday - timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]
    created = session.exec(
        select(Reservation.created_at)
        .where(Reservation.created_at >= local_midnight(mondays[0])).where(Reservation.created_at < end)
        .where(Reservation.status != ReservationStatus.cancelled.value)
    ).all()
    counts = dict.fromkeys(mondays, 0)
    tz = local_tz()
    for at in created:
        key = monday_of(as_utc(at).astimezone(tz).date())
        if key in counts:
            counts[key] += 1
    return [WeekCount(label=f"{m.day:02d}.{m.month:02d}", monday=m.isoformat(), count=counts[m]) for m in mondays]


def revenue_by_course(session: Session) -> list[CourseRevenue]:
    """CHF earned per course (confirmed + checked-in bookings), biggest first.

    Active courses without revenue are listed too (at 0), so the chart shows every class.
    """
    rows = session.exec(
        select(Course.id, Course.name, func.coalesce(func.sum(Reservation.price_cents), 0), func.count())
        .select_from(Reservation)
        .join(ClassSession, ClassSession.id == Reservation.session_id)
        .join(Course, Course.id == ClassSession.course_id)
        .where(Reservation.status.in_(REVENUE_STATUSES))
        .group_by(Course.id, Course.name)
    ).all()
    by_id = {cid: (name, int(cents), int(n)) for cid, name, cents, n in rows}
    for course in session.exec(select(Course).where(Course.active.is_(True))).all():
        by_id.setdefault(course.id, (course.name, 0, 0))
    items = sorted(by_id.values(), key=lambda v: (-v[1], v[0]))
    return [CourseRevenue(course=name, cents=cents, chf=cents / 100, amount=format_chf(cents), bookings=n)
            for name, cents, n in items]


def headsets_out(session: Session) -> list[HeadsetOut]:
    """Headsets handed out at check-in and not back yet, oldest first."""
    rows = session.exec(
        select(Reservation, Contact, ClassSession, Course)
        .join(Contact, Contact.id == Reservation.contact_id)
        .join(ClassSession, ClassSession.id == Reservation.session_id)
        .join(Course, Course.id == ClassSession.course_id)
        .where(Reservation.headset_number != "")
        .where(Reservation.checked_in_at.is_not(None))
        .where(Reservation.headset_returned_at.is_(None))
        .order_by(Reservation.checked_in_at, Reservation.id)
    ).all()
    return [
        HeadsetOut(
            reservation_id=res.id, code=res.code, headset=res.headset_number, person=contact.display_name,
            session=f"{course.name} · {format_day(cls.starts_at).capitalize()} {format_time(cls.starts_at)}",
            since=format_time(res.checked_in_at),
        )
        for res, contact, cls, course in rows
    ]


def access_overview(session: Session, *, now: datetime | None = None) -> Overview:
    """Everything the Aperçu tab shows, in one read."""
    now = now or utc_now()
    monday, _, _ = week_bounds(now)
    sunday = monday + timedelta(days=6)
    revenue = revenue_by_course(session)
    return Overview(
        week_label=texts.OVERVIEW_WEEK.format(start=short_date(monday), end=short_date(sunday)),
        sessions=week_sessions(session, now=now),
        weekly=weekly_bookings(session, now=now),
        revenue=revenue,
        revenue_total=format_chf(sum(r.cents for r in revenue)),
        headsets=headsets_out(session),
    )
