"""Conversations and messages: who may read and write where, and the history.

Membership is decided here, on the server, from the verified contact id — never from
anything the browser says about a room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import (
    ChatMessage,
    Contact,
    Conversation,
    ConversationKind,
    ConversationMember,
    SenderKind,
)
from afroboost.services import ServiceError
from afroboost.services.chat.format import Segment, day_label, display_parts, format_time, studio_day
from afroboost.services.chat.identity import do_claim

MAX_BODY = 2000
DEFAULT_GROUPS = list(texts.GROUP_DEFAULT_TITLES.items())  # (slug, title)


@dataclass
class MessageView:
    id: int = 0
    conversation_id: int = 0
    sender_kind: str = ""
    contact_id: int = 0
    sender_name: str = ""
    body: str = ""
    at: str = ""  # ISO UTC
    day: str = ""  # YYYY-MM-DD in the studio's time zone, for date separators
    parts: list[Segment] = field(default_factory=list)  # text / link / emoji segments; [] = show `body` as is
    time: str = ""  # « 18:05 », studio time zone
    day_label: str = ""  # « Aujourd'hui », « Hier », « lundi 23 novembre »
    first_of_day: bool = False  # a date separator goes before it (chat_format.mark_first_of_day)


@dataclass
class RoomView:
    id: int = 0
    kind: str = ""
    title: str = ""


def message_view(m: ChatMessage, sender_name: str | None = None) -> MessageView:
    """What a browser gets of a message; `sender_name` replaces the stored one (see recent_messages)."""
    at = as_utc(m.created_at)
    day = studio_day(at)
    return MessageView(id=m.id, conversation_id=m.conversation_id, sender_kind=m.sender_kind,
                       contact_id=m.contact_id or 0, sender_name=m.sender_name if sender_name is None else sender_name,
                       body=m.body, at=at.isoformat(), day=day, parts=display_parts(m.body), time=format_time(at),
                       day_label=day_label(day))


def display_name(contact: Contact) -> str:
    """How members see each other: first name and the surname's initial (« Awa K. »), never the surname."""
    first = " ".join((contact.first_name or "").split())[:20]
    initial = next((ch for ch in (contact.last_name or "") if ch.isalnum()), "")
    name = f"{first} {initial.upper()}." if initial else first
    return name.strip() or texts.UNNAMED_CONTACT


def do_ensure_default_groups(session: Session) -> list[Conversation]:
    rows = []
    for slug, title in DEFAULT_GROUPS:
        row = session.exec(select(Conversation).where(Conversation.slug == slug)).first()
        if row is None:
            row = Conversation(kind=ConversationKind.group.value, slug=slug, title=title)
            session.add(row)
            session.flush()
        rows.append(row)
    return rows


def do_join_group(session: Session, *, contact_id: int, slug: str) -> None:
    """Add a contact to a group (the coach decides who; « community » is open to everyone)."""
    conv = session.exec(select(Conversation).where(Conversation.slug == slug)
                        .where(Conversation.kind == ConversationKind.group.value)).first()
    if conv is None:
        raise ServiceError("chat_not_member")
    exists = session.exec(select(ConversationMember).where(ConversationMember.conversation_id == conv.id)
                          .where(ConversationMember.contact_id == contact_id)).first()
    if exists is None:
        session.add(ConversationMember(conversation_id=conv.id, contact_id=contact_id))
        session.flush()


def do_ensure_assistant_conversation(session: Session, *, contact_id: int, link_id: int | None = None
                                     ) -> Conversation:
    """The participant's own conversation with the assistant and the coach (one per link)."""
    stmt = (select(Conversation).where(Conversation.kind == ConversationKind.assistant.value)
            .where(Conversation.contact_id == contact_id).where(Conversation.deleted_at.is_(None)))
    stmt = stmt.where(Conversation.link_id == link_id) if link_id else stmt.where(Conversation.link_id.is_(None))
    conv = session.exec(stmt).first()
    if conv is None:
        conv = Conversation(kind=ConversationKind.assistant.value, contact_id=contact_id, link_id=link_id,
                            title="Coach Bassi")
        session.add(conv)
        session.flush()
    return conv


