"""search_indexes: substring search for Conversations and contacts (written by hand)

SQLite: FTS5 tables with the `trigram` tokenizer (SQLite >= 3.34), kept in sync by triggers.
  - `chat_message_fts`: external content (content='chat_message'), column `body`.
  - `contact_fts`: its own copy of « first last », email and phone (a computed full name
    cannot be an external-content column), rowid = contact.id.
  A quoted trigram phrase is an exact, case-insensitive substring match of >= 3 characters;
  shorter queries keep the plain LIKE scan (afroboost/services/text_search.py), and so does
  an SQLite older than 3.34 (no trigram tokenizer: the tables are not created).
PostgreSQL: pg_trgm GIN indexes on the lower-cased expressions the search uses, so
  `lower(col) LIKE '%…%'` is answered by the index.

Revision ID: c5e1a7d3f920
Revises: 7307496ef3c2
Create Date: 2026-11-25 02:20:00

"""
import sqlite3
from collections.abc import Sequence

from alembic import op

revision: str = 'c5e1a7d3f920'
down_revision: str | Sequence[str] | None = '7307496ef3c2'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONTACT_ROW = "coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, ''), new.email, new.phone"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE chat_message_fts USING fts5("
    "body, content='chat_message', content_rowid='id', tokenize='trigram case_sensitive 0')",
    "INSERT INTO chat_message_fts(chat_message_fts) VALUES ('rebuild')",
    "CREATE TRIGGER chat_message_fts_ai AFTER INSERT ON chat_message BEGIN "
    "INSERT INTO chat_message_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER chat_message_fts_ad AFTER DELETE ON chat_message BEGIN "
    "INSERT INTO chat_message_fts(chat_message_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER chat_message_fts_au AFTER UPDATE OF body ON chat_message BEGIN "
    "INSERT INTO chat_message_fts(chat_message_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO chat_message_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, email, phone, tokenize='trigram case_sensitive 0')",
    "INSERT INTO contact_fts(rowid, name, email, phone) SELECT id, "
    "coalesce(first_name, '') || ' ' || coalesce(last_name, ''), email, phone FROM contact",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN "
    f"INSERT INTO contact_fts(rowid, name, email, phone) VALUES (new.id, {_CONTACT_ROW}); END",
    "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = old.id; "
    f"INSERT INTO contact_fts(rowid, name, email, phone) VALUES (new.id, {_CONTACT_ROW}); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS contact_fts_au", "DROP TRIGGER IF EXISTS contact_fts_ad",
    "DROP TRIGGER IF EXISTS contact_fts_ai", "DROP TABLE IF EXISTS contact_fts",
    "DROP TRIGGER IF EXISTS chat_message_fts_au", "DROP TRIGGER IF EXISTS chat_message_fts_ad",
    "DROP TRIGGER IF EXISTS chat_message_fts_ai", "DROP TABLE IF EXISTS chat_message_fts",
]

# The expressions must be exactly the ones afroboost/services/text_search.py emits.
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_contact_name_trgm ON contact USING gin "
    "(lower(first_name || ' ' || last_name) gin_trgm_ops)",
    "CREATE INDEX ix_contact_email_trgm ON contact USING gin (lower(email) gin_trgm_ops)",
    "CREATE INDEX ix_contact_phone_trgm ON contact USING gin (lower(phone) gin_trgm_ops)",
    "CREATE INDEX ix_chat_message_body_trgm ON chat_message USING gin (lower(body) gin_trgm_ops)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_chat_message_body_trgm", "DROP INDEX IF EXISTS ix_contact_phone_trgm",
    "DROP INDEX IF EXISTS ix_contact_email_trgm", "DROP INDEX IF EXISTS ix_contact_name_trgm",
]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite" and sqlite3.sqlite_version_info >= (3, 34, 0):  # the trigram tokenizer
        _run(SQLITE_UP)  # (older SQLite: no tables, the search keeps its LIKE scan)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
