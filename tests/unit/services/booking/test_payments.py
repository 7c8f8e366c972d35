"""Paiements tab services: links per offer, the global Twint link, payments to confirm."""

from __future__ import annotations

from datetime import timedelta

import pytest

from afroboost.db import in_read, write_session
from afroboost.models import Offer, Reservation, SiteConcept
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.booking.payments import (
    access_global_twint,
    access_links_rows,
    access_pending_payments,
    do_confirm_payment,
    do_save_global_twint,
    do_save_offer_links,
)
from afroboost.services.forms import FormInvalid, error_messages
from tests import frdate
from tests.factories import NOW, make_offer, make_session, person


def test_offer_links_are_validated_and_stored(db):
    with write_session() as s:
        oid = make_offer(s, name="Abonnement", twint_url="", stripe_url="").id
        make_offer(s, archived=True)
    with write_session() as s:
        do_save_offer_links(s, offer_id=oid, stripe_url="https://buy.stripe.com/abo", paypal_url="",
                            twint_url=" https://pay.twint.ch/abo ")
    o = in_read(lambda s: s.get(Offer, oid))
    assert (o.stripe_url, o.paypal_url, o.twint_url) == ("https://buy.stripe.com/abo", "", "https://pay.twint.ch/abo")
    assert [r.id for r in in_read(access_links_rows)] == [oid]  # archived offers are not listed


def test_bad_offer_links_change_nothing(db):
    with write_session() as s:
        oid = make_offer(s, stripe_url="https://buy.stripe.com/old").id
    with write_session() as s, pytest.raises(FormInvalid) as e:
        do_save_offer_links(s, offer_id=oid, stripe_url="https://buy.stripe.com/new",
                            paypal_url="ftp://paypal.com/x", twint_url="https://twint")
    assert error_messages(e.value) == {
        "paypal_url": "Le lien doit commencer par https:// (connexion sécurisée).",
        "twint_url": "Ce lien ne mène pas à un vrai site (ex. https://twint.ch/…).",
    }
    assert in_read(lambda s: s.get(Offer, oid).stripe_url) == "https://buy.stripe.com/old"
    with write_session() as s, pytest.raises(ServiceError, match="coach_offer_unknown"):
        do_save_offer_links(s, offer_id=31337, stripe_url="", paypal_url="", twint_url="")


def test_global_twint_creates_the_concept_row_then_updates_only_its_link(db):
    assert in_read(access_global_twint) == ""
    with write_session() as s:
        do_save_global_twint(s, url="https://pay.twint.ch/bassi", now=NOW)
    assert in_read(access_global_twint) == "https://pay.twint.ch/bassi"
    with write_session() as s:
        s.get(SiteConcept, 1).title = "Titre du coach"
    with write_session() as s:
        do_save_global_twint(s, url="", now=NOW)  # empty = no global link
    row = in_read(lambda s: s.get(SiteConcept, 1))
    assert (row.twint_url, row.title) == ("", "Titre du coach")
    with write_session() as s, pytest.raises(FormInvalid) as e:
        do_save_global_twint(s, url="http://pay.twint.ch/bassi", now=NOW)
    assert e.value.field == "twint" and e.value.key == "form_url_https"


def test_pending_payments_listed_and_marked_paid_once(db):
    with write_session() as s:
        sid = make_session(s).id
        oid = make_offer(s, price_cents=2500).id
    first = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1, first_name="Nadia", last_name="Keller"),
                                payment_method="twint"), now=NOW)
    book(BookingRequest(session_id=sid, offer_id=oid, person=person(2), payment_method="stripe"), now=NOW)
    rows = in_read(access_pending_payments)
    assert [(r.code, r.name, r.amount, r.method) for r in rows][0] == (first.code, "Nadia Keller", "CHF 25.-", "Twint")
    # make_session starts two days after NOW: « Jeudi 3 décembre · 13h00 » on the default clock
    assert len(rows) == 2 and rows[0].when == frdate.label(NOW + timedelta(days=2))
    with write_session() as s:
        assert do_confirm_payment(s, reservation_id=first.id, now=NOW) == first.code
    assert in_read(lambda s: s.get(Reservation, first.id).status) == "confirmed"
    assert [r.id for r in in_read(access_pending_payments)] != [first.id] and len(in_read(access_pending_payments)) == 1
    with write_session() as s, pytest.raises(ServiceError, match="pay_not_pending"):
        do_confirm_payment(s, reservation_id=first.id, now=NOW)
    with write_session() as s, pytest.raises(ServiceError, match="pay_reservation_unknown"):
        do_confirm_payment(s, reservation_id=777777, now=NOW)
