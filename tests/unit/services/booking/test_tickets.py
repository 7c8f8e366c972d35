"""What a participant takes away: the QR code and the calendar file."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from afroboost.services.booking.tickets import qr_svg_data_uri, reservation_ics

PREFIX = "data:image/svg+xml;base64,"


def test_qr_is_a_valid_svg_data_uri():
    uri = qr_svg_data_uri("AFR-ABC234")
    assert uri.startswith(PREFIX)
    svg = base64.b64decode(uri[len(PREFIX):], validate=True)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert any(el.tag.endswith("path") for el in root.iter())


def test_qr_differs_per_code():
    assert qr_svg_data_uri("AFR-ABC234") != qr_svg_data_uri("AFR-ABC235")


def test_ics_event():
    # Wednesday 2 December 2026, 18:30 in Lausanne = 17:30 UTC.
    local_start = datetime(2026, 12, 2, 18, 30, tzinfo=ZoneInfo("Europe/Zurich"))
    ics = reservation_ics(code="AFR-ABC234", course="Afroboost Silent", place="Salle Rythmo, Lausanne",
                          starts_at=local_start, duration_min=60, site_url="http://127.0.0.1:3000",
                          now=datetime(2026, 11, 30, tzinfo=UTC))
    assert "DTSTART:20261202T173000Z" in ics.replace("\r\n ", "")
    cal = Calendar.from_ical(ics)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    ev = events[0]
    start = ev.decoded("dtstart")
    assert start == datetime(2026, 12, 2, 17, 30, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert ev.decoded("dtend") - start == timedelta(minutes=60)
    assert str(ev["summary"]) == "Afroboost – Afroboost Silent"
    assert str(ev["location"]) == "Salle Rythmo, Lausanne"
    assert "AFR-ABC234" in str(ev["uid"])
    assert "AFR-ABC234" in str(ev["description"])


def test_ics_naive_start_is_read_as_utc_and_place_optional():
    ics = reservation_ics(code="AFR-XYZ999", course="Express", place="", starts_at=datetime(2026, 12, 7, 11, 15),
                          duration_min=45)
    ev = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
    assert ev.decoded("dtstart") == datetime(2026, 12, 7, 11, 15, tzinfo=UTC)
    assert "location" not in ev
