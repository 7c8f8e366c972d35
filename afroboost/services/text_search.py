"""Case-insensitive « contains » searches that behave the same on SQLite and PostgreSQL.

SQLite's own lower() and LIKE only fold ASCII letters (« ÉLODIE » would not find « élodie »),
so on SQLite the search lower-cases with Python's str.lower through a function registered
on the connection. PostgreSQL's lower() already knows Unicode.

Indexes (migration c5e1a7d3f920): on PostgreSQL, pg_trgm GIN indexes on exactly the
`lower(…)` expressions below answer the `LIKE '%…%'`. On SQLite, FTS5 `trigram` tables
(`contact_fts`, `chat_message_fts`) answer queries of 3 characters or more: a quoted trigram
phrase is a case-insensitive substring match; shorter queries keep the LIKE scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session

from afroboost.models import ChatMessage, Contact
from afroboost.services.forms import clean_line

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


def like_pattern(query: str) -> str:
    """`%query%` for LIKE … ESCAPE '/' (built here, not in SQL, so PostgreSQL sees a constant)."""
    return "%" + query.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def contains(expr: sa.ColumnElement, query: str) -> sa.ColumnElement[bool]:
    return expr.like(like_pattern(query), escape="/")


def _fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def fts_ready(session: Session, table: str) -> bool:
    """SQLite with the FTS5 trigram table `table` (created by the search migration)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).first()
    return found is not None


def fts_rowids(table: str, query: str, column: str | None = None) -> sa.Select:
    """Rowids of the FTS5 trigram `table` whose `column` (or any column) contains `query` (>= 3 chars)."""
    target = f"{table}.{column}" if column else table
    return sa.select(sa.literal_column("rowid")).select_from(sa.table(table)).where(
        sa.literal_column(target).op("MATCH")(_fts_phrase(query)))


def contact_matches(session: Session, query: str) -> sa.ColumnElement[bool]:
    """Contact rows whose name, email or phone contains `query` (already cleaned, lower-case)."""
    fragments = phone_fragments(query)
    if len(query) >= 3 and fts_ready(session, "contact_fts"):
        ids = [fts_rowids("contact_fts", query)]
        ids += [fts_rowids("contact_fts", d, "phone") for d in fragments if len(d) >= 3]
        return Contact.id.in_(sa.union(*ids) if len(ids) > 1 else ids[0])
    return contact_like(session, query)


def contact_like(session: Session, query: str) -> sa.ColumnElement[bool]:
    """The same test as `contact_matches`, row by row (no search-index lookup): for a few known rows."""
    lower = sql_lower(session)
    # literal ' ': the PostgreSQL trigram index is on lower(first_name || ' ' || last_name)
    full_name = Contact.first_name.op("||")(sa.literal_column("' '")).op("||")(Contact.last_name)
    conds = [contains(lower(col), query) for col in (full_name, Contact.email, Contact.phone)]
    conds += [contains(lower(Contact.phone), d) for d in phone_fragments(query)]  # lower(): the indexed expression
    return sa.or_(*conds)


def message_conversations(session: Session, query: str) -> sa.Select:
    """Ids of the conversations with a message whose body contains `query` (cleaned, lower-case)."""
    stmt = sa.select(ChatMessage.conversation_id)
    if len(query) >= 3 and fts_ready(session, "chat_message_fts"):
        return stmt.where(ChatMessage.id.in_(fts_rowids("chat_message_fts", query)))
    return stmt.where(contains(sql_lower(session)(ChatMessage.body), query))
