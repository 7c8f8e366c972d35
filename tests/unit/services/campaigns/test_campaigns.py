"""📢 Campaigns: recipient search, recap, the delivery ledger written with the campaign, edits, relaunch."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from afroboost.db import in_read, in_write, write_session
from afroboost.models import Campaign, CampaignSlot, Contact, Delivery, MediaPage
from afroboost.services import ServiceError
from afroboost.services.campaigns.campaigns import (
    CampaignDraft,
    campaign_rows,
    delivery_rows,
    do_delete_campaign,
    do_launch,
    do_relaunch,
    do_save_campaign,
    draft_of,
    open_slots,
    recent_errors,
    recipients_preview,
    render_body,
    search_recipients,
)
from afroboost.services.contacts.consent import do_opt_out
from afroboost.services.forms import FormInvalid
from tests.campaign_world import (
    campaign,
    count,
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


def save(draft: CampaignDraft, *, schedule: bool = True, campaign_id: int | None = None, now=NOW) -> Campaign:
    return in_write(do_save_campaign, draft=draft, schedule=schedule, campaign_id=campaign_id, now=now)


def set_campaign_status(campaign_id: int, status: str) -> None:
    def go(s):
        c = s.get(Campaign, campaign_id)
        c.status = status
        s.add(c)
    in_write(go)


def draft(targets, **kw) -> CampaignDraft:
    return CampaignDraft(**{"name": "Stage", "body": "Salut {prénom} !", "targets": targets, **kw})


# --- search and recap -------------------------------------------------------------------------

def test_search_lists_groups_then_contacts_in_any_case_and_falls_back_to_email(db):
    a, b = make_people(2)
    with write_session() as s:
        s.add(Contact(email="sans.nom@example.ch"))
    lionnes = make_group("Les Lionnes", [a, b])
    make_group("Danse du lundi", [])
    everything = in_read(search_recipients, query="")
    assert [o.type for o in everything] == ["group", "group", "user", "user", "user"]
    found = in_read(search_recipients, query="LION")
    assert [(o.type, o.id, o.label) for o in found] == [("group", lionnes, "Les Lionnes")]
    assert found[0].detail == "2 membre(s)"
    nameless = in_read(search_recipients, query="SANS.NOM")
    assert [(o.type, o.label) for o in nameless] == [("user", "sans.nom@example.ch")]
    assert [o.label for o in in_read(search_recipients, query="awa2")] == ["Awa2 Diallo"]


def test_recap_counts_each_person_once_and_the_opt_outs(db):
    a, b, c = make_people(3)
    g = make_group("Les Lionnes", [a, b])
    in_write(do_opt_out, contact_id=b, channel="email", source="email link")
    basket = groups(g) + users(a, c)  # Awa1 is in the group AND picked directly
    recap = in_read(recipients_preview, targets=basket, channels={"internal": True, "email": True})
    assert (recap.persons, recap.groups, recap.users, recap.excluded_opt_out) == (3, 1, 2, 1)
    assert recap.excluded_by_channel == {"internal": 0, "email": 1}
    only_chat = in_read(recipients_preview, targets=basket, channels={"internal": True})
    assert only_chat.excluded_opt_out == 0  # the email opt-out does not concern the chat


# --- the ledger written with the campaign -----------------------------------------------------

def test_scheduling_writes_one_row_per_person_channel_and_slot(db):
    a, b = make_people(2)
    (c,) = make_people(1, start=3, phone=False)
    g = make_group("Les Lionnes", [a, b, c])
    slots = [NOW + timedelta(hours=1), NOW + timedelta(days=1)]
    cid = schedule(groups(g) + users(a), channels={"internal": True, "whatsapp": True, "group": True}, slots=slots)
    rows = deliveries(cid)
    per_slot = Counter((d.slot_id, d.channel) for d in rows)
    slot_ids = sorted({d.slot_id for d in rows})
    assert len(slot_ids) == 2
    for sid in slot_ids:  # 3 people once each (Awa1 is not doubled), one group room
        assert per_slot[(sid, "internal")] == 3 and per_slot[(sid, "whatsapp")] == 3 and per_slot[(sid, "group")] == 1
    assert {d.target_key for d in rows if d.channel == "group"} == {f"g{g}"}
    no_phone = [d for d in rows if d.channel == "whatsapp" and d.contact_id == c]
    assert [(d.status, d.error_code) for d in no_phone] == [("skipped", "no_phone")] * 2
    assert statuses(cid) == Counter(queued=12, skipped=2)
    assert {d.due_at for d in rows} == set(slots)
    assert campaign(cid).status == "scheduled"
    assert [at for _, at in in_read(open_slots, campaign_id=cid)] == slots


def test_the_ledger_refuses_a_second_row_for_the_same_person_channel_and_slot(db):
    (a,) = make_people(1)
    cid = schedule(users(a))
    row = deliveries(cid)[0]
    with pytest.raises(IntegrityError):
        with write_session() as s:
            s.add(Delivery(campaign_id=cid, slot_id=row.slot_id, channel="internal", target_key=f"c{a}",
                           contact_id=a, due_at=NOW))


def test_empty_slots_mean_now(db):
    (a,) = make_people(1)
    cid = schedule(users(a), slots=[])
    assert [d.due_at for d in deliveries(cid)] == [NOW]


def test_a_refused_campaign_leaves_nothing_behind(db):
    empty = make_group("Vide", [])
    with pytest.raises(ServiceError) as e:
        schedule(groups(empty))  # nobody to reach: refused after the campaign row was flushed
    assert e.value.key == "campaign_nobody"
    assert count(Campaign) == count(CampaignSlot) == count(Delivery) == 0


def test_form_errors_come_per_field(db):
    with write_session() as s:
        s.add(MediaPage(slug="stage", title="Stage"))
    with pytest.raises(FormInvalid) as e:
        save(CampaignDraft(name="", body="", targets=[], channels={}, media_url="/v/nope", wa_content_sid="HX1"))
    assert e.value.errors == {"name": "campaign_name_required", "body": "campaign_body_required",
                              "targets": "campaign_targets_required", "channels": "campaign_channels_required",
                              "media": "campaign_media_unknown", "wa_content_sid": "campaign_content_sid_invalid"}
    (a,) = make_people(1)
    with pytest.raises(FormInvalid) as e:
        save(draft(users(a), slots=[NOW - timedelta(hours=1)]))
    assert e.value.errors == {"slot": "campaign_slot_past"}
    ok = save(draft(users(a), media_url="/v/stage", wa_content_sid="HX" + "a" * 32, slots=[NOW - timedelta(minutes=1)]))
    assert ok.media_url == "/v/stage" and ok.status == "scheduled"  # a date that just passed is sent at once


def test_deleted_targets_drop_out_and_junk_targets_are_ignored(db):
    a, b = make_people(2)
    cid = schedule(users(a) + users(999_999) + [{"type": "user", "id": "x"}, {"type": "spam", "id": b}])
    assert campaign(cid).targets == users(a)
    assert [d.contact_id for d in deliveries(cid)] == [a]


# --- drafts, launch, edits --------------------------------------------------------------------

def test_a_draft_has_no_rows_keeps_its_dates_and_launches_now(db):
    a, b = make_people(2)
    later = NOW + timedelta(days=2)
    d = save(draft(users(a, b), slots=[later]), schedule=False)
    assert d.status == "draft" and count(Delivery) == 0
    assert in_read(draft_of, campaign_id=d.id).slots == [later]
    assert in_read(open_slots, campaign_id=d.id) == []  # nothing for the scheduler until scheduled
    launched = in_write(do_launch, campaign_id=d.id, now=NOW + timedelta(hours=1))
    assert launched.status == "scheduled"
    assert {r.due_at for r in deliveries(d.id)} == {NOW + timedelta(hours=1)}
    assert count(Delivery) == 2
    with pytest.raises(ServiceError) as e:
        in_write(do_launch, campaign_id=d.id, now=NOW)
    assert e.value.key == "campaign_not_launchable"


def test_editing_a_scheduled_campaign_replaces_its_rows(db):
    a, b, c = make_people(3)
    cid = schedule(users(a, b), slots=[NOW + timedelta(days=1)])
    save(draft(users(b, c), body="Nouveau", slots=[NOW + timedelta(days=2)]), campaign_id=cid)
    rows = deliveries(cid)
    assert sorted(r.contact_id for r in rows) == [b, c]
    assert {r.due_at for r in rows} == {NOW + timedelta(days=2)}
    assert count(CampaignSlot) == 1 and campaign(cid).body == "Nouveau"


def test_a_started_slot_is_kept_when_editing_and_forbids_going_back_to_draft(db):
    (a,) = make_people(1)
    cid = schedule(users(a), slots=[NOW + timedelta(minutes=5), NOW + timedelta(days=1)])
    later = NOW + timedelta(minutes=10)  # the first slot is due now
    with pytest.raises(ServiceError) as e:
        save(draft(users(a)), campaign_id=cid, schedule=False, now=later)
    assert e.value.key == "campaign_not_editable"
    save(draft(users(a), slots=[NOW + timedelta(days=3)]), campaign_id=cid, now=later)
    assert sorted(r.due_at for r in deliveries(cid)) == [NOW + timedelta(minutes=5), NOW + timedelta(days=3)]
    save(draft(users(a), body="Sans autre date"), campaign_id=cid, now=later)  # the later date removed
    assert [r.due_at for r in deliveries(cid)] == [NOW + timedelta(minutes=5)]
    assert campaign(cid).body == "Sans autre date"


def test_a_row_claimed_while_editing_refuses_the_edit_whole(db):
    (a,) = make_people(1)
    cid = schedule(users(a), slots=[NOW + timedelta(days=1)])
    set_status([deliveries(cid)[0].id], status="sending", attempts=1)  # a dispatcher took it meanwhile
    with pytest.raises(ServiceError) as e:
        save(draft(users(a), body="Autre", slots=[NOW + timedelta(days=2)]), campaign_id=cid)
    assert e.value.key == "campaign_not_editable"
    assert campaign(cid).body == "Salut {prénom} !" and len(deliveries(cid)) == 1


def test_only_drafts_and_scheduled_campaigns_are_editable(db):
    (a,) = make_people(1)
    cid = schedule(users(a))
    set_status([d.id for d in deliveries(cid)], status="sent")
    set_campaign_status(cid, "completed")
    with pytest.raises(ServiceError) as e:
        save(draft(users(a)), campaign_id=cid)
    assert e.value.key == "campaign_not_editable"


# --- relaunch, delete --------------------------------------------------------------------------

def test_relaunch_requeues_only_failed_and_never_sent_rows(db):
    a, b, c, d = make_people(4)
    cid = schedule(users(a, b, c, d), slots=[NOW])
    rows = {r.contact_id: r.id for r in deliveries(cid)}
    set_status([rows[a]], status="sent", provider_id="m1", attempts=1)
    set_status([rows[b]], status="failed", error_code="63016", attempts=5)
    set_status([rows[c]], status="delivered", provider_id="m3", attempts=1)
    # d: still queued (never went out)
    later = NOW + timedelta(hours=2)
    assert in_write(do_relaunch, campaign_id=cid, now=later) == 2
    after = {r.contact_id: r for r in deliveries(cid)}
    assert (after[a].status, after[a].provider_id) == ("sent", "m1")
    assert after[c].status == "delivered"
    assert (after[b].status, after[b].attempts, after[b].error_code, after[b].due_at) == ("queued", 0, "", later)
    assert (after[d].status, after[d].due_at) == ("queued", later)
    assert campaign(cid).status == "sending"


def test_relaunch_with_nothing_to_resend_is_refused(db):
    (a,) = make_people(1)
    cid = schedule(users(a))
    set_status([d.id for d in deliveries(cid)], status="sent")
    with pytest.raises(ServiceError) as e:
        in_write(do_relaunch, campaign_id=cid, now=NOW)
    assert e.value.key == "campaign_not_relaunchable"


def test_delete_hides_the_campaign_and_skips_what_was_not_sent(db):
    a, b = make_people(2)
    cid = schedule(users(a, b))
    set_status([deliveries(cid)[0].id], status="sent")
    in_write(do_delete_campaign, campaign_id=cid, now=NOW)
    assert statuses(cid) == Counter(sent=1, skipped=1)
    assert in_read(campaign_rows) == []
    with pytest.raises(ServiceError) as e:
        in_write(do_relaunch, campaign_id=cid, now=NOW)
    assert e.value.key == "campaign_unknown"


# --- views ------------------------------------------------------------------------------------

def test_history_filters_counts_and_actions(db):
    a, b = make_people(2)
    g = make_group("Les Lionnes", [a])
    to_group = schedule(groups(g), name="Groupe")
    to_people = schedule(users(a, b), name="Perso")
    draft_id = save(draft(users(b), name="Brouillon"), schedule=False).id
    rows = in_read(campaign_rows, filter="all")
    assert [r.id for r in rows] == [draft_id, to_people, to_group]
    assert [r.id for r in in_read(campaign_rows, filter="groups")] == [to_group]
    assert [r.id for r in in_read(campaign_rows, filter="individuals")] == [draft_id, to_people]
    by_id = {r.id: r for r in rows}
    assert by_id[draft_id].can_launch and by_id[draft_id].can_edit and not by_id[draft_id].is_auto
    assert by_id[to_people].is_auto and not by_id[to_people].can_launch
    p = by_id[to_people]
    assert (p.queued, p.sent, p.failed, p.total, p.percent, p.users, p.groups) == (2, 0, 0, 2, 0, 2, 0)
    assert p.channels == ["internal"] and p.next_due_at == NOW


def test_delivery_table_and_error_log_name_the_recipient_and_the_code(db):
    (a,) = make_people(1)
    g = make_group("Les Lionnes", [a])
    cid = schedule(groups(g), channels={"internal": True, "group": True})
    rows = {r.channel: r for r in deliveries(cid)}
    set_status([rows["internal"].id], status="failed", error_code="21211", error_message="numéro invalide",
               updated_at=NOW)
    table = in_read(delivery_rows, campaign_id=cid)
    assert [(r.recipient, r.channel, r.status, r.error_code) for r in table] == [
        ("Awa1 Diallo", "internal", "failed", "21211"), ("👥 Les Lionnes", "group", "queued", "")]
    errors = in_read(recent_errors, limit=50)
    assert [(e.campaign_name, e.recipient, e.error_code) for e in errors] == [("Stage", "Awa1 Diallo", "21211")]


def test_first_name_variable():
    assert render_body("Salut {prénom} !", "Awa") == "Salut Awa !"
    assert render_body("Salut {Prenom}, viens", "Communauté") == "Salut Communauté, viens"
    assert render_body("Salut {prénom}, viens !", "") == "Salut, viens !"
    assert render_body("Prix: {prénom} \\1", "A\\1") == "Prix: A\\1 \\1"  # names are text, not regex templates
