"""Offres tab services: CRUD, prices as typed, archive instead of delete, images."""

from __future__ import annotations

import pytest
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import Offer, PromoCode
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book, check_offer
from afroboost.services.catalog.listing import visible_offers
from afroboost.services.catalog.offers import (
    OfferForm,
    access_offer_form,
    access_offer_rows,
    discard_offer_image,
    do_delete_offer,
    do_restore_offer,
    do_save_offer,
    store_offer_image,
)
from afroboost.services.forms import FormInvalid, error_messages
from tests.factories import NOW, make_offer, make_promo, make_session, person

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def save(offer_id: int = 0, **kw) -> Offer:
    form = OfferForm(**{"name": "Cours à l'unité", "kind": "single", "price": "25", **kw})
    with write_session() as s:
        return do_save_offer(s, offer_id=offer_id, form=form)


def test_price_typed_in_chf_is_stored_in_centimes(db):
    o = save(price="12.50", stripe_url=" https://buy.stripe.com/x ")
    assert (o.price_cents, o.stripe_url, o.kind, o.archived) == (1250, "https://buy.stripe.com/x", "single", False)
    assert in_read(access_offer_form, offer_id=o.id).price == "12.50"
    assert save(o.id, price="25").price_cents == 2500
    rows = in_read(access_offer_rows)
    assert rows[0].price == "CHF 25.-" and "cours à l'unité" in rows[0].haystack


def test_invalid_offer_form_keeps_nothing_and_says_why(db):
    with pytest.raises(FormInvalid) as e:
        save(name=" ", price="douze", kind="gift", twint_url="http://pay.example.ch/t",
             paypal_url="https://localhost/p", image="../../etc/passwd")
    assert error_messages(e.value) == {
        "name": "Ce champ est obligatoire.",
        "price": "Prix invalide : écris un montant en CHF comme 25 ou 12.50.",
        "twint_url": "Le lien doit commencer par https:// (connexion sécurisée).",
        "paypal_url": "Ce lien ne mène pas à un vrai site (ex. https://twint.ch/…).",
        "kind": "Choisis un type d'offre.",
        "image": "Seules les images PNG, JPG, GIF ou WebP sont acceptées.",
    }
    assert in_read(lambda s: s.exec(select(Offer)).all()) == []


def test_unknown_offer_id_is_refused(db):
    with pytest.raises(ServiceError, match="coach_offer_unknown"):
        save(987654)


def test_offer_with_reservations_is_archived_hidden_and_unbookable(db):
    with write_session() as s:
        cls = make_session(s)
        offer = make_offer(s, name="Carte 10 cours", kind="card")
        sid, oid = cls.id, offer.id
    book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"), now=NOW)
    with write_session() as s:
        assert do_delete_offer(s, offer_id=oid) == "archived"
    offer = in_read(lambda s: s.get(Offer, oid))
    assert offer is not None and offer.archived and offer.visible  # kept, still « visible », yet hidden:
    assert [o.id for o in in_read(visible_offers, products=False)] == []
    with pytest.raises(ServiceError, match="offer_unknown"):
        in_read(check_offer, offer_id=oid)
    with pytest.raises(ServiceError, match="offer_unknown"):
        book(BookingRequest(session_id=sid, offer_id=oid, person=person(2), payment_method="twint"), now=NOW)
    assert in_read(access_offer_rows)[0].archived is True
    with write_session() as s:
        do_restore_offer(s, offer_id=oid)
    assert [o.id for o in in_read(visible_offers, products=False)] == [oid]


def test_archived_product_is_hidden_from_the_shop(db):
    with write_session() as s:
        kept = make_offer(s, kind="product").id
        make_offer(s, kind="product", archived=True)
    assert [o.id for o in in_read(visible_offers, products=True)] == [kept]


def test_unbooked_offer_is_deleted_and_restricted_codes_never_widen(db):
    with write_session() as s:
        oid, other = make_offer(s).id, make_offer(s).id
        make_promo(s, "ONLYTHIS", offer_ids=str(oid))
        make_promo(s, "BOTH", offer_ids=f"{oid},{other}")
    with write_session() as s:
        assert do_delete_offer(s, offer_id=oid) == "deleted"
    promos = {p.code: p for p in in_read(lambda s: s.exec(select(PromoCode)).all())}
    assert (promos["ONLYTHIS"].offer_ids, promos["ONLYTHIS"].active) == ("", False)
    assert (promos["BOTH"].offer_ids, promos["BOTH"].active) == (str(other), True)
    assert in_read(lambda s: s.get(Offer, oid)) is None


def test_store_image_checks_type_content_and_size(tmp_path):
    rel = store_offer_image(upload_dir=tmp_path, filename="photo.PNG", data=PNG)
    assert rel.startswith("offers/") and rel.endswith(".png") and len(rel) == len("offers/") + 32 + 4
    assert (tmp_path / rel).read_bytes() == PNG
    assert store_offer_image(upload_dir=tmp_path, filename="x.jpeg", data=b"\xff\xd8\xff\xe0data").endswith(".jpg")
    for filename, data, key in [
        ("evil.svg", b"<svg onload=alert(1)>", "offer_image_type"),
        ("fake.png", b"<html>not a png</html>", "offer_image_type"),
        ("empty.png", b"", "offer_image_empty"),
        ("big.png", PNG + b"\x00" * (5 * 1024 * 1024), "offer_image_too_big"),
    ]:
        with pytest.raises(ServiceError) as e:
            store_offer_image(upload_dir=tmp_path, filename=filename, data=data)
        assert e.value.key == key
    assert len(list((tmp_path / "offers").iterdir())) == 2
    outside = tmp_path / "keep.png"
    outside.write_bytes(PNG)
    discard_offer_image(upload_dir=tmp_path, rel="offers/../keep.png")  # not one of our names: untouched
    discard_offer_image(upload_dir=tmp_path, rel=rel)
    assert outside.exists() and not (tmp_path / rel).exists()


def test_saved_image_path_must_be_one_we_generated(db, tmp_path):
    rel = store_offer_image(upload_dir=tmp_path, filename="p.png", data=PNG)
    assert save(image=rel).image == rel
    with pytest.raises(FormInvalid, match="offer_image_type"):
        save(image="offers/../../secret.png")
