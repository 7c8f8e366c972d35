"""The dispatcher on a real database with fake channel adapters: claims, results, retries, zombies."""

from __future__ import annotations

import os
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write
from afroboost.integrations.channels import SendResult
from afroboost.models import ChatMessage, Conversation, Delivery
from afroboost.services.campaigns.campaigns import do_relaunch
from afroboost.services.campaigns.chat_delivery import chat_channel
from afroboost.services.campaigns.dispatch import (
    MAX_ATTEMPTS,
    campaign_progress,
    claim_due,
    dispatch_due,
    do_record_results,
    do_recover_zombies,
)
from afroboost.services.campaigns.messages import prepare_batch
from afroboost.services.contacts.consent import do_opt_out, do_record_inbound
from afroboost.settings import get_settings
from tests.campaign_world import (
    FakeAdapter,
    campaign,
    deliveries,
    groups,
    make_group,
    make_people,
    schedule,
    set_status,
    statuses,
    users,
)
from tests.factories import NOW


async def dispatch(adapters, *, now=NOW, worker="w1", limit=100) -> int:
    return await dispatch_due(adapters=adapters, now=now, worker=worker, limit=limit)


def claim(now=NOW, worker="w1", limit=100, lease_s=300.0) -> list[int]:
    return in_write(claim_due, now=now, worker=worker, limit=limit, lease_s=lease_s)


async def test_sends_each_row_once_personalised_with_its_idempotency_key(db):
    a, b = make_people(2)
    g = make_group("Les Lionnes", [a, b])
    cid = schedule(groups(g) + users(a), channels={"internal": True, "group": True})
    chat, room = FakeAdapter("internal"), FakeAdapter("group")
    assert await dispatch({"internal": chat, "group": room}) == 3
    assert sorted(m.body for m in chat.sent) == ["Salut Awa1 !", "Salut Awa2 !"]
    assert [(m.body, m.conversation_id) for m in room.sent] == [("Salut Communauté !", g)]
    assert all(m.idempotency_key == f"afroboost-delivery-{m.delivery_id}" for m in chat.sent + room.sent)
    rows = deliveries(cid)
    assert {(d.status, d.provider_id) for d in rows} == {("sent", f"{d.channel}-{d.id}") for d in rows}
    assert all(d.sent_at == NOW and d.lease_until is None and d.attempts == 1 for d in rows)
    assert campaign(cid).status == "completed"
    assert await dispatch({"internal": chat, "group": room}) == 0  # nothing due any more
    assert len(chat.sent) == 2


async def test_only_due_rows_are_sent_and_a_later_slot_keeps_the_campaign_scheduled(db):
    (a,) = make_people(1)
    cid = schedule(users(a), slots=[NOW, NOW + timedelta(days=1)])
    chat = FakeAdapter("internal")
    assert await dispatch({"internal": chat}) == 1
    assert statuses(cid) == Counter(sent=1, queued=1)
    assert campaign(cid).status == "scheduled"
    assert await dispatch({"internal": chat}, now=NOW + timedelta(days=1)) == 1
    assert campaign(cid).status == "completed"


async def test_opted_out_contacts_are_skipped_at_send_time(db):
    a, b = make_people(2)
    cid = schedule(users(a, b), channels={"internal": True, "email": True})
    in_write(do_opt_out, contact_id=a, channel="email", source="email link")  # after scheduling
    mail, chat = FakeAdapter("email"), FakeAdapter("internal")
    await dispatch({"email": mail, "internal": chat})
    assert [m.contact_id for m in mail.sent] == [b]
    assert mail.sent[0].to_email == "p2@example.ch"
    assert mail.sent[0].unsubscribe_url.startswith(get_settings().site_url.rstrip("/") + "/api/unsubscribe/")
    assert sorted(m.contact_id for m in chat.sent) == [a, b]
    skipped = [d for d in deliveries(cid) if d.status == "skipped"]
    assert [(d.contact_id, d.channel, d.error_code) for d in skipped] == [(a, "email", "opted_out")]
    assert campaign(cid).status == "completed"


