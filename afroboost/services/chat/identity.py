"""Who is chatting: a contact, proven by a signed token the browser keeps.

The browser stores the token (local storage); editing it breaks the signature. The token
says whether the identity was PROVEN (a one-time code sent to the contact's email or
WhatsApp, services/verification.py) and when it was issued. Typing an email or number that
already belongs to a contact gives no identity at all until the code is entered. A
brand-new contact chats at once, unverified: it sees only what it wrote and what was
written after its token was issued (services/chat/visibility.py). Tokens from before this
rule carry neither field and count as unverified.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from sqlmodel import Session

from afroboost.models import Channel, Contact
from afroboost.services import ServiceError
from afroboost.services.contacts.contacts import check_email_or_phone, do_upsert_contact, find_contact
from afroboost.services.validation import Participant, clean_name
from afroboost.settings import get_secret_key

_SALT = "afroboost.chat-identity"


@dataclass(frozen=True)
class Identity:
    contact_id: int
    verified: bool
    issued_at: float  # epoch seconds; 0.0 for a token from before verification existed


@dataclass
class Claim:
    """The answer to the first-visit form: an identity (new contact) or « enter the code »."""

    contact_id: int
    channel: str  # where the code should go first (email or whatsapp), as typed
    token: str = ""  # set only for a brand-new contact (unverified)
    name: str = ""


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_secret_key(), salt=_SALT)


def identity_token(contact_id: int, *, verified: bool = False, issued_at: float | None = None) -> str:
    issued = time.time() if issued_at is None else issued_at
    return _serializer().dumps({"c": int(contact_id), "v": 1 if verified else 0, "t": int(issued)})


def identity_from_token(token: str | None) -> Identity | None:
    """What a token proves, or None (missing, edited, or not ours)."""
    if not token or len(token) > 500:
        return None
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    cid, verified, issued = data.get("c"), data.get("v"), data.get("t")
    if not isinstance(cid, int) or cid <= 0:
        return None
    if not isinstance(issued, int | float) or isinstance(issued, bool):
        issued = 0.0
    return Identity(cid, verified == 1 and issued > 0, float(issued))


def contact_id_from_token(token: str | None) -> int | None:
    """The contact a token names, or None (verified or not: see identity_from_token)."""
    ident = identity_from_token(token)
    return ident.contact_id if ident else None


def check_claim(*, first_name: str, contact: str) -> tuple[str, str | None, str | None]:
    """(prénom, email, phone) from the first-visit form, normalized (ServiceError otherwise)."""
    first = clean_name(first_name)
    if not first:
        raise ServiceError("first_name_required", field="first_name")
    if len(first) > 80:
        raise ServiceError("name_too_long", field="first_name")
    return (first, *check_email_or_phone(contact))


def do_claim(session: Session, *, first_name: str, contact: str) -> tuple[Claim, Contact | None]:
    """First visit: a new contact gets an unverified identity; an existing one must prove it.

    Returns the claim and, for a new contact only, its row. For an existing contact nothing
    about it (name, id) leaves this function but the id the server keeps to check the code.
    """
    first, email, phone = check_claim(first_name=first_name, contact=contact)
    channel = Channel.email.value if email else Channel.whatsapp.value  # where the code goes (services/verification.py)
    existing = find_contact(session, email=email, phone=phone)
    if existing is not None:
        return Claim(existing.id, channel), None
    row = do_upsert_contact(session, person=Participant(first, "", email, phone))
    return Claim(row.id, channel, token=identity_token(row.id, verified=False)), row


def do_identify(session: Session, *, first_name: str, contact: str) -> tuple[Contact, str]:
    """Compatibility for scripts and tests: a NEW contact's row and unverified token (existing: refused)."""
    claim, row = do_claim(session, first_name=first_name, contact=contact)
    if row is None:
        raise ServiceError("chat_code_needed", field="contact")
    return row, claim.token
