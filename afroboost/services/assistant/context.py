"""What the assistant « Coach Bassi » is told: the messages sent to the model, built at each request.

Two modes, decided from the conversation's chat link BEFORE anything else is read:
- STANDARD: persona + security rules + live catalog context (offers and products with CHF
  prices, courses with upcoming sessions and live spots left, published articles, the Twint
  link) + the coach's campaignPrompt LAST, then the recent history and the new message.
- STRICT (the link has a custom prompt): security header + the custom prompt, then the new
  message only. No sales data and no history is even read, so nothing can leak by mistake.

Promo codes are never given to the model (FEATURES M4): nothing here reads them for the
context, and any code the coach typed into free text (campaign prompt, descriptions…) is
masked before sending.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from afroboost import routes, texts
from afroboost.db import utc_now
from afroboost.models import AIConfig, ChatLink, ChatMessage, Conversation, PromoCode, SenderKind, SiteConcept
from afroboost.services import ServiceError
from afroboost.services.catalog.listing import format_day, upcoming_by_course, visible_offers
from afroboost.services.chat.visibility import Viewer, visible_clause
from afroboost.services.content.articles import access_published_articles
from afroboost.services.content.concept import parse_faq
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.assistant")

STANDARD = "standard"
STRICT = "strict"
AI_CONFIG_ID = 1
SESSIONS_PER_COURSE = 6
MAX_ARTICLES = 10
MAX_FAQ = 12
CODE_MASK = texts.AI_CTX_CODE_MASK


@dataclass
class Prompt:
    """The request for one reply: `messages` go to the model as they are."""

    mode: str
    messages: list[dict[str, str]] = field(default_factory=list)
    tag: str = ""  # diagnostic id for the logs; STRICT: a fresh afroboost_strict_<uuid12> per request


def check_user_text(text: str) -> str:
    """The participant's message, trimmed; refused when empty or longer than the cap."""
    clean = (text or "").replace("\x00", "").strip()
    if not clean:
        raise ServiceError("ai_empty", field="body")
    limit = get_settings().ai_max_input_chars
    if len(clean) > limit:
        raise ServiceError("ai_too_long", field="body", max=limit)
    return clean


