"""The coach's 📢 Campagnes tab, end to end: compose with search + basket + « + Tous », send now to
an open participant chat, history counts, delivery table, relaunch of the failed ones only,
a scheduled date with its « ⏳ Auto » badge, edit and delete.

The e2e server has no Resend credentials: email is « non configuré » and its deliveries fail
with that reason — the failing channel the relaunch is checked against. Each test names its
people and groups with a fresh tag so the shared e2e database never mixes them up.
"""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from playwright.sync_api import Page, expect
from sqlmodel import select

from afroboost import texts
from afroboost.db import read_session, utc_now, write_session
from afroboost.models import Campaign, ChatMessage, Contact, Delivery
from afroboost.services.catalog.listing import local_tz
from afroboost.services.chat.groups import do_add_member, do_create_group
from tests.e2e.test_chat_live import _join, _new
from tests.e2e.test_coach_conversations import _shot  # kept when AFRO_SHOTS_DIR is set
from tests.e2e.test_coach_journey import coach_sign_in


def _tab(page: Page, app_url: str) -> None:
    coach_sign_in(page, app_url)
    page.get_by_test_id("tab-bar").get_by_test_id("tab-campagnes").click()
    expect(page.get_by_test_id("panel-campagnes")).to_be_visible()
    expect(page.get_by_test_id("recipient-count")).to_contain_text("groupes •")  # the list arrived


def _contact_id(db_url: str, first_name: str) -> int:
    with read_session(db_url) as s:
        return s.exec(select(Contact.id).where(Contact.first_name == first_name)).one()


def _group(db_url: str, title: str, members: list[int]) -> int:
    with write_session(db_url) as s:
        gid = do_create_group(s, title=title).id
        for cid in members:
            do_add_member(s, group_id=gid, contact_id=cid)
        return gid


def _rows(db_url: str, name: str) -> list[Delivery]:
    with read_session(db_url) as s:
        cid = s.exec(select(Campaign.id).where(Campaign.name == name)).one()
        return s.exec(select(Delivery).where(Delivery.campaign_id == cid).order_by(Delivery.id)).all()


def _pick(page: Page, query: str, label: str) -> None:
    page.get_by_test_id("recipient-search").fill(query)
    page.get_by_test_id("recipient-option").filter(has_text=label).first.click()


def test_compose_send_now_history_and_relaunch_only_the_failed(browser, desktop: Page, app_url: str,
                                                               e2e_db_url: str):
    tag = uuid.uuid4().hex[:6]
    participant, other = _new(browser), _new(browser)
    try:
        _compose_and_relaunch(desktop, participant, other, app_url, e2e_db_url, tag)
    finally:
        participant.context.close()
        other.context.close()


