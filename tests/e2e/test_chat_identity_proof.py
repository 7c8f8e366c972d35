"""Issue 11, items 3 and 4, spoken as an anonymous script and driven in a browser.

A stranger who types someone's email gets a code form, not that person: no name, no id,
none of their messages. Only the code sent to the contact (here, with no channel configured,
the one the coach's dashboard shows) makes the tab that person. A brand-new identity is
unverified and reads no history it did not write. A booking error never shows a code.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import timedelta

import sqlalchemy as sa
from itsdangerous import URLSafeSerializer
from playwright.sync_api import Page, expect
from sqlmodel import select

from afroboost.db import utc_now
from afroboost.models import Contact
from afroboost.models.auth import VerificationCode
from afroboost.services.chat.handoff import do_post_as_coach
from afroboost.services.chat.messages import do_join_chat, do_post_message, rooms_for
from afroboost.services.chat.private import do_open_private
from afroboost.settings import get_secret_key
from tests.e2e.conftest import e2e_session
from tests.wsclient import WsScript

CODE = re.compile(r"AFR-(?!XXXXXX)[A-Z2-9]{6}")  # a reservation code (the lookup field's placeholder is AFR-XXXXXX)


def _person(first: str, last: str = "") -> tuple[int, str]:
    email = f"{first.lower()}.{uuid.uuid4().hex[:8]}@exemple.ch"
    with e2e_session() as s:
        row = Contact(first_name=first, last_name=last, email=email)
        s.add(row)
        s.commit()
        do_join_chat(s, contact_id=row.id)
        s.commit()
        return row.id, email


def _victim_with_history() -> tuple[int, str, str, str]:
    """A contact with a private message and a coach's answer to it, written to it days ago."""
    victim, email = _person("Victoire", "Sécrétan")
    friend, _ = _person("Ami")
    secret_dm, secret_ai = f"code wifi {uuid.uuid4().hex[:8]}", f"mon adresse {uuid.uuid4().hex[:8]}"
    past = utc_now() - timedelta(days=2)
    with e2e_session() as s:
        dm = do_open_private(s, contact_id=friend, other_id=victim)
        do_post_message(s, contact_id=friend, conversation_id=dm.id, body=secret_dm, now=past)
        own = rooms_for(s, contact_id=victim)[0]  # the coach's answer in the person's assistant conversation
        do_post_as_coach(s, conversation_id=own.id, body=secret_ai, now=past)
        s.commit()
    return victim, email, secret_dm, secret_ai


def _live_code(contact_id: int) -> VerificationCode:
    with e2e_session() as s:
        return s.exec(select(VerificationCode).where(VerificationCode.contact_id == contact_id)
                      .where(VerificationCode.used_at.is_(None)).order_by(VerificationCode.id.desc())).first()


def _claim(ws: WsScript, email: str, first: str = "Mallory") -> None:
    ws.emit("chat_identity.set_first_name", value=first)
    ws.emit("chat_identity.set_contact", value=email)
    ws.emit("chat_identity.identify")
    ws.wait_for(lambda: ws.var("chat_code", "pending") is True, what="the code form")


def _try(ws: WsScript, code: str, expect_err: str) -> None:
    ws.emit("chat_code.set_code", value=code)
    ws.emit("chat_code.verify")
    ws.wait_for(lambda: expect_err in (ws.var("chat_code", "err_code") or ""), what=f"« {expect_err} »")


def test_claiming_an_existing_email_gives_a_code_form_and_nothing_of_that_person(app_url: str):
    victim, email, secret_dm, secret_ai = _victim_with_history()
    with WsScript(app_url) as ws:
        assert ws.connect()
        _claim(ws, email)
        assert ws.var("chat_code", "hint").startswith("Un code t'a été envoyé à v•••@e•••.ch")
        ws.emit("private_room.open_thread", conversation_id=1)  # crafted: no identity, nothing opens
        ws.emit("inbox.connect")
        ws.settle(1.5)
        seen = ws.text()
        assert secret_dm not in seen and secret_ai not in seen and "Victoire" not in seen and "Sécrétan" not in seen
        assert not ws.var("chat_identity", "name") and not ws.var("chat_identity", "own_contact")

        code = _live_code(victim)
        assert code.demo_code and code.channel == "log"  # no channel here: the coach's dashboard has it
        wrong = "000000" if code.demo_code != "000000" else "111111"
        _try(ws, wrong, "pas le bon")
        with e2e_session() as s:  # the same code, once expired, is refused
            s.execute(sa.update(VerificationCode).where(VerificationCode.id == code.id)
                      .values(expires_at=utc_now() - timedelta(seconds=1)))
            s.commit()
        _try(ws, code.demo_code, "plus valable")
        assert not ws.var("chat_identity", "name")

        ws.emit("chat_code.resend")  # a new code; the old one is over
        ws.wait_for(lambda: _live_code(victim) is not None and _live_code(victim).id != code.id, what="new code")
        fresh = _live_code(victim).demo_code
        ws.emit("chat_code.set_code", value=fresh)
        ws.emit("chat_code.verify")
        ws.wait_for(lambda: ws.var("chat_identity", "name") == "Victoire S.", what="the proven identity")
        assert ws.var("chat_identity", "verified") is True
        ws.wait_for(lambda: secret_ai in ws.text(), what="the person's own history, now proven")

    with WsScript(app_url) as other:  # the used code proves nothing to anyone else
        assert other.connect()
        _claim(other, email, first="Eve")
        _try(other, fresh, "pas le bon")
        other.settle(1.0)
        assert secret_dm not in other.text() and secret_ai not in other.text()


