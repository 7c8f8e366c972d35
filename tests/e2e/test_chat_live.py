"""The chat with several browsers: the assistant, « Parler au coach », private messages, crafted events."""

from __future__ import annotations

import json
import re
import time
import uuid

from playwright.sync_api import Page, expect

from afroboost.state.chat.room import ChatRoom

REPLY = "Bonjour, ici Coach Bassi ! Le cours Afrobeat t'attend 💪"


def _new(browser) -> Page:
    page = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    page.set_default_timeout(15_000)
    return page


def _join(page: Page, app_url: str, name: str, room: str | None = "Communauté") -> None:
    page.goto(app_url + "/chat")
    page.get_by_test_id("chat-first-name").fill(name)
    page.get_by_test_id("chat-contact").fill(f"{name.lower()}.{uuid.uuid4().hex[:6]}@exemple.ch")
    page.get_by_test_id("chat-start").click()
    expect(page.get_by_test_id("chat-me")).to_contain_text(name)
    expect(page.get_by_test_id("chat-room-title")).to_have_text("Coach Bassi")  # own conversation first
    if room:
        page.get_by_test_id("chat-room").filter(has_text=room).click()
        expect(page.get_by_test_id("chat-room-title")).to_contain_text(room)


def _send(page: Page, text: str, testid: str = "chat") -> None:
    page.get_by_test_id(f"{testid}-input").fill(text)
    page.get_by_test_id(f"{testid}-send").click()


