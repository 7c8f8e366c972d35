"""Helpers shared by the per-collection mappers: ids, dates, the legacy → new id map."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime

from bson.datetime_ms import DatetimeMS
from sqlmodel import Session, select

from afroboost.models import LegacyImport


class Malformed(Exception):
    """A document that cannot be imported: reported (collection, _id, reason) and skipped."""


CREATED, MERGED, SKIPPED = "created", "merged", "skipped"
INT_MAX = 2**31 - 1  # PostgreSQL `integer` (SQLite would take any 64-bit value, PostgreSQL refuses)
KEY_LEN = 80  # legacy_import.legacy_id


def clean(value: str) -> str:
    """Text PostgreSQL accepts: no NUL byte (SQLite stores it, PostgreSQL refuses the row), no lone
    UTF-16 surrogate (possible in an export file, unencodable in UTF-8)."""
    value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def key(raw) -> str:
    """A legacy id as stored in `legacy_import`: ids longer than the column keep a hash of the
    whole id, so two long ids sharing their first 80 characters stay distinct."""
    raw = clean(str(raw))
    if len(raw) <= KEY_LEN:
        return raw
    return raw[:KEY_LEN - 17] + "#" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def legacy_id(doc: dict) -> str:
    """The id other legacy documents use to point at this one: the app's `id`, else `_id`."""
    raw = doc.get("id") or doc.get("_id")
    if raw is None or str(raw).strip() == "":
        raise Malformed("no id")
    return key(raw)


def doc_ref(doc: dict) -> str:
    for key in ("_id", "id"):
        if doc.get(key) is not None:
            return str(doc[key])
    return "?"


def field(doc: dict, *names: str, default=None):
    """The first present, non-empty value among `names` (legacy docs mix camelCase and snake_case)."""
    for name in names:
        value = doc.get(name)
        if value is not None and value != "":
            return value
    return default


def text(doc: dict, *names: str, limit: int = 4000) -> str:
    value = field(doc, *names, default="")
    if not isinstance(value, str | int | float):
        raise Malformed(f"{names[0]}: not a text")
    return clean(str(value)).strip()[:limit]


def flag(doc: dict, name: str, default: bool) -> bool:
    """A legacy yes/no: real booleans, but also 0/1 and "false"/"true" strings from old forms."""
    value = doc.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "non", "off")
    return bool(value)


def _plain(value):
    """A bson Decimal128 as a Decimal; anything else unchanged."""
    return value.to_decimal() if hasattr(value, "to_decimal") else value


def as_int(value, default: int, *, low: int = -INT_MAX) -> int:
    """A whole number that fits an `integer` column, else Malformed (never a database error)."""
    if value is None or value == "":
        return default
    try:
        number = int(_plain(value))
    except (TypeError, ValueError, OverflowError) as exc:
        raise Malformed(f"bad number {value!r}") from exc
    if not low <= number <= INT_MAX:
        raise Malformed(f"number out of range {value!r}")
    return number


def cents(value) -> int:
    """A legacy price in francs (number, numeric string or Decimal128) as whole cents."""
    try:
        amount = float(_plain(value) or 0)
        result = max(0, round(amount * 100))
    except (TypeError, ValueError, OverflowError) as exc:  # text, NaN, infinity
        raise Malformed(f"bad price {value!r}") from exc
    if result > INT_MAX:
        raise Malformed(f"price out of range {value!r}")
    return result


def as_dt(value) -> datetime | None:
    """A legacy date (datetime, ISO string, epoch ms) as an aware UTC datetime; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, DatetimeMS):  # a BSON date outside Python's years 1-9999
        value = int(value)
    try:
        if isinstance(value, datetime):
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:  # year 0 / 10000, NaN: not a date
        raise Malformed(f"bad date {value!r}") from exc
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise Malformed(f"bad date {value!r}") from exc
        return as_dt(parsed)
    raise Malformed(f"bad date {value!r}")


def doc_time(doc: dict, *names: str) -> datetime | None:
    return as_dt(field(doc, *names, "createdAt", "created_at"))


def slugify(raw: str, limit: int = 80) -> str:
    ascii_ = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:limit] or "sans-titre"


def unique_slug(session: Session, model, base: str, limit: int = 80) -> str:
    slug, n = base[:limit], 2
    while session.exec(select(model.id).where(model.slug == slug)).first() is not None:
        suffix = f"-{n}"
        slug, n = base[: limit - len(suffix)] + suffix, n + 1
    return slug


def lookup(session: Session, collections: tuple[str, ...], lid) -> tuple[str, int] | None:
    """Where a legacy id went: (table, new id), searching `collections` in order."""
    if lid is None or lid == "":
        return None
    for coll in collections:
        row = session.exec(select(LegacyImport).where(LegacyImport.collection == coll)
                           .where(LegacyImport.legacy_id == key(lid))).first()
        if row is not None and row.new_id is not None:
            return row.table, row.new_id
    return None


PEOPLE = ("users", "chat_participants")


def contact_of(session: Session, lid) -> int | None:
    hit = lookup(session, PEOPLE, lid)
    return hit[1] if hit else None
