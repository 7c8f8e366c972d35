"""Codes tab services: promo code CRUD rules, validity dates, usage, offer restriction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import Offer, PromoCode
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.catalog.codes import (
    PromoForm,
    access_offer_choices,
    access_promo_form,
    access_promo_rows,
    do_delete_promo,
    do_save_promo,
)
from afroboost.services.catalog.pricing import quote
from afroboost.services.forms import FormInvalid, error_messages
from tests.factories import NOW, make_offer, make_promo, make_session, person


def save(promo_id: int = 0, **kw) -> PromoCode:
    form = PromoForm(**{"code": "bienvenue", "kind": "percent", "value": "20", **kw})
    with write_session() as s:
        return do_save_promo(s, promo_id=promo_id, form=form)


def test_code_is_stored_upper_case_and_unique(db):
    p = save(code=" été-2026 ".replace("é", "e"))
    assert (p.code, p.kind, p.value, p.max_uses, p.offer_ids) == ("ETE-2026", "percent", 20, None, "")
    with pytest.raises(FormInvalid) as e:
        save(code="ete-2026")
    assert error_messages(e.value) == {"code": "Le code ETE-2026 existe déjà."}
    assert save(p.id, code="ete-2026", value="25").value == 25  # its own code is no duplicate
    with pytest.raises(FormInvalid, match="promo_code_chars"):
        save(code="ÉTÉ")


@pytest.mark.parametrize("kind, value, stored", [("percent", "1", 1), ("percent", "100", 100), ("fixed", "10", 1000),
                                                 ("fixed", "7.50", 750)])
def test_percent_or_fixed_amount(db, kind, value, stored):
    assert save(kind=kind, value=value).value == stored
    form = in_read(access_promo_form, promo_id=in_read(lambda s: s.exec(select(PromoCode.id)).one()))
    assert form.value == value


@pytest.mark.parametrize("kind, value, msg", [
    ("percent", "0", "Choisis un nombre entre 1 et 100."),
    ("percent", "120", "Choisis un nombre entre 1 et 100."),
    ("percent", "12.5", "Écris un nombre entier (ex. 20)."),
    ("percent", "", "Indique un nombre."),
    ("fixed", "0", "Le montant de la réduction doit être supérieur à 0."),
    ("fixed", "dix", "Prix invalide : écris un montant en CHF comme 25 ou 12.50."),
])
def test_bad_values_are_explained(db, kind, value, msg):
    with pytest.raises(FormInvalid) as e:
        save(kind=kind, value=value)
    assert error_messages(e.value) == {"value": msg}


def test_validity_dates_are_local_days_and_ordered(db):
    with pytest.raises(FormInvalid) as e:
        save(valid_from="2026-12-31", valid_until="2026-12-01")
    assert error_messages(e.value) == {"valid_until": "La date de fin doit suivre la date de début."}
    with pytest.raises(FormInvalid, match="form_date_invalid"):
        save(valid_from="32.12.2026")
    p = save(valid_from="01.12.2026", valid_until="2026-12-24")
    # Zurich is UTC+1 in December: the day starts at 23:00 UTC the day before.
    assert p.valid_from.isoformat() == "2026-11-30T23:00:00+00:00"
    assert p.valid_until.isoformat().startswith("2026-12-24T22:59:59")
    form = in_read(access_promo_form, promo_id=p.id)
    assert (form.valid_from, form.valid_until) == ("2026-12-01", "2026-12-24")
    assert in_read(access_promo_rows, now=NOW)[0].validity == "Du 01.12.2026 au 24.12.2026"


def test_max_uses_usage_and_state(db):
    with write_session() as s:
        pid = make_promo(s, "AMIS10", kind="fixed", value=1000, max_uses=5, uses=3).id
    row = in_read(access_promo_rows, now=NOW)[0]
    assert (row.usage, row.discount, row.state, row.offers) == ("3 / 5", "−CHF 10.-", "Actif", "Toutes les offres")
    with pytest.raises(FormInvalid) as e:
        save(pid, code="AMIS10", kind="fixed", value="10", max_uses="2")
    assert error_messages(e.value) == {"max_uses": "Ce code a déjà servi 3 fois : indique au moins 3."}
    save(pid, code="AMIS10", kind="fixed", value="10", max_uses="3")
    assert in_read(access_promo_rows, now=NOW)[0].state == "Épuisé"
    save(pid, code="AMIS10", kind="fixed", value="10", max_uses="")
    assert in_read(access_promo_rows, now=NOW)[0].usage == "3 / ∞"
    assert in_read(lambda s: s.get(PromoCode, pid).uses) == 3  # saving never touches the count


def test_restriction_to_offers_is_checked_and_applied(db):
    with write_session() as s:
        single, card = make_offer(s, name="Unité", price_cents=2500).id, make_offer(s, name="Carte").id
        other = make_offer(s, name="Vieille", archived=True).id
    with pytest.raises(FormInvalid, match="promo_offer_unknown"):
        save(offer_ids=[single, 999999])
    p = save(offer_ids=[card, single, single])
    assert p.offer_ids == f"{single},{card}"
    assert in_read(access_promo_rows, now=NOW)[0].offers == "Unité, Carte"
    with write_session() as s:
        assert quote(s, offer=s.get(Offer, single), code="bienvenue", now=NOW).discount_cents == 500
        with pytest.raises(ServiceError, match="promo_wrong_offer"):
            quote(s, offer=s.get(Offer, other), code="bienvenue", now=NOW)
    assert [c.name for c in in_read(access_offer_choices)] == ["Unité", "Carte", "Vieille (archivée)"]


def test_inactive_or_expired_code_rows(db):
    save(code="OFF", active=False)
    save(code="OLD", valid_until=(NOW - timedelta(days=3)).date().isoformat())
    states = {r.code: r.state for r in in_read(access_promo_rows, now=NOW)}
    assert states == {"OFF": "Désactivé", "OLD": "Expiré"}


def test_used_code_is_deactivated_not_deleted(db):
    with write_session() as s:
        sid, oid = make_session(s).id, make_offer(s).id
        make_promo(s, "BIENVENUE")
        unused = make_promo(s, "JAMAIS").id
    book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), promo_code="bienvenue",
                        payment_method="twint"), now=NOW)
    used = in_read(lambda s: s.exec(select(PromoCode).where(PromoCode.code == "BIENVENUE")).one().id)
    with write_session() as s:
        assert do_delete_promo(s, promo_id=used) == "deactivated"
    with write_session() as s:
        assert do_delete_promo(s, promo_id=unused) == "deleted"
    left = in_read(lambda s: s.exec(select(PromoCode)).all())
    assert [(p.code, p.active) for p in left] == [("BIENVENUE", False)]
    with write_session() as s, pytest.raises(ServiceError, match="promo_missing"):
        do_delete_promo(s, promo_id=unused)
