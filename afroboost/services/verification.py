"""One-time codes proving that someone owns a contact's email or WhatsApp number.

A code is 6 digits, lives `verification_code_minutes`, is good once and allows
`verification_code_tries` wrong tries. Only an HMAC-SHA256 of it (keyed with SECRET_KEY)
is stored, and it is compared with `hmac.compare_digest`. A new code for the same contact
and purpose ends the previous one.

When no channel can carry the code (a fresh machine without Resend/Twilio), it is written
to the server log and kept in `demo_code`, which only the coach's dashboard shows.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, run_write, utc_now
from afroboost.models import Contact
from afroboost.models.auth import VerificationCode
from afroboost.services.catalog.listing import format_time
from afroboost.services.direct_send import EMAIL, DirectText, Recipient, channel_order, masked, send_direct
from afroboost.settings import get_secret_key, get_settings

log = logging.getLogger("afroboost.verification")

OK, WRONG, EXPIRED, TOO_MANY = "ok", "wrong", "expired", "too_many"
LOG_CHANNEL = "log"


@dataclass
class IssuedCode:
    id: int
    code: str
    to: Recipient


@dataclass
class CodeSent:
    """What the person is told: where the code went (masked), or that the coach has it."""

    hint: str = ""
    demo: bool = False  # nothing could carry it: the server log and the coach's dashboard have it


@dataclass
class DemoCode:
    person: str = ""
    reach: str = ""  # the email or number on file: two « Zoé » are told apart
    purpose: str = ""
    code: str = ""
    until: str = ""  # « 18:40 »


def code_hash(*, contact_id: int, purpose: str, code: str) -> str:
    msg = f"afroboost.code:{purpose}:{int(contact_id)}:{code}".encode()
    return hmac.new(get_secret_key().encode(), msg, hashlib.sha256).hexdigest()


def recipient(contact: Contact) -> Recipient:
    return Recipient(email=contact.email, phone=contact.phone, first_name=contact.first_name)


def _end_previous(session: Session, *, contact_id: int, purpose: str, now: datetime) -> None:
    session.execute(sa.update(VerificationCode)
                    .where(VerificationCode.contact_id == contact_id, VerificationCode.purpose == purpose,
                           VerificationCode.used_at.is_(None))
                    .values(used_at=now, demo_code=None))


def do_issue_code(session: Session, *, contact_id: int, purpose: str, now: datetime | None = None,
                  code: str | None = None) -> IssuedCode:
    """A fresh code for this contact (the previous one of the same purpose stops working).

    `code` is given only for codes that are not secrets of ours (the reservation codes sent
    by « Code oublié ? », several at once): they are recorded, so the coach sees them when
    no channel exists, and never checked.
    """
    now = now or utc_now()
    contact = session.get(Contact, int(contact_id))
    if contact is None:
        raise LookupError(contact_id)
    if code is None:
        _end_previous(session, contact_id=contact.id, purpose=purpose, now=now)
    code = code or f"{secrets.randbelow(1_000_000):06d}"
    row = VerificationCode(contact_id=contact.id, purpose=purpose, channel="", created_at=now,
                           code_hash=code_hash(contact_id=contact.id, purpose=purpose, code=code),
                           expires_at=now + timedelta(minutes=get_settings().verification_code_minutes))
    session.add(row)
    session.flush()
    return IssuedCode(row.id, code, recipient(contact))


def do_note_delivery(session: Session, *, code_id: int, channel: str, demo_code: str | None = None) -> None:
    session.execute(sa.update(VerificationCode).where(VerificationCode.id == code_id)
                    .values(channel=channel, demo_code=demo_code))


def do_check_code(session: Session, *, contact_id: int, purpose: str, code: str,
                  now: datetime | None = None) -> str:
    """OK, WRONG, EXPIRED or TOO_MANY — returned, not raised, so a wrong try is committed (counted).

    The try is counted with a conditional UPDATE before comparing, and the code is spent
    with another (`used_at IS NULL`), so two racing tries can neither both win nor exceed
    the allowed number.
    """
    now = now or utc_now()
    row = session.exec(select(VerificationCode).where(VerificationCode.contact_id == int(contact_id))
                       .where(VerificationCode.purpose == purpose).where(VerificationCode.used_at.is_(None))
                       .order_by(VerificationCode.id.desc())).first()
    if row is None or as_utc(row.expires_at) <= now:
        return EXPIRED
    tries = get_settings().verification_code_tries
    counted = session.execute(sa.update(VerificationCode)
                              .where(VerificationCode.id == row.id, VerificationCode.used_at.is_(None),
                                     VerificationCode.attempts < tries)
                              .values(attempts=VerificationCode.attempts + 1))
    if counted.rowcount != 1:
        return TOO_MANY
    typed = "".join(ch for ch in str(code or "") if ch.isdigit())[:12]
    expected = code_hash(contact_id=row.contact_id, purpose=purpose, code=typed)
    if not hmac.compare_digest(expected, row.code_hash):
        return WRONG
    spent = session.execute(sa.update(VerificationCode)
                            .where(VerificationCode.id == row.id, VerificationCode.used_at.is_(None))
                            .values(used_at=now, demo_code=None))
    return OK if spent.rowcount == 1 else EXPIRED


def live_demo_codes(session: Session, *, now: datetime | None = None) -> list[DemoCode]:
    """Codes no channel could carry and that still work, for the coach's dashboard."""
    now = now or utc_now()
    rows = session.exec(select(VerificationCode, Contact).join(Contact, Contact.id == VerificationCode.contact_id)
                        .where(VerificationCode.demo_code.is_not(None)).where(VerificationCode.used_at.is_(None))
                        .where(VerificationCode.expires_at > now)
                        .order_by(VerificationCode.id.desc()).limit(20)).all()
    return [DemoCode(person=contact.display_name, reach=contact.email or contact.phone or "",
                     purpose=texts.CODE_PURPOSES.get(row.purpose, row.purpose),
                     code=row.demo_code or "", until=format_time(row.expires_at)) for row, contact in rows]


async def deliver(issued: IssuedCode, text: DirectText, *, prefer: str = EMAIL, demo_code: str | None = None
                  ) -> CodeSent:
    """Send an issued code; without any channel, log it and keep it for the coach's dashboard."""
    channel = await send_direct(issued.to, text, prefer=prefer, key=f"code-{issued.id}")
    if channel:
        await run_write(do_note_delivery, code_id=issued.id, channel=channel)
        return CodeSent(hint=masked(issued.to, channel))
    log.warning("[CODE] no channel could send code #%s: %s (also on the coach's dashboard)", issued.id,
                demo_code or issued.code)
    await run_write(do_note_delivery, code_id=issued.id, channel=LOG_CHANNEL, demo_code=demo_code or issued.code)
    order = channel_order(issued.to, prefer)
    return CodeSent(hint=masked(issued.to, order[0]) if order else "", demo=True)


async def send_chat_code(*, contact_id: int, prefer: str = EMAIL) -> CodeSent:
    """Issue and send the code that proves a chat identity."""
    issued = await run_write(do_issue_code, contact_id=contact_id, purpose="chat")
    minutes = get_settings().verification_code_minutes
    text = DirectText(subject=texts.CODE_EMAIL_SUBJECT,
                      body=texts.CODE_MESSAGE.format(code=issued.code, minutes=minutes), short=issued.code)
    return await deliver(issued, text, prefer=prefer)