def _compose_and_relaunch(page: Page, participant: Page, other: Page, app_url: str, e2e_db_url: str,
                          tag: str) -> None:
    zoe, lina, name = f"Zoé{tag}", f"Lina{tag}", f"Stage {tag}"
    body = f"Salut {{prénom}} ! Stage afrobeat {tag} samedi 💪"
    _join(participant, app_url, zoe, room=None)  # her own conversation with Coach Bassi, open
    _join(other, app_url, lina, room=None)
    zoe_id, lina_id = _contact_id(e2e_db_url, zoe), _contact_id(e2e_db_url, lina)
    gid = _group(e2e_db_url, f"Les Lionnes {tag}", [zoe_id, lina_id])

    _tab(page, app_url)
    expect(page.get_by_test_id("recipient-search")).to_be_focused()
    create = page.get_by_test_id("campaign-create")
    expect(create).to_be_disabled()
    page.get_by_test_id("input-campaign-name").fill(name)

    # 2–3. « LION » finds the group (any case); « + Tous » never adds someone twice.
    _pick(page, "LION", f"Les Lionnes {tag}")
    expect(page.get_by_test_id("recipient-count")).to_have_text(re.compile(r"^\d+ groupes • \d+ utilisateurs$"))
    expect(page.get_by_test_id(f"basket-tag-group-{gid}")).to_contain_text(f"Les Lionnes {tag}")
    _pick(page, zoe.lower(), zoe)
    expect(page.get_by_test_id(f"basket-tag-user-{zoe_id}")).to_contain_text(zoe)
    page.get_by_test_id("recipient-add-all").click()  # the search « zoé… » matches only her: all in already
    expect(page.get_by_text(texts.CAMP_ALL_IN)).to_be_visible()
    page.get_by_test_id("recipient-search").fill(tag)
    expect(page.get_by_test_id("recipient-add-all")).to_have_text("+ Tous (3)")
    page.get_by_test_id("recipient-add-all").click()  # the group, Zoé (in) and Lina (new)
    expect(page.get_by_text("1 destinataire(s) ajouté(s) au panier.")).to_be_visible()
    expect(page.locator(".basket-tag")).to_have_count(3)
    page.get_by_test_id(f"basket-remove-user-{lina_id}").click()
    expect(page.locator(".basket-tag")).to_have_count(2)
    # Zoé is in the group and picked directly: two persons (Zoé, Lina through the group).
    expect(page.get_by_test_id("campaign-recap")).to_have_text("✅ Prêt à envoyer à 2 destinataire(s) (1 👥, 1 👤)")
    expect(create).to_have_text(texts.CAMP_NEED_MESSAGE)

    # 4. message and live preview; 6. email on (not configured here).
    page.get_by_test_id("input-campaign-body").fill(body)
    expect(page.get_by_test_id("campaign-preview-person")).to_have_text(body.replace("{prénom}", zoe))
    expect(page.get_by_test_id("campaign-preview-group")).to_have_text(body.replace("{prénom}", "Communauté"))
    expect(page.get_by_test_id("switch-channel-email")).not_to_be_visible()  # the accordion starts closed
    page.get_by_text(texts.CAMP_ADVANCED).click()
    expect(page.get_by_test_id("channel-email-not-configured")).to_have_text("non configuré")
    expect(page.get_by_test_id("switch-channel-internal")).to_have_attribute("aria-checked", "true")
    page.get_by_test_id("switch-channel-email").click()
    expect(page.get_by_test_id("campaign-planned")).to_contain_text("maintenant")
    expect(create).to_have_text("🚀 Créer (2 dest.)")
    _shot(page, "composer-1280", full_page=True)
    create.click()
    expect(page.get_by_text(f"🚀 Campagne « {name} » lancée.")).to_be_visible()
    expect(page.get_by_test_id("input-campaign-name")).to_have_value("")

    # The message arrives live in Zoé's open chat, from « 💪 Coach Bassi », personalised.
    arrived = participant.get_by_test_id("chat-message").filter(has_text=f"Stage afrobeat {tag}")
    expect(arrived).to_have_count(1, timeout=20_000)
    expect(arrived).to_contain_text(f"Salut {zoe} !")
    expect(arrived).to_contain_text("💪 Coach Bassi")
    _shot(participant, "participant-chat-375")

    # History: 2 chat messages sent, 2 emails failed « non configuré ».
    row = page.get_by_test_id("campaign-row").filter(has_text=name)
    counts = row.get_by_test_id("campaign-counts")
    expect(counts).to_have_attribute("data-failed", "2", timeout=20_000)
    expect(counts).to_have_attribute("data-sent", "2")
    expect(row.get_by_test_id("campaign-status")).to_have_text("Terminée")
    row.get_by_test_id("campaign-details").click()
    failed = row.get_by_test_id("delivery-row").filter(has_text="Email")
    expect(failed).to_have_count(2)
    expect(failed.first.get_by_test_id("delivery-status")).to_have_text("Échec")
    expect(failed.first).to_contain_text("non configuré")
    page.get_by_test_id("campaign-errors-toggle").click()
    expect(page.get_by_test_id("error-row").filter(has_text=name)).to_have_count(2)
    _shot(page.get_by_test_id("campaign-history-card"), "history-1280")

    # « 🔄 Relancer »: only the two failed emails go again; nobody gets a second chat message.
    before = {d.id: d for d in _rows(e2e_db_url, name)}
    row.get_by_test_id("campaign-relaunch").click()
    expect(page.get_by_text("🔄 2 envoi(s) relancé(s).")).to_be_visible()
    expect(counts).to_have_attribute("data-queued", "0", timeout=20_000)
    expect(counts).to_have_attribute("data-failed", "2")
    after = _rows(e2e_db_url, name)
    for d in after:
        if d.channel == "internal":
            assert (d.status, d.updated_at, d.provider_id) == ("sent", before[d.id].updated_at,
                                                               before[d.id].provider_id)
        else:
            assert d.status == "failed" and d.updated_at > before[d.id].updated_at and d.error_message
    with read_session(e2e_db_url) as s:
        copies = s.exec(select(ChatMessage).where(ChatMessage.body.contains(f"Stage afrobeat {tag}"))).all()
    assert len(copies) == 2 and all(m.sender_name == "💪 Coach Bassi" for m in copies)
    expect(arrived).to_have_count(1)


