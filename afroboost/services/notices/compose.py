"""What one notice says, on its channel: the text, the links, and for the confirmation email the
QR code (PNG) and the calendar file.

A notice is composed when it is sent, from the booking as it is then: a reminder for a booking
cancelled meanwhile, or an offer already answered, is skipped rather than sent.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import datetime

import qrcode
from qrcode.image.pure import PyPNGImage
from sqlmodel import Session

from afroboost import texts
from afroboost.db import as_utc
from afroboost.integrations.channels import OutgoingMessage
from afroboost.models import ClassSession, Contact, Course, Notice, NoticeKind, Offer, Reservation
from afroboost.models.booking import HOLDING_STATUSES
from afroboost.services.booking.answer_links import CONFIRM, DECLINE, NOT_COMING, answer_url
from afroboost.services.booking.holds import offer_state
from afroboost.services.booking.tickets import reservation_ics_for
from afroboost.services.catalog.listing import format_day, format_time
from afroboost.services.catalog.pricing import format_chf
from afroboost.services.contacts.consent import is_opted_out, whatsapp_window_ids
from afroboost.settings import get_settings

PAY_LINKS = {"twint": "twint_url", "stripe": "stripe_url", "paypal": "paypal_url"}
# Still worth sending only while the booking holds its headset / the offer is open.
NEEDS_BOOKING = {NoticeKind.confirmation.value, NoticeKind.reminder.value, NoticeKind.nudge.value}


@dataclass
class Composed:
    notice_id: int
    channel: str
    contact_id: int
    subject: str = ""
    text: str = ""  # greeting + body: what the chat, email and WhatsApp carry
    message: OutgoingMessage | None = None  # email / WhatsApp
    skip: str = ""  # a reason key: nothing to send


def qr_png_base64(text: str) -> str:
    buf = io.BytesIO()
    qrcode.make(text, image_factory=PyPNGImage, box_size=10, border=2).save(buf)
    return base64.b64encode(buf.getvalue()).decode()


def _payment(res: Reservation, offer: Offer | None) -> str:
    if res.paid_at is not None or res.status == "confirmed" and not res.price_cents:
        return texts.NOTICE_PAID if res.price_cents else texts.NOTICE_FREE
    url = getattr(offer, PAY_LINKS.get(res.payment_method, ""), "") if offer else ""
    link = texts.NOTICE_PAY_LINK.format(url=url) if str(url).startswith(("https://", "http://")) else ""
    return texts.NOTICE_TO_PAY.format(amount=format_chf(res.price_cents), link=link)


def _skip_reason(session: Session, n: Notice, res: Reservation | None, cls: ClassSession, now: datetime) -> str:
    if n.kind in NEEDS_BOOKING and (res is None or res.status not in HOLDING_STATUSES or cls.cancelled):
        return "no_longer_booked"
    if n.kind in NEEDS_BOOKING and as_utc(cls.starts_at) <= now:
        return "too_late"
    if n.kind == NoticeKind.waitlist_offer.value and offer_state(session, reservation_id=n.reservation_id,
                                                                 now=now) != "open":
        return "offer_closed"
    return ""


def compose(session: Session, n: Notice, *, now: datetime) -> Composed:
    out = Composed(notice_id=n.id, channel=n.channel, contact_id=n.contact_id)
    contact = session.get(Contact, n.contact_id)
    cls = session.get(ClassSession, n.session_id)
    course = session.get(Course, cls.course_id)
    res = session.get(Reservation, n.reservation_id) if n.reservation_id else None
    if (reason := _skip_reason(session, n, res, cls, now)) or contact is None:
        out.skip = reason or "no_contact"
        return out
    offer = session.get(Offer, res.offer_id) if res else None
    rid = res.id if res else 0
    until = n.due_at
    if n.kind == NoticeKind.waitlist_offer.value and res is not None and res.hold_until is not None:
        until = res.hold_until
    fields = {"course": course.name, "day": format_day(cls.starts_at), "time": format_time(cls.starts_at),
              "place": texts.NOTICE_PLACE.format(place=course.place) if course.place else "",
              "code": res.code if res else "", "payment": _payment(res, offer) if res else "",
              "until": f"{format_day(until)} {format_time(until)}", "confirm": answer_url(rid, CONFIRM),
              "decline": answer_url(rid, DECLINE), "not_coming": answer_url(rid, NOT_COMING)}
    first = (contact.first_name or "").strip()
    out.subject = texts.NOTICE_SUBJECTS[n.kind].format(**fields)
    hello = texts.NOTICE_HELLO.format(first=first) if first else texts.NOTICE_HELLO_ANON
    out.text = f"{hello}\n{texts.NOTICE_BODIES[n.kind].format(**fields)}"
    if n.channel == "internal":
        return out
    msg = OutgoingMessage(delivery_id=n.id, idempotency_key=f"afroboost-notice-{n.id}", channel=n.channel,
                          campaign_id=0, campaign_name=out.subject, body=out.text, contact_id=contact.id,
                          first_name=first, to_email=contact.email if n.channel == "email" else None,
                          to_phone=contact.phone if n.channel == "whatsapp" else None,
                          previous_provider_id=n.provider_id or "", transactional=True)
    if n.channel == "whatsapp":
        if is_opted_out(session, contact.id, "whatsapp"):
            out.skip = "opted_out"
            return out
        msg.in_whatsapp_window = contact.id in whatsapp_window_ids(session, [contact.id], now)
        sid = get_settings().twilio_notice_content_sid.strip()
        if not msg.in_whatsapp_window and not sid:
            out.skip = "no_template"
            return out
        msg.wa_content_sid, msg.wa_variables = sid, {"1": out.text}
    if n.channel == "email" and n.kind == NoticeKind.confirmation.value and res is not None:
        ics = reservation_ics_for(session, reservation_id=res.id)
        msg.attachments = [
            {"filename": texts.NOTICE_QR_FILE.format(code=res.code), "content": qr_png_base64(res.code),
             "content_type": "image/png"},
            {"filename": texts.NOTICE_ICS_FILE.format(code=res.code),
             "content": base64.b64encode(ics.encode()).decode(), "content_type": "text/calendar"},
        ]
    out.message = msg
    return out