async def test_whatsapp_gets_phone_window_and_template(db):
    a, b = make_people(2)
    (c,) = make_people(1, start=3, phone=False)
    in_write(do_record_inbound, phone="+41791000001", at=NOW - timedelta(hours=2))  # Awa1 wrote 2 h ago
    cid = schedule(users(a, b, c), channels={"whatsapp": True}, wa_content_sid="HX" + "0" * 32)
    wa = FakeAdapter("whatsapp")
    await dispatch({"whatsapp": wa})
    msgs = {m.contact_id: m for m in wa.sent}
    assert set(msgs) == {a, b}  # Awa3 has no phone: skipped when scheduled
    assert msgs[a].in_whatsapp_window and not msgs[b].in_whatsapp_window
    assert msgs[b].to_phone == "+41791000002" and msgs[b].wa_content_sid == "HX" + "0" * 32
    assert msgs[b].wa_variables == {"1": "Awa2", "2": "Salut Awa2 !"}
    assert statuses(cid) == Counter(sent=2, skipped=1)


async def test_a_failure_for_one_never_blocks_the_others(db):
    people = make_people(4)
    cid = schedule(users(*people), channels={"internal": True, "whatsapp": True})
    bad = people[1]

    def twilio(m):
        if m.contact_id == bad:
            return SendResult("failed", error_code="21211", error_message="numéro invalide")
        return SendResult("sent", provider_id=f"SM{m.delivery_id}")

    broken_chat = FakeAdapter("internal", fail_with=RuntimeError("db down"))
    await dispatch({"internal": broken_chat, "whatsapp": FakeAdapter("whatsapp", twilio)})
    rows = deliveries(cid)
    wa = {d.contact_id: d for d in rows if d.channel == "whatsapp"}
    assert (wa[bad].status, wa[bad].error_code, wa[bad].error_message) == ("failed", "21211", "numéro invalide")
    assert [wa[p].status for p in people if p != bad] == ["sent"] * 3
    chat = [d for d in rows if d.channel == "internal"]  # the adapter blew up: tried again later
    assert {(d.status, d.error_code) for d in chat} == {("queued", "exception")}
    assert all(d.due_at > NOW for d in chat)
    assert campaign(cid).status == "sending"


async def test_retries_back_off_then_fail_with_the_last_code(db):
    (a,) = make_people(1)
    cid = schedule(users(a), channels={"email": True})
    limited = FakeAdapter("email", lambda m: SendResult("retry", error_code="429", error_message="trop vite",
                                                        retry_after=1.0))
    now, waits = NOW, []
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert await dispatch({"email": limited}, now=now) == 1
        (row,) = deliveries(cid)
        assert row.attempts == attempt
        if attempt < MAX_ATTEMPTS:
            assert (row.status, row.error_code) == ("queued", "429")
            waits.append((row.due_at - now).total_seconds())
            assert await dispatch({"email": limited}, now=row.due_at - timedelta(seconds=1)) == 0  # not before
            now = row.due_at
    assert waits == [5.0, 10.0, 20.0, 40.0]  # exponential, at least Retry-After
    assert (row.status, row.error_code) == ("failed", "429")
    assert f"{MAX_ATTEMPTS} tentatives" in row.error_message
    assert campaign(cid).status == "failed"
    assert len(limited.sent) == MAX_ATTEMPTS


async def test_unconfigured_channel_fails_without_calling_it_and_can_be_relaunched(db):
    a, b = make_people(2)
    cid = schedule(users(a, b), channels={"whatsapp": True})
    off = FakeAdapter("whatsapp", configured=False)
    await dispatch({"whatsapp": off})
    assert off.sent == []
    assert {(d.status, d.error_code, d.error_message) for d in deliveries(cid)} == {
        ("failed", "not_configured", "non configuré")}
    assert campaign(cid).status == "failed"
    await dispatch({})  # no adapter at all for a channel: same
    later = NOW + timedelta(hours=1)
    assert in_write(do_relaunch, campaign_id=cid, now=later) == 2
    on = FakeAdapter("whatsapp")
    await dispatch({"whatsapp": on}, now=later)
    assert len(on.sent) == 2 and statuses(cid) == Counter(sent=2)
    assert campaign(cid).status == "completed"


