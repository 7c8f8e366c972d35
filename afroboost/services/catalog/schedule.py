"""Dated sessions generated from a course's weekly recurrence."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Course
from afroboost.services.catalog.listing import local_tz


def occurrences(course: Course, *, start: date, weeks: int) -> list[datetime]:
    """UTC start times of the course's weekly occurrences from `start` for `weeks` weeks."""
    hh, mm = (int(x) for x in course.start_time.split(":"))
    first = start + timedelta(days=(course.weekday - start.weekday()) % 7)
    tz = local_tz()
    return [
        datetime.combine(first + timedelta(weeks=i), time(hh, mm), tzinfo=tz).astimezone(UTC)
        for i in range(weeks)
    ]


def do_generate_sessions(session: Session, *, course: Course, weeks: int = 4,
                         now: datetime | None = None) -> list[ClassSession]:
    """Create the missing sessions among the course's next `weeks` weekly occurrences (idempotent).

    Today's occurrence counts only if it has not started yet: on the course's own day after
    its start time, « 4 semaines » still means the next four sessions, not three."""
    now = now or utc_now()
    today = now.astimezone(local_tz()).date()
    existing = {
        as_utc(s.starts_at)
        for s in session.exec(select(ClassSession).where(ClassSession.course_id == course.id)).all()
    }
    upcoming = [t for t in occurrences(course, start=today, weeks=weeks + 1) if t > now][:weeks]
    created = []
    for starts_at in upcoming:
        if starts_at in existing:
            continue
        cls = ClassSession(course_id=course.id, starts_at=starts_at, seats=course.seats, headsets=course.headsets)
        session.add(cls)
        created.append(cls)
    session.flush()
    return created
