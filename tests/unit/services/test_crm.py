"""Contacts CRM: one row per person, counts, search, CSV export with the formula-injection guard."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from afroboost.db import in_read, write_session
from afroboost.models import ChatMessage, Contact, Conversation
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.crm import access_contacts, contacts_csv, safe_cell
from tests.factories import NOW, make_offer, make_session, person


def _contact(n: int, **kw) -> int:
    with write_session() as s:
        return do_upsert_contact(s, person=person(n, **kw)).id


def test_one_person_one_row_with_reservations_and_messages(db):
    awa = _contact(1, first_name="Awa", email="awa@example.ch")
    assert _contact(1, first_name="Awa", email="AWA@example.ch") == awa  # the same person again
    kofi = _contact(2, first_name="Kofi")
    with write_session() as s:
        s.get(Contact, kofi).created_at = NOW + timedelta(days=1)  # newest first
        cls, offer = make_session(s), make_offer(s)
        conv = Conversation(kind="group", slug="g", title="G")
        s.add(conv)
        s.flush()
        for body in ("un", "deux"):
            s.add(ChatMessage(conversation_id=conv.id, sender_kind="member", contact_id=awa, body=body))
        ids = (cls.id, offer.id)
    book(BookingRequest(session_id=ids[0], offer_id=ids[1], person=person(1, email="awa@example.ch"),
                        payment_method="twint"), now=NOW)
    rows, total = in_read(access_contacts)
    assert total == 2 and [r.id for r in rows] == [kofi, awa]
    assert (rows[1].reservations, rows[1].messages, rows[0].reservations, rows[0].messages) == (1, 2, 0, 0)
    assert rows[1].phone_display == "+41 79 100 00 01" and rows[1].phone == "+41791000001"


def test_search_and_limit(db):
    for n in range(5):
        _contact(n + 1, first_name=f"Léa{n}")
    _contact(9, first_name="Zoé", last_name="Müller", email="zoe@example.ch")
    assert [r.name for r in in_read(access_contacts, query="MÜLLER")[0]] == ["Zoé Müller"]
    assert [r.email for r in in_read(access_contacts, query="079 100 00 09")[0]] == ["zoe@example.ch"]
    rows, total = in_read(access_contacts, query="léa", limit=2)
    assert (len(rows), total) == (2, 5)
    assert in_read(access_contacts, query="personne")[1] == 0


def test_name_falls_back_to_email_then_phone():
    assert _label(Contact(email="a@b.ch")) == "a@b.ch"
    assert _label(Contact(phone="+41790000000")) == "+41790000000"
    assert _label(Contact()) == "Contact sans nom"
    assert _label(Contact(first_name="A" * 40)) == "A" * 25


def _label(c: Contact) -> str:
    from afroboost.services.chat.conversations import contact_label

    return contact_label(c)


def test_csv_has_the_expected_columns_and_neutralises_formulas(db):
    _contact(1, first_name="=HYPERLINK(\"http://evil\")", last_name="@SUM(1)", email="awa@example.ch")
    _contact(2, first_name="Kofi", last_name="-Mensah; \"le grand\"")
    rows, _ = in_read(access_contacts)
    data = contacts_csv(rows)
    assert data.startswith("\ufeff")  # Excel reads the accents
    table = list(csv.reader(io.StringIO(data.removeprefix("\ufeff")), delimiter=";"))
    assert table[0] == ["Prénom", "Nom", "Email", "Téléphone", "Créé le", "Nb réservations", "Nb messages"]
    by_email = {r[2]: r for r in table[1:]}
    evil = by_email["awa@example.ch"]
    assert evil[:2] == ["'=HYPERLINK(\"http://evil\")", "'@SUM(1)"]
    assert evil[3] == "'+41791000001" and evil[5:] == ["0", "0"]
    assert by_email["p2@example.ch"][:2] == ["Kofi", "'-Mensah; \"le grand\""]  # quoting kept the ; inside
    assert len(table) == 3


def test_safe_cell():
    assert [safe_cell(v) for v in ("=1+1", "+41", "-2", "@x", "Awa", "", 3)] == [
        "'=1+1", "'+41", "'-2", "'@x", "Awa", "", "3"]
