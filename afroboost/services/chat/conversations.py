"""💬 Conversations tab: the coach's list of conversations (search, pages, badges) and soft delete.

Only the rows of the requested page are enriched (last message, counts, participants), so
the cost of a page does not grow with the history.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ChatLink, ChatMessage, Contact, Conversation, ConversationKind, ConversationMember
from afroboost.services import ServiceError
from afroboost.services.catalog.listing import local_tz
from afroboost.services.chat.format import plain_text
from afroboost.services.chat.messages import DEFAULT_GROUPS, display_name
from afroboost.services.chat.search import dense_matches, recent_first, search_filter
from afroboost.services.content.concept import display_phone
from afroboost.services.text_search import clean_query

PER_PAGE = 20
MAX_PER_PAGE = 100
EXCERPT = 90
DEFAULT_SLUGS = frozenset(slug for slug, _ in DEFAULT_GROUPS)
ASSISTANT, GROUP, PRIVATE = (ConversationKind.assistant.value, ConversationKind.group.value,
                             ConversationKind.private.value)


@dataclass
class ConversationRow:
    id: int = 0
    kind: str = ""  # assistant | group | private
    kind_label: str = ""
    title: str = ""
    people: str = ""  # email · phone, « 12 membre(s) », « Awa ↔ Kofi »…
    excerpt: str = ""  # the last message, one line, as text
    count: int = 0
    count_label: str = ""
    day: str = ""  # Aujourd'hui | Hier | 3 novembre 2026 (studio time zone)
    time: str = ""  # 14h05
    status: str = ""  # ai | waiting | coach (assistant conversations only)
    status_label: str = ""
    strict: bool = False  # opened through a link with its own prompt
    deletable: bool = True  # the default groups cannot be deleted


@dataclass
class ConversationPage:
    rows: list[ConversationRow] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    has_more: bool = False
    total_exact: bool = True  # False: a broad search, `total` is a floor (« Plus de 40 conversations »)


def contact_label(c: Contact | None) -> str:
    """A name (25 characters at most), else the email or phone, else « Contact sans nom »."""
    if c is None:
        return texts.CONV_UNNAMED
    name = f"{c.first_name or ''} {c.last_name or ''}".strip()
    return name[:25] or c.email or c.phone or texts.CONV_UNNAMED


def day_badge(when: datetime, now: datetime) -> tuple[str, str]:
    """(« Aujourd'hui » | « Hier » | « 3 novembre 2026 », « 14h05 ») in the studio's time zone."""
    tz = local_tz()
    loc, today = as_utc(when).astimezone(tz), as_utc(now).astimezone(tz).date()
    if loc.date() == today:
        day = texts.CONV_TODAY
    elif loc.date() == today - timedelta(days=1):
        day = texts.CONV_YESTERDAY
    else:
        day = f"{loc.day} {texts.MONTHS[loc.month - 1]} {loc.year}"
    return day, f"{loc.hour:02d}h{loc.minute:02d}"


def excerpt(msg: ChatMessage | None) -> str:
    if msg is None:
        return texts.CONV_NO_MESSAGE
    body = " ".join(plain_text(msg.body or "").split())  # emoji tags as their native emoji, never raw
    body = body if len(body) <= EXCERPT else body[: EXCERPT - 1].rstrip() + "…"
    return f"{msg.sender_name} : {body}" if msg.sender_name else body


def access_conversations(session: Session, *, query: str = "", page: int = 1, per_page: int = PER_PAGE,
                         now: datetime | None = None) -> ConversationPage:
    """One page of live conversations, the most recently active first.

    Args:
        query: searched in participants' names, emails and phones, in messages and group titles.
        page: 1-based; clamped to the existing pages.
        per_page: 1 to 100.

    A search first tries the dense plan (services/chat/search.py): when the query
    matches everywhere, the page comes from the most recent conversations and `total` is a
    floor (`total_exact` False).
    """
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page, now = max(1, int(page)), now or utc_now()
    q = clean_query(query)
    if q and (dense := dense_matches(session, q, want=page * per_page + 1)) is not None:
        return _dense_page(session, dense, page, per_page, now)
    live = Conversation.deleted_at.is_(None)
    recent, conv_id = recent_first()
    order = (recent.desc(), conv_id.desc())
    if not q:  # the whole list: walk the recency index, count apart (no window over every row)
        total = session.exec(select(sa.func.count()).select_from(Conversation).where(live)).one()
        page = min(page, max(1, math.ceil(total / per_page)))
        convs = list(session.exec(select(Conversation).where(live).order_by(*order)
                                  .offset((page - 1) * per_page).limit(per_page)).all())
        return _page(session, convs, total, page, per_page, now)
    where = [live, search_filter(session, q)]

    def fetch(p: int) -> list:
        # the page and the total in one pass: the search runs once (count(*) OVER () before LIMIT)
        stmt = select(Conversation, sa.func.count().over()).where(*where)
        return list(session.exec(stmt.order_by(*order).offset((p - 1) * per_page).limit(per_page)).all())

    found = fetch(page)
    if not found and page > 1:  # past the last page: clamp to it
        total = session.exec(select(sa.func.count()).select_from(Conversation).where(*where)).one()
        page = max(1, math.ceil(total / per_page))
        found = fetch(page)
    total = found[0][1] if found else 0
    return _page(session, [conv for conv, _n in found], total, page, per_page, now)


def _page(session: Session, convs: list[Conversation], total: int, page: int, per_page: int,
          now: datetime) -> ConversationPage:
    pages = max(1, math.ceil(total / per_page))
    return ConversationPage(rows=_rows(session, convs, now), total=total, page=page, pages=pages,
                            has_more=page < pages)


def _dense_page(session: Session, dense: tuple[list[int], bool], page: int, per_page: int,
                now: datetime) -> ConversationPage:
    ids, exact = dense
    if exact:  # every live conversation was checked: like the selective plan (page clamped)
        page = min(page, max(1, math.ceil(len(ids) / per_page)))
    window = ids[(page - 1) * per_page: page * per_page]
    by_id = {c.id: c for c in session.exec(select(Conversation).where(Conversation.id.in_(window))).all()}
    convs = [by_id[i] for i in window if i in by_id]
    if exact:
        return _page(session, convs, len(ids), page, per_page, now)
    # at least this many: every row up to this page, and more after it
    return ConversationPage(rows=_rows(session, convs, now), total=page * per_page, page=page, pages=page + 1,
                            has_more=True, total_exact=False)


def _rows(session: Session, convs: list[Conversation], now: datetime) -> list[ConversationRow]:
    ids = [c.id for c in convs]
    if not ids:
        return []
    counts = dict(session.exec(select(ChatMessage.conversation_id, sa.func.count())
                               .where(ChatMessage.conversation_id.in_(ids)).group_by(ChatMessage.conversation_id)).all())
    newest = select(sa.func.max(ChatMessage.id)).where(ChatMessage.conversation_id.in_(ids)) \
        .group_by(ChatMessage.conversation_id)
    last = {m.conversation_id: m for m in session.exec(select(ChatMessage).where(ChatMessage.id.in_(newest)))}
    sizes = dict(session.exec(select(ConversationMember.conversation_id, sa.func.count())
                              .where(ConversationMember.conversation_id.in_(ids))
                              .group_by(ConversationMember.conversation_id)).all())
    pair_ids = [c.id for c in convs if c.kind == PRIVATE and not c.contact_id]
    pairs: dict[int, list[Contact]] = {}
    for conv_id, contact in session.exec(
            select(ConversationMember.conversation_id, Contact)
            .join(Contact, Contact.id == ConversationMember.contact_id)
            .where(ConversationMember.conversation_id.in_(pair_ids)).order_by(Contact.id)):
        pairs.setdefault(conv_id, []).append(contact)
    owners = {c.id: c for c in session.exec(select(Contact).where(
        Contact.id.in_(sorted({c.contact_id for c in convs if c.contact_id}))))}
    links = {k.id: k for k in session.exec(select(ChatLink).where(
        ChatLink.id.in_(sorted({c.link_id for c in convs if c.link_id}))))}
    out = []
    for c in convs:
        day, time = day_badge(c.last_message_at or c.created_at, now)
        link = links.get(c.link_id)
        row = ConversationRow(id=c.id, kind=c.kind, kind_label=texts.CONV_KIND.get(c.kind, c.kind),
                              excerpt=excerpt(last.get(c.id)), count=counts.get(c.id, 0), day=day, time=time,
                              strict=bool(link and (link.custom_prompt or "").strip()))
        row.count_label = texts.CONV_MESSAGES.format(n=row.count)
        if c.kind == GROUP:
            row.deletable = c.slug not in DEFAULT_SLUGS
            row.title, row.people = c.title or c.slug or "", texts.CONV_MEMBERS.format(n=sizes.get(c.id, 0))
        elif c.contact_id:  # the participant's conversation with the assistant, or a DM to the coach
            owner = owners.get(c.contact_id)
            row.title = contact_label(owner)
            details = [x for x in (owner.email, display_phone(owner.phone or "")) if x] if owner else []
            if link is not None:
                details.append(texts.CONV_VIA_LINK.format(title=link.title))
            if c.kind == PRIVATE:
                details.insert(0, texts.CONV_PRIVATE)
            row.people = " · ".join(details)
        else:
            # two members: named as they see each other (« Awa K. ↔ Kofi M. »), never the slug
            row.title = " ↔ ".join(display_name(p) for p in pairs.get(c.id, [])) or texts.CONV_UNNAMED
            row.people = texts.CONV_PRIVATE
        if c.kind == ASSISTANT:
            row.status, row.status_label = c.status, texts.CONV_STATUS.get(c.status, c.status)
        out.append(row)
    return out


def do_delete_conversation(session: Session, *, conversation_id: int, now: datetime | None = None) -> str:
    """Soft delete: the conversation leaves every list; its history stays in the database.

    The default groups (community, vip, promo) are refused: they are found again by their
    slug and would otherwise stay hidden for good. Returns the conversation's title.
    """
    conv = session.get(Conversation, int(conversation_id or 0))
    if conv is None or conv.deleted_at is not None:
        raise ServiceError("coach_conversation_unknown")
    if conv.kind == GROUP and conv.slug in DEFAULT_SLUGS:
        raise ServiceError("coach_group_default")
    conv.deleted_at = now or utc_now()
    session.add(conv)
    session.flush()
    return conv.title
