"""The internal channels (person's own conversation, group rooms) on a real database.

Exactly once across crashes and concurrent dispatchers: the message and the delivery's
provider_id are written in one transaction, so a retried delivery never posts twice.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import func, select

from afroboost import texts
from afroboost.db import in_read, in_write, utc_now, write_session
from afroboost.integrations.channels import OutgoingMessage
from afroboost.integrations.chat_channel import Raced
from afroboost.models import ChatMessage, Conversation, ConversationKind, ConversationStatus
from afroboost.models.campaign import Delivery
from afroboost.services.campaigns.chat_delivery import chat_channel, post_messages
from afroboost.services.chat.messages import do_ensure_assistant_conversation, do_ensure_default_groups
from afroboost.services.contacts.contacts import do_upsert_contact
from tests.channel_rows import deliveries
from tests.factories import person
from tests.race import race


def contacts(n: int) -> list[int]:
    with write_session() as s:
        return [do_upsert_contact(s, person=person(i)).id for i in range(1, n + 1)]


def msg(delivery_id: int, *, contact_id: int | None = None, conversation_id: int | None = None,
        body: str = "Salut Awa, rendez-vous mercredi 💃", media_url: str = "") -> OutgoingMessage:
    return OutgoingMessage(delivery_id=delivery_id, idempotency_key=f"afroboost-delivery-{delivery_id}",
                           channel="group" if conversation_id else "internal", campaign_id=1, campaign_name="Test",
                           body=body, media_url=media_url, contact_id=contact_id, conversation_id=conversation_id)


def messages_in(conversation_id: int) -> list[ChatMessage]:
    return in_read(lambda s: s.exec(select(ChatMessage).where(ChatMessage.conversation_id == conversation_id)
                                    .order_by(ChatMessage.id)).all())


def count_messages() -> int:
    return in_read(lambda s: s.exec(select(func.count()).select_from(ChatMessage)).one())


async def test_internal_message_lands_in_the_persons_own_conversation(db):
    [awa] = contacts(1)
    [did] = deliveries("internal", [awa])
    result = await chat_channel("internal").send(msg(did, contact_id=awa, media_url="https://afroboost.example/v/x"))
    assert result.status == "sent"
    conv = in_read(lambda s: s.exec(select(Conversation).where(Conversation.contact_id == awa)).one())
    assert conv.kind == ConversationKind.assistant.value and conv.status == ConversationStatus.ai.value
    [m] = messages_in(conv.id)
    assert m.sender_kind == "coach" and m.sender_name == "💪 Coach Bassi" == texts.CAMPAIGN_SENDER
    assert m.body == "Salut Awa, rendez-vous mercredi 💃\nhttps://afroboost.example/v/x"
    assert result.provider_id == str(m.id)
    assert in_read(lambda s: s.get(Delivery, did).provider_id) == str(m.id)


async def test_an_existing_conversation_is_reused_and_keeps_its_ai_status(db):
    [awa] = contacts(1)
    conv_id = in_write(lambda s: do_ensure_assistant_conversation(s, contact_id=awa).id)
    [did] = deliveries("internal", [awa])
    await chat_channel("internal").send(msg(did, contact_id=awa))
    assert len(messages_in(conv_id)) == 1
    assert in_read(lambda s: s.get(Conversation, conv_id).status) == ConversationStatus.ai.value
    assert in_read(lambda s: s.exec(select(func.count()).select_from(Conversation)).one()) == 1


async def test_group_message_goes_to_the_room_and_a_bad_target_fails_alone(db):
    groups = in_write(lambda s: [g.id for g in do_ensure_default_groups(s)])
    with write_session() as s:
        gone = s.get(Conversation, groups[2])
        gone.deleted_at = utc_now()
        s.add(gone)
    [awa] = contacts(1)
    private = in_write(lambda s: do_ensure_assistant_conversation(s, contact_id=awa).id)
    targets = [groups[0], groups[2], private, groups[1]]
    dids = deliveries("group", targets)
    results = await chat_channel("group").send_batch([msg(d, conversation_id=g)
                                                     for d, g in zip(dids, targets, strict=True)])
    assert [r.status for r in results] == ["sent", "failed", "failed", "sent"]
    assert results[1].error_code == results[2].error_code == "no_group"
    assert len(messages_in(groups[0])) == len(messages_in(groups[1])) == 1
    assert messages_in(private) == []


async def test_unknown_contact_or_empty_body_fails(db):
    [did, did2] = deliveries("internal", contacts(2))
    results = await chat_channel("internal").send_batch([msg(did, contact_id=987654),
                                                        msg(did2, contact_id=2, body="  ")])
    assert [(r.status, r.error_code) for r in results] == [("failed", "no_contact"), ("failed", "empty")]
    assert count_messages() == 0


async def test_a_retried_delivery_never_posts_twice(db):
    """A crash after the message was committed but before « sent » was recorded: the retry reports it."""
    people = contacts(3)
    dids = deliveries("internal", people)
    channel = chat_channel("internal")
    first = await channel.send_batch([msg(d, contact_id=c) for d, c in zip(dids, people, strict=True)])
    again = await channel.send_batch([msg(d, contact_id=c) for d, c in zip(dids, people, strict=True)])
    assert [r.provider_id for r in again] == [r.provider_id for r in first]
    assert all(r.status == "sent" for r in again)
    assert count_messages() == 3


def test_concurrent_dispatchers_on_the_same_rows_post_each_message_once(any_db):
    """Only after a lease expired can two attempts hold one row; the later one keeps nothing."""
    people = contacts(20)
    dids = deliveries("internal", people)
    batch = [msg(d, contact_id=c) for d, c in zip(dids, people, strict=True)]
    outcomes = race(lambda _: in_write(post_messages, channel="internal", messages=batch), range(6), workers=6)
    assert all(o.ok or isinstance(o.error, Raced) for o in outcomes), [repr(o.error) for o in outcomes]
    assert any(o.ok for o in outcomes)
    assert count_messages() == 20
    assert in_read(lambda s: s.exec(select(func.count()).select_from(Conversation)).one()) == 20  # one per person
    final = [r.provider_id for r, _ in in_write(post_messages, channel="internal", messages=batch)]
    assert all(final) and count_messages() == 20  # the retry reports the stored messages
    assert all([r.provider_id for r, _ in o.result] == final for o in outcomes if o.ok)
    stored = in_read(lambda s: s.exec(select(Delivery.provider_id).where(Delivery.id.in_(dids))).all())
    assert sorted(stored) == sorted(final)


async def test_messages_without_a_ledger_row_are_still_posted(db):
    """Benches and previews may send without delivery rows: nothing to mark, the message goes out."""
    [awa] = contacts(1)
    results = await chat_channel("internal").send_batch([msg(10_001, contact_id=awa), msg(10_002, contact_id=awa)])
    assert [r.status for r in results] == ["sent", "sent"] and count_messages() == 2
    assert utc_now() - timedelta(minutes=1) < in_read(lambda s: s.exec(select(ChatMessage)).first().created_at)
