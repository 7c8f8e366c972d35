"""CRM search benchmark: the coach's Conversations search on 100 000 contacts and 1 000 000 messages.

Run from the repo root (`make bench`): `.venv/bin/python bench/crm_search.py [--contacts N] [--messages M]`.
For each database (a throwaway SQLite file, and a throwaway PostgreSQL server when its
binaries are installed) it migrates up to the revision before the search indexes, bulk-loads
N contacts (each with an assistant conversation, some in a group) and M messages, then applies
the search-index migration (so its backfill is measured too: FTS5 trigram tables on SQLite,
pg_trgm GIN indexes on PostgreSQL). It then times `access_conversations` (first page, exactly
as the Conversations tab calls it through `in_read`) for names, emails, phone numbers and
message words, and prints p50 / p95 / max per kind and overall against the target
p95 ≤ 50 ms. The « frequent » kind (the corpus' top words, in nearly every conversation)
takes the dense plan (services/chat/search.py: the most recent matches, the total
as a floor); « list » is the tab opened without a query (100 003 conversations).
Exit status 1 only when a search returns a wrong result (a known contact or message not
found); latency only prints, it never fails the run.
"""

from __future__ import annotations

import argparse
import math
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # reflex reads rxconfig.py from the working directory

from tests.pgserver import PgServer, find_pg_bin, migrate, using_database  # noqa: E402

TARGET_P95_MS = 50.0
BEFORE_INDEXES = "7307496ef3c2"  # the revision just before c5e1a7d3f920_search_indexes
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
FIRST = ["Awa", "Kofi", "Élodie", "Fatou", "Moussa", "Aminata", "Jean", "Marie", "Sékou", "Chloé", "Ibrahim",
         "Nadia", "Lucas", "Aïcha", "Yannick", "Grâce", "Olivier", "Mariam", "Thierry", "Inès"]
LAST = ["Diallo", "Mbappé", "Koné", "Traoré", "Müller", "Dubois", "Ndiaye", "Keïta", "Favre", "Bonvin",
        "Camara", "Rochat", "Sow", "Mbeki", "Zürcher", "Cissé", "Perret", "Touré", "Baldé", "Gerber"]
LETTERS = "abcdefghijklmnopqrstuvwxyzéèàç"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """The common chat words first, then pseudo-words of random letters (diverse trigrams, like real text)."""
    common = ["bonjour", "merci", "cours", "séance", "casque", "salut", "demain", "réservation", "prix", "horaire"]
    words = set(common)
    while len(words) < size:
        words.add("".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 10))))
    rest = sorted(words - set(common))
    rng.shuffle(rest)
    return common + rest


def people(n: int) -> list[tuple[int, str, str, str, str]]:
    """(id, first, last, email, phone): names repeat, emails and phones are unique."""
    out = []
    for i in range(1, n + 1):
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        out.append((i, first, last, f"membre{i}.{last.lower()}@example.ch", f"+4179{i:07d}"))
    return out