async def test_progress_while_sending(db):
    people = make_people(5)
    cid = schedule(users(*people))
    claim(limit=2)
    p = in_read(campaign_progress, campaign_id=cid)
    assert (p.queued, p.sending, p.total, p.percent) == (3, 2, 5, 0)
    await dispatch({"internal": FakeAdapter("internal")}, limit=1, worker="w2")
    p = in_read(campaign_progress, campaign_id=cid)
    assert (p.sent, p.sending, p.percent) == (3, 2, 60)
    assert campaign(cid).status == "sending"


# --- claims, leases, zombies --------------------------------------------------------------------

def test_claims_never_overlap_and_results_need_the_lease(db):
    people = make_people(5)
    schedule(users(*people))
    first, second = claim(worker="a", limit=3), claim(worker="b", limit=3)
    assert len(first) == 3 and len(second) == 2 and not set(first) & set(second)
    assert claim(worker="c") == []
    batch = in_read(prepare_batch, ids=first, adapters={"internal": FakeAdapter("internal")}, now=NOW)
    ok = {i: SendResult("sent", provider_id="x") for i in first}
    assert in_write(do_record_results, batch=batch, results=ok, worker="intruder", now=NOW) == 3
    assert {d.status for d in deliveries() if d.id in first} == {"sending"}  # not theirs: nothing written
    in_write(do_record_results, batch=batch, results=ok, worker="a", now=NOW)
    assert {d.status for d in deliveries() if d.id in first} == {"sent"}


async def test_zombie_with_a_provider_id_is_marked_sent_and_never_resent(db):
    a, b = make_people(2)
    cid = schedule(users(a, b), channels={"whatsapp": True})
    ids = claim(worker="dead", lease_s=60)
    set_status(ids[:1], provider_id="SM-already")  # Twilio accepted it, then the process died
    assert in_write(do_recover_zombies, now=NOW + timedelta(minutes=20)) == 0  # not yet: 30 min after the lease
    when = NOW + timedelta(minutes=32)
    assert in_write(do_recover_zombies, now=when) == 2
    rows = {d.id: d for d in deliveries(cid)}
    assert (rows[ids[0]].status, rows[ids[0]].provider_id, rows[ids[0]].sent_at) == ("sent", "SM-already", when)
    assert (rows[ids[1]].status, rows[ids[1]].error_code, rows[ids[1]].due_at) == ("queued", "interrupted", when)
    wa = FakeAdapter("whatsapp")
    await dispatch({"whatsapp": wa}, now=when)
    assert [m.delivery_id for m in wa.sent] == [ids[1]]
    assert wa.sent[0].previous_provider_id == ""
    assert statuses(cid) == Counter(sent=2) and campaign(cid).status == "completed"


def test_a_zombie_that_keeps_crashing_fails_in_the_end(db):
    (a,) = make_people(1)
    cid = schedule(users(a))
    (did,) = claim()
    set_status([did], attempts=MAX_ATTEMPTS)
    in_write(do_recover_zombies, now=NOW + timedelta(minutes=40))
    (row,) = deliveries(cid)
    assert (row.status, row.error_code) == ("failed", "interrupted")
    assert campaign(cid).status == "failed"


async def test_deleted_campaign_rows_in_flight_are_skipped(db):
    from afroboost.services.campaigns.campaigns import do_delete_campaign

    (a,) = make_people(1)
    cid = schedule(users(a))
    ids = claim()
    in_write(do_delete_campaign, campaign_id=cid, now=NOW)
    batch = in_read(prepare_batch, ids=ids, adapters={"internal": FakeAdapter("internal")}, now=NOW)
    assert batch.messages == {} and batch.decided[ids[0]].error_code == "campaign_deleted"


# --- pacing and the real chat adapter ---------------------------------------------------------

