"""import-mongo: the motor path (mongomock-motor) and the --from-dir path, from the same fixtures."""

from __future__ import annotations

import pytest
from mongomock_motor import AsyncMongoMockClient
from sqlmodel import Session, func, select

from afroboost.__main__ import main
from afroboost.db import utc_now
from afroboost.legacy.mapping_chat import map_person
from afroboost.legacy.reader import DirReader, MotorReader
from afroboost.legacy.runner import _one, run_import
from afroboost.models import (
    AIConfig,
    Article,
    Campaign,
    CampaignSlot,
    ChatMessage,
    ClassSession,
    Contact,
    Conversation,
    ConversationMember,
    Course,
    Delivery,
    LegacyImport,
    MediaPage,
    Offer,
    PromoCode,
    Reservation,
    SiteConcept,
)
from tests import legacy_fixtures as fx


async def _motor_reader(tmp_path):
    db = AsyncMongoMockClient(tz_aware=True)["afroboost"]
    await fx.load_motor(db)
    return MotorReader(db)


async def _dir_reader(tmp_path):
    return DirReader(fx.write_export(tmp_path / "export"))


READERS = pytest.mark.parametrize("make_reader", [_motor_reader, _dir_reader], ids=["motor", "from-dir"])


def _count(engine, model) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def _ids_by_oid() -> dict[str, tuple[str, str]]:
    return {str(d["_id"]): (name, d["id"]) for name, docs in fx.DOCS.items() for d in docs}


