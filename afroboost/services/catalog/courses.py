"""Cours tab: weekly courses (CRUD) and generating their dated sessions.

Ids come from the browser: every function re-reads the row and checks the action is
allowed for its current status. Headset counts only move through conditional UPDATEs
(see services/booking/capacity.py), so an edit can never drop a session below what is booked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import ClassSession, Course, Notice, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.catalog.schedule import do_generate_sessions
from afroboost.services.forms import Checker, FormInvalid, parse_hhmm, parse_int, slugify

MAX_SEATS = 500
MAX_WEEKS = 52


@dataclass
class CourseForm:
    """The course form as typed (strings), so a refused save loses nothing."""

    name: str = ""
    description: str = ""
    place: str = ""
    weekday: str = "0"
    start_time: str = "18:30"
    duration: str = "60"
    seats: str = "20"
    headsets: str = "20"
    active: bool = True


@dataclass
class CourseRow:
    id: int = 0
    name: str = ""
    slug: str = ""
    place: str = ""
    schedule: str = ""
    capacity: str = ""
    active: bool = True
    upcoming: int = 0


def schedule_label(course: Course) -> str:
    return (f"{texts.WEEKDAYS[course.weekday % 7].capitalize()} · {course.start_time.replace(':', 'h')}"
            f" · {course.duration_min} min")


def check_course_form(form: CourseForm) -> dict:
    """The form as column values, or FormInvalid with one French-message key per field."""
    c = Checker()
    values = {
        "name": c.text("name", form.name, limit=120, required=True),
        "description": c.text("description", form.description, limit=2000, multiline=True),
        "place": c.text("place", form.place, limit=200),
        "weekday": c.take("weekday", parse_int, form.weekday, lo=0, hi=6),
        "start_time": c.take("start_time", parse_hhmm, form.start_time),
        "duration_min": c.take("duration", parse_int, form.duration, lo=5, hi=600),
        "seats": c.take("seats", parse_int, form.seats, lo=0, hi=MAX_SEATS),
        "headsets": c.take("headsets", parse_int, form.headsets, lo=0, hi=MAX_SEATS),
        "active": bool(form.active),
    }
    values["slug"] = slugify(values["name"])
    if values["name"] and not values["slug"]:
        c.fail("name", "course_slug_empty")
    c.done()
    return values


def _course(session: Session, course_id: int) -> Course:
    course = session.get(Course, int(course_id or 0))
    if course is None:
        raise ServiceError("course_unknown")
    return course


def do_save_course(session: Session, *, course_id: int, form: CourseForm) -> Course:
    """Create (course_id 0) or update a course; the slug follows the name and stays unique."""
    values = check_course_form(form)
    clash = session.exec(select(Course.id).where(Course.slug == values["slug"]).where(Course.id != (course_id or 0)))
    if clash.first() is not None:
        raise FormInvalid({"name": "course_slug_taken"}, {"name": {"slug": values["slug"]}})
    course = _course(session, course_id) if course_id else Course(slug=values["slug"], name=values["name"])
    for key, value in values.items():
        setattr(course, key, value)
    session.add(course)
    try:
        with session.begin_nested():  # a twin save racing us on the same slug
            session.flush()
    except IntegrityError:
        raise FormInvalid({"name": "course_slug_taken"}, {"name": {"slug": values["slug"]}}) from None
    return course


def access_course_form(session: Session, *, course_id: int) -> CourseForm:
    c = _course(session, course_id)
    return CourseForm(name=c.name, description=c.description, place=c.place, weekday=str(c.weekday),
                      start_time=c.start_time, duration=str(c.duration_min), seats=str(c.seats),
                      headsets=str(c.headsets), active=c.active)


def access_course_rows(session: Session, *, now: datetime | None = None) -> list[CourseRow]:
    now = now or utc_now()
    upcoming = dict(session.exec(
        select(ClassSession.course_id, func.count()).where(ClassSession.starts_at > now)
        .where(ClassSession.cancelled.is_(False)).group_by(ClassSession.course_id)
    ).all())
    courses = session.exec(select(Course).order_by(Course.active.desc(), Course.weekday, Course.start_time)).all()
    return [CourseRow(id=c.id, name=c.name, slug=c.slug, place=c.place, schedule=schedule_label(c),
                      capacity=texts.COURSE_CAPACITY.format(seats=c.seats, headsets=c.headsets),
                      active=c.active, upcoming=upcoming.get(c.id, 0)) for c in courses]


def do_delete_course(session: Session, *, course_id: int) -> str:
    """Delete a course without reservations; one with reservations is deactivated instead.

    Returns "deleted" or "deactivated" (history and participants' codes stay valid).
    """
    course = _course(session, course_id)
    session_ids = select(ClassSession.id).where(ClassSession.course_id == course.id)
    booked = session.exec(select(func.count()).select_from(Reservation)
                          .where(Reservation.session_id.in_(session_ids))).one()
    if booked:
        course.active = False
        session.add(course)
        session.flush()
        return "deactivated"
    session.execute(sa.delete(Notice).where(Notice.session_id.in_(session_ids)))
    session.execute(sa.delete(WaitlistEntry).where(WaitlistEntry.session_id.in_(session_ids)))
    session.execute(sa.delete(ClassSession).where(ClassSession.course_id == course.id))
    session.delete(course)
    session.flush()
    return "deleted"


def do_generate_course_sessions(session: Session, *, course_id: int, weeks: str,
                                now: datetime | None = None) -> int:
    """Create the missing sessions of the next `weeks` weeks; returns how many were created."""
    course = _course(session, course_id)
    if not course.active:
        raise ServiceError("course_inactive", field="weeks")
    try:
        n = parse_int(weeks, lo=1, hi=MAX_WEEKS)
    except ServiceError as e:
        raise ServiceError(e.key, field="weeks", **e.params) from None
    return len(do_generate_sessions(session, course=course, weeks=n, now=now))
