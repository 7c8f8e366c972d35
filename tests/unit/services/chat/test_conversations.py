"""💬 Conversations tab: the coach's list (search, pages, badges), soft delete, participant delete."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write, write_session
from afroboost.models import (
    AIUsage,
    ChatLink,
    ChatMessage,
    Contact,
    Conversation,
    ConversationMember,
    Reservation,
)
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.chat import search as conversation_search
from afroboost.services.chat.conversations import access_conversations, day_badge, do_delete_conversation
from afroboost.services.chat.messages import do_ensure_assistant_conversation, do_ensure_default_groups, do_join_group
from afroboost.services.chat.private import do_open_private
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.crm import do_delete_participant
from tests import frdate
from tests.factories import NOW, make_offer, make_session, person


def contact(n: int, **kw) -> int:
    with write_session() as s:
        return do_upsert_contact(s, person=person(n, **kw)).id


def say(conv_id: int, body: str, *, at=NOW, contact_id: int | None = None, name: str = "", kind: str = "member"):
    with write_session() as s:
        s.add(ChatMessage(conversation_id=conv_id, sender_kind=kind, contact_id=contact_id, sender_name=name,
                          body=body, created_at=at))
        conv = s.get(Conversation, conv_id)
        conv.last_message_at = max(filter(None, [conv.last_message_at, at]))
        s.add(conv)


def assistant(contact_id: int, link_id: int | None = None) -> int:
    return in_write(do_ensure_assistant_conversation, contact_id=contact_id, link_id=link_id).id


def page(query: str = "", page: int = 1, per_page: int = 20):
    return in_read(access_conversations, query=query, page=page, per_page=per_page, now=NOW)


@pytest.fixture(params=["dense", "selective"])
def plan(request, monkeypatch):
    """Both search plans must find the same: on a small database every search takes the dense
    plan (it checks every conversation); MAX_SPAN 0 forces the selective, index-backed one."""
    if request.param == "selective":
        monkeypatch.setattr(conversation_search, "MAX_SPAN", 0)
    return request.param


def test_search_finds_names_emails_phones_and_message_content_in_any_case(db, plan):
    awa = contact(1, first_name="Élodie", last_name="Mbappé", email="elo@example.ch")
    kofi = contact(2, first_name="Kofi", last_name="Annan", phone="+41791112233")
    a, k = assistant(awa), assistant(kofi)
    say(a, "Bonjour, le Café Congolais est dispo ?", contact_id=awa, name="Élodie")
    say(k, "Salut", contact_id=kofi, name="Kofi")
    ids = lambda q: [r.id for r in page(q).rows]  # noqa: E731
    assert ids("ÉLODIE") == [a]  # not only ASCII letters fold
    assert ids("mbappé élodie") == [] and ids("élodie mbappé") == [a]
    assert ids("ELO@EXAMPLE") == [a]
    assert ids("079 111 22 33") == [k] and ids("+41 79 111") == [k]
    assert ids("café CONGOLAIS") == [a]  # message content
    assert ids("100%") == [] and ids("_") == []  # LIKE wildcards are plain characters
    assert sorted(ids("")) == sorted([a, k])


def test_group_found_by_title_and_by_member_not_assistants_by_their_shared_title(db, plan):
    do_ensure = in_write(do_ensure_default_groups)
    community = do_ensure[0].id
    awa = contact(1, first_name="Awa")
    in_write(do_join_group, contact_id=awa, slug="community")
    mine = assistant(awa)
    assert [r.id for r in page("communauté").rows] == [community]
    assert {r.id for r in page("awa").rows} == {community, mine}
    assert page("coach bassi").rows == []  # every assistant conversation has that title


def test_pages_most_recent_first_and_clamped(db):
    convs = []
    for n in range(5):
        cid = assistant(contact(n + 1))
        say(cid, f"message {n}", at=NOW - timedelta(hours=5 - n))
        convs.append(cid)
    first, last = page(per_page=2), page(page=3, per_page=2)
    assert [r.id for r in first.rows] == [convs[4], convs[3]]
    assert (first.total, first.pages, first.has_more) == (5, 3, True)
    assert [r.id for r in last.rows] == [convs[0]] and not last.has_more
    assert page(page=99, per_page=2).page == 3 and page(page=-4, per_page=2).page == 1
    assert len(page(per_page=10_000).rows) == 5


def test_row_shows_last_message_count_status_and_strict_link(db):
    awa = contact(1, first_name="Awa", last_name="Diallo", email="awa@example.ch")
    with write_session() as s:
        link = ChatLink(token="tok-strict", title="Partenaires", custom_prompt="Parle du concept.")
        s.add(link)
        s.flush()
        link_id = link.id
    conv = assistant(awa, link_id)
    say(conv, "premier", at=NOW - timedelta(minutes=5), contact_id=awa, name="Awa")
    say(conv, "<b>Bonjour</b>   à   toi " + "x" * 200, kind="ai", name="Coach Bassi")
    row = page().rows[0]
    assert (row.title, row.kind, row.count, row.count_label) == ("Awa Diallo", "assistant", 2, "2 message(s)")
    assert row.people.startswith("awa@example.ch · +41 79 100 00 01") and row.people.endswith("via « Partenaires »")
    assert row.excerpt.startswith("Coach Bassi : <b>Bonjour</b> à toi xx") and row.excerpt.endswith("…")
    assert (row.status, row.status_label, row.strict) == ("ai", "IA", True)
    # the last message is at NOW: « 13h00 » on the default clock (12:00 UTC is 13:00 in Zurich in December)
    assert (row.day, row.time) == ("Aujourd'hui", frdate.hhmm(NOW))


def test_private_and_group_rows(db):
    groups = in_write(do_ensure_default_groups)
    awa, kofi = contact(1, first_name="Awa"), contact(2, first_name="Kofi")
    for who in (awa, kofi):
        in_write(do_join_group, contact_id=who, slug="community")
    pair = in_write(do_open_private, contact_id=kofi, other_id=awa).id
    to_coach = in_write(do_open_private, contact_id=awa, other_id=0).id
    rows = {r.id: r for r in page().rows}
    assert (rows[pair].title, rows[pair].people, rows[pair].status) == ("Awa D. ↔ Kofi D.", "Message privé", "")
    assert rows[to_coach].title == "Awa Diallo" and rows[to_coach].people.startswith("Message privé · ")
    assert rows[groups[0].id].people == "2 membre(s)" and not rows[groups[0].id].deletable
    assert rows[pair].deletable and rows[to_coach].deletable
    assert rows[groups[1].id].excerpt == "Aucun message pour le moment."


def late_yesterday(now: datetime) -> datetime:
    """23:30 on the studio's day before `now`'s."""
    midnight = datetime.combine(frdate.local(now).date(), time(0), tzinfo=frdate.ZURICH)
    return (midnight - timedelta(minutes=30)).astimezone(UTC)


@pytest.mark.parametrize("case", ["now", "late yesterday", "2 days ago", "400 days ago"])
def test_day_badges_in_the_studio_time_zone(case):
    # on the default clock: Aujourd'hui, Hier, « 29 novembre 2026 », « 27 octobre 2025 »
    two, four_hundred = frdate.days_before(NOW, 2), frdate.days_before(NOW, 400)
    when, day = {"now": (NOW, "Aujourd'hui"), "late yesterday": (late_yesterday(NOW), "Hier"),
                 "2 days ago": (two, frdate.long_date(two)),
                 "400 days ago": (four_hundred, frdate.long_date(four_hundred))}[case]
    assert day_badge(when, NOW)[0] == day


def test_day_badge_follows_zurich_midnight_not_utc():
    # a fixed clock: 1 Dec 2026 12:00 UTC. 30 Nov 23:30 UTC is already 1 Dec 00:30 in Zurich (UTC+1).
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert day_badge(now - timedelta(hours=12, minutes=30), now) == ("Aujourd'hui", "00h30")
    assert day_badge(now - timedelta(hours=13, minutes=1), now) == ("Hier", "23h59")
    assert day_badge(now.replace(month=7), now.replace(month=7)) == ("Aujourd'hui", "14h00")  # summer time
    # summer (UTC+2): 20 Jul 2027 22:30 UTC is 21 Jul 00:30 in Zurich; 21:59 UTC is still the 20th
    summer = datetime(2027, 7, 21, 12, 0, tzinfo=UTC)
    assert day_badge(datetime(2027, 7, 20, 22, 30, tzinfo=UTC), summer) == ("Aujourd'hui", "00h30")
    assert day_badge(datetime(2027, 7, 20, 21, 59, tzinfo=UTC), summer) == ("Hier", "23h59")


def test_soft_delete_hides_the_conversation_but_keeps_its_history(db, plan):
    awa = contact(1)
    conv = assistant(awa)
    say(conv, "secret", contact_id=awa)
    in_write(do_delete_conversation, conversation_id=conv, now=NOW)
    assert page().rows == [] and page("secret").total == 0
    assert in_read(lambda s: s.get(Conversation, conv).deleted_at) is not None
    assert len(in_read(lambda s: s.exec(select(ChatMessage)).all())) == 1
    with pytest.raises(ServiceError, match="coach_conversation_unknown"):
        in_write(do_delete_conversation, conversation_id=conv)  # already gone
    with pytest.raises(ServiceError, match="coach_conversation_unknown"):
        in_write(do_delete_conversation, conversation_id=987654)


def test_default_groups_cannot_be_deleted(db):
    community = in_write(do_ensure_default_groups)[0].id
    with pytest.raises(ServiceError, match="coach_group_default"):
        in_write(do_delete_conversation, conversation_id=community)
    assert in_read(lambda s: s.get(Conversation, community).deleted_at) is None


def _world():
    """Awa (a participant without bookings) and Kofi: a group, Awa's assistant chat, their private chat."""
    community = in_write(do_ensure_default_groups)[0].id
    awa, kofi = contact(1, first_name="Awa"), contact(2, first_name="Kofi")
    for who in (awa, kofi):
        in_write(do_join_group, contact_id=who, slug="community")
    own = assistant(awa)
    pair = in_write(do_open_private, contact_id=awa, other_id=kofi).id
    kofi_own = assistant(kofi)
    say(own, "à moi", contact_id=awa)
    say(own, "réponse IA", kind="ai", name="Coach Bassi")
    say(pair, "entre nous", contact_id=kofi)
    say(community, "de Awa", contact_id=awa)
    say(community, "de Kofi", contact_id=kofi)
    say(kofi_own, "Kofi et l'IA", contact_id=kofi)
    with write_session() as s:
        s.add(AIUsage(day="2026-12-01", identity=f"contact:{awa}", requests=3))
    return awa, kofi, community, own, pair, kofi_own


