"""One person = one contact: deduplicated by normalized email and E.164 phone."""

from __future__ import annotations

from sqlmodel import func, select

from afroboost.db import in_read, write_session
from afroboost.models import Contact
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.validation import check_participant


def form(**kw):
    values = dict(first_name="Awa", last_name="Diallo", email="awa@example.ch", phone="079 123 45 67")
    values.update(kw)
    res = check_participant(**values)
    assert res.ok, res.errors
    return res.participant


def upsert(p) -> int:
    with write_session() as s:
        return do_upsert_contact(s, person=p).id


def count_contacts() -> int:
    return in_read(lambda s: s.exec(select(func.count()).select_from(Contact)).one())


def test_same_email_different_case_is_same_contact(db):
    first = upsert(form(email="Awa@Example.ch"))
    again = upsert(form(email="AWA@EXAMPLE.CH"))
    assert first == again
    assert count_contacts() == 1
    assert in_read(lambda s: s.get(Contact, first).email) == "awa@example.ch"


def test_same_phone_written_differently_is_same_contact(db):
    first = upsert(form(email="awa@example.ch", phone="079 123 45 67"))
    again = upsert(form(email="awa.pro@example.ch", phone="+41 79 123 45 67"))
    third = upsert(form(email="awa.perso@example.ch", phone="0041791234567"))
    assert first == again == third
    assert count_contacts() == 1


def test_new_person_gets_new_contact(db):
    a = upsert(form())
    b = upsert(form(first_name="Luca", last_name="Rossi", email="luca@example.ch", phone="078 765 43 21"))
    assert a != b
    assert count_contacts() == 2


def test_email_match_wins_over_phone_match(db):
    by_phone = upsert(form(email="someone@example.ch", phone="079 123 45 67"))
    by_email = upsert(form(email="awa@example.ch", phone="078 765 43 21"))
    # Awa types her own email and the first contact's phone: her email identifies her.
    chosen = upsert(form(email="awa@example.ch", phone="079 123 45 67"))
    assert chosen == by_email != by_phone
    assert count_contacts() == 2


def test_missing_details_are_filled_in_not_overwritten(db):
    with write_session() as s:
        s.add(Contact(first_name="", last_name="", email="awa@example.ch", phone=None))
    cid = upsert(form(first_name="Awa", last_name="Diallo", email="awa@example.ch", phone="079 123 45 67"))
    upsert(form(first_name="Awa-Marie", last_name="D.", email="awa@example.ch", phone="079 123 45 67"))
    c = in_read(lambda s: s.get(Contact, cid))
    assert (c.first_name, c.last_name, c.phone) == ("Awa", "Diallo", "+41791234567")
    assert count_contacts() == 1