def test_schedule_a_date_edit_it_then_delete(desktop: Page, app_url: str, e2e_db_url: str):
    tag = uuid.uuid4().hex[:6]
    gid = _group(e2e_db_url, f"Les Lionnes {tag}", [])
    name = f"Plus tard {tag}"
    page = desktop
    _tab(page, app_url)
    page.get_by_test_id("input-campaign-name").fill(name)
    _pick(page, f"lionnes {tag}", f"Les Lionnes {tag}")
    page.get_by_test_id("input-campaign-body").fill("Rendez-vous au parc {prénom} !")
    page.get_by_text(texts.CAMP_ADVANCED).click()
    page.get_by_test_id("switch-channel-group").click()  # the group's room: one message there
    page.get_by_test_id("campaign-when-later").click()
    page.get_by_test_id("campaign-create").click()
    expect(page.get_by_test_id("error-campaign-slot")).to_have_text(texts.err("campaign_slot_required"))
    page.get_by_test_id("input-campaign-slot").fill("2020-01-01T10:00")
    page.get_by_test_id("campaign-slot-add").click()
    expect(page.get_by_test_id("error-campaign-slot")).to_have_text(texts.err("campaign_slot_past"))
    due = (utc_now() + timedelta(days=3)).astimezone(local_tz()).replace(hour=18, minute=30)
    page.get_by_test_id("input-campaign-slot").fill(due.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_test_id("campaign-slot-add").click()
    expect(page.get_by_test_id("campaign-slot")).to_contain_text("à 18h30")
    expect(page.get_by_test_id("campaign-planned")).to_contain_text("18h30")
    page.get_by_test_id("campaign-create").click()
    expect(page.get_by_text(f"⏰ Campagne « {name} » programmée.")).to_be_visible()

    row = page.get_by_test_id("campaign-row").filter(has_text=name)
    expect(row.get_by_test_id("campaign-auto")).to_have_text(texts.CAMP_AUTO)
    expect(row.get_by_test_id("campaign-status")).to_have_text("Programmée")
    expect(row.get_by_test_id("campaign-launch")).to_have_count(0)
    expect(row.get_by_test_id("campaign-next")).to_contain_text("18h30")
    with read_session(e2e_db_url) as s:
        camp = s.exec(select(Campaign).where(Campaign.name == name)).one()
    assert camp.status == "scheduled" and camp.channels["group"] is True

    page.get_by_test_id("campaign-filter-individuals").click()
    expect(page.get_by_test_id("campaign-row").filter(has_text=name)).to_have_count(0)
    page.get_by_test_id("campaign-filter-groups").click()
    expect(row).to_be_visible()

    row.get_by_test_id("campaign-edit").click()  # the form and the basket come back
    expect(page.get_by_test_id("campaign-composer")).to_contain_text(texts.CAMP_EDIT_TITLE)
    expect(page.get_by_test_id("input-campaign-name")).to_have_value(name)
    expect(page.get_by_test_id(f"basket-tag-group-{gid}")).to_be_visible()
    expect(page.get_by_test_id("campaign-slot")).to_contain_text("à 18h30")
    expect(page.get_by_test_id("campaign-create")).to_have_text(texts.CAMP_SAVE_EDIT)
    page.get_by_test_id("campaign-cancel-edit").click()
    expect(page.get_by_test_id("campaign-composer")).to_contain_text(texts.CAMP_NEW)
    expect(page.get_by_test_id("input-campaign-name")).to_have_value("")

    row.get_by_test_id("campaign-delete").click()
    row.get_by_test_id("campaign-delete-keep").click()
    expect(row).to_be_visible()
    row.get_by_test_id("campaign-delete").click()
    row.get_by_test_id("campaign-delete-confirm").click()
    expect(page.get_by_text(texts.CAMP_DELETED)).to_be_visible()
    expect(page.get_by_test_id("campaign-row").filter(has_text=name)).to_have_count(0)


OVERFLOW = """(() => {
  const box = document.querySelector('[data-testid=campaign-composer]').getBoundingClientRect();
  return [...document.querySelectorAll('[data-testid=campaign-composer] *')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > box.right + 1; })
    .map((e) => e.outerHTML.slice(0, 120));
})()"""


def test_phone_composer_fits_and_the_scheduler_is_running(phone: Page, app_url: str, e2e_db_url: str):
    tag = uuid.uuid4().hex[:6]
    gid = _group(e2e_db_url, f"Les Lionnes du mardi soir {tag}", [])
    _tab(phone, app_url)
    expect(phone.get_by_test_id("scheduler-status-indicator")).to_have_text(texts.CAMP_SCHEDULER_ON, timeout=20_000)
    _pick(phone, tag.upper(), f"Les Lionnes du mardi soir {tag}")
    expect(phone.get_by_test_id(f"basket-tag-group-{gid}")).to_be_visible()
    phone.get_by_test_id("input-campaign-body").fill("Salut {prénom} ! Ce soir on danse au parc, casques fournis 🎧")
    phone.get_by_text(texts.CAMP_ADVANCED).click()
    phone.get_by_test_id("campaign-when-later").click()
    expect(phone.get_by_test_id("input-campaign-slot")).to_be_visible()
    assert phone.evaluate(OVERFLOW) == [], "something sticks out of the composer on a 375 px phone"
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 380, f"the tab overflows a 375 px phone ({width} px)"
    _shot(phone, "composer-375", full_page=True)
    phone.get_by_test_id("recipient-search").scroll_into_view_if_needed()
    _shot(phone, "composer-375-top")
    phone.get_by_test_id("campaign-summary").scroll_into_view_if_needed()
    _shot(phone, "composer-375-bottom")
