"""People and chat: users / chat_participants → contacts (deduplicated), sessions, links, messages."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, or_, select

from afroboost.legacy.common import (
    CREATED,
    MERGED,
    Malformed,
    contact_of,
    doc_time,
    field,
    flag,
    lookup,
    slugify,
    text,
    unique_slug,
)
from afroboost.models import (
    ChatLink,
    ChatMessage,
    Contact,
    Conversation,
    ConversationKind,
    ConversationMember,
    ConversationStatus,
    SenderKind,
)
from afroboost.services.chat.private import pair_slug
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.validation import Participant, clean_name, normalize_email, normalize_phone

Result = tuple[str, str, int | None]  # outcome, table, new id


def map_person(session: Session, doc: dict, now: datetime) -> Result:
    """One person = one contact: matched by normalized email, then E.164 phone. No name → email shows."""
    raw_email = text(doc, "email", "userEmail")
    raw_phone = text(doc, "whatsapp", "phone", "userWhatsapp")
    email = normalize_email(raw_email) if raw_email else None
    phone = normalize_phone(raw_phone) if raw_phone else None
    if not email and not phone:
        raise Malformed("no valid email or phone")
    first = clean_name(text(doc, "firstName", "first_name"))[:80]
    last = clean_name(text(doc, "lastName", "last_name"))[:80]
    if not first and not last:
        first, _, last = clean_name(text(doc, "name", "userName")).partition(" ")
        first, last = first[:80], last.strip()[:80]
    conds = [Contact.email == email] if email else []
    if phone:
        conds.append(Contact.phone == phone)
    existed = session.exec(select(Contact.id).where(or_(*conds))).first() is not None
    # None, not "": the unique columns hold NULL for an unknown email / phone
    person = Participant(first_name=first, last_name=last, email=email, phone=phone)  # type: ignore[arg-type]
    contact = do_upsert_contact(session, person=person)
    created_at = doc_time(doc)
    if not existed and created_at:
        contact.created_at = created_at
        session.add(contact)
    return (MERGED if existed else CREATED), "contact", contact.id


def map_chat_link(session: Session, doc: dict, now: datetime) -> Result:
    token = text(doc, "link_token", "token", limit=64)
    if not token:
        raise Malformed("no link_token")
    found = session.exec(select(ChatLink).where(ChatLink.token == token)).first()
    if found is not None:
        return MERGED, "chat_link", found.id
    link = ChatLink(token=token, title=text(doc, "title", "name", limit=120),
                    custom_prompt=text(doc, "custom_prompt", "customPrompt", limit=8000) or None,
                    created_at=doc_time(doc) or now,
                    deleted_at=now if _deleted(doc) else None)
    session.add(link)
    session.flush()
    return CREATED, "chat_link", link.id


def _deleted(doc: dict) -> bool:
    return flag(doc, "is_deleted", False) or flag(doc, "deleted", False)


def _is_group(doc: dict) -> bool:
    return bool(flag(doc, "is_group", False) or flag(doc, "isGroup", False) or doc.get("type") == "group"
                or doc.get("mode") in ("community", "group") or doc.get("group_slug"))


def _add_member(session: Session, conv_id: int, contact_id: int, at: datetime | None) -> None:
    exists = session.exec(select(ConversationMember.id).where(ConversationMember.conversation_id == conv_id)
                          .where(ConversationMember.contact_id == contact_id)).first()
    if exists is None:
        session.add(ConversationMember(conversation_id=conv_id, contact_id=contact_id,
                                       **({"joined_at": at} if at else {})))


def map_chat_session(session: Session, doc: dict, now: datetime) -> Result:
    created = doc_time(doc) or now
    people = [c for c in (contact_of(session, p) for p in field(doc, "participant_ids", "participantIds",
                                                                  default=[]) or []) if c]
    deleted = now if _deleted(doc) else None
    if _is_group(doc):
        title = text(doc, "title", "name", "group_name", limit=120)
        slug = slugify(text(doc, "group_slug", "slug") or title or "groupe")
        conv = session.exec(select(Conversation).where(Conversation.slug == slug)
                            .where(Conversation.kind == ConversationKind.group.value)).first()
        outcome = MERGED
        if conv is None:
            conv = Conversation(kind=ConversationKind.group.value, slug=unique_slug(session, Conversation, slug),
                                title=title or slug, created_at=created, deleted_at=deleted)
            session.add(conv)
            session.flush()
            outcome = CREATED
        for cid in people:
            _add_member(session, conv.id, cid, created)
        return outcome, "conversation", conv.id
    link = lookup(session, ("chat_links",), field(doc, "link_id", "linkId"))
    token = text(doc, "link_token", limit=64)
    link_id = link[1] if link else None
    if link_id is None and token:
        link_id = session.exec(select(ChatLink.id).where(ChatLink.token == token)).first()
    mode = str(field(doc, "mode", default="ai"))
    status = ConversationStatus.ai.value
    if mode in ("human", "coach") or not flag(doc, "is_ai_active", True):
        status = ConversationStatus.coach.value
    conv = Conversation(kind=ConversationKind.assistant.value, title=text(doc, "title", limit=120),
                        contact_id=people[0] if people else None, link_id=link_id, status=status,
                        created_at=created, deleted_at=deleted)
    session.add(conv)
    session.flush()
    for cid in people:
        _add_member(session, conv.id, cid, created)
    return CREATED, "conversation", conv.id


SENDER_KINDS = {"user": SenderKind.member, "participant": SenderKind.member, "member": SenderKind.member,
                "client": SenderKind.member, "coach": SenderKind.coach, "ai": SenderKind.ai,
                "assistant": SenderKind.ai, "bot": SenderKind.ai, "system": SenderKind.system}


def _message(session: Session, doc: dict, now: datetime, conv_collection: str) -> Result:
    hit = lookup(session, (conv_collection,), field(doc, "session_id", "conversation_id", "sessionId",
                                                     "conversationId"))
    if hit is None:
        raise Malformed("conversation not imported (unknown or malformed session)")
    body = text(doc, "content", "message", "text", "body")
    if not body:
        raise Malformed("empty message")
    raw_kind = str(field(doc, "sender_type", "senderType", "role", default="user")).lower()
    kind = SENDER_KINDS.get(raw_kind)
    if kind is None:
        raise Malformed(f"unknown sender_type {raw_kind!r}")
    contact_id = contact_of(session, field(doc, "sender_id", "senderId")) if kind == SenderKind.member else None
    at = doc_time(doc, "timestamp") or now
    name = text(doc, "sender_name", "senderName", limit=80)
    msg = ChatMessage(conversation_id=hit[1], sender_kind=kind.value, contact_id=contact_id,
                      sender_name=name, body=body, created_at=at, notified=True)
    session.add(msg)
    conv = session.get(Conversation, hit[1])
    if conv is not None and (conv.last_message_at is None or conv.last_message_at < at):
        conv.last_message_at = at
        session.add(conv)
    if contact_id and conv is not None and conv.kind != ConversationKind.assistant.value:
        _add_member(session, conv.id, contact_id, at)
    session.flush()
    return CREATED, "chat_message", msg.id


def map_chat_message(session: Session, doc: dict, now: datetime) -> Result:
    return _message(session, doc, now, "chat_sessions")


def map_private_conversation(session: Session, doc: dict, now: datetime) -> Result:
    a = contact_of(session, field(doc, "participant_1_id", "participant1Id"))
    b = contact_of(session, field(doc, "participant_2_id", "participant2Id"))
    if not a or not b or a == b:
        raise Malformed("participants not imported")
    slug = pair_slug(a, b)
    conv = session.exec(select(Conversation).where(Conversation.slug == slug)).first()
    if conv is not None:
        return MERGED, "conversation", conv.id
    created = doc_time(doc) or now
    conv = Conversation(kind=ConversationKind.private.value, slug=slug, created_at=created)
    session.add(conv)
    session.flush()
    for cid in (a, b):
        _add_member(session, conv.id, cid, created)
    return CREATED, "conversation", conv.id


def map_private_message(session: Session, doc: dict, now: datetime) -> Result:
    doc = {**doc, "sender_type": doc.get("sender_type") or "user"}
    return _message(session, doc, now, "private_conversations")
