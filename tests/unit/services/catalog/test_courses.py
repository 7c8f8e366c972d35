"""Cours tab services: course CRUD, slug uniqueness, sessions (generate, edit, cancel)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import ClassSession, Course, Reservation
from afroboost.services import ServiceError
from afroboost.services.booking.sessions import access_course_sessions
from afroboost.services.catalog.courses import (
    CourseForm,
    access_course_form,
    access_course_rows,
    do_delete_course,
    do_generate_course_sessions,
    do_save_course,
)
from afroboost.services.forms import FormInvalid, error_messages
from tests import frdate
from tests.factories import NOW, booked_session, make_course, make_session


def save(course_id: int = 0, **kw) -> Course:
    form = CourseForm(**{"name": "Afroboost Silent", "place": "Salle Rythmo", "weekday": "2",
                         "start_time": "18h30", "duration": "60", "seats": "20", "headsets": "18", **kw})
    with write_session() as s:
        return do_save_course(s, course_id=course_id, form=form)


def test_create_course_derives_slug_and_normalizes(db):
    c = save(name="  Afroboost   Été – Mercredi ")
    assert (c.slug, c.name, c.start_time, c.weekday, c.headsets) == (
        "afroboost-ete-mercredi", "Afroboost Été – Mercredi", "18:30", 2, 18)
    form = in_read(access_course_form, course_id=c.id)
    assert (form.name, form.start_time, form.seats) == ("Afroboost Été – Mercredi", "18:30", "20")


def test_invalid_form_reports_each_field_and_stores_nothing(db):
    with pytest.raises(FormInvalid) as e:
        save(name="", weekday="9", start_time="25:00", duration="abc", seats="-3", headsets="")
    msgs = error_messages(e.value)
    assert msgs == {
        "name": "Ce champ est obligatoire.",
        "weekday": "Choisis un nombre entre 0 et 6.",
        "start_time": "Heure invalide : écris-la comme 18:30.",
        "duration": "Écris un nombre entier (ex. 20).",
        "seats": "Écris un nombre entier (ex. 20).",
        "headsets": "Indique un nombre.",
    }
    assert in_read(lambda s: s.exec(select(Course)).all()) == []


def test_duplicate_slug_is_refused_with_a_clear_message(db):
    first = save(name="Afroboost Outdoor")
    with pytest.raises(FormInvalid) as e:
        save(name="afroboost  outdoor!")
    assert error_messages(e.value)["name"] == (
        "Un autre cours porte déjà ce nom (adresse « afroboost-outdoor ») : choisis un nom différent.")
    # Saving the same course again under its own name is fine; renaming follows the slug.
    assert save(first.id, name="Afroboost Outdoor").id == first.id
    assert save(first.id, name="Afroboost Plage").slug == "afroboost-plage"
    with pytest.raises(FormInvalid, match="course_slug_empty"):
        save(name="!!!")


def test_unknown_course_id_from_the_browser_is_refused(db):
    with pytest.raises(ServiceError, match="course_unknown"):
        save(424242)
    with write_session() as s, pytest.raises(ServiceError, match="course_unknown"):
        do_delete_course(s, course_id=424242)


def test_generate_sessions_next_weeks_idempotent(db):
    c = save(weekday="3", start_time="18h30")
    with write_session() as s:
        assert do_generate_course_sessions(s, course_id=c.id, weeks="4", now=NOW) == 4
    with write_session() as s:
        assert do_generate_course_sessions(s, course_id=c.id, weeks="6", now=NOW) == 2
    rows = in_read(access_course_sessions, course_id=c.id, now=NOW)
    assert len(rows) == 6 and all(r.seats == "20" and r.headsets == "18" for r in rows)
    first = frdate.next_at(NOW, 3, 18, 30)  # the first Thursday 18:30 after NOW: 3 December on the default clock
    weekly = [frdate.days_after(first, 7 * i) for i in range(6)]  # 18:30 in Zurich, summer or winter
    assert [r.label for r in rows] == [frdate.label(at) for at in weekly]
    assert rows[0].label.startswith("Jeudi ")  # « Jeudi 3 décembre · 18h30 » on the default clock
    assert in_read(access_course_rows, now=NOW)[0].upcoming == 6


@time_machine.travel(datetime(2026, 12, 3, 19, 0, tzinfo=UTC), tick=False)
def test_generate_on_the_course_day_after_its_start_still_makes_the_next_weeks_sessions(db):
    # a fixed clock: Thursday 3 December 2026, 20:00 in Zurich — tonight's 18:30 class is over
    now = datetime(2026, 12, 3, 19, 0, tzinfo=UTC)
    c = save(weekday="3", start_time="18h30")
    with write_session() as s:
        assert do_generate_course_sessions(s, course_id=c.id, weeks="4", now=now) == 4
    rows = in_read(access_course_sessions, course_id=c.id, now=now)
    assert [r.label for r in rows] == ["Jeudi 10 décembre · 18h30", "Jeudi 17 décembre · 18h30",
                                       "Jeudi 24 décembre · 18h30", "Jeudi 31 décembre · 18h30"]


def test_generate_refuses_bad_weeks_and_inactive_course(db):
    c = save()
    with write_session() as s, pytest.raises(ServiceError) as e:
        do_generate_course_sessions(s, course_id=c.id, weeks="0", now=NOW)
    assert (e.value.key, e.value.field) == ("form_number_range", "weeks")
    save(c.id, active=False)
    with write_session() as s, pytest.raises(ServiceError, match="course_inactive"):
        do_generate_course_sessions(s, course_id=c.id, weeks="2", now=NOW)


def test_course_with_reservations_is_deactivated_not_deleted(db):
    sid, cid, _oid = booked_session(n=1)
    with write_session() as s:
        assert do_delete_course(s, course_id=cid) == "deactivated"
    course = in_read(lambda s: s.get(Course, cid))
    assert course is not None and course.active is False
    assert in_read(lambda s: len(s.exec(select(Reservation)).all())) == 1


def test_course_without_reservations_is_deleted_with_its_sessions(db):
    with write_session() as s:
        c = make_course(s)
        make_session(s, course=c)
        make_session(s, course=c, starts_at=NOW + timedelta(days=9))
        cid = c.id
    with write_session() as s:
        assert do_delete_course(s, course_id=cid) == "deleted"
    assert in_read(lambda s: s.get(Course, cid)) is None
    assert in_read(lambda s: s.exec(select(ClassSession)).all()) == []
