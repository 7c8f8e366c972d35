"""Contacts: one person = one contact, matched by normalized email or E.164 phone."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, or_, select

from afroboost.db import utc_now
from afroboost.models import Contact
from afroboost.services import ServiceError
from afroboost.services.validation import Participant, normalize_email, normalize_phone


def _find(session: Session, email: str | None, phone: str | None) -> Contact | None:
    conds = []
    if email:
        conds.append(Contact.email == email)
    if phone:
        conds.append(Contact.phone == phone)
    if not conds:
        return None
    rows = session.exec(select(Contact).where(or_(*conds)).order_by(Contact.id)).all()
    # An email match wins over a phone match: emails identify people more reliably.
    for row in rows:
        if email and row.email == email:
            return row
    return rows[0] if rows else None


def check_email_or_phone(raw: str) -> tuple[str | None, str | None]:
    """(email, phone) from one « Email ou WhatsApp » field, normalized; ServiceError(field="contact") if neither."""
    raw = (raw or "").strip()
    if not raw:
        raise ServiceError("chat_contact_required", field="contact")
    email = normalize_email(raw) if "@" in raw else None
    phone = None if email else normalize_phone(raw)
    if email is None and phone is None:
        raise ServiceError("chat_contact_invalid", field="contact")
    return email, phone


def find_contact(session: Session, *, email: str | None, phone: str | None) -> Contact | None:
    """The contact holding this normalized email or phone, if any (email first)."""
    return _find(session, email, phone)


def do_upsert_contact(session: Session, *, person: Participant) -> Contact:
    """Return the person's contact, creating it or filling in what it lacked.

    Inputs must already be normalized (see validation.check_participant). Two concurrent
    first bookings by the same person race on the unique email/phone columns: the loser's
    savepoint rolls back and it reuses the winner's row.
    """
    contact = _find(session, person.email, person.phone)
    if contact is None:
        try:
            with session.begin_nested():
                contact = Contact(
                    first_name=person.first_name, last_name=person.last_name,
                    email=person.email, phone=person.phone,
                )
                session.add(contact)
                session.flush()
            return contact
        except IntegrityError:
            contact = _find(session, person.email, person.phone)
            if contact is None:
                raise
    changed = False
    if person.first_name and not contact.first_name:
        contact.first_name, changed = person.first_name, True
    if person.last_name and not contact.last_name:
        contact.last_name, changed = person.last_name, True
    if person.email and not contact.email:
        if _find(session, person.email, None) is None:
            contact.email, changed = person.email, True
    if person.phone and not contact.phone:
        if _find(session, None, person.phone) is None:
            contact.phone, changed = person.phone, True
    if changed:
        contact.updated_at = utc_now()
        session.add(contact)
        session.flush()
    return contact
