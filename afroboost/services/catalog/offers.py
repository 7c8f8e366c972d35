"""Offres tab: offers and shop products (CRUD, archive instead of delete, optional image).

An offer that was ever booked is archived rather than deleted: reservations keep pointing
at it, and archived offers are hidden from the public and refused at booking time
(catalog.visible_offers, booking.check_offer).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, func, select

from afroboost import texts
from afroboost.models import Offer, OfferKind, PromoCode, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.catalog.pricing import format_chf
from afroboost.services.content.images import discard_image, is_stored_image, save_image
from afroboost.services.forms import Checker, check_https_url, chf_input, parse_chf

MAX_IMAGE_BYTES = 5 * 1024 * 1024
LINK_FIELDS = ("stripe_url", "paypal_url", "twint_url")


@dataclass
class OfferForm:
    """The offer form as typed."""

    name: str = ""
    description: str = ""
    kind: str = OfferKind.single.value
    price: str = ""
    visible: bool = True
    image: str = ""
    stripe_url: str = ""
    paypal_url: str = ""
    twint_url: str = ""


@dataclass
class OfferRow:
    id: int = 0
    name: str = ""
    description: str = ""
    kind_label: str = ""
    price: str = ""
    image: str = ""
    visible: bool = True
    archived: bool = False
    links: str = ""  # « Twint · Stripe » or « Aucun lien de paiement »
    haystack: str = ""  # lower-case text the local search looks in


def check_links(c: Checker, form) -> dict[str, str]:
    """The three payment links of `form` (https to a real host, or empty)."""
    return {f: c.take(f, check_https_url, getattr(form, f)) or "" for f in LINK_FIELDS}


def check_offer_form(form: OfferForm) -> dict:
    c = Checker()
    values = {
        "name": c.text("name", form.name, limit=120, required=True),
        "description": c.text("description", form.description, limit=1000, multiline=True),
        "price_cents": c.take("price", parse_chf, form.price),
        "visible": bool(form.visible),
        **check_links(c, form),
    }
    if form.kind not in OfferKind.__members__:
        c.fail("kind", "offer_kind")
    values["kind"] = form.kind
    image = (form.image or "").strip()
    if image and not is_stored_image(image, "offers"):  # only names this module generated
        c.fail("image", "offer_image_type")
    values["image"] = image
    c.done()
    return values


def _offer(session: Session, offer_id: int) -> Offer:
    offer = session.get(Offer, int(offer_id or 0))
    if offer is None:
        raise ServiceError("coach_offer_unknown")
    return offer


def do_save_offer(session: Session, *, offer_id: int, form: OfferForm) -> Offer:
    """Create (offer_id 0) or update an offer; a new one goes to the end of the list."""
    values = check_offer_form(form)
    if offer_id:
        offer = _offer(session, offer_id)
    else:
        last = session.exec(select(func.max(Offer.sort))).one()
        offer = Offer(name=values["name"], sort=(last or 0) + 1)
    for key, value in values.items():
        setattr(offer, key, value)
    session.add(offer)
    session.flush()
    return offer


def access_offer_form(session: Session, *, offer_id: int) -> OfferForm:
    o = _offer(session, offer_id)
    return OfferForm(name=o.name, description=o.description, kind=o.kind, price=chf_input(o.price_cents),
                     visible=o.visible, image=o.image if is_stored_image(o.image, "offers") else "",
                     stripe_url=o.stripe_url, paypal_url=o.paypal_url, twint_url=o.twint_url)


def links_label(offer: Offer) -> str:
    names = [texts.PAYMENT_METHODS[m] for m, url in
             (("twint", offer.twint_url), ("stripe", offer.stripe_url), ("paypal", offer.paypal_url)) if url]
    return " · ".join(names) or texts.OFFER_NO_LINKS


def offer_row(o: Offer) -> OfferRow:
    kind = texts.OFFER_KIND_LABELS.get(o.kind, o.kind)
    price = format_chf(o.price_cents)
    return OfferRow(id=o.id, name=o.name, description=o.description, kind_label=kind, price=price,
                    image=o.image if is_stored_image(o.image, "offers") else "", visible=o.visible,
                    archived=o.archived, links=links_label(o),
                    haystack=" ".join((o.name, kind, o.description, price)).lower())


def access_offer_rows(session: Session) -> list[OfferRow]:
    """Every offer, archived ones last."""
    offers = session.exec(select(Offer).order_by(Offer.archived, Offer.sort, Offer.id)).all()
    return [offer_row(o) for o in offers]


def do_delete_offer(session: Session, *, offer_id: int) -> str:
    """Delete an offer nobody booked; archive one with reservations. Returns "deleted" or "archived"."""
    offer = _offer(session, offer_id)
    used = session.exec(select(func.count()).select_from(Reservation).where(Reservation.offer_id == offer.id)).one()
    waiting = session.exec(select(func.count()).select_from(WaitlistEntry)
                           .where(WaitlistEntry.offer_id == offer.id)).one()
    if used or waiting:
        offer.archived = True
        session.add(offer)
        session.flush()
        return "archived"
    _forget_in_promos(session, offer.id)
    session.delete(offer)
    session.flush()
    return "deleted"


def _forget_in_promos(session: Session, offer_id: int) -> None:
    # A code restricted to this offer only would become valid for *every* offer once the id
    # is gone, so such a code is switched off instead of silently widened.
    for promo in session.exec(select(PromoCode).where(PromoCode.offer_ids != "")).all():
        ids = promo.restricted_to
        if offer_id not in ids:
            continue
        ids.discard(offer_id)
        promo.offer_ids = ",".join(str(i) for i in sorted(ids))
        if not ids:
            promo.active = False
        session.add(promo)


def do_restore_offer(session: Session, *, offer_id: int) -> None:
    offer = _offer(session, offer_id)
    offer.archived = False
    session.add(offer)
    session.flush()


def discard_offer_image(*, upload_dir: Path, rel: str) -> None:
    """Delete an image stored for an offer (anything else, e.g. a tampered path, is left alone)."""
    if is_stored_image(rel, "offers"):
        discard_image(upload_dir=upload_dir, rel=rel)


def store_offer_image(*, upload_dir: Path, filename: str, data: bytes) -> str:
    """Save an uploaded image under a random name; returns « offers/<hex>.<ext> ».

    Raises:
        ServiceError: not a png/jpg/gif/webp image (by name and content), empty, or > 5 MB.
    """
    return save_image(upload_dir=upload_dir, folder="offers", filename=filename, data=data,
                      max_bytes=MAX_IMAGE_BYTES)
