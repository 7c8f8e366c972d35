"""The booking form checks: one clear error key per bad field, normalized values when good."""

from __future__ import annotations

import pytest

from afroboost import texts
from afroboost.services.validation import check_participant

GOOD = dict(first_name="Awa", last_name="Diallo", email="awa@example.ch", phone="+41 79 123 45 67")


def check(**kw):
    return check_participant(**{**GOOD, **kw})


def test_valid_form_is_normalized():
    res = check(first_name="  Awa   Marie ", email="  Awa.Diallo@Example.CH ")
    assert res.ok and res.errors == {}
    p = res.participant
    assert (p.first_name, p.last_name) == ("Awa Marie", "Diallo")
    assert (p.email, p.phone) == ("awa.diallo@example.ch", "+41791234567")


@pytest.mark.parametrize("raw", ["079 123 45 67", "0791234567", "+41 79 123 45 67", "0041 79 123 45 67",
                                 "0041791234567", "+41-79-123-45-67"])
def test_swiss_numbers_become_e164(raw):
    res = check(phone=raw)
    assert res.ok, res.errors
    assert res.participant.phone == "+41791234567"


def test_foreign_number_keeps_its_country():
    assert check(phone="+33 6 12 34 56 78").participant.phone == "+33612345678"


@pytest.mark.parametrize("kw, field, key", [
    (dict(first_name=""), "first_name", "first_name_required"),
    (dict(first_name="   "), "first_name", "first_name_required"),
    (dict(first_name="A" * 81), "first_name", "name_too_long"),
    (dict(last_name="B" * 81), "last_name", "name_too_long"),
    (dict(email=""), "email", "email_required"),
    (dict(email="awa@"), "email", "email_invalid"),
    (dict(email="awa.example.ch"), "email", "email_invalid"),
    (dict(phone=""), "phone", "phone_required"),
    (dict(phone="12"), "phone", "phone_invalid"),
    (dict(phone="079 123"), "phone", "phone_invalid"),
    (dict(phone="not a number"), "phone", "phone_invalid"),
])
def test_bad_field_gets_its_error(kw, field, key):
    res = check(**kw)
    assert not res.ok
    assert res.participant is None
    assert res.errors == {field: key}
    assert texts.err(key) == texts.ERR[key]


def test_all_errors_reported_at_once():
    res = check_participant(first_name="", last_name="", email="nope", phone="123")
    assert res.errors == {"first_name": "first_name_required", "email": "email_invalid", "phone": "phone_invalid"}
