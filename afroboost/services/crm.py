"""Contacts CRM (💬 Conversations tab): the list, its CSV export, deleting a participant.

One person = one contact: contacts are already deduplicated by email and phone when they
are created (services/contacts/contacts.py), so the list and the export never show anyone twice.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, delete, select

from afroboost import texts
from afroboost.models import (
    AIUsage,
    ChatMessage,
    Contact,
    Conversation,
    ConversationKind,
    ConversationMember,
    Reservation,
    WaitlistEntry,
)
from afroboost.services import ServiceError
from afroboost.services.assistant.limits import contact_identity
from afroboost.services.catalog.listing import local_tz
from afroboost.services.chat.conversations import contact_label
from afroboost.services.content.concept import display_phone
from afroboost.services.text_search import clean_query, contact_matches

SHOWN = 100  # rows sent to the browser; the CSV always holds every match


@dataclass
class ContactRow:
    id: int = 0
    first_name: str = ""
    last_name: str = ""
    name: str = ""  # name, else email or phone (never empty)
    email: str = ""
    phone: str = ""  # E.164, as stored
    phone_display: str = ""  # « +41 79 123 45 67 »
    created: str = ""  # 31.12.2026 (studio time zone)
    reservations: int = 0
    messages: int = 0


def access_contacts(session: Session, *, query: str = "", limit: int | None = SHOWN) -> tuple[list[ContactRow], int]:
    """Contacts matching `query` (name, email, phone), newest first, and how many match in all."""
    q = clean_query(query)
    match = contact_matches(session, q) if q else sa.true()
    total = session.exec(select(sa.func.count()).select_from(Contact).where(match)).one()
    booked = select(sa.func.count()).select_from(Reservation).where(Reservation.contact_id == Contact.id)
    wrote = select(sa.func.count()).select_from(ChatMessage).where(ChatMessage.contact_id == Contact.id)
    listed = (select(Contact, booked.scalar_subquery(), wrote.scalar_subquery()).where(match)
              .order_by(Contact.created_at.desc(), Contact.id.desc()))
    if limit is not None:
        listed = listed.limit(int(limit))
    tz = local_tz()
    rows = [ContactRow(id=c.id, first_name=c.first_name or "", last_name=c.last_name or "", name=contact_label(c),
                       email=c.email or "", phone=c.phone or "", phone_display=display_phone(c.phone or ""),
                       created=c.created_at.astimezone(tz).strftime("%d.%m.%Y"), reservations=n_res,
                       messages=n_msg)
            for c, n_res, n_msg in session.exec(listed)]
    return rows, total


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not evaluate: a leading = + - @ (formula injection) gets a quote."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def contacts_csv(rows: list[ContactRow]) -> str:
    """CSV (semicolon, with a BOM so Excel reads the accents) of the given contacts."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(texts.CRM_CSV_HEADER)
    for r in rows:
        writer.writerow([safe_cell(v) for v in (r.first_name, r.last_name, r.email, r.phone, r.created,
                                                r.reservations, r.messages)])
    return buf.getvalue()


def do_delete_participant(session: Session, *, contact_id: int) -> bool:
    """Erase a participant from the chat for good; True when the contact row itself went too.

    Deleted: every message they wrote, their memberships, their own conversations (with the
    assistant, private ones) with all the messages in them. The contact row is kept when a
    reservation or a waitlist entry points to it: the studio's books must stay whole.
    """
    contact = session.get(Contact, int(contact_id or 0))
    if contact is None:
        raise ServiceError("coach_contact_unknown")
    cid = contact.id
    theirs = select(ConversationMember.conversation_id).where(ConversationMember.contact_id == cid)
    own = list(session.exec(select(Conversation.id).where(sa.or_(
        Conversation.contact_id == cid,
        sa.and_(Conversation.kind == ConversationKind.private.value, Conversation.id.in_(theirs))))))
    if own:
        session.exec(delete(ChatMessage).where(ChatMessage.conversation_id.in_(own)))
        session.exec(delete(ConversationMember).where(ConversationMember.conversation_id.in_(own)))
        session.exec(delete(Conversation).where(Conversation.id.in_(own)))
    session.exec(delete(ChatMessage).where(ChatMessage.contact_id == cid))
    session.exec(delete(ConversationMember).where(ConversationMember.contact_id == cid))
    in_books = session.exec(select(sa.or_(
        sa.exists().where(Reservation.contact_id == cid),
        sa.exists().where(WaitlistEntry.contact_id == cid)))).one()
    if in_books:
        session.flush()
        return False
    session.exec(delete(AIUsage).where(AIUsage.identity == contact_identity(cid)))
    session.delete(contact)
    session.flush()
    return True