@pytest.fixture
def fast_resend():
    os.environ["RESEND_RATE_PER_S"] = "20"
    get_settings.cache_clear()
    yield 20.0
    os.environ.pop("RESEND_RATE_PER_S")
    get_settings.cache_clear()


async def test_adapters_without_their_own_pacer_are_paced_per_provider(db, fast_resend):
    people = make_people(5)
    schedule(users(*people), channels={"email": True})
    mail = FakeAdapter("email", max_batch=1)  # one request per message, like a provider without batches
    await dispatch({"email": mail})
    starts = [t for t, _ in mail.calls]
    # Start times are booked one interval apart (a busy loop may bunch two wake-ups, never the total).
    assert len(starts) == 5 and starts[-1] - starts[0] >= 0.95 * 4 / fast_resend


async def test_real_chat_channel_posts_once_per_person_even_when_a_row_is_retried(db):
    a, b = make_people(2)
    g = make_group("Les Lionnes", [a, b])
    cid = schedule(groups(g), channels={"internal": True, "group": True})
    adapters = {"internal": chat_channel("internal", publish=False), "group": chat_channel("group", publish=False)}
    ids = claim()
    # The process dies after the chat adapter committed its messages, before « sent » was recorded.
    batch = in_read(prepare_batch, ids=ids, adapters=adapters, now=NOW)
    for ch, msgs in batch.messages.items():
        await adapters[ch].send_batch(msgs)
    in_write(do_recover_zombies, now=NOW + timedelta(hours=1))
    assert await dispatch(adapters, now=NOW + timedelta(hours=1)) == 0  # provider ids were stored: sent
    assert statuses(cid) == Counter(sent=3)

    def messages(s):
        rows = s.exec(select(ChatMessage.conversation_id, ChatMessage.body, ChatMessage.sender_name)).all()
        owners = dict(s.exec(select(Conversation.id, Conversation.contact_id)).all())
        return sorted((f"c{owners[conv]}" if owners.get(conv) else f"g{conv}", body, name) for conv, body, name in rows)
    assert in_read(messages) == sorted([(f"c{a}", "Salut Awa1 !", "💪 Coach Bassi"),
                                        (f"c{b}", "Salut Awa2 !", "💪 Coach Bassi"),
                                        (f"g{g}", "Salut Communauté !", "💪 Coach Bassi")])
    assert {d.provider_id for d in deliveries(cid)} == {str(i) for i in in_read(
        lambda s: s.exec(select(ChatMessage.id)).all())}
    assert all(d.status == "sent" for d in in_read(lambda s: s.exec(select(Delivery)).all()))


async def test_a_row_that_cannot_be_prepared_is_retried_without_holding_back_the_others(db):
    (a,) = make_people(1)
    cid = schedule(users(a), channels={"internal": True, "email": True})

    class Broken(FakeAdapter):
        def configured(self) -> bool:
            raise RuntimeError("settings unreadable")

    chat = FakeAdapter("internal")
    assert await dispatch({"internal": chat, "email": Broken("email")}) == 2
    rows = {d.channel: d for d in deliveries(cid)}
    assert rows["internal"].status == "sent" and len(chat.sent) == 1
    assert (rows["email"].status, rows["email"].error_code) == ("queued", "exception")
    assert rows["email"].due_at > NOW


def test_release_gives_rows_back_or_fails_them_after_max_attempts(db):
    from afroboost.services.campaigns.dispatch import do_release

    a, b = make_people(2)
    cid = schedule(users(a, b))
    ids = claim(worker="w-tok")
    set_status(ids[:1], attempts=MAX_ATTEMPTS)
    assert in_write(do_release, worker="someone-else", now=NOW) == 0
    assert in_write(do_release, worker="w-tok", now=NOW) == 2
    rows = {d.id: d for d in deliveries(cid)}
    assert (rows[ids[0]].status, rows[ids[0]].error_code) == ("failed", "exception")
    assert (rows[ids[1]].status, rows[ids[1]].claimed_by, rows[ids[1]].lease_until) == ("queued", "", None)
