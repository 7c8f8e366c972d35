"""What the app should write for an instant, in French and in the studio's time zone.

Tests that follow the travelled clock (tests/clock.py) derive their expected texts here from
`NOW`, with zoneinfo and two small tables of their own — never with the app's formatters
(afroboost.services.catalog.listing.format_day and friends), so a test still checks something.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

ZURICH = ZoneInfo("Europe/Zurich")  # the studio (settings.timezone's default)
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")


def local(at: datetime) -> datetime:
    return at.astimezone(ZURICH)


def days_before(at: datetime, n: int) -> datetime:
    """The same wall-clock time `n` calendar days earlier in Zurich (a DST switch in between
    changes the hours, never the day), as UTC."""
    return (local(at) - timedelta(days=n)).astimezone(UTC)


def days_after(at: datetime, n: int) -> datetime:
    """The same wall-clock time `n` calendar days later in Zurich, as UTC."""
    return days_before(at, -n)


def next_at(now: datetime, weekday: int, hour: int, minute: int = 0) -> datetime:
    """The first `weekday` (0 = Monday) `hour`:`minute` in Zurich strictly after `now`, as UTC."""
    loc = local(now)
    day = loc.date() + timedelta(days=(weekday - loc.weekday()) % 7)
    at = datetime.combine(day, time(hour, minute), tzinfo=ZURICH)
    if at <= now:
        at = datetime.combine(day + timedelta(days=7), time(hour, minute), tzinfo=ZURICH)
    return at.astimezone(UTC)


def hhmm(at: datetime) -> str:
    """« 13h00 »"""
    loc = local(at)
    return f"{loc.hour:02d}h{loc.minute:02d}"


def day(at: datetime) -> str:
    """« mercredi 2 décembre »"""
    loc = local(at)
    return f"{JOURS[loc.weekday()]} {loc.day} {MOIS[loc.month - 1]}"


def label(at: datetime) -> str:
    """« Mercredi 2 décembre · 13h00 »: a session as the catalog and the coach's lists show it."""
    d = day(at)
    return f"{d[0].upper()}{d[1:]} · {hhmm(at)}"


def long_date(at: datetime) -> str:
    """« 29 novembre 2026 »"""
    loc = local(at)
    return f"{loc.day} {MOIS[loc.month - 1]} {loc.year}"


def dotted(at: datetime) -> str:
    """« 01.12.2026 »"""
    loc = local(at)
    return f"{loc.day:02d}.{loc.month:02d}.{loc.year}"