@READERS
async def test_import_maps_dedupes_and_reports(any_db, tmp_path, make_reader):
    report = await run_import(await make_reader(tmp_path), any_db, progress=False)
    c = report.counts
    assert (c["users"].created, c["users"].merged, c["users"].errors) == (3, 1, 1)
    assert (c["chat_participants"].created, c["chat_participants"].merged) == (1, 1)
    assert (c["chat_sessions"].created, c["chat_sessions"].errors) == (2, 1)
    assert (c["chat_messages"].created, c["chat_messages"].errors) == (3, 1)
    assert c["campaigns"].created == 2 and c["campaigns"].errors == 2
    assert c["campaign_errors"].merged == 1
    by_oid = _ids_by_oid()
    assert {by_oid[ref] for _, ref, _ in report.problems} == fx.MALFORMED
    assert all(reason for _, _, reason in report.problems)
    # custom emojis are files: one the app already has, one listed to add by hand
    notes = sorted(note for coll, _, note in report.notes if coll == "custom_emojis")
    assert notes == ["afro-party.png: not in assets/emojis/ — review the legacy file, then add it by hand",
                     "fire.svg: already in the app"]
    assert "Notes:" in report.table() and "afro-party.png" in report.table()
    # What PostgreSQL would refuse (integer overflow) or Python cannot represent is reported in
    # the same words on both databases, never as a database error nor a crash of the whole run.
    reasons = {by_oid[ref]: reason for _, ref, reason in report.problems}
    assert reasons[("reservations", "r-huge")] == "price out of range 50000000"
    assert reasons[("courses", "co-huge")] == "number out of range 10000000000"
    assert reasons[("articles", "a-far")].startswith("bad date")
    assert reasons[("campaigns", "c-half")] == "bad date 'pas une date'"

    with Session(any_db) as s:
        contacts = s.exec(select(Contact).order_by(Contact.id)).all()
        # Awa (user ×2 + participant), no-name, Kofi, Zoé: one person = one contact
        assert len(contacts) == 4
        awa = s.exec(select(Contact).where(Contact.email == "awa@example.com")).one()
        assert awa.phone == "+41791234567" and awa.first_name == "Awa"
        noname = s.exec(select(Contact).where(Contact.email == "noname@example.com")).one()
        assert noname.display_name == "noname@example.com"
        assert s.exec(select(Contact).where(Contact.phone == "+41795551234")).one().first_name == "Zoé"

        group = s.exec(select(Conversation).where(Conversation.slug == "community")).one()
        assert group.kind == "group"
        assert len(s.exec(select(ConversationMember).where(ConversationMember.conversation_id == group.id)).all()) == 2
        assistant = s.exec(select(Conversation).where(Conversation.kind == "assistant")).one()
        assert assistant.contact_id == awa.id and assistant.link_id is not None
        msgs = s.exec(select(ChatMessage).where(ChatMessage.conversation_id == assistant.id)
                      .order_by(ChatMessage.created_at)).all()
        assert [(m.sender_kind, m.body, m.contact_id) for m in msgs] == [
            ("member", "Bonjour", awa.id), ("ai", "Salut Awa !", None)]
        assert msgs[0].created_at == fx.PAST and assistant.last_message_at == fx.PAST2
        private = s.exec(select(Conversation).where(Conversation.kind == "private")).one()
        # the NUL byte is dropped (PostgreSQL refuses it; SQLite would have kept it)
        assert s.exec(select(ChatMessage).where(ChatMessage.conversation_id == private.id)).one().body == "Salut Awa"

        legacy = s.exec(select(Campaign).where(Campaign.name == "Ancienne")).one()
        assert legacy.targets == [{"type": "group", "id": group.id}] and legacy.status == "completed"
        multi = s.exec(select(Campaign).where(Campaign.name == "Panier")).one()
        assert multi.status == "scheduled" and len(multi.targets) == 2
        assert multi.channels == {"internal": True, "group": False, "whatsapp": False, "email": True}
        assert not s.exec(select(Campaign).where(Campaign.name == "Moitié")).all()  # rolled back whole
        assert _count(any_db, Campaign) == 3  # Ancienne, Panier, the scheduled message
        slots = s.exec(select(CampaignSlot).where(CampaignSlot.campaign_id == multi.id)
                       .order_by(CampaignSlot.due_at)).all()
        assert [sl.due_at for sl in slots] == [fx.PAST, fx.FUTURE]
        assert slots[0].fired_at is not None and slots[1].fired_at is None
        past_rows = s.exec(select(Delivery).where(Delivery.slot_id == slots[0].id)).all()
        future_rows = s.exec(select(Delivery).where(Delivery.slot_id == slots[1].id)).all()
        assert sorted(r.status for r in past_rows) == ["failed", "sent", "sent", "sent"]  # the bounce
        assert {r.status for r in future_rows} == {"queued"} and len(future_rows) == 4
        # already-sent history is never queued again
        assert not s.exec(select(Delivery).join(CampaignSlot, CampaignSlot.id == Delivery.slot_id)
                          .where(CampaignSlot.fired_at.is_not(None)).where(Delivery.status == "queued")).all()

        product = s.exec(select(Offer).where(Offer.name == "Café congolais")).one()
        assert product.kind == "product" and not product.visible and product.price_cents == 1250
        promo = s.exec(select(PromoCode)).one()
        assert promo.code == "BIENVENUE" and promo.value == 10 and promo.offer_ids
        assert s.get(AIConfig, 1).campaign_prompt == "Sois bref"
        assert s.get(SiteConcept, 1).twint_url == "https://twint.example/p"
        long = s.exec(select(Course).where(Course.weekday == 4)).one()  # cut to fit, not refused
        assert (long.name, long.start_time) == (fx.LONG_NAME[:120].strip(), "19:00") and len(long.slug) <= 80
        # two ids longer than legacy_import.legacy_id, alike over 80 characters: two articles
        assert c["articles"].created == 3 and c["articles"].errors == 1
        assert {(a.title, a.published) for a in s.exec(select(Article).where(Article.title.like("Long%")))} == {
            ("Long 1", False), ("Long 2", True)}

        # Reservations: the person, a dated session of the course, the code; a cancelled one holds no headset.
        assert (c["reservations"].created, c["reservations"].errors) == (2, 2)
        kofi = s.exec(select(Contact).where(Contact.email == "kofi@example.com")).one()
        bookings = s.exec(select(Reservation).order_by(Reservation.id)).all()
        assert [(r.contact_id, r.code, r.status, r.price_cents) for r in bookings[:1]] == [
            (awa.id, "AFR-LEG001", "confirmed", 3000)]
        assert (bookings[1].contact_id, bookings[1].status) == (kofi.id, "cancelled")
        slot = s.get(ClassSession, bookings[0].session_id)
        assert bookings[1].session_id == slot.id and slot.taken == 1 and slot.seats == 15
        # r-huge wrote its guest contact and a dated session before failing: both rolled back
        assert not s.exec(select(Contact).where(Contact.email == "gros@example.com")).all()
        assert not s.exec(select(ClassSession).where(ClassSession.starts_at == fx.FUTURE)).all()


