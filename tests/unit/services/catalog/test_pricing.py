"""Prices in CHF and promo codes (pure functions first, then the DB-backed quote)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from afroboost import texts
from afroboost.db import write_session
from afroboost.models import Offer, PromoCode
from afroboost.services import ServiceError
from afroboost.services.catalog.pricing import check_promo, discount_cents, format_chf, quote
from tests.factories import NOW, make_offer, make_promo


@pytest.mark.parametrize("cents, shown", [
    (1000, "CHF 10.-"), (1250, "CHF 12.50"), (1205, "CHF 12.05"), (0, "CHF 0.-"), (5, "CHF 0.05"),
    (22000, "CHF 220.-"),
])
def test_format_chf_swiss_notation(cents, shown):
    assert format_chf(cents) == shown


def _promo(**kw) -> PromoCode:
    return PromoCode(**{"code": "X", "kind": "percent", "value": 20, **kw})


@pytest.mark.parametrize("kind, value, price, off", [
    ("percent", 20, 2500, 500),
    ("percent", 100, 2500, 2500),
    ("percent", 15, 999, 150),      # 149.85 rounds to the nearest centime
    ("percent", 33, 1000, 330),
    ("percent", 50, 1, 1),          # half a centime rounds up
    ("percent", 150, 2000, 2000),   # a bad percentage never discounts more than the price
    ("percent", -10, 2000, 0),
    ("fixed", 1000, 2500, 1000),
    ("fixed", 3000, 2500, 2500),    # never below zero
    ("fixed", -500, 2500, 0),
])
def test_discount(kind, value, price, off):
    assert discount_cents(_promo(kind=kind, value=value), price) == off
    assert price - discount_cents(_promo(kind=kind, value=value), price) >= 0


OFFER = Offer(id=7, name="Cours à l'unité", price_cents=2500)


@pytest.mark.parametrize("promo, key", [
    (None, "promo_unknown"),
    (_promo(active=False), "promo_inactive"),
    (_promo(valid_from=NOW + timedelta(days=1)), "promo_not_started"),
    (_promo(valid_until=NOW - timedelta(seconds=1)), "promo_expired"),
    (_promo(max_uses=3, uses=3), "promo_used_up"),
    (_promo(offer_ids="8,9"), "promo_wrong_offer"),
])
def test_check_promo_refusals(promo, key):
    with pytest.raises(ServiceError) as exc:
        check_promo(promo, offer=OFFER, now=NOW)
    assert exc.value.key == key
    assert exc.value.field == "promo"
    assert texts.err(key) != texts.ERR["generic"]  # every refusal has its own French message


@pytest.mark.parametrize("promo", [
    _promo(),
    _promo(valid_from=NOW - timedelta(days=1), valid_until=NOW + timedelta(days=1)),
    _promo(max_uses=3, uses=2),
    _promo(offer_ids="7, 9"),
])
def test_check_promo_accepts_valid_codes(promo):
    check_promo(promo, offer=OFFER, now=NOW)  # raises on refusal


def test_quote_applies_code_case_and_space_insensitively(db):
    with write_session() as s:
        offer = make_offer(s, price_cents=2500)
        make_promo(s, "AMIS10", kind="fixed", value=1000)
        q = quote(s, offer=offer, code=" amis 10 ", now=NOW)
        assert (q.list_price_cents, q.discount_cents, q.total_cents, q.promo_code) == (2500, 1000, 1500, "AMIS10")
        assert format_chf(q.total_cents) == "CHF 15.-"


def test_quote_without_code_is_list_price(db):
    with write_session() as s:
        offer = make_offer(s, price_cents=8900)
        q = quote(s, offer=offer, code="", now=NOW)
        assert (q.total_cents, q.promo_id) == (8900, None)


def test_quote_unknown_code_is_refused(db):
    with write_session() as s:
        offer = make_offer(s)
        with pytest.raises(ServiceError) as exc:
            quote(s, offer=offer, code="NOPE", now=NOW)
        assert exc.value.key == "promo_unknown"
