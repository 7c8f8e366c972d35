"""Consent per contact and channel: opt-outs (WhatsApp STOP, email link) and the WhatsApp 24 h window.

One Consent row per (contact, channel), created on first need. Opted-out contacts are
excluded when deliveries are sent (`opted_out_ids`) and counted in the composer's recap.
An inbound WhatsApp message opens the 24 h customer window (`last_inbound_at`) during
which free text may be sent; outside it only approved templates.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeSerializer
from sqlmodel import Session, select

from afroboost.db import as_utc, utc_now
from afroboost.models import Contact
from afroboost.models.campaign import Consent
from afroboost.services.validation import normalize_phone
from afroboost.settings import get_secret_key, get_settings

WHATSAPP = "whatsapp"
EMAIL = "email"
WINDOW = timedelta(hours=24)
UNSUBSCRIBE_SALT = "afroboost.unsubscribe"
UNSUBSCRIBE_PATH = "/api/unsubscribe/"
STOP_WORDS = frozenset({"stop", "arret", "stopall", "unsubscribe"})
START_WORDS = frozenset({"start", "unstop"})


def _consent(session: Session, contact_id: int, channel: str) -> Consent:
    """The contact's row for this channel, created if missing (safe against a concurrent create)."""
    stmt = select(Consent).where(Consent.contact_id == contact_id).where(Consent.channel == channel)
    row = session.exec(stmt).first()
    if row is not None:
        return row
    try:
        with session.begin_nested():
            row = Consent(contact_id=contact_id, channel=channel)
            session.add(row)
    except sa.exc.IntegrityError:  # another request created it between our SELECT and INSERT
        row = session.exec(stmt).one()
    return row


def _set(session: Session, *, contact_id: int, channel: str, opted_out: bool, source: str,
         now: datetime | None) -> bool:
    row = _consent(session, contact_id, channel)
    if row.opted_out == opted_out:
        return False
    row.opted_out, row.source, row.updated_at = opted_out, source[:40], now or utc_now()
    session.add(row)
    session.flush()
    return True


def do_opt_out(session: Session, *, contact_id: int, channel: str, source: str, now: datetime | None = None) -> bool:
    """Stop sending on this channel to this contact. Idempotent; True when it changed something."""
    return _set(session, contact_id=contact_id, channel=channel, opted_out=True, source=source, now=now)


def do_opt_in(session: Session, *, contact_id: int, channel: str, source: str, now: datetime | None = None) -> bool:
    """Allow this channel again (WhatsApp START). Idempotent; True when it changed something."""
    return _set(session, contact_id=contact_id, channel=channel, opted_out=False, source=source, now=now)


def is_opted_out(session: Session, contact_id: int, channel: str) -> bool:
    row = session.exec(select(Consent.opted_out).where(Consent.contact_id == contact_id)
                       .where(Consent.channel == channel)).first()
    return bool(row)


def opted_out_ids(session: Session, channel: str) -> set[int]:
    """Every contact opted out of this channel."""
    rows = session.exec(select(Consent.contact_id).where(Consent.channel == channel)
                        .where(Consent.opted_out.is_(True))).all()
    return set(rows)


def contact_by_phone(session: Session, phone: str) -> Contact | None:
    """The contact of a Twilio address (« whatsapp:+41791234567 ») or any typed number."""
    e164 = normalize_phone((phone or "").strip().removeprefix("whatsapp:"), get_settings().default_phone_region)
    if not e164:
        return None
    return session.exec(select(Contact).where(Contact.phone == e164)).first()


def do_record_inbound(session: Session, *, phone: str, at: datetime | None = None) -> int | None:
    """A WhatsApp message came in: opens the 24 h window. Returns the contact id (None if unknown)."""
    contact = contact_by_phone(session, phone)
    if contact is None:
        return None
    row = _consent(session, contact.id, WHATSAPP)
    at = at or utc_now()
    if row.last_inbound_at is None or as_utc(row.last_inbound_at) < at:
        row.last_inbound_at = at
        session.add(row)
        session.flush()
    return contact.id


def in_whatsapp_window(session: Session, contact_id: int, now: datetime | None = None) -> bool:
    """True when the contact wrote to us on WhatsApp less than 24 h ago (free text allowed)."""
    return contact_id in whatsapp_window_ids(session, [contact_id], now)


def whatsapp_window_ids(session: Session, contact_ids: list[int], now: datetime | None = None) -> set[int]:
    """The contacts among these whose 24 h window is open (one query, for the dispatcher)."""
    if not contact_ids:
        return set()
    since = (now or utc_now()) - WINDOW
    rows = session.exec(select(Consent.contact_id).where(Consent.channel == WHATSAPP)
                        .where(Consent.contact_id.in_(list(contact_ids)))
                        .where(Consent.last_inbound_at > since)).all()
    return set(rows)


def keyword(body: str) -> str:
    """« Arrêt », « STOP », « s t o p » → "arret" / "stop": no case, spaces, accents or final punctuation."""
    text = unicodedata.normalize("NFKD", body or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s.!?]+", "", text)


def do_inbound_whatsapp(session: Session, *, phone: str, body: str, at: datetime | None = None) -> str:
    """Every inbound WhatsApp message: opens the window; STOP/ARRÊT opts out, START opts back in.

    Returns "stop", "start", "message", or "unknown" (no contact has that number).
    """
    contact_id = do_record_inbound(session, phone=phone, at=at)
    if contact_id is None:
        return "unknown"
    word = keyword(body)
    if word in STOP_WORDS:
        do_opt_out(session, contact_id=contact_id, channel=WHATSAPP, source="whatsapp STOP", now=at)
        return "stop"
    if word in START_WORDS:
        do_opt_in(session, contact_id=contact_id, channel=WHATSAPP, source="whatsapp START", now=at)
        return "start"
    return "message"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_secret_key(), salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(contact_id: int) -> str:
    return _serializer().dumps({"u": int(contact_id)})


def contact_from_unsubscribe_token(token: str | None) -> int | None:
    """The contact a link proves, or None (edited, truncated, or signed with another key)."""
    if not token or len(token) > 300:
        return None
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    cid = data.get("u") if isinstance(data, dict) else None
    return cid if isinstance(cid, int) and cid > 0 else None


def unsubscribe_url(contact_id: int) -> str:
    """The one-click link in every campaign email (and its List-Unsubscribe header)."""
    return get_settings().site_url.rstrip("/") + UNSUBSCRIBE_PATH + unsubscribe_token(contact_id)


def do_unsubscribe(session: Session, *, token: str, now: datetime | None = None) -> int | None:
    """The email link was used: opt that contact out of email (idempotent). None if the token is bad."""
    contact_id = contact_from_unsubscribe_token(token)
    if contact_id is None or session.get(Contact, contact_id) is None:
        return None
    do_opt_out(session, contact_id=contact_id, channel=EMAIL, source="email link", now=now)
    return contact_id