@READERS
async def test_second_run_creates_nothing(any_db, tmp_path, make_reader):
    await run_import(await make_reader(tmp_path), any_db, progress=False)
    before = {m: _count(any_db, m) for m in (Contact, Conversation, ChatMessage, Campaign, CampaignSlot, Delivery)}
    again = await run_import(await make_reader(tmp_path), any_db, progress=False)
    assert sum(c.created + c.merged for c in again.counts.values()) == 0
    assert again.counts["users"].skipped == 4 and again.counts["users"].errors == 1  # still reported
    assert {m: _count(any_db, m) for m in before} == before


@READERS
async def test_dry_run_writes_nothing(any_db, tmp_path, make_reader):
    dry = await run_import(await make_reader(tmp_path), any_db, dry_run=True, progress=False)
    assert dry.counts["users"].created == 3 and dry.counts["chat_messages"].created == 3
    for model in (Contact, Conversation, ChatMessage, Campaign, Delivery, LegacyImport, Offer):
        assert _count(any_db, model) == 0, model
    real = await run_import(await make_reader(tmp_path), any_db, progress=False)
    assert {k: vars(v) for k, v in real.counts.items()} == {k: vars(v) for k, v in dry.counts.items()}


async def test_from_dir_bad_line_is_reported(any_db, tmp_path):
    folder = fx.write_export(tmp_path / "export")
    with (folder / "users.json").open("a", encoding="utf-8") as fh:
        fh.write("{pas du json\n")
    report = await run_import(DirReader(folder), any_db, progress=False)
    assert ("users", "line 6") in {(c, ref) for c, ref, _ in report.problems}
    assert report.counts["users"].created == 3


def test_cli_from_dir_dry_run(any_db, tmp_path, capsys):
    # The CLI takes its database from DATABASE_URL, which `any_db` points at SQLite or PostgreSQL.
    folder = fx.write_export(tmp_path / "export")
    assert main(["import-mongo", "--from-dir", str(folder), "--dry-run", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "DRY RUN" in out and "users" in out and "no valid email or phone" in out
    assert _count(any_db, Contact) == 0
    assert main(["import-mongo", "--from-dir", str(folder), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "Import report:" in out and "price out of range" in out
    assert _count(any_db, Contact) == 4  # written to the database under test


def _writes_then_breaks_a_constraint(session, doc, now):
    session.add(Contact(first_name="Moitié", email="half@example.com"))
    session.flush()
    session.add(Contact(first_name="Encore", email="half@example.com"))  # unique email
    session.flush()
    return "created", "contact", None


def test_database_error_rolls_back_only_its_document(any_db):
    """A statement the database refuses undoes that document alone; the same transaction goes on
    (on PostgreSQL the failed statement would otherwise abort it: the dry run is one transaction)."""
    with Session(any_db) as s:
        outcome, reason = _one(s, "users", _writes_then_breaks_a_constraint, {"id": "u-x"}, utc_now())
        assert outcome == "error" and "unique" in reason.lower() and "[SQL" not in reason
        assert _one(s, "users", map_person, {"id": "u-y", "email": "ok@example.com"}, utc_now()) == ("created", None)
        s.commit()
    with Session(any_db) as s:
        assert [c.email for c in s.exec(select(Contact))] == ["ok@example.com"]
        assert [r.legacy_id for r in s.exec(select(LegacyImport))] == ["u-y"]


async def test_collections_under_another_name_are_found(any_db, tmp_path):
    """Promo codes, media pages and emojis are named by feature only in the PRD: their usual names work."""
    folder = fx.write_export(tmp_path / "export")
    for old, new in (("discount_codes", "promo_codes"), ("media_links", "media_pages"), ("custom_emojis", "emojis")):
        (folder / f"{old}.json").rename(folder / f"{new}.json")
    report = await run_import(DirReader(folder), any_db, progress=False)
    assert report.counts["discount_codes (promo_codes)"].created == len(fx.DOCS["discount_codes"])
    assert report.counts["media_links (media_pages)"].created == len(fx.DOCS["media_links"])
    assert report.counts["custom_emojis (emojis)"].skipped == len(fx.DOCS["custom_emojis"])
    assert _count(any_db, PromoCode) == len(fx.DOCS["discount_codes"])
    assert _count(any_db, MediaPage) == len(fx.DOCS["media_links"])
    again = await run_import(DirReader(folder), any_db, progress=False)  # recorded under the usual name
    assert again.counts["discount_codes (promo_codes)"].created == 0
