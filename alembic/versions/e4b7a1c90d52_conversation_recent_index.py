"""conversation_recent_index: the Conversations list order as an index (written by hand)

`coalesce(last_message_at, created_at) DESC, id DESC` is the order of the coach's list
(services/conversation_search.recent_first): with this index the first page of the whole
list, and the broad-search walk, read the most recent conversations first instead of
sorting every conversation. An expression index (SQLite >= 3.9, PostgreSQL): autogenerate
does not compare it (afroboost/db.py SEARCH_INDEXES). On PostgreSQL the tables are then
analysed (a sample, about a second on a million messages).

Revision ID: e4b7a1c90d52
Revises: c5e1a7d3f920
Create Date: 2026-11-25 03:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'e4b7a1c90d52'
down_revision: str | Sequence[str] | None = 'c5e1a7d3f920'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_conversation_recent", "conversation",
                    [sa.text("coalesce(last_message_at, created_at) DESC"), sa.text("id DESC")])
    if op.get_bind().dialect.name == "postgresql":
        # Statistics for the new expression and for the search migration's lower(…) expressions:
        # without them the planner guesses that any LIKE is selective until autovacuum runs.
        op.execute("ANALYZE conversation, contact, chat_message")


def downgrade() -> None:
    op.drop_index("ix_conversation_recent", table_name="conversation")