def _short(text: str, limit: int) -> str:
    one_line = " ".join((text or "").split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


def campaign_prompt(session: Session) -> str:
    row = session.get(AIConfig, AI_CONFIG_ID)
    return (row.campaign_prompt or "").strip() if row else ""


def link_prompt(session: Session, conversation: Conversation) -> str | None:
    """The custom prompt of the conversation's link (STRICT mode), else None.

    A link deleted later keeps its conversations STRICT: they were opened under that promise.
    """
    if not conversation.link_id:
        return None
    link = session.get(ChatLink, conversation.link_id)
    prompt = (link.custom_prompt or "").strip() if link else ""
    return prompt or None


class CodeMask:
    """Masks every promo code found in free text written by people (coach, participants).

    Codes with a digit (NOEL20) are matched in any case; letter-only codes (AFROBOOST) only
    in capitals, so the brand or a course name in ordinary prose is not masked with them.
    """

    def __init__(self, codes: list[str]):
        codes = sorted({c for c in codes if c}, key=len, reverse=True)
        any_case = [re.escape(c) for c in codes if any(ch.isdigit() for ch in c)]
        exact = [re.escape(c) for c in codes if not any(ch.isdigit() for ch in c)]
        parts = ([f"(?i:{'|'.join(any_case)})"] if any_case else []) + exact
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None

    @classmethod
    def load(cls, session: Session) -> CodeMask:
        return cls(list(session.exec(select(PromoCode.code)).all()))

    def __call__(self, text: str) -> str:
        return self.pattern.sub(CODE_MASK, text) if self.pattern and text else text


def _offer_lines(session: Session, *, products: bool, mask: CodeMask) -> list[str]:
    lines = []
    for o in visible_offers(session, products=products):
        show_kind = not products and o.kind_label and o.kind_label.lower() not in o.name.lower()
        kind = f" ({o.kind_label})" if show_kind else ""
        desc = f" : {mask(_short(o.description, 200))}" if o.description.strip() else ""
        lines.append(f"- {mask(o.name)}{kind} — {o.price}{desc}")
    return lines or [texts.AI_CTX_NONE]


def _spots(n: int) -> str:
    if n <= 0:
        return texts.AI_CTX_FULL
    return texts.AI_CTX_SPOT_ONE if n == 1 else texts.AI_CTX_SPOTS.format(n=n)


def _course_lines(session: Session, *, now: datetime, mask: CodeMask) -> list[str]:
    lines = []
    for c in upcoming_by_course(session, now=now):
        where = f" — {mask(c.place)}" if c.place else ""
        desc = f" : {mask(_short(c.description, 200))}" if c.description.strip() else ""
        lines.append(texts.AI_CTX_COURSE.format(name=mask(c.name), schedule=c.schedule, where=where,
                                                coach=mask(c.coach), desc=desc))
        for s in c.sessions[:SESSIONS_PER_COURSE]:
            lines.append(f"  • {s.label} : {_spots(s.spots)}")
    return lines or [texts.AI_CTX_NONE]


def _article_lines(session: Session, *, mask: CodeMask) -> list[str]:
    site = get_settings().site_url.rstrip("/")
    lines = []
    for a in access_published_articles(session)[:MAX_ARTICLES]:
        summary = f" : {mask(_short(a.summary, 300))}" if a.summary.strip() else ""
        lines.append(f"- {mask(a.title)}{summary} ({site}{routes.ARTICLES}/{a.slug})")
    return lines or [texts.AI_CTX_NONE]


def _concept_lines(concept: SiteConcept | None, *, mask: CodeMask) -> list[str]:
    if concept is None:
        return []
    lines = []
    about = " — ".join(x for x in (concept.title.strip(), concept.tagline.strip()) if x)
    pitch = ". ".join(x.rstrip(".") for x in (about, concept.pitch.strip()) if x)
    if pitch:
        lines += [texts.AI_CTX_CONCEPT, mask(_short(pitch, 1500)) + "."]
    faq = parse_faq(concept.faq_json)[:MAX_FAQ]
    if faq:
        lines.append(texts.AI_CTX_FAQ)
        lines += [f"- {mask(_short(i.q, 200))} → {mask(_short(i.a, 400))}" for i in faq]
    contact = [x.strip() for x in (concept.contact_email, concept.contact_phone, concept.contact_address)
               if x and x.strip()]
    if contact:
        lines += [texts.AI_CTX_CONTACT, "- " + " · ".join(contact)]
    return lines


def standard_context(session: Session, *, now: datetime, mask: CodeMask) -> str:
    """The live catalog, read from the database at each request (never cached)."""
    concept = session.get(SiteConcept, 1)
    twint = (concept.twint_url or "").strip() if concept else ""
    parts = [
        texts.AI_CTX_INTRO.format(today=format_day(now)),
        *_concept_lines(concept, mask=mask),
        texts.AI_CTX_OFFERS, *_offer_lines(session, products=False, mask=mask),
        texts.AI_CTX_PRODUCTS, *_offer_lines(session, products=True, mask=mask),
        texts.AI_CTX_COURSES, *_course_lines(session, now=now, mask=mask),
        texts.AI_CTX_ARTICLES, *_article_lines(session, mask=mask),
        texts.AI_CTX_TWINT.format(url=twint) if twint else texts.AI_CTX_NO_TWINT,
    ]
    return "\n".join(parts)


def history_messages(session: Session, *, conversation_id: int, exclude_id: int | None,
                     mask: CodeMask, viewer: Viewer | None = None) -> list[dict[str, str]]:
    """The last messages of the conversation (bounded in count and characters), oldest first.

    An unverified `viewer` gets only what it may read itself (services/chat/visibility.py).
    """
    settings = get_settings()
    stmt = (select(ChatMessage).where(ChatMessage.conversation_id == conversation_id)
            .where(ChatMessage.sender_kind != SenderKind.system.value)
            .order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc())
            .limit(settings.ai_history_messages))
    if exclude_id:
        stmt = stmt.where(ChatMessage.id != exclude_id)
    if viewer is not None:
        stmt = stmt.where(visible_clause(viewer))
    out: list[dict[str, str]] = []
    budget = settings.ai_history_chars
    for m in session.exec(stmt).all():
        if len(m.body) > budget:
            break
        budget -= len(m.body)
        role = "user" if m.sender_kind == SenderKind.member.value else "assistant"
        out.append({"role": role, "content": mask(m.body)})
    return out[::-1]


def build_prompt(session: Session, *, conversation: Conversation, user_text: str,
                 user_message_id: int | None = None, now: datetime | None = None,
                 viewer: Viewer | None = None) -> Prompt:
    """The messages for one reply. `user_message_id`: the stored copy of `user_text`, left out of the history."""
    text = check_user_text(user_text)
    custom = link_prompt(session, conversation)  # mode first: STRICT must not even read sales data
    mask = CodeMask.load(session)
    if custom is not None:
        tag = f"afroboost_strict_{uuid.uuid4().hex[:12]}"
        log.info("[CHAT-IA] 🔒 Mode STRICT activé (conversation %s, lien %s, session %s)",
                 conversation.id, conversation.link_id, tag)
        log.info("[CHAT-IA] ✅ Utilisation du custom_prompt du lien")
        system = f"{texts.AI_STRICT_SECURITY}\n{mask(custom)}"
        return Prompt(STRICT, [{"role": "system", "content": system}, {"role": "user", "content": mask(text)}], tag)
    log.info("[CHAT-IA] ✅ Mode STANDARD (conversation %s)", conversation.id)
    parts = [texts.AI_BASE_PROMPT, texts.AI_SECURITY_PROMPT, standard_context(session, now=now or utc_now(), mask=mask)]
    if campaign := campaign_prompt(session):
        parts.append(f"{texts.AI_CTX_CAMPAIGN}\n{mask(campaign)}")  # last: it overrides the defaults
    history = history_messages(session, conversation_id=conversation.id, exclude_id=user_message_id, mask=mask,
                               viewer=viewer)
    return Prompt(STANDARD, [{"role": "system", "content": "\n\n".join(parts)}, *history,
                             {"role": "user", "content": mask(text)}], f"afroboost_conv_{conversation.id}")


def ai_enabled(session: Session) -> bool:
    """The coach's on/off switch (on when never set)."""
    row = session.get(AIConfig, AI_CONFIG_ID)
    return row is None or bool(row.enabled)

