"""What a participant takes away: the QR code of the reservation code and an .ics event."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import datetime, timedelta

import qrcode
import qrcode.image.svg
from icalendar import Calendar, Event
from sqlmodel import Session

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Course, Offer, Reservation
from afroboost.settings import get_settings


def qr_svg_data_uri(text: str) -> str:
    """An SVG QR code of `text` as a data: URI (rendered with <img>, never as raw HTML)."""
    img = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=2)
    buf = io.BytesIO()
    img.save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode()


def reservation_ics(*, code: str, course: str, place: str, starts_at: datetime, duration_min: int,
                    site_url: str = "", now: datetime | None = None) -> str:
    """A one-event iCalendar file for the booked session."""
    cal = Calendar()
    cal.add("prodid", "-//Afroboost//Reservations//FR")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"{code}@afroboost")
    event.add("dtstamp", now or utc_now())
    start = as_utc(starts_at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=duration_min))
    event.add("summary", texts.ICS_SUMMARY.format(course=course))
    if place:
        event.add("location", place)
    event.add("description", texts.ICS_DESCRIPTION.format(code=code))
    if site_url:
        event.add("url", site_url)
    cal.add_component(event)
    return cal.to_ical().decode()


@dataclass
class Ticket:
    """What the confirmation page shows."""

    code: str = ""
    qr: str = ""
    status: str = ""
    status_label: str = ""
    pay_url: str = ""
    pay_label: str = ""


def _links(offer: Offer) -> dict[str, str]:
    return {"twint": offer.twint_url, "stripe": offer.stripe_url, "paypal": offer.paypal_url}


def ticket_for(session: Session, *, reservation_id: int) -> Ticket:
    res = session.get(Reservation, reservation_id)
    offer = session.get(Offer, res.offer_id)
    pay_url = ""
    if res.status == "pending_payment":
        pay_url = _links(offer).get(res.payment_method, "")
        if not pay_url.startswith(("https://", "http://")):
            pay_url = ""  # never hand a javascript: or data: URL to an <a href>
    label = texts.PAYMENT_METHODS.get(res.payment_method, "")
    return Ticket(
        code=res.code, qr=qr_svg_data_uri(res.code), status=res.status,
        status_label=texts.STATUS_LABELS.get(res.status, res.status),
        pay_url=pay_url, pay_label=texts.PAY_NOW.format(method=label) if pay_url else "",
    )


def reservation_ics_for(session: Session, *, reservation_id: int) -> str:
    res = session.get(Reservation, reservation_id)
    cls = session.get(ClassSession, res.session_id)
    course = session.get(Course, cls.course_id)
    return reservation_ics(code=res.code, course=course.name, place=course.place, starts_at=cls.starts_at,
                           duration_min=course.duration_min, site_url=get_settings().site_url)
