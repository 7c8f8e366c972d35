"""Which conversations the coach's search finds, and in what order (💬 Conversations tab).

Two plans, most recent conversations first in both:

* **Dense** (tried first): the most recent conversations (index `ix_conversation_recent`)
  are checked row by row, a sample first, then as far as the density found there says (at
  most MAX_SPAN). If the page fills up — a word found everywhere, « bonjour », a common
  first name — that is the page, and the total is only a floor (« Plus de 20
  conversations »): counting them all would read hundreds of thousands of index entries.
  A small studio (fewer conversations than that) gets its exact answer here.
* **Selective** (otherwise: a name, an email, a phone number, a rarer word): one
  `id IN (UNION …)` whose branches are each answered by a search index, with the exact total.

bench/crm_search.py measures both on 100 000 contacts and 1 000 000 messages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.models import ChatMessage, Contact, Conversation, ConversationKind, ConversationMember
from afroboost.services.text_search import (
    contact_like,
    contact_matches,
    contains,
    message_conversations,
    phone_fragments,
    sql_lower,
)

GROUP = ConversationKind.group.value
SAMPLE = 4  # conversations sampled first per wanted row (84 for a first page of 20 + 1)
MAX_SPAN = 2000  # the dense plan reads at most this many conversations (about 5 % must match)


def recent_first() -> tuple[sa.ColumnElement, sa.ColumnElement]:
    """The list's order, most recently active first (the expression of `ix_conversation_recent`)."""
    return sa.func.coalesce(Conversation.last_message_at, Conversation.created_at), Conversation.id


def _people_and_titles(session: Session, query: str) -> list[sa.Select]:
    """Conversation ids whose participant (owner or member) or group title matches `query`."""
    # a CTE used twice: PostgreSQL computes the matching contacts once (else it may re-filter
    # every contact for the member branch)
    people = select(Contact.id).where(contact_matches(session, query)).cte("search_people")
    owner = select(Conversation.id).where(Conversation.contact_id.in_(select(people.c.id)))
    member = select(ConversationMember.conversation_id).where(
        ConversationMember.contact_id.in_(select(people.c.id)))
    # Assistant conversations are all titled « Coach Bassi »: only group titles say something.
    titled = select(Conversation.id).where(Conversation.kind == GROUP).where(
        contains(sql_lower(session)(Conversation.title), query))
    return [owner, member, titled]


def search_filter(session: Session, query: str) -> sa.ColumnElement[bool]:
    """Selective plan: participants' names, emails and phones, message content, group titles.

    One `id IN (UNION …)`: each branch is answered by an index (contact / message search
    indexes, conversation.contact_id, conversation_member.contact_id, conversation.kind).
    """
    return Conversation.id.in_(sa.union(*_people_and_titles(session, query), message_conversations(session, query)))


def _chunk_hits(session: Session, query: str, ids: Sequence[int]) -> set[int]:
    """Which of the conversations `ids` match `query`, row by row: a few hundred known rows, so
    no search-index lookup (which would list every match in the database first)."""
    in_chunk = list(ids)
    lower, who = sql_lower(session), contact_like(session, query)
    # MATERIALIZED: PostgreSQL reads the chunk's messages by conversation first, then filters
    # them; never the trigram index, whose bitmap for a frequent word is the whole table.
    theirs = select(ChatMessage.conversation_id, ChatMessage.body).where(ChatMessage.conversation_id.in_(in_chunk)) \
        .cte("chunk_messages").prefix_with("MATERIALIZED", dialect="postgresql")
    said = select(theirs.c.conversation_id).where(contains(lower(theirs.c.body), query))
    owner = select(Conversation.id).join(Contact, Contact.id == Conversation.contact_id).where(
        Conversation.id.in_(in_chunk), who)
    member = select(ConversationMember.conversation_id).join(Contact, Contact.id == ConversationMember.contact_id) \
        .where(ConversationMember.conversation_id.in_(in_chunk), who)
    titled = select(Conversation.id).where(Conversation.id.in_(in_chunk), Conversation.kind == GROUP,
                                           contains(lower(Conversation.title), query))
    return set(session.execute(sa.union(said, owner, member, titled)).scalars())


def _recent_ids(session: Session, offset: int, limit: int) -> list[int]:
    recent, conv_id = recent_first()
    return list(session.exec(select(Conversation.id).where(Conversation.deleted_at.is_(None))
                             .order_by(recent.desc(), conv_id.desc()).offset(offset).limit(limit)).all())


def dense_matches(session: Session, query: str, want: int) -> tuple[list[int], bool] | None:
    """Dense plan: the first `want` matches, when they lie among the most recent conversations.

    A sample of the `want × SAMPLE` most recent conversations is checked first. No match
    there (most names, rare words): the selective plan, at the cost of that sample only.
    Some: the density they show says how far to read (at most MAX_SPAN conversations).

    Returns:
        (ids, exact) — `exact` True when every live conversation was checked (the ids are
        then every match, possibly more than `want`); None: take the selective plan.
    """
    first = want * SAMPLE
    if first > MAX_SPAN or "@" in query or phone_fragments(query):
        return None  # deep pages; an email or a phone number points at one person: selective
    chunk = _recent_ids(session, 0, first)
    hits = _chunk_hits(session, query, chunk)
    if len(chunk) < first:  # that was every conversation
        return [cid for cid in chunk if cid in hits], True
    if len(hits) < want:
        if not hits:
            return None
        span = math.ceil(want * first / len(hits) * 1.3)  # what that density needs, with a margin
        if span > MAX_SPAN:
            return None
        more = _recent_ids(session, first, span - first)
        chunk += more
        hits |= _chunk_hits(session, query, more)
        if len(more) < span - first:
            return [cid for cid in chunk if cid in hits], True
        if len(hits) < want:
            return None
    return [cid for cid in chunk if cid in hits][:want], False
