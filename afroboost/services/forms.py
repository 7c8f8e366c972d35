"""What the coach types in the dashboard forms: prices, whole numbers, times, dates, links, slugs.

Parsers raise `ServiceError(key)`; a `Checker` collects one error per field so a form can
show every problem at once, next to its field, while the state keeps what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TypeVar
from urllib.parse import urlsplit

from afroboost import texts
from afroboost.services import ServiceError

T = TypeVar("T")
MAX_PRICE_CENTS = 100_000_00  # CHF 100'000.-: anything above is a typo
MAX_URL = 500
_PRICE = re.compile(r"^(\d{1,6})(?:[.,](\d{1,2}))?$")
_TIME = re.compile(r"^([01]?\d|2[0-3])\s*[:hH.]\s*([0-5]\d)$")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


class FormInvalid(ServiceError):
    """Several fields refused at once: `errors` maps field -> texts.ERR key."""

    def __init__(self, errors: dict[str, str], field_params: dict[str, dict] | None = None):
        field, key = next(iter(errors.items()))
        self.field_params = field_params or {}
        super().__init__(key, field=field, **self.field_params.get(field, {}))
        self.errors = dict(errors)


def error_messages(e: ServiceError) -> dict[str, str]:
    """French message per field for any refusal (a plain ServiceError without field is "general")."""
    if isinstance(e, FormInvalid):
        return {f: texts.err(k, **e.field_params.get(f, {})) for f, k in e.errors.items()}
    return {e.field or "general": texts.err(e.key, **e.params)}


class Checker:
    """Collects the first error of each field; `done()` raises them all together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.params: dict[str, dict] = {}

    def fail(self, field: str, key: str, **params) -> None:
        if field not in self.errors:
            self.errors[field], self.params[field] = key, params

    def take(self, field: str, fn: Callable[..., T], *args, **kwargs) -> T | None:
        """`fn(*args, **kwargs)`, or None after recording its ServiceError against `field`."""
        try:
            return fn(*args, **kwargs)
        except ServiceError as e:
            self.fail(field, e.key, **e.params)
            return None

    def text(self, field: str, raw: str, *, limit: int, required: bool = False, multiline: bool = False) -> str:
        value = clean_text(raw) if multiline else clean_line(raw)
        if required and not value:
            self.fail(field, "form_required")
        elif len(value) > limit:
            self.fail(field, "form_too_long", max=limit)
        return value

    def done(self) -> None:
        if self.errors:
            raise FormInvalid(self.errors, self.params)


def clean_line(raw: str) -> str:
    return " ".join(str(raw or "").split())


def clean_text(raw: str) -> str:
    """Multi-line text: each line trimmed, at most one blank line between paragraphs."""
    lines = [" ".join(line.split()) for line in str(raw or "").replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_chf(raw: str) -> int:
    """« 25 », « 12.50 », « 12,5 », « CHF 25.- » → centimes."""
    text = "".join(str(raw or "").split()).upper().removeprefix("CHF").removesuffix(".-").replace("'", "")
    if not text:
        raise ServiceError("form_price_required")
    m = _PRICE.match(text)
    if m is None:
        raise ServiceError("form_price_invalid")
    cents = int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))
    if cents > MAX_PRICE_CENTS:
        raise ServiceError("form_price_too_high")
    return cents


def chf_input(cents: int) -> str:
    """Centimes as the coach would type them back: 2500 → « 25 », 1250 → « 12.50 »."""
    francs, rest = divmod(int(cents), 100)
    return str(francs) if rest == 0 else f"{francs}.{rest:02d}"


def parse_int(raw: str, *, lo: int, hi: int) -> int:
    """A whole number between lo and hi (inclusive)."""
    text = "".join(str(raw or "").split())
    if not text:
        raise ServiceError("form_number_required")
    if not text.isdigit():
        raise ServiceError("form_number_invalid")
    value = int(text)
    if not lo <= value <= hi:
        raise ServiceError("form_number_range", lo=lo, hi=hi)
    return value


def parse_hhmm(raw: str) -> str:
    """« 18:30 », « 18h30 », « 9.05 » → « 18:30 » / « 09:05 »."""
    m = _TIME.match(str(raw or "").strip())
    if m is None:
        raise ServiceError("form_time_invalid")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_date(raw: str) -> date | None:
    """« 2026-12-31 » (date picker) or « 31.12.2026 »; empty → None."""
    text = str(raw or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ServiceError("form_date_invalid")


def date_input(d: date | None) -> str:
    return d.isoformat() if d else ""


def day_bounds(d: date, tz) -> tuple[datetime, datetime]:
    """The first and last instant of a local calendar day, in UTC."""
    return (datetime.combine(d, time.min, tzinfo=tz).astimezone(UTC),
            datetime.combine(d, time.max, tzinfo=tz).astimezone(UTC))


def check_https_url(raw: str) -> str:
    """An https link to a real host (a domain name with a dot), or "" when left empty.

    Refused: other schemes (http, javascript:…), spaces, a user:password@ part (a common
    trick to disguise the real host), IP addresses and bare names such as « localhost ».
    """
    url = str(raw or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL:
        raise ServiceError("form_url_too_long", max=MAX_URL)
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise ServiceError("form_url_invalid")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        raise ServiceError("form_url_invalid") from None
    if parts.scheme.lower() != "https":
        raise ServiceError("form_url_https")
    if "@" in parts.netloc or not _real_host(host):
        raise ServiceError("form_url_host")
    return url


def _real_host(host: str) -> bool:
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return False
    tld = labels[-1]
    return (tld.isalpha() and len(tld) >= 2) or tld.startswith("xn--")


def slugify(name: str, *, limit: int = 80) -> str:
    """« Afroboost Silent – Mercredi » → « afroboost-silent-mercredi »."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:limit].strip("-")