def _bodies():
    return sorted(in_read(lambda s: [m.body for m in s.exec(select(ChatMessage)).all()]))


def test_participant_delete_erases_their_chat_and_their_contact(db):
    awa, kofi, community, own, pair, kofi_own = _world()
    assert in_write(do_delete_participant, contact_id=awa) is True
    assert _bodies() == ["Kofi et l'IA", "de Kofi"]
    convs = in_read(lambda s: {c.id for c in s.exec(select(Conversation)).all()})
    assert own not in convs and pair not in convs and {community, kofi_own} <= convs
    members = in_read(lambda s: [(m.conversation_id, m.contact_id) for m in s.exec(select(ConversationMember))])
    assert members == [(community, kofi)]
    assert in_read(lambda s: s.get(Contact, awa)) is None and in_read(lambda s: s.get(Contact, kofi)) is not None
    assert in_read(lambda s: s.exec(select(AIUsage)).all()) == []
    with pytest.raises(ServiceError, match="coach_contact_unknown"):
        in_write(do_delete_participant, contact_id=awa)


def test_participant_with_a_booking_keeps_the_contact_for_the_books(db):
    awa, kofi, community, own, pair, kofi_own = _world()
    with write_session() as s:
        cls, offer = make_session(s), make_offer(s)
        ids = (cls.id, offer.id)
    res = book(BookingRequest(session_id=ids[0], offer_id=ids[1], person=person(1, first_name="Awa"),
                              payment_method="twint"), now=NOW)
    assert res.contact_id == awa
    assert in_write(do_delete_participant, contact_id=awa) is False
    assert _bodies() == ["Kofi et l'IA", "de Kofi"]  # the chat is gone all the same
    assert in_read(lambda s: s.get(Contact, awa)) is not None
    assert in_read(lambda s: s.get(Reservation, res.id)).contact_id == awa
    assert in_read(lambda s: s.exec(select(Conversation).where(Conversation.contact_id == awa)).all()) == []