def access_conversation(session: Session, *, contact_id: int, conversation_id: int) -> Conversation:
    """The conversation if this contact may read and write it (else ServiceError)."""
    conv = session.get(Conversation, int(conversation_id or 0))
    if conv is None or conv.deleted_at is not None:
        raise ServiceError("chat_not_member")
    if conv.kind == ConversationKind.assistant.value and conv.contact_id == contact_id:
        return conv
    member = session.exec(select(ConversationMember).where(ConversationMember.conversation_id == conv.id)
                          .where(ConversationMember.contact_id == contact_id)).first()
    if member is None:
        raise ServiceError("chat_not_member")
    return conv


def rooms_for(session: Session, *, contact_id: int) -> list[RoomView]:
    """The participant's rooms: their assistant conversation, then their groups."""
    own = session.exec(select(Conversation).where(Conversation.kind == ConversationKind.assistant.value)
                       .where(Conversation.contact_id == contact_id)
                       .where(Conversation.deleted_at.is_(None)).order_by(Conversation.id)).all()
    groups = session.exec(
        select(Conversation).join(ConversationMember, ConversationMember.conversation_id == Conversation.id)
        .where(ConversationMember.contact_id == contact_id).where(Conversation.kind == ConversationKind.group.value)
        .where(Conversation.deleted_at.is_(None)).order_by(Conversation.id)
    ).all()
    return [RoomView(c.id, c.kind, c.title or c.slug or "") for c in [*own, *groups]]


def recent_rows(session: Session, *, conversation_id: int, limit: int = 50,
                where=None) -> list[tuple[ChatMessage, Contact | None]]:
    """The last messages (oldest first) with their sender's contact; `where`: an extra SQL condition."""
    stmt = (select(ChatMessage, Contact).outerjoin(Contact, Contact.id == ChatMessage.contact_id)
            .where(ChatMessage.conversation_id == conversation_id))
    if where is not None:
        stmt = stmt.where(where)
    rows = session.exec(stmt.order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc()).limit(limit)).all()
    return list(reversed(rows))


def views_of(rows: list[tuple[ChatMessage, Contact | None]]) -> list[MessageView]:
    """Members named as `display_name` now says (older rows stored full names)."""
    return [message_view(m, display_name(c) if c is not None and m.sender_kind == SenderKind.member.value else None)
            for m, c in rows]


def recent_messages(session: Session, *, conversation_id: int, limit: int = 50) -> list[MessageView]:
    """The last messages, oldest first, as every viewer of the room sees them."""
    return views_of(recent_rows(session, conversation_id=conversation_id, limit=limit))


def check_body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise ServiceError("chat_empty", field="body")
    if len(text) > MAX_BODY:
        raise ServiceError("chat_too_long", field="body")
    return text


def do_post_message(session: Session, *, contact_id: int, conversation_id: int, body: str,
                    now: datetime | None = None) -> MessageView:
    """A member's message, after the membership check; stored before anyone sees it."""
    now = now or utc_now()
    conv = access_conversation(session, contact_id=contact_id, conversation_id=conversation_id)
    contact = session.get(Contact, contact_id)
    msg = ChatMessage(conversation_id=conv.id, sender_kind=SenderKind.member.value, contact_id=contact_id,
                      sender_name=display_name(contact), body=check_body(body), created_at=now)
    session.add(msg)
    conv.last_message_at = now
    session.add(conv)
    session.flush()
    return message_view(msg)


def do_join_chat(session: Session, *, contact_id: int) -> str:
    """Open the assistant conversation and the open « community » group; the person's display name."""
    do_ensure_default_groups(session)
    do_join_group(session, contact_id=contact_id, slug="community")
    do_ensure_assistant_conversation(session, contact_id=contact_id)
    return display_name(session.get(Contact, contact_id))


def do_claim_and_join(session: Session, *, first_name: str, contact: str):
    """First visit: a new contact joins at once (unverified); an existing one gets no identity yet.

    Returns the `Claim` (services/chat_identity.py); `claim.token` is empty when a code is needed.
    """
    claim, row = do_claim(session, first_name=first_name, contact=contact)
    if row is not None:
        claim.name = do_join_chat(session, contact_id=row.id)
    return claim


def do_identify_and_join(session: Session, *, first_name: str, contact: str) -> tuple[int, str, str]:
    """A NEW contact's first visit (tests, bench): id, unverified token, name; an existing one is refused."""
    claim = do_claim_and_join(session, first_name=first_name, contact=contact)
    if not claim.token:
        raise ServiceError("chat_code_needed", field="contact")
    return claim.contact_id, claim.token, claim.name


def access_name(session: Session, *, contact_id: int) -> str | None:
    row = session.get(Contact, contact_id)
    return display_name(row) if row else None