def test_assistant_answers_from_live_data_until_the_coach_is_asked(browser, app_url: str, fake_ai):
    ines = _new(browser)
    _join(ines, app_url, "Inès", room=None)
    expect(ines.get_by_test_id("chat-status")).to_contain_text("Assistant IA")
    before = len(fake_ai.requests)
    _send(ines, "Quels cours cette semaine ?")
    answer = ines.get_by_test_id("chat-message").filter(has_text=REPLY)
    expect(answer).to_contain_text("🤖 Assistant")
    assert len(fake_ai.requests) == before + 1
    sent = fake_ai.requests[-1]
    system = sent["messages"][0]["content"]
    assert re.search(r"\d+ places? restantes?|complet", system)  # live spots
    assert "CHF" in system
    everything = json.dumps(sent, ensure_ascii=False)
    for code in ("BIENVENUE", "AMIS10", "NOEL2025", "DEJAPRIS", "ESSAI"):
        assert code not in everything  # promo codes never reach the model
    assert sent["messages"][-1] == {"role": "user", "content": "Quels cours cette semaine ?"}

    # Stored, not just streamed: it is still there after a reload.
    ines.reload()
    expect(ines.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(1)

    # « Parler au coach »: the assistant stays silent from now on.
    ines.get_by_test_id("chat-ask-coach").click()
    expect(ines.get_by_test_id("chat-status")).to_contain_text("En attente du coach")
    expect(ines.get_by_test_id("chat-message").filter(has_text="Le coach est prévenu")).to_be_visible()
    expect(ines.get_by_test_id("chat-ask-coach")).to_have_count(0)
    asked = len(fake_ai.requests)
    _send(ines, "Coach, tu es là ?")
    expect(ines.get_by_test_id("chat-message").filter(has_text="Coach, tu es là ?")).to_be_visible()
    time.sleep(1.5)
    assert len(fake_ai.requests) == asked
    expect(ines.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(1)
    ines.context.close()


def _crafting(page: Page) -> dict:
    """Relay the page's websocket through Playwright, keeping the last frame it sent (to forge one)."""
    relay: dict = {}

    def handler(ws):
        server = ws.connect_to_server()
        relay["server"] = server

        def from_page(message):
            if isinstance(message, str) and '"event"' in message:
                relay["last"] = message
            server.send(message)

        ws.on_message(from_page)
        server.on_message(lambda message: ws.send(message))

    page.route_web_socket(re.compile(r".*/_event.*"), handler)
    return relay


def _forge(relay: dict, name: str, payload: dict) -> None:
    frame = relay["last"]
    prefix, body = frame[: frame.index("[")], json.loads(frame[frame.index("["):])
    body[1]["name"], body[1]["payload"] = name, payload
    relay["server"].send(prefix + json.dumps(body))


def test_a_crafted_event_cannot_join_a_group_one_is_not_in(browser, app_url: str):
    vip = _new(browser)
    _join(vip, app_url, "Vip")
    vip_id = _add_to_vip("Vip")
    vip.reload()
    vip.get_by_test_id("chat-room").filter(has_text="VIP").click()
    expect(vip.get_by_test_id("chat-room-title")).to_have_text("VIP")

    intruder = _new(browser)
    relay = _crafting(intruder)
    _join(intruder, app_url, "Intrus")
    expect(intruder.get_by_test_id("chat-room").filter(has_text="VIP")).to_have_count(0)
    _forge(relay, ChatRoom.get_full_name() + ".open", {"conversation_id": vip_id})
    expect(intruder.get_by_text("Tu ne fais pas partie de cette conversation.")).to_be_visible()
    expect(intruder.get_by_test_id("chat-room-title")).to_contain_text("Communauté")  # still where it was

    secret = f"code vip {uuid.uuid4().hex[:6]}"
    _send(vip, secret)
    expect(vip.get_by_test_id("chat-message").filter(has_text=secret)).to_be_visible()
    time.sleep(1.0)
    expect(intruder.get_by_text(secret)).to_have_count(0)  # nothing said in VIP ever reaches it
    vip.context.close()
    intruder.context.close()


def _add_to_vip(first_name: str) -> int:
    """The coach put this person in the VIP group (what the Conversations tab does)."""
    from sqlmodel import select

    from afroboost.models import Contact, Conversation
    from afroboost.services.chat.messages import do_join_group
    from tests.e2e.conftest import e2e_session

    with e2e_session() as s:
        contact = s.exec(select(Contact).where(Contact.first_name == first_name)).one()
        do_join_group(s, contact_id=contact.id, slug="vip")
        s.commit()
        return s.exec(select(Conversation).where(Conversation.slug == "vip")).one().id


def test_a_private_message_reaches_only_its_recipient(browser, app_url: str):
    awa, kofi, lea = _new(browser), _new(browser), _new(browser)
    for page, name in ((awa, "Awa"), (kofi, "Kofi"), (lea, "Léa")):
        _join(page, app_url, name)
    hello = f"Salut la team {uuid.uuid4().hex[:4]}"
    _send(kofi, hello)
    from_kofi = awa.get_by_test_id("chat-message").filter(has_text=hello)
    from_kofi.get_by_test_id("chat-sender").click()  # a name in the group opens a private window
    expect(awa.get_by_test_id("chat-dm-title")).to_contain_text("Kofi")
    expect(awa.get_by_test_id("chat-room-title")).to_have_text("Communauté Afroboost")  # the group stays open

    secret = f"Rendez-vous privé {uuid.uuid4().hex[:6]}"
    _send(awa, secret, testid="chat-dm")
    expect(awa.get_by_test_id("chat-dm-messages")).to_contain_text(secret)
    # Kofi gets an unread badge without reloading, then reads it in his own floating window.
    thread = kofi.get_by_test_id("chat-dm-thread").filter(has_text="Awa")
    expect(thread.get_by_test_id("chat-dm-unread")).to_have_text("1")
    thread.click()
    expect(kofi.get_by_test_id("chat-dm-messages")).to_contain_text(secret)
    expect(thread.get_by_test_id("chat-dm-unread")).to_have_count(0)
    reply = f"Ok ça marche {uuid.uuid4().hex[:4]}"
    _send(kofi, reply, testid="chat-dm")
    expect(awa.get_by_test_id("chat-dm-messages")).to_contain_text(reply)  # live both ways
    # Léa, in the same group, sees none of it.
    expect(lea.get_by_test_id("chat-message").filter(has_text=hello)).to_be_visible()
    time.sleep(1.0)
    assert secret not in lea.content() and reply not in lea.content()
    expect(lea.get_by_test_id("chat-dm-thread")).to_have_count(0)
    for page in (awa, kofi, lea):
        page.context.close()


def test_the_widget_follows_the_visitor_on_every_public_page(phone: Page, app_url: str):
    phone.goto(app_url + "/articles")
    phone.get_by_test_id("chat-widget-button").click()
    phone.get_by_test_id("chat-first-name").fill("Maé")
    phone.get_by_test_id("chat-contact").fill("bad-contact")
    phone.get_by_test_id("chat-start").click()
    expect(phone.get_by_test_id("chat-error-contact")).to_be_visible()
    expect(phone.get_by_test_id("chat-first-name")).to_have_value("Maé")  # what was typed stays
    phone.get_by_test_id("chat-contact").fill(f"mae.{uuid.uuid4().hex[:6]}@exemple.ch")
    phone.get_by_test_id("chat-start").click()
    expect(phone.get_by_test_id("chat-room-title")).to_have_text("Coach Bassi")
    box = phone.get_by_test_id("chat-widget").bounding_box()
    assert box and box["width"] >= 370 and box["x"] <= 1  # the whole phone screen
    phone.get_by_test_id("chat-widget-close").click()
    phone.goto(app_url + "/reserver")
    phone.get_by_test_id("chat-widget-button").click()
    expect(phone.get_by_test_id("chat-me")).to_contain_text("Maé")  # known on the next page: no form
    expect(phone.get_by_test_id("chat-identify")).to_have_count(0)


def test_typing_indicator_and_a_ping_on_another_page(browser, app_url: str):
    awa, kofi = _new(browser), _new(browser)
    _join(awa, app_url, "Awa")
    _join(kofi, app_url, "Kofi")
    kofi.get_by_test_id("chat-input").press_sequentially("ça va", delay=60)
    expect(awa.get_by_test_id("chat-typing")).to_have_text("Kofi écrit…")
    expect(kofi.get_by_test_id("chat-typing")).to_have_count(0)  # not shown to oneself
    expect(awa.get_by_test_id("chat-typing")).to_have_count(0, timeout=6_000)  # gone after 3 s idle

    hello = f"Coucou {uuid.uuid4().hex[:4]}"
    _send(kofi, hello)
    awa.get_by_test_id("chat-message").filter(has_text=hello).get_by_test_id("chat-sender").click()
    # Kofi is now on another page, chat closed: a private message rings there (badge + toast).
    kofi.goto(app_url + "/articles")
    expect(kofi.get_by_test_id("chat-widget-button")).to_be_visible()
    kofi.wait_for_timeout(1_000)  # the widget restores the identity and connects the inbox
    secret = f"Tu viens ce soir ? {uuid.uuid4().hex[:4]}"
    _send(awa, secret, testid="chat-dm")
    expect(kofi.get_by_test_id("chat-widget-unread")).to_have_text("1")
    expect(kofi.get_by_test_id("chat-toast")).to_contain_text(secret[:15])
    awa.context.close()
    kofi.context.close()


def test_coach_only_widget_actions_are_refused_to_a_participant(browser, app_url: str):
    page = _new(browser)
    relay = _crafting(page)
    _join(page, app_url, "Malin")
    kept = f"Je reste là {uuid.uuid4().hex[:4]}"
    _send(page, kept)
    expect(page.get_by_test_id("chat-clear-history")).to_have_count(0)  # not even shown
    _forge(relay, ChatRoom.get_full_name() + ".clear_history", {})
    expect(page.get_by_text("Réservé au coach.")).to_be_visible()
    page.reload()
    page.get_by_test_id("chat-room").filter(has_text="Communauté").click()
    expect(page.get_by_test_id("chat-message").filter(has_text=kept)).to_be_visible()  # nothing deleted
    page.context.close()


def test_a_chat_link_opens_its_own_strict_conversation(phone: Page, app_url: str, fake_ai):
    from afroboost.models import ChatLink
    from tests.e2e.conftest import e2e_session

    token = f"lionnes-{uuid.uuid4().hex[:8]}"
    with e2e_session() as s:  # what the coach's « Liens de chat » creates
        s.add(ChatLink(token=token, title="Les Lionnes", custom_prompt="Tu parles du stage Lionnes."))
        s.commit()
    phone.goto(f"{app_url}/chat/l/{token}")
    phone.get_by_test_id("chat-first-name").fill("Nala")
    phone.get_by_test_id("chat-contact").fill(f"nala.{uuid.uuid4().hex[:6]}@exemple.ch")
    phone.get_by_test_id("chat-start").click()
    expect(phone.get_by_test_id("chat-room-title")).to_have_text("Les Lionnes")
    _send(phone, "C'est combien le stage ?")
    expect(phone.get_by_test_id("chat-message").filter(has_text=REPLY)).to_be_visible()
    sent = json.dumps(fake_ai.requests[-1], ensure_ascii=False)
    assert "Tu parles du stage Lionnes." in sent
    for leak in ("CHF", "places restantes", "Afroboost Express", "BIENVENUE"):
        assert leak not in sent  # STRICT: no sales data reaches the model
    assert [m["role"] for m in fake_ai.requests[-1]["messages"]] == ["system", "user"]  # and no history
    phone.goto(f"{app_url}/chat/l/inconnu-{uuid.uuid4().hex[:6]}")
    expect(phone.get_by_test_id("chat-link-error")).to_contain_text("n'existe pas")