def test_excerpt_shows_emoji_tags_as_emojis_never_raw():
    from afroboost.models import ChatMessage
    from afroboost.services.chat.conversations import excerpt

    text = excerpt(ChatMessage(conversation_id=1, sender_kind="member", sender_name="Awa",
                               body="On danse ! [emoji:fire.svg] [emoji:../x.svg]"))
    assert text == "Awa : On danse ! 🔥"
    assert "[emoji:" not in text


def _many_assistant_conversations(n: int) -> list[int]:
    """`n` participants, each with a « Bonjour » in their conversation a minute apart (newest last)."""
    ids = []
    with write_session() as s:
        for i in range(n):
            c = Contact(first_name=f"Membre{i}", email=f"m{i}@exemple.ch", created_at=NOW, updated_at=NOW)
            s.add(c)
            s.flush()
            at = NOW - timedelta(minutes=n - i)
            conv = Conversation(kind="assistant", title="Coach Bassi", contact_id=c.id, created_at=NOW,
                                last_message_at=at)
            s.add(conv)
            s.flush()
            body = f"Bonjour coach, message {i}" + (" rare-mot" if i % 100 == 7 else "") + \
                (" moyen" if i % 8 == 0 else "")
            s.add(ChatMessage(conversation_id=conv.id, sender_kind="member", contact_id=c.id, body=body, created_at=at))
            ids.append(conv.id)
    return ids


