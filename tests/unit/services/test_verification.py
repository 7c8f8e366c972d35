"""One-time codes: hashed, short-lived, single use, few tries; sent to the contact on file or kept for the coach."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlmodel import select

from afroboost.db import in_read, in_write, write_session
from afroboost.models import Contact
from afroboost.models.auth import VerificationCode
from afroboost.services.direct_send import Recipient, channel_order, mask_email, mask_phone
from afroboost.services.verification import (
    EXPIRED,
    OK,
    TOO_MANY,
    WRONG,
    do_check_code,
    do_issue_code,
    live_demo_codes,
    send_chat_code,
)
from tests.factories import NOW


def _contact(email="awa@example.ch", phone=None) -> int:
    with write_session() as s:
        row = Contact(first_name="Awa", last_name="Diallo", email=email, phone=phone)
        s.add(row)
        s.flush()
        return row.id


def _check(cid: int, code: str, now=None) -> str:
    return in_write(do_check_code, contact_id=cid, purpose="chat", code=code, now=now or NOW)


def test_only_a_keyed_hash_is_stored_and_the_right_code_works_once(db):
    cid = _contact()
    issued = in_write(do_issue_code, contact_id=cid, purpose="chat", now=NOW)
    assert len(issued.code) == 6 and issued.code.isdigit()
    row = in_read(lambda s: s.get(VerificationCode, issued.id))
    assert issued.code not in row.code_hash and len(row.code_hash) == 64 and row.demo_code is None
    assert row.expires_at - row.created_at == timedelta(minutes=10)
    assert _check(cid, f" {issued.code[:3]} {issued.code[3:]} ") == OK  # spaces typed around are fine
    assert _check(cid, issued.code) == EXPIRED  # single use


def test_wrong_tries_are_counted_and_capped(db):
    cid = _contact()
    issued = in_write(do_issue_code, contact_id=cid, purpose="chat", now=NOW)
    wrong = "000000" if issued.code != "000000" else "111111"
    assert [_check(cid, wrong) for _ in range(5)] == [WRONG] * 5  # each try committed, not rolled back
    assert _check(cid, issued.code) == TOO_MANY  # even the right code, after 5 wrong ones


def test_a_code_expires_and_a_new_one_ends_the_previous(db):
    cid = _contact()
    first = in_write(do_issue_code, contact_id=cid, purpose="chat", now=NOW)
    assert _check(cid, first.code, now=NOW + timedelta(minutes=10, seconds=1)) == EXPIRED
    old = in_write(do_issue_code, contact_id=cid, purpose="chat", now=NOW)
    new = in_write(do_issue_code, contact_id=cid, purpose="chat", now=NOW)
    if old.code != new.code:
        assert _check(cid, old.code) == WRONG
    assert _check(cid, new.code) == OK


def test_a_code_is_for_one_contact_only(db):
    awa, kofi = _contact(), _contact("kofi@example.ch")
    issued = in_write(do_issue_code, contact_id=awa, purpose="chat", now=NOW)
    assert _check(kofi, issued.code) == EXPIRED  # Kofi has no code: Awa's proves nothing about him


async def test_without_any_channel_the_code_is_logged_and_shown_to_the_coach_only(db, caplog):
    cid = _contact()
    with caplog.at_level(logging.WARNING, logger="afroboost.verification"):
        sent = await send_chat_code(contact_id=cid)
    assert sent.demo and sent.hint == "a•••@e•••.ch"
    [row] = in_read(lambda s: s.exec(select(VerificationCode)).all())
    assert row.channel == "log" and row.demo_code and row.demo_code in caplog.text
    [demo] = in_read(live_demo_codes)
    assert (demo.person, demo.code, demo.purpose) == ("Awa Diallo", row.demo_code, "Chat")
    assert demo.reach == in_read(lambda s: s.get(Contact, cid).email)  # which Awa: the coach can tell
    assert _check(cid, row.demo_code, now=None) == OK
    assert in_read(live_demo_codes) == []  # used: gone from the dashboard


def test_masks_and_channel_order():
    assert mask_email("awa.diallo@exemple.ch") == "a•••@e•••.ch"
    assert mask_phone("+41791234567") == "+41 ••• •• 67"
    both = Recipient(email="a@b.ch", phone="+41791234567")
    assert channel_order(both, "whatsapp") == ["whatsapp", "email"]
    assert channel_order(Recipient(phone="+41791234567"), "email") == ["whatsapp"]
