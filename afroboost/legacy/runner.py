"""Run the import: collections in dependency order, one transaction per document, a report.

Idempotent and resumable through `legacy_import`: a document already recorded is skipped.
A malformed document is reported (collection, _id, reason) and skipped; its savepoint is
rolled back so nothing of it is written. `dry_run` does everything inside one transaction
that is rolled back at the end, so counts are exact and nothing stays.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.db import utc_now
from afroboost.legacy import mapping_booking as mbook
from afroboost.legacy import mapping_campaigns as mc
from afroboost.legacy import mapping_chat as mchat
from afroboost.legacy import mapping_content as mct
from afroboost.legacy.common import SKIPPED, Malformed, doc_ref, legacy_id
from afroboost.legacy.reader import BadLine
from afroboost.models import LegacyImport

# (outcome, table, new id) — or with a 4th item, a note for the report (custom emojis)
Mapper = Callable[[Session, dict, datetime], tuple]

# Dependency order: people first, then what points at them; emojis last.
COLLECTIONS: list[tuple[str, Mapper]] = [
    ("users", mchat.map_person),
    ("chat_participants", mchat.map_person),
    ("chat_links", mchat.map_chat_link),
    ("chat_sessions", mchat.map_chat_session),
    ("chat_messages", mchat.map_chat_message),
    ("private_conversations", mchat.map_private_conversation),
    ("private_messages", mchat.map_private_message),
    ("campaigns", mc.map_campaign),
    ("campaign_errors", mc.map_campaign_error),
    ("scheduled_messages", mc.map_scheduled_message),
    ("offers", mct.map_offer),
    ("courses", mct.map_course),
    ("articles", mct.map_article),
    ("discount_codes", mct.map_promo_code),
    ("media_links", mct.map_media_page),
    ("ai_config", mct.map_ai_config),
    ("reservations", mbook.map_reservation),  # after people, offers and courses
    ("custom_emojis", mct.map_custom_emoji),
]
NOT_YET: tuple[str, ...] = ()  # collections read and counted but not mapped (none left)
# The PRD names most collections; for these its changelog only names the feature, so the
# import reads the first of these names that holds documents (recorded under the first one).
ALIASES: dict[str, tuple[str, ...]] = {
    "discount_codes": ("promo_codes", "discountcodes", "codes"),
    "media_links": ("media_pages", "media"),
    "ai_config": ("ai_configs", "ai_settings"),
    "custom_emojis": ("emojis",),
}


async def _source(reader, collection: str) -> tuple[str, int]:
    """(the legacy collection to read for `collection`, its document count)."""
    if n := await reader.count(collection):
        return collection, n
    for alias in ALIASES.get(collection, ()):
        if n := await reader.count(alias):
            return alias, n
    return collection, 0


@dataclass
class Counts:
    created: int = 0
    merged: int = 0
    skipped: int = 0
    errors: int = 0


@dataclass
class Report:
    dry_run: bool = False
    counts: dict[str, Counts] = field(default_factory=dict)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (collection, _id, reason)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (collection, _id, note): to look at

    def table(self) -> str:
        head = f"{'collection':<24}{'created':>9}{'merged':>9}{'skipped':>9}{'errors':>9}"
        lines = [("DRY RUN (nothing written) — would be:" if self.dry_run else "Import report:"), head,
                 "-" * len(head)]
        for name, c in self.counts.items():
            lines.append(f"{name:<24}{c.created:>9}{c.merged:>9}{c.skipped:>9}{c.errors:>9}")
        if self.problems:
            lines.append("")
            lines.append("Malformed documents (skipped):")
            lines += [f"  {coll} {ref}: {reason}" for coll, ref, reason in self.problems]
        if self.notes:
            lines += ["", "Notes:"] + [f"  {coll} {ref}: {note}" for coll, ref, note in self.notes]
        return "\n".join(lines)


class _Progress:
    def __init__(self, name: str, total: int, enabled: bool) -> None:
        self.bar = None
        if not enabled:
            return
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm is pinned; a plain counter otherwise
            self.bar = _Counter(name, total)
        else:
            self.bar = tqdm(total=total, desc=name, unit="doc", file=sys.stderr, leave=True)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Counter:
    def __init__(self, name: str, total: int) -> None:
        self.name, self.total, self.n = name, total, 0

    def update(self, k: int) -> None:
        self.n += k
        print(f"\r{self.name}: {self.n}/{self.total}", end="", file=sys.stderr)

    def close(self) -> None:
        print(file=sys.stderr)


def _already(session: Session, collection: str, lid: str) -> bool:
    return session.exec(select(LegacyImport.id).where(LegacyImport.collection == collection)
                        .where(LegacyImport.legacy_id == lid)).first() is not None


def _reason(exc: Exception) -> str:
    """A short reason: the database's own message, not SQLAlchemy's echo of the whole INSERT."""
    if isinstance(exc, Malformed):
        return str(exc)
    if isinstance(exc, sa.exc.DBAPIError) and exc.orig is not None:
        first = (str(exc.orig).strip().splitlines() or [""])[0]
        return f"{type(exc.orig).__name__}: {first}"[:300]
    return f"{type(exc).__name__}: {exc}"[:300]


def _one(session: Session, collection: str, mapper: Mapper, doc: dict, now: datetime) -> tuple[str, str | None]:
    """Import one document inside a savepoint; returns (outcome | 'error', reason or note)."""
    try:
        lid = legacy_id(doc)
    except Malformed as exc:
        return "error", str(exc)
    try:
        # The whole document, lookups included, in one savepoint: on PostgreSQL a failed statement
        # aborts the enclosing transaction until its savepoint is rolled back (the dry run is one
        # transaction), and nothing of a rejected document may stay.
        with session.begin_nested():
            if _already(session, collection, lid):
                return SKIPPED, None
            outcome, table, new_id, *note = mapper(session, doc, now)
            session.add(LegacyImport(collection=collection, legacy_id=lid, table=table, new_id=new_id,
                                     outcome=outcome))
            session.flush()
    except Exception as exc:  # noqa: BLE001 - one bad document is reported and skipped, never fatal
        if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
            raise  # the database went away: stop rather than report every document as bad
        return "error", _reason(exc)
    return outcome, (note[0] if note else None)


async def run_import(reader, engine: sa.Engine, *, dry_run: bool = False, progress: bool = True,
                     now: datetime | None = None) -> Report:
    report = Report(dry_run=dry_run)
    now = now or utc_now()
    with Session(engine, expire_on_commit=False) as session:
        try:
            for collection, mapper in COLLECTIONS:
                source, total = await _source(reader, collection)
                label = collection if source == collection else f"{collection} ({source})"
                counts = report.counts.setdefault(label, Counts())
                bar = _Progress(label, total, progress)
                async for doc in reader.documents(source):
                    if isinstance(doc, BadLine):
                        outcome, reason, ref = "error", doc.reason, f"line {doc.line}"
                    else:
                        outcome, reason = _one(session, collection, mapper, doc, now)
                        ref = doc_ref(doc)
                    if outcome == "error":
                        counts.errors += 1
                        report.problems.append((collection, ref, reason or "?"))
                    else:
                        setattr(counts, outcome, getattr(counts, outcome) + 1)
                        if reason:
                            report.notes.append((collection, ref, reason))
                    if not dry_run:
                        session.commit()  # each document is its own transaction
                    bar.update()
                bar.close()
            for collection in NOT_YET:
                n = await reader.count(collection)
                if n:
                    report.counts[collection] = Counts(skipped=n)
                    report.problems.append((collection, "*", f"{n} documents: not imported yet"))
        finally:
            if dry_run:
                session.rollback()
    return report

