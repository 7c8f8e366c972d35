"""« 👥 Chat Communautaire »: the coach's community groups and who is in them.

A group's slug is chosen once, from its first title, and never changes (campaigns and
links may name it); renaming only changes the title.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, delete, select

from afroboost.models import Contact, Conversation, ConversationKind, ConversationMember
from afroboost.services import ServiceError
from afroboost.services.chat.conversations import DEFAULT_SLUGS, contact_label
from afroboost.services.content.concept import display_phone
from afroboost.services.forms import Checker, slugify
from afroboost.services.text_search import clean_query, contact_matches

MAX_TITLE = 120
MAX_CANDIDATES = 8
GROUP = ConversationKind.group.value


@dataclass
class GroupRow:
    id: int = 0
    title: str = ""
    slug: str = ""
    members: int = 0
    is_default: bool = False


@dataclass
class MemberRow:
    id: int = 0  # the contact id
    name: str = ""
    detail: str = ""  # email or phone


def _member_row(c: Contact) -> MemberRow:
    return MemberRow(id=c.id, name=contact_label(c), detail=c.email or display_phone(c.phone or ""))


def access_group(session: Session, *, group_id: int) -> Conversation:
    """A live group (else ServiceError): ids from the browser are checked here."""
    conv = session.get(Conversation, int(group_id or 0))
    if conv is None or conv.kind != GROUP or conv.deleted_at is not None:
        raise ServiceError("coach_group_unknown")
    return conv


def access_groups(session: Session) -> list[GroupRow]:
    """Live groups, the default ones first, with their member counts."""
    sizes = dict(session.exec(select(ConversationMember.conversation_id, sa.func.count())
                              .group_by(ConversationMember.conversation_id)).all())
    groups = session.exec(select(Conversation).where(Conversation.kind == GROUP)
                          .where(Conversation.deleted_at.is_(None)).order_by(Conversation.id)).all()
    rows = [GroupRow(id=g.id, title=g.title or g.slug or "", slug=g.slug or "", members=sizes.get(g.id, 0),
                     is_default=g.slug in DEFAULT_SLUGS) for g in groups]
    return sorted(rows, key=lambda r: not r.is_default)


def _check_title(title: str) -> str:
    c = Checker()
    clean = c.text("title", title, limit=MAX_TITLE, required=True)
    c.done()
    return clean


def do_create_group(session: Session, *, title: str) -> Conversation:
    """A new group; its slug comes from the title, made unique with -2, -3… when taken."""
    clean = _check_title(title)
    base = slugify(clean, limit=70)
    if not base:
        raise ServiceError("coach_group_slug_empty", field="title")
    # Deleted groups and private pairs keep their slugs: a slug is never given out twice.
    taken = set(session.exec(select(Conversation.slug).where(Conversation.slug.startswith(base))))
    clashes = 0
    for n in itertools.count(1):
        slug = base if n == 1 else f"{base}-{n}"
        if slug in taken:
            continue
        try:
            with session.begin_nested():  # another coach tab may take the same slug meanwhile
                group = Conversation(kind=GROUP, slug=slug, title=clean)
                session.add(group)
                session.flush()
            return group
        except IntegrityError:
            clashes += 1
            if clashes > 5:  # not a slug race after all
                raise
            taken.add(slug)
    raise AssertionError("unreachable")


def do_rename_group(session: Session, *, group_id: int, title: str) -> Conversation:
    group = access_group(session, group_id=group_id)
    group.title = _check_title(title)
    session.add(group)
    session.flush()
    return group


def access_group_members(session: Session, *, group_id: int) -> list[MemberRow]:
    group = access_group(session, group_id=group_id)
    members = session.exec(select(Contact).join(ConversationMember, ConversationMember.contact_id == Contact.id)
                           .where(ConversationMember.conversation_id == group.id)
                           .order_by(Contact.first_name, Contact.last_name, Contact.id)).all()
    return [_member_row(c) for c in members]


def access_member_candidates(session: Session, *, group_id: int, query: str) -> list[MemberRow]:
    """Contacts matching `query` who are not in the group yet (a few, to pick from)."""
    group = access_group(session, group_id=group_id)
    q = clean_query(query)
    if not q:
        return []
    inside = select(ConversationMember.contact_id).where(ConversationMember.conversation_id == group.id)
    found = session.exec(select(Contact).where(contact_matches(session, q)).where(Contact.id.not_in(inside))
                         .order_by(Contact.first_name, Contact.id).limit(MAX_CANDIDATES)).all()
    return [_member_row(c) for c in found]


def do_add_member(session: Session, *, group_id: int, contact_id: int) -> str:
    """Add a contact to a group (nothing happens if already in). Returns their name."""
    group = access_group(session, group_id=group_id)
    contact = session.get(Contact, int(contact_id or 0))
    if contact is None:
        raise ServiceError("coach_contact_unknown")
    exists = session.exec(select(ConversationMember.id).where(ConversationMember.conversation_id == group.id)
                          .where(ConversationMember.contact_id == contact.id)).first()
    if exists is None:
        session.add(ConversationMember(conversation_id=group.id, contact_id=contact.id))
        session.flush()
    return contact_label(contact)


def do_remove_member(session: Session, *, group_id: int, contact_id: int) -> str:
    """Take a contact out of a group (their past messages stay). Returns their name."""
    group = access_group(session, group_id=group_id)
    contact = session.get(Contact, int(contact_id or 0))
    if contact is None:
        raise ServiceError("coach_contact_unknown")
    session.exec(delete(ConversationMember).where(ConversationMember.conversation_id == group.id)
                 .where(ConversationMember.contact_id == contact.id))
    return contact_label(contact)
