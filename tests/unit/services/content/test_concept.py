"""Concept tab services: validation messages, FAQ round trip, hero image, twint_url untouched, seed."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from afroboost import texts
from afroboost.db import in_read, in_write, write_session
from afroboost.models import SiteConcept
from afroboost.seed import do_seed
from afroboost.services import ServiceError
from afroboost.services.content.concept import (
    ConceptForm,
    FaqItem,
    access_concept_form,
    check_concept,
    do_remove_hero_image,
    do_save_concept,
    do_store_hero_image,
    public_concept,
)
from tests.factories import NOW

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
WEBP = b"RIFF\x24\0\0\0WEBPVP8 " + b"\0" * 64


def form(**kw) -> ConceptForm:
    values = dict(title="Afroboost", tagline="Danse au casque", pitch="Viens danser.",
                  faq=[FaqItem("Q1 ?", "R1."), FaqItem("Q2 ?", "R2.")], contact_email="Coach@Example.CH",
                  contact_phone="079 123 45 67", contact_address="Rue de Genève 12, Lausanne",
                  instagram_url="https://www.instagram.com/afroboost")
    values.update(kw)
    return ConceptForm(**values)


def messages(check) -> dict[str, str]:
    return {k: texts.err(v) for k, v in check.errors.items()}


def test_valid_form_is_normalized():
    check = check_concept(form=form(title="  Afro   boost ", pitch=" Ligne 1 \n\n\n\n Ligne 2  "), region="CH")
    assert check.ok
    assert check.form.title == "Afro boost"
    assert check.form.pitch == "Ligne 1\n\nLigne 2"
    assert check.form.contact_email == "coach@example.ch"
    assert check.form.contact_phone == "+41791234567"


def test_bad_email_phone_and_url_get_french_messages():
    check = check_concept(form=form(contact_email="coach@", contact_phone="12",
                                    instagram_url="http://www.instagram.com/afroboost"), region="CH")
    assert not check.ok and check.form is None
    msg = messages(check)
    assert msg["contact_email"] == "Cet email n'est pas valide (ex. contact@afroboost.ch)."
    assert msg["contact_phone"] == "Ce numéro n'est pas valide (ex. +41 79 123 45 67)."
    assert msg["instagram_url"].startswith("Indique un lien https vers Instagram")
    assert set(msg) == {"contact_email", "contact_phone", "instagram_url"}


@pytest.mark.parametrize("url", ["instagram.com/afroboost", "https://evil.example/instagram.com",
                                 "https://instagram.com.evil.example/x", "javascript:alert(1)",
                                 "https://www.instagram.com/a b"])
def test_instagram_must_be_an_https_instagram_link(url):
    assert check_concept(form=form(instagram_url=url)).errors == {"instagram_url": "concept_instagram_invalid"}


def test_empty_contact_fields_are_allowed():
    check = check_concept(form=form(contact_email="", contact_phone=" ", contact_address="", instagram_url=""))
    assert check.ok
    assert (check.form.contact_email, check.form.contact_phone, check.form.instagram_url) == ("", "", "")


def test_lengths_and_faq_rows():
    check = check_concept(form=form(
        title="x" * 121, tagline="y" * 201, pitch="z" * 2001,
        faq=[FaqItem("Sans réponse ?", ""), FaqItem("", "Réponse sans question"), FaqItem(" ", " "),
             FaqItem("q" * 201, "ok")],
    ))
    msg = messages(check)
    assert msg["title"] == "120 caractères maximum."
    assert msg["tagline"] == "200 caractères maximum."
    assert msg["pitch"] == "2000 caractères maximum."
    assert msg["faq.0.a"] == "Écris la réponse à cette question."
    assert msg["faq.1.q"] == "Écris la question (ou supprime cette ligne)."
    assert "faq.2.q" not in msg and "faq.2.a" not in msg  # a blank row is simply dropped
    assert msg["faq.3.q"] == "200 caractères maximum."


def test_too_many_faq_entries():
    check = check_concept(form=form(faq=[FaqItem(f"Q{i} ?", "R.") for i in range(21)]))
    assert check.errors == {"faq": "faq_too_many"}


def test_save_creates_the_row_and_round_trips_the_faq(db):
    assert in_read(lambda s: s.get(SiteConcept, 1)) is None
    faq = [FaqItem("Faut-il savoir danser ?", "Non.\nOn suit le coach."), FaqItem("Casque fourni ?", "Oui.")]
    stored = in_write(do_save_concept, form=form(faq=faq + [FaqItem("", "")]))
    assert stored.faq == faq
    row = in_read(lambda s: s.get(SiteConcept, 1))
    assert json.loads(row.faq_json) == [{"q": "Faut-il savoir danser ?", "a": "Non.\nOn suit le coach."},
                                        {"q": "Casque fourni ?", "a": "Oui."}]
    again = in_read(access_concept_form)
    assert again.faq == faq
    assert (again.contact_email, again.contact_phone) == ("coach@example.ch", "+41791234567")
    # Saving again updates the same single row.
    in_write(do_save_concept, form=form(title="Nouveau titre", faq=faq[:1]))
    rows = in_read(lambda s: s.exec(select(SiteConcept)).all())
    assert len(rows) == 1 and rows[0].title == "Nouveau titre" and len(json.loads(rows[0].faq_json)) == 1


def test_save_never_touches_twint_url_nor_the_hero_image(db):
    image = "concept/" + "a" * 32 + ".png"
    with write_session() as s:
        s.add(SiteConcept(id=1, twint_url="https://pay.example/twint/global", hero_image=image))
    in_write(do_save_concept, form=form(hero_image=""))
    row = in_read(lambda s: s.get(SiteConcept, 1))
    assert row.twint_url == "https://pay.example/twint/global"
    assert row.hero_image == image
    assert row.title == "Afroboost"


def test_invalid_save_raises_and_stores_nothing(db):
    with pytest.raises(ServiceError) as e:
        in_write(do_save_concept, form=form(contact_email="pas-un-email"))
    assert (e.value.key, e.value.field) == ("concept_email_invalid", "contact_email")
    assert in_read(lambda s: s.get(SiteConcept, 1)) is None


def test_public_concept_falls_back_to_the_defaults(db):
    default = in_read(public_concept)
    assert (default.title, default.tagline, default.pitch) == (texts.HERO_TITLE, texts.TAGLINE, texts.HERO_PITCH)
    assert default.faq == [] and default.has_contact is False
    in_write(do_save_concept, form=form(title="", tagline="Ma phrase", contact_email="", contact_phone="",
                                        contact_address="", instagram_url="https://instagram.com/afroboost/"))
    shown = in_read(public_concept)
    assert shown.title == texts.HERO_TITLE and shown.tagline == "Ma phrase"
    assert shown.has_contact is True and shown.instagram_label == "@afroboost"
    in_write(do_save_concept, form=form())
    assert in_read(public_concept).phone_display == "+41 79 123 45 67"


@pytest.mark.parametrize("name,data", [("hero.png", PNG), ("Hero.JPG", JPEG), ("h.jpeg", JPEG), ("h.webp", WEBP)])
def test_hero_image_is_stored_under_a_random_name(db, tmp_path, name, data):
    rel = in_write(do_store_hero_image, upload_dir=tmp_path, filename=name, data=data)
    assert rel.startswith("concept/") and rel.endswith(name.rsplit(".", 1)[1].lower())
    assert name.lower() not in rel
    assert (tmp_path / rel).read_bytes() == data
    assert in_read(lambda s: s.get(SiteConcept, 1)).hero_image == rel
    assert in_read(public_concept).hero_image == rel


@pytest.mark.parametrize("name,data,key", [
    ("hero.gif", b"GIF89a" + b"\0" * 10, "image_type"),
    ("hero.svg", b"<svg onload=alert(1)>", "image_type"),
    ("hero.png", b"<html>not a png</html>", "image_type"),  # the name lies about the content
    ("hero.webp", PNG, "image_type"),
    ("hero", PNG, "image_type"),
    ("hero.png", b"", "image_empty"),
    ("hero.png", PNG + b"\0" * (5 * 1024 * 1024), "image_too_big"),
])
def test_bad_hero_images_are_refused(db, tmp_path, name, data, key):
    with pytest.raises(ServiceError) as e:
        in_write(do_store_hero_image, upload_dir=tmp_path, filename=name, data=data)
    assert (e.value.key, e.value.field) == (key, "hero_image")
    assert not (tmp_path / "concept").exists() or not any((tmp_path / "concept").iterdir())
    assert in_read(lambda s: s.get(SiteConcept, 1)) is None


def test_new_hero_image_replaces_and_removes_the_old_file(db, tmp_path):
    with write_session() as s:
        s.add(SiteConcept(id=1, twint_url="https://pay.example/twint"))
    first = in_write(do_store_hero_image, upload_dir=tmp_path, filename="a.png", data=PNG)
    second = in_write(do_store_hero_image, upload_dir=tmp_path, filename="b.jpg", data=JPEG)
    assert first != second
    assert not (tmp_path / first).exists() and (tmp_path / second).exists()
    in_write(do_remove_hero_image, upload_dir=tmp_path)
    row = in_read(lambda s: s.get(SiteConcept, 1))
    assert row.hero_image == "" and not (tmp_path / second).exists()
    assert row.twint_url == "https://pay.example/twint"


def test_seed_creates_the_concept_once_and_keeps_the_coachs_edits(db):
    in_write(do_seed, now=NOW)
    shown = in_read(public_concept)
    assert len(shown.faq) == 3 and all(i.q and i.a for i in shown.faq)
    assert shown.pitch and shown.has_contact
    in_write(do_save_concept, form=form(title="Titre du coach"))
    assert in_write(do_seed, now=NOW)["SiteConcept"] == 0
    assert in_read(public_concept).title == "Titre du coach"
