"""What a participant takes away: the QR code of the reservation code and an .ics event."""

from __future__ import annotations

import base64
import io
from datetime import datetime, timedelta

import qrcode
import qrcode.image.svg
from icalendar import Calendar, Event

from afroboost.db import as_utc, utc_now


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
    event.add("summary", f"Afroboost – {course}")
    if place:
        event.add("location", place)
    event.add("description", f"Réservation {code} : présente ton QR code à l'entrée pour ton casque.")
    if site_url:
        event.add("url", site_url)
    cal.add_component(event)
    return cal.to_ical().decode()
