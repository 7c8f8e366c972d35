"""Promo codes answer with one message, and the booking form's checks are limited per tab and IP."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import reflex as rx
from reflex.istate.data import RouterData

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost import seed, texts
from afroboost.db import write_session
from afroboost.models import Offer, PromoCode
from afroboost.services import ServiceError
from afroboost.services.catalog.pricing import check_promo, quote
from afroboost.state.booking import BookingState
from tests.factories import NOW, make_offer, make_promo
from tests.unit.services.test_throttle import limits_env  # noqa: F401  (fixture)

OFFER = Offer(id=7, name="Cours à l'unité", price_cents=2500)


def _promo(**kw) -> PromoCode:
    return PromoCode(**{"code": "X", "kind": "percent", "value": 20, **kw})


@pytest.mark.parametrize("promo", [
    None, _promo(active=False), _promo(valid_from=NOW + timedelta(days=1)),
    _promo(valid_until=NOW - timedelta(seconds=1)), _promo(max_uses=3, uses=3), _promo(offer_ids="8,9"),
], ids=["unknown", "inactive", "not_started", "expired", "used_up", "other_offer"])
def test_every_unusable_code_gets_the_same_message(promo):
    with pytest.raises(ServiceError) as exc:
        check_promo(promo, offer=OFFER, now=NOW)
    assert texts.err(exc.value.key, **exc.value.params) == texts.PROMO_INVALID


def test_an_expired_code_reads_exactly_like_a_code_that_does_not_exist(db):
    shown = []
    with write_session() as s:
        offer = make_offer(s)
        make_promo(s, "NOEL2025", valid_until=NOW - timedelta(days=30))
        make_promo(s, "DEJAPRIS", max_uses=1, uses=1)
        for code in ("NOEL2025", "DEJAPRIS", "INVENTE"):
            with pytest.raises(ServiceError) as exc:
                quote(s, offer=offer, code=code, now=NOW)
            shown.append((exc.value.field, texts.err(exc.value.key, **exc.value.params)))
    assert shown == [("promo", texts.PROMO_INVALID)] * 3


def test_the_placeholder_is_not_a_real_code():
    real = {p["code"] for p in seed.PROMOS}
    assert texts.PROMO_PLACEHOLDER not in real and "BIENVENUE" in real
    from afroboost.components.booking.final import promo_field

    assert "BIENVENUE" not in str(promo_field()) and texts.PROMO_PLACEHOLDER in str(promo_field())


def _booking(token: str, ip: str = "198.51.100.9") -> BookingState:
    root = rx.State()
    root.router_data = {"token": token, "ip": ip, "pathname": "/book/"}
    root.router = RouterData.from_router_data(root.router_data)
    for sub in root.substates.values():
        sub.router = root.router
    return root.get_substate(BookingState.get_full_name().split(".")[1:])


async def test_promo_checks_are_limited_and_keep_what_was_typed(db, limits_env):  # noqa: F811
    limits_env(LIMIT_PROMO="3/minute")
    with write_session() as s:
        offer_id = make_offer(s).id
        make_promo(s, "AMIS10", kind="fixed", value=1000)
    state = _booking(str(uuid.uuid4()))
    state.offer_id = offer_id
    for guess in ("AAAA", "BBBB", "CCCC"):
        await state.apply_promo(guess)
        assert state.err["promo"] == texts.PROMO_INVALID
    await state.apply_promo("AMIS10")  # the 4th check, even of a valid code: refused
    assert (state.err["promo"], state.promo, state.prices.promo) == (texts.err("too_many"), "AMIS10", "")
    assert await _booking(str(uuid.uuid4())).apply_promo("X") is None  # another tab is counted apart


async def test_booking_attempts_are_limited_and_the_form_is_kept(db, limits_env):  # noqa: F811
    limits_env(LIMIT_BOOKING="2/minute")
    state = _booking(str(uuid.uuid4()))
    state.step, state.first_name, state.last_name = "summary", "Awa", "Diallo"
    state.email, state.phone = "awa@example.ch", "+41 79 123 45 67"
    for _ in range(2):  # a crafted method: refused by the service, but an attempt all the same
        [_ async for _ in state.pay("bogus")]
        assert state.err["general"] != texts.err("too_many")
    [_ async for _ in state.pay("twint")]
    assert state.err["general"] == texts.err("too_many")
    assert (state.step, state.first_name, state.email) == ("summary", "Awa", "awa@example.ch")
    await state.join_waitlist()  # the waiting list counts as a booking attempt too
    assert state.err["general"] == texts.err("too_many")


async def test_a_promo_code_reaches_a_booking_only_after_its_live_check(db, limits_env):  # noqa: F811
    state = _booking(str(uuid.uuid4()))
    state.step, state.first_name, state.last_name = "summary", "Awa", "Diallo"
    state.email, state.phone, state.promo = "awa@example.ch", "+41 79 123 45 67", "GUESSED"
    [_ async for _ in state.pay("twint")]
    assert state.step == "info"  # sent back to the form, where the code is checked (and limited)