def dataset(n_contacts: int, n_messages: int, seed: int = 7):
    """Rows for contact, conversation, conversation_member and chat_message (ids are explicit)."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf-like: a few words are everywhere
    contacts = people(n_contacts)
    groups = [(n_contacts + 1, "group", "community", "Communauté"), (n_contacts + 2, "group", "vip", "VIP"),
              (n_contacts + 3, "group", "les-lionnes", "Les Lionnes")]
    convs = [(c[0], "assistant", None, "Coach Bassi", c[0]) for c in contacts]
    convs += [(gid, kind, slug, title, None) for gid, kind, slug, title in groups]
    members = [(i, groups[i % 3][0], c[0]) for i, c in enumerate(contacts[: n_contacts // 10], start=1)]
    messages, last_at = [], {}
    conv_ids = [c[0] for c in convs]
    picks = rng.choices(range(len(words)), weights=weights, k=n_messages * 8)
    for m in range(n_messages):
        conv = conv_ids[m % len(conv_ids)]
        at = NOW - timedelta(minutes=n_messages - m)
        body = " ".join(words[j] for j in picks[m * 8: m * 8 + rng.randint(4, 8)])
        sender = conv if conv <= n_contacts else rng.randint(1, n_contacts)
        messages.append((m + 1, conv, "member", sender, "", body.capitalize(), at))
        last_at[conv] = at
    return words, contacts, convs, members, messages, last_at


def load_sqlite(path: str, data) -> None:
    import sqlite3

    _words, contacts, convs, members, messages, last_at = data
    ts = lambda d: d.replace(tzinfo=None).isoformat(sep=" ")  # noqa: E731  (UTCDateTime on SQLite)
    now = ts(NOW)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    with con:
        con.executemany("INSERT INTO contact (id, first_name, last_name, email, phone, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", [(*c, now, now) for c in contacts])
        con.executemany("INSERT INTO conversation (id, kind, slug, title, contact_id, status, created_at, "
                        "last_message_at) VALUES (?, ?, ?, ?, ?, 'ai', ?, ?)",
                        [(*c, now, ts(last_at[c[0]]) if c[0] in last_at else None) for c in convs])
        con.executemany("INSERT INTO conversation_member (id, conversation_id, contact_id, joined_at) "
                        "VALUES (?, ?, ?, ?)", [(*m, now) for m in members])
        con.executemany("INSERT INTO chat_message (id, conversation_id, sender_kind, contact_id, sender_name, "
                        "body, created_at, notified) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                        ((*m[:6], ts(m[6])) for m in messages))
    con.close()


def load_postgres(url: str, data) -> None:
    import psycopg

    _words, contacts, convs, members, messages, last_at = data
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy("COPY contact (id, first_name, last_name, email, phone, created_at, updated_at) "
                      "FROM STDIN") as cp:
            for c in contacts:
                cp.write_row((*c, NOW, NOW))
        with cur.copy("COPY conversation (id, kind, slug, title, contact_id, status, created_at, last_message_at) "
                      "FROM STDIN") as cp:
            for c in convs:
                cp.write_row((*c, "ai", NOW, last_at.get(c[0])))
        with cur.copy("COPY conversation_member (id, conversation_id, contact_id, joined_at) FROM STDIN") as cp:
            for m in members:
                cp.write_row((*m, NOW))
        with cur.copy("COPY chat_message (id, conversation_id, sender_kind, contact_id, sender_name, body, "
                      "created_at, notified) FROM STDIN") as cp:
            for m in messages:
                cp.write_row((*m, False))
        for table in ("contact", "conversation", "conversation_member", "chat_message"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cur.execute("ANALYZE")


def alembic_upgrade(url: str, revision: str) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    out = subprocess.run([sys.executable, "-m", "alembic", "upgrade", revision], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=1800)
    assert out.returncode == 0, out.stdout + out.stderr


def queries(data, rng: random.Random) -> list[tuple[str, str, int | None]]:
    """(kind, query, a conversation id that must be in the results — None: only checked non-empty)."""
    words, contacts, _convs, _members, messages, _ = data
    out: list[tuple[str, str, int | None]] = []
    for c in rng.sample(contacts, 6):
        cid, first, last, email, phone = c
        out += [("email", email.upper(), cid), ("email", email.split("@")[0], cid),
                ("phone", f"079 {phone[5:8]} {phone[8:10]} {phone[10:]}", cid)]
        out.append(("name", f"{first} {last}".lower(), None))
    out += [("name", n, None) for n in ("ÉLODIE", "keïta", "mbap", "zürcher")]
    for m in rng.sample(messages, 6):  # two consecutive words of a real message: its conversation must match
        pair = m[5].lower().split()[:2]
        out.append(("phrase", " ".join(pair), m[1]))
    out += [("message", words[rank], None) for rank in (30, 100, 300, 1000, 3000, 5000)]
    out += [("message", words[rank][1:5], None) for rank in (200, 2000)]  # inside a word
    # the most frequent words of the corpus (each in 5-50 % of all messages: nearly every
    # conversation matches): reported apart, see the summary lines
    out += [("frequent", words[rank], None) for rank in (0, 3, 7)]
    out += [("message", "introuvable-xyz", 0)]  # no hit at all
    out += [("list", "", None)]  # the tab opened, no search
    return out


def run_one(label: str, url: str, data, *, reps: int) -> bool:
    from afroboost.db import in_read
    from afroboost.services.chat.conversations import access_conversations

    t0 = time.perf_counter()
    alembic_upgrade(url, BEFORE_INDEXES)
    t1 = time.perf_counter()
    if url.startswith("sqlite"):
        load_sqlite(url.split("///", 1)[1], data)
    else:
        load_postgres(url.replace("+psycopg", ""), data)
    t2 = time.perf_counter()
    migrate(url)  # head: the search-index migration builds/backfills its indexes on the loaded data
    t3 = time.perf_counter()
    print(f"{label}: {len(data[1]):,} contacts, {len(data[4]):,} messages — schema {t1 - t0:.1f} s, "
          f"bulk load {t2 - t1:.1f} s, search-index migration {t3 - t2:.1f} s")

    ok, by_kind, everything = True, {}, []
    with using_database(url):
        for kind, q, must in queries(data, random.Random(11)):
            page = in_read(access_conversations, query=q, now=NOW)  # warm-up, and the correctness check
            if must == 0:
                good = page.total == 0
            elif must is None:
                good = page.total > 0
            else:
                top = in_read(access_conversations, query=q, per_page=100, now=NOW)
                # beyond one page (or a dense page, whose total is a floor): not checked
                good = must in {r.id for r in top.rows} or top.total > 100 or not top.total_exact
            if not good:
                ok = False
                print(f"  WRONG: {kind} {q!r} → {page.total} conversations")
            for _ in range(reps):
                started = time.perf_counter()
                in_read(access_conversations, query=q, now=NOW)
                ms = (time.perf_counter() - started) * 1000
                by_kind.setdefault(kind, []).append(ms)
                everything.append(ms)
    print(f"  {'kind':<8} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, values in [*sorted(by_kind.items()), ("all", everything)]:
        print(f"  {kind:<8} {len(values):>4} {percentile(values, 50):>8.1f} {percentile(values, 95):>8.1f} "
              f"{max(values):>8.1f}")
    p95 = percentile(everything, 95)
    print(f"  search p95 (every kind): {p95:.1f} ms (target ≤ {TARGET_P95_MS:.0f} ms: "
          f"{'PASS' if p95 <= TARGET_P95_MS else 'MISS'})")
    print(f"  results: {'OK' if ok else 'WRONG'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=5, help="timed runs per query (default 5)")
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="one database only")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = dataset(args.contacts, args.messages)
    print(f"dataset generated in {time.perf_counter() - started:.1f} s")
    ok = True
    if args.only != "postgres":
        tmp = tempfile.mkdtemp(prefix="afroboost-crm-bench-")
        try:
            ok &= run_one("SQLite (FTS5 trigram)", f"sqlite:///{tmp}/bench.db", data, reps=args.reps)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.only != "sqlite":
        if find_pg_bin() is None:
            print("PostgreSQL: not installed, skipped (run `make test-deps`)")
        else:
            with PgServer() as pg:
                ok &= run_one("PostgreSQL (pg_trgm GIN)", pg.url.replace("postgresql://", "postgresql+psycopg://"),
                              data, reps=args.reps)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