def test_unverified_identities_see_no_history_they_did_not_write(app_url: str):
    victim, _email, secret_dm, secret_ai = _victim_with_history()
    elder, _ = _person("Ancienne")
    with e2e_session() as s:  # something said in the community group before anyone below arrived
        community = next(r for r in rooms_for(s, contact_id=victim) if r.kind == "group").id
        old_group = f"ancien message {uuid.uuid4().hex[:8]}"
        do_post_message(s, contact_id=elder, conversation_id=community, body=old_group,
                        now=utc_now() - timedelta(hours=1))
        s.commit()

    # A brand-new contact chats at once, but the group's past is not shown to it.
    with WsScript(app_url) as newcomer:
        assert newcomer.connect()
        newcomer.emit("chat_identity.set_first_name", value="Nouvelle")
        newcomer.emit("chat_identity.set_contact", value=f"nouvelle.{uuid.uuid4().hex[:8]}@exemple.ch")
        newcomer.emit("chat_identity.identify")
        newcomer.wait_for(lambda: newcomer.var("chat_identity", "name") == "Nouvelle", what="new identity")
        assert newcomer.var("chat_identity", "verified") is False
        newcomer.emit("chat_room.open", conversation_id=community)
        newcomer.wait_for(lambda: newcomer.var("chat_room", "conversation_id") == community, what="the group")

        # A token from before codes existed (only a contact id, signed) counts as unverified.
        legacy = URLSafeSerializer(get_secret_key(), salt="afroboost.chat-identity").dumps({"c": victim})
        with WsScript(app_url) as old_tab:
            assert old_tab.connect()
            old_tab.emit(f"{old_tab.root}.reflex___state____update_vars_internal_state.update_vars_internal",
                         vars={f"{old_tab.state('chat_identity')}.token": legacy})
            old_tab.emit("chat_identity.restore")
            old_tab.wait_for(lambda: old_tab.var("chat_identity", "name") == "Victoire S.", what="restored")
            assert old_tab.var("chat_identity", "verified") is False
            old_tab.emit("chat_room.open", conversation_id=community)
            old_tab.settle(2.0)
            seen = old_tab.text()
            for secret in (secret_dm, secret_ai, old_group):
                i = seen.find(secret)
                assert i < 0, seen[max(0, i - 1200):i + 100]

            # What is said from now on reaches both, live.
            later = f"nouveau message {uuid.uuid4().hex[:8]}"
            newcomer.emit("chat_room.send", form={"body": later})
            old_tab.wait_for(lambda: later in old_tab.text(), what="a new message, live")
            seen = newcomer.text()
            assert old_group not in seen and secret_dm not in seen and secret_ai not in seen
        time.sleep(0.2)


def _frames(page: Page) -> list[str]:
    """Every websocket frame the page receives (what the server sent back, in full)."""
    got: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: got.append(str(payload))))
    return got


def _book(page: Page, app_url: str, email: str, phone_number: str, url: str = "") -> str:
    """Book a single class of the first open « Afroboost Silent » session (or the session at `url`)."""
    if url:
        page.goto(url)
    else:
        page.goto(app_url + "/")
        card = page.get_by_test_id("course-card").filter(has_text="Afroboost Silent")
        row = card.get_by_test_id("session-row").filter(has_text="places restantes").first
        row.get_by_test_id("book-session").click()
    expect(page.get_by_test_id("chosen-session")).to_be_visible()
    chosen = page.url
    page.get_by_test_id("offer-choice").filter(has_text="Cours à l'unité").click()
    for field, value in (("first_name", "Awa"), ("last_name", "Diallo"), ("email", email), ("phone", phone_number)):
        page.get_by_test_id(f"input-{field}").fill(value)
    page.get_by_test_id("submit-info").click()
    pay = page.get_by_test_id("pay-twint")
    refused = page.get_by_text("Tu as déjà une réservation pour cette séance")
    expect(pay.or_(refused).first).to_be_visible()
    if pay.is_visible():
        pay.click()
    return chosen


