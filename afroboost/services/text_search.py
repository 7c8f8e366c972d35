"""Case-insensitive « contains » searches that behave the same on SQLite and PostgreSQL.

SQLite's own lower() and LIKE only fold ASCII letters (« ÉLODIE » would not find « élodie »),
so on SQLite the search lower-cases with Python's str.lower through a function registered
on the connection. PostgreSQL's lower() already knows Unicode.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session

from afroboost.models import Contact
from afroboost.services.coach_forms import clean_line

MAX_QUERY = 100
_PHONE_QUERY = re.compile(r"^[\d\s+().\-/]+$")


def _py_lower(value):
    return value.lower() if isinstance(value, str) else value


def sql_lower(session: Session) -> Callable[[sa.ColumnElement], sa.ColumnElement]:
    """The SQL function that lower-cases text for this session's database (Unicode-aware)."""
    if session.get_bind().dialect.name != "sqlite":
        return sa.func.lower
    raw = session.connection().connection.driver_connection
    raw.create_function("ab_lower", 1, _py_lower, deterministic=True)
    return sa.func.ab_lower


def clean_query(raw: str) -> str:
    """What the coach typed, on one line, lower-cased and capped."""
    return clean_line(raw)[:MAX_QUERY].lower()


def phone_fragments(query: str) -> list[str]:
    """Digits to look for in E.164 numbers when the query looks like a phone number.

    « 079 123 45 67 » is stored as +41791234567: the national leading 0 (or the 00 of an
    international prefix) is dropped so a local way of writing still finds it.
    """
    if not _PHONE_QUERY.match(query):
        return []
    digits = re.sub(r"\D", "", query)
    if len(digits) < 3:
        return []
    out = [digits]
    if digits.startswith("00") and len(digits) > 4:
        out.append(digits[2:])
    elif digits.startswith("0") and len(digits) > 3:
        out.append(digits[1:])
    return out


def contact_matches(session: Session, query: str) -> sa.ColumnElement[bool]:
    """Contact rows whose name, email or phone contains `query` (already cleaned, lower-case)."""
    lower = sql_lower(session)
    full_name = Contact.first_name + " " + Contact.last_name
    conds = [lower(col).contains(query, autoescape=True)
             for col in (full_name, Contact.email, Contact.phone)]
    conds += [Contact.phone.contains(d, autoescape=True) for d in phone_fragments(query)]
    return sa.or_(*conds)