def test_a_word_found_everywhere_lists_the_newest_with_a_floor_total(db):
    ids = _many_assistant_conversations(260)  # more than the dense plan reads for pages 1 and 2
    newest_first = ids[::-1]
    first = page("BONJOUR")
    assert not first.total_exact and first.total == 20 and first.has_more
    assert [r.id for r in first.rows] == newest_first[:20]
    second = page("bonjour", page=2)  # « Plus »
    assert not second.total_exact and second.total == 40
    assert [r.id for r in second.rows] == newest_first[20:40]
    # every 8th conversation: the first sample holds too few, the density found says how far to read
    medium = page("moyen")
    assert not medium.total_exact and [r.id for r in medium.rows] == newest_first[3::8][:20]
    # deep enough that every conversation is read: exact again
    last = page("bonjour", page=13)
    assert last.total_exact and last.total == 260 and [r.id for r in last.rows] == newest_first[240:]
    # a rarer word in the same list: exact, through the index-backed plan
    rare = page("rare-mot")
    assert rare.total_exact and rare.total == 3 and [r.id for r in rare.rows] == [ids[207], ids[107], ids[7]]


def test_a_word_found_everywhere_skips_deleted_conversations(db):
    ids = _many_assistant_conversations(260)
    in_write(do_delete_conversation, conversation_id=ids[-1])
    assert page("bonjour").rows[0].id == ids[-2]
