"""Codes tab: promo codes (CRUD), their validity, usage and offer restriction.

`uses` is never written here: bookings move it with conditional UPDATEs (pricing.py), and
saving a code only writes the columns the coach edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import Offer, PromoCode, PromoKind, Reservation
from afroboost.services import ServiceError
from afroboost.services.catalog.listing import local_tz
from afroboost.services.catalog.pricing import format_chf, normalize_code
from afroboost.services.forms import (
    Checker,
    FormInvalid,
    chf_input,
    date_input,
    day_bounds,
    parse_chf,
    parse_date,
    parse_int,
)

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,39}$")
MAX_USES = 1_000_000


@dataclass
class PromoForm:
    """The promo form as typed; `offer_ids` are the offers it is restricted to (none = all)."""

    code: str = ""
    kind: str = PromoKind.percent.value
    value: str = ""
    valid_from: str = ""
    valid_until: str = ""
    max_uses: str = ""
    offer_ids: list[int] = field(default_factory=list)
    active: bool = True


@dataclass
class PromoRow:
    id: int = 0
    code: str = ""
    discount: str = ""
    validity: str = ""
    usage: str = ""
    offers: str = ""
    active: bool = True
    state: str = ""  # « Actif », « Expiré », « Épuisé », « Désactivé »…
    haystack: str = ""


@dataclass
class OfferChoice:
    id: int = 0
    name: str = ""


def _local_date(value: datetime | None):
    return as_utc(value).astimezone(local_tz()).date() if value else None


def check_promo_form(session: Session, *, promo_id: int, form: PromoForm) -> dict:
    c = Checker()
    code = normalize_code(form.code)
    if not code:
        c.fail("code", "form_required")
    elif not _CODE.match(code):
        c.fail("code", "promo_code_chars")
    elif session.exec(select(PromoCode.id).where(PromoCode.code == code).where(PromoCode.id != promo_id)).first():
        c.fail("code", "promo_code_taken", code=code)
    value = None
    if form.kind == PromoKind.percent.value:
        value = c.take("value", parse_int, form.value, lo=1, hi=100)
    elif form.kind == PromoKind.fixed.value:
        value = c.take("value", parse_chf, form.value)
        if value == 0:
            c.fail("value", "promo_fixed_zero")
    else:
        c.fail("kind", "promo_kind")
    start = c.take("valid_from", parse_date, form.valid_from)
    end = c.take("valid_until", parse_date, form.valid_until)
    if start and end and end < start:
        c.fail("valid_until", "form_date_order")
    max_uses = None
    if str(form.max_uses or "").strip():
        max_uses = c.take("max_uses", parse_int, form.max_uses, lo=1, hi=MAX_USES)
    used = session.exec(select(PromoCode.uses).where(PromoCode.id == promo_id)).first() or 0
    if max_uses is not None and max_uses < used:
        c.fail("max_uses", "max_below_uses", uses=used)
    wanted = sorted({int(i) for i in form.offer_ids or [] if str(i).isdigit()})
    known = set(session.exec(select(Offer.id).where(Offer.id.in_(wanted))).all()) if wanted else set()
    if set(wanted) - known:
        c.fail("offer_ids", "promo_offer_unknown")
    c.done()
    tz = local_tz()
    return {
        "code": code, "kind": form.kind, "value": value, "max_uses": max_uses,
        "valid_from": day_bounds(start, tz)[0] if start else None,
        "valid_until": day_bounds(end, tz)[1] if end else None,
        "offer_ids": ",".join(str(i) for i in wanted), "active": bool(form.active),
    }


def _promo(session: Session, promo_id: int) -> PromoCode:
    promo = session.get(PromoCode, int(promo_id or 0))
    if promo is None:
        raise ServiceError("promo_missing")
    return promo


def do_save_promo(session: Session, *, promo_id: int, form: PromoForm) -> PromoCode:
    """Create (promo_id 0) or update a promo code."""
    promo = _promo(session, promo_id) if promo_id else None
    values = check_promo_form(session, promo_id=promo.id if promo else 0, form=form)
    promo = promo or PromoCode(code=values["code"])
    for key, value in values.items():
        setattr(promo, key, value)
    session.add(promo)
    try:
        with session.begin_nested():  # the same code saved twice at once
            session.flush()
    except IntegrityError:
        raise FormInvalid({"code": "promo_code_taken"}, {"code": {"code": values["code"]}}) from None
    return promo


def access_promo_form(session: Session, *, promo_id: int) -> PromoForm:
    p = _promo(session, promo_id)
    value = str(p.value) if p.kind == PromoKind.percent.value else chf_input(p.value)
    return PromoForm(code=p.code, kind=p.kind, value=value, valid_from=date_input(_local_date(p.valid_from)),
                     valid_until=date_input(_local_date(p.valid_until)),
                     max_uses="" if p.max_uses is None else str(p.max_uses),
                     offer_ids=sorted(p.restricted_to), active=p.active)


def _validity(p: PromoCode) -> str:
    start, end = _local_date(p.valid_from), _local_date(p.valid_until)
    fmt = "%d.%m.%Y"
    if start and end:
        return texts.PROMO_VALID_BETWEEN.format(start=start.strftime(fmt), end=end.strftime(fmt))
    if start:
        return texts.PROMO_VALID_FROM.format(start=start.strftime(fmt))
    if end:
        return texts.PROMO_VALID_UNTIL.format(end=end.strftime(fmt))
    return texts.PROMO_VALID_ALWAYS


def promo_state(p: PromoCode, now: datetime) -> str:
    if not p.active:
        return texts.PROMO_STATES["off"]
    if p.valid_until and as_utc(p.valid_until) < now:
        return texts.PROMO_STATES["expired"]
    if p.valid_from and as_utc(p.valid_from) > now:
        return texts.PROMO_STATES["later"]
    if p.max_uses is not None and p.uses >= p.max_uses:
        return texts.PROMO_STATES["used_up"]
    return texts.PROMO_STATES["on"]


def access_promo_rows(session: Session, *, now: datetime | None = None) -> list[PromoRow]:
    now = now or utc_now()
    names = dict(session.exec(select(Offer.id, Offer.name)).all())
    rows = []
    for p in session.exec(select(PromoCode).order_by(PromoCode.active.desc(), PromoCode.code)).all():
        discount = f"−{p.value} %" if p.kind == PromoKind.percent.value else f"−{format_chf(p.value)}"
        ids = sorted(p.restricted_to)
        offers = ", ".join(names.get(i, f"#{i}") for i in ids) if ids else texts.PROMO_ALL_OFFERS
        usage = f"{p.uses} / {'∞' if p.max_uses is None else p.max_uses}"
        row = PromoRow(id=p.id, code=p.code, discount=discount, validity=_validity(p), usage=usage, offers=offers,
                       active=p.active, state=promo_state(p, now))
        row.haystack = " ".join((p.code, discount, offers, row.state)).lower()
        rows.append(row)
    return rows


def access_offer_choices(session: Session) -> list[OfferChoice]:
    """Offers a code can be restricted to; archived ones stay listed (and marked) so that
    editing a code restricted to one never widens it silently."""
    offers = session.exec(select(Offer).order_by(Offer.archived, Offer.sort, Offer.id)).all()
    return [OfferChoice(id=o.id, name=texts.OFFER_ARCHIVED_NAME.format(name=o.name) if o.archived else o.name)
            for o in offers]


def do_delete_promo(session: Session, *, promo_id: int) -> str:
    """Delete an unused code; one already used on a reservation is deactivated instead.

    Returns "deleted" or "deactivated".
    """
    promo = _promo(session, promo_id)
    used = session.exec(select(func.count()).select_from(Reservation)
                        .where(Reservation.promo_code_id == promo.id)).one()
    if used:
        promo.active = False
        session.add(promo)
        session.flush()
        return "deactivated"
    session.delete(promo)
    session.flush()
    return "deleted"