def test_booking_with_someone_elses_email_shows_no_code_and_forgot_code_sends_it_on_file(browser, app_url: str):
    email = f"reservee.{uuid.uuid4().hex[:8]}@exemple.ch"
    owner = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    url = _book(owner, app_url, email, f"079 {uuid.uuid4().int % 900 + 100} 45 67")
    code = owner.get_by_test_id("reservation-code").inner_text()
    assert code.startswith("AFR-")

    stranger = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    frames = _frames(stranger)
    _book(stranger, app_url, email.upper(), f"078 {uuid.uuid4().int % 900 + 100} 11 22", url=url)
    expect(stranger.get_by_text("Tu as déjà une réservation pour cette séance")).to_be_visible()
    expect(stranger.get_by_text("Code oublié ?", exact=False).first).to_be_visible()
    assert not CODE.search(stranger.content()) and not any(CODE.search(f) for f in frames)

    # « Code oublié ? »: the same answer for the owner's email and for nobody's; the code never on screen.
    stranger.goto(app_url + "/ma-reservation")
    stranger.get_by_test_id("lookup-forgot").click()
    for typed in (email, f"personne.{uuid.uuid4().hex[:6]}@exemple.ch"):
        stranger.get_by_test_id("lookup-forgot-contact").fill(typed)
        stranger.get_by_test_id("lookup-forgot-send").click()
        expect(stranger.get_by_test_id("lookup-forgot-done")).to_contain_text("Si une réservation à venir correspond")
    assert not CODE.search(stranger.content()) and not any(CODE.search(f) for f in frames)
    # No channel on this server: the code went to the log and to the coach's dashboard, not to the page.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _live_lookup_codes(email) == []:
        time.sleep(0.2)
    assert _live_lookup_codes(email) == [code]
    owner.context.close()
    stranger.context.close()


def _live_lookup_codes(email: str) -> list[str]:
    with e2e_session() as s:
        rows = s.exec(select(VerificationCode.demo_code).join(Contact, Contact.id == VerificationCode.contact_id)
                      .where(Contact.email == email).where(VerificationCode.purpose == "lookup")).all()
    return list(rows)


def test_the_chat_widget_asks_for_the_code_of_a_known_email(phone: Page, app_url: str):
    victim, email, _secret_dm, secret_ai = _victim_with_history()
    phone.goto(app_url + "/articles")
    phone.get_by_test_id("chat-widget-button").click()
    phone.get_by_test_id("chat-first-name").fill("Victoire")
    phone.get_by_test_id("chat-contact").fill(email)
    phone.get_by_test_id("chat-start").click()
    expect(phone.get_by_test_id("chat-code-hint")).to_have_text("Un code t'a été envoyé à v•••@e•••.ch.")
    expect(phone.get_by_test_id("chat-code-demo")).to_be_visible()
    expect(phone.get_by_test_id("chat-me")).to_have_count(0)
    phone.get_by_test_id("chat-code").fill("12345")
    phone.get_by_test_id("chat-code-submit").click()
    expect(phone.get_by_test_id("chat-error-code")).to_contain_text("pas le bon")
    expect(phone.get_by_test_id("chat-code")).to_have_value("12345")  # what was typed stays
    phone.get_by_test_id("chat-code-resend").click()
    expect(phone.get_by_test_id("chat-code-note")).to_contain_text("nouveau code")
    phone.get_by_test_id("chat-code").fill(_live_code(victim).demo_code)
    phone.get_by_test_id("chat-code-submit").click()
    expect(phone.get_by_test_id("chat-me")).to_contain_text("Victoire")
    expect(phone.get_by_test_id("chat-unverified")).to_have_count(0)
    expect(phone.get_by_test_id("chat-message").filter(has_text=secret_ai)).to_have_count(1)  # proven: own history
    phone.reload()  # the proven identity is kept in this browser (the panel stays open in this tab)
    expect(phone.get_by_test_id("chat-me")).to_contain_text("Victoire")
    expect(phone.get_by_test_id("chat-message").filter(has_text=secret_ai)).to_have_count(1)
