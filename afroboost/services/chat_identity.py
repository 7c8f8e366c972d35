"""Who is chatting: a contact, proven by a signed token the browser keeps.

The browser stores the token (local storage); editing it breaks the signature, so a
participant cannot claim someone else's contact. A broken or stale token is simply
refused and the first-visit form is shown again.
"""

from __future__ import annotations

from itsdangerous import BadSignature, URLSafeSerializer
from sqlmodel import Session

from afroboost.models import Contact
from afroboost.services import ServiceError
from afroboost.services.contacts import do_upsert_contact
from afroboost.services.validation import Participant, clean_name, normalize_email, normalize_phone
from afroboost.settings import get_secret_key

_SALT = "afroboost.chat-identity"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_secret_key(), salt=_SALT)


def identity_token(contact_id: int) -> str:
    return _serializer().dumps({"c": int(contact_id)})


def contact_id_from_token(token: str | None) -> int | None:
    """The contact a token proves, or None (missing, edited, or not ours)."""
    if not token or len(token) > 500:
        return None
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    cid = data.get("c") if isinstance(data, dict) else None
    return cid if isinstance(cid, int) and cid > 0 else None


def do_identify(session: Session, *, first_name: str, contact: str) -> tuple[Contact, str]:
    """First visit: prénom + email or WhatsApp → the person's contact (deduplicated) and its token."""
    first = clean_name(first_name)
    if not first:
        raise ServiceError("first_name_required", field="first_name")
    if len(first) > 80:
        raise ServiceError("name_too_long", field="first_name")
    raw = (contact or "").strip()
    if not raw:
        raise ServiceError("chat_contact_required", field="contact")
    email = normalize_email(raw) if "@" in raw else None
    phone = None if email else normalize_phone(raw)
    if email is None and phone is None:
        raise ServiceError("chat_contact_invalid", field="contact")
    person = Participant(first, "", email, phone)
    row = do_upsert_contact(session, person=person)
    return row, identity_token(row.id)
