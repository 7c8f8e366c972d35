"""Prices (CHF centimes) and promo codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import Offer, PromoCode, PromoKind
from afroboost.services import ServiceError


def format_chf(cents: int) -> str:
    """`1000` → « CHF 10.- », `1250` → « CHF 12.50 » (Swiss notation)."""
    francs, rest = divmod(int(cents), 100)
    return f"CHF {francs}.-" if rest == 0 else f"CHF {francs}.{rest:02d}"


def normalize_code(raw: str) -> str:
    return "".join((raw or "").split()).upper()


def discount_cents(promo: PromoCode, price_cents: int) -> int:
    """The discount a promo gives on a price; never more than the price itself."""
    if promo.kind == PromoKind.percent.value:
        pct = max(0, min(100, promo.value))
        off = (price_cents * pct + 50) // 100  # rounded to the centime
    else:
        off = max(0, promo.value)
    return min(price_cents, off)


@dataclass
class Quote:
    list_price_cents: int
    discount_cents: int
    promo_id: int | None
    promo_code: str

    @property
    def total_cents(self) -> int:
        return self.list_price_cents - self.discount_cents


@dataclass
class PriceLabels:
    """A quote as the UI shows it."""

    price: str = ""
    discount: str = ""  # « −CHF 5.- », empty without a discount
    total: str = ""
    free: bool = False
    promo: str = ""  # « Code appliqué : … » when a promo code applies


def price_labels(q: Quote) -> PriceLabels:
    return PriceLabels(
        price=format_chf(q.list_price_cents),
        discount=f"−{format_chf(q.discount_cents)}" if q.discount_cents else "",
        total=format_chf(q.total_cents),
        free=q.total_cents == 0,
        promo=texts.PROMO_OK.format(discount=format_chf(q.discount_cents), total=format_chf(q.total_cents))
        if q.promo_id is not None else "",
    )


def check_promo(promo: PromoCode | None, *, offer: Offer, now: datetime | None = None) -> None:
    """Raise ServiceError(promo_*) unless `promo` can be applied to `offer` now."""
    now = now or utc_now()
    if promo is None:
        raise ServiceError("promo_unknown", field="promo")
    if not promo.active:
        raise ServiceError("promo_inactive", field="promo")
    if promo.valid_from and as_utc(promo.valid_from) > now:
        raise ServiceError("promo_not_started", field="promo")
    if promo.valid_until and as_utc(promo.valid_until) < now:
        raise ServiceError("promo_expired", field="promo")
    if promo.max_uses is not None and promo.uses >= promo.max_uses:
        raise ServiceError("promo_used_up", field="promo")
    allowed = promo.restricted_to
    if allowed and offer.id not in allowed:
        raise ServiceError("promo_wrong_offer", field="promo")


def find_promo(session: Session, code: str) -> PromoCode | None:
    code = normalize_code(code)
    if not code:
        return None
    return session.exec(select(PromoCode).where(PromoCode.code == code)).first()


def quote(session: Session, *, offer: Offer, code: str = "", now: datetime | None = None) -> Quote:
    """Price of `offer` with an optional promo code (raises ServiceError on a bad code)."""
    code = normalize_code(code)
    if not code:
        return Quote(offer.price_cents, 0, None, "")
    promo = find_promo(session, code)
    check_promo(promo, offer=offer, now=now)
    return Quote(offer.price_cents, discount_cents(promo, offer.price_cents), promo.id, promo.code)


def claim_promo_use(session: Session, *, promo_id: int) -> None:
    """Count one use, atomically; refuse when the code is used up (races included)."""
    result = session.execute(
        sa.update(PromoCode)
        .where(PromoCode.id == promo_id)
        .where(sa.or_(PromoCode.max_uses.is_(None), PromoCode.uses < PromoCode.max_uses))
        .values(uses=PromoCode.uses + 1)
    )
    if result.rowcount != 1:
        raise ServiceError("promo_used_up", field="promo")


def release_promo_use(session: Session, *, promo_id: int) -> None:
    session.execute(
        sa.update(PromoCode).where(PromoCode.id == promo_id).where(PromoCode.uses > 0).values(uses=PromoCode.uses - 1)
    )
