"""Chat fan-out benchmark: one sender, N clients in one room, send→received latency at every client.

Run from the repo root (`make bench`): `.venv/bin/python bench/chat_fanout.py [--n 10 50] [--m 20]`.
It builds and starts the production app from this checkout, exactly as tests/e2e/conftest.py does
(`reflex run --env prod` on a free port on 127.0.0.1, its own migrated and seeded SQLite database in
a temp dir, no redis), so it writes `.web` here: run it from a checkout nothing else is building in.
N real Reflex clients (python-socketio speaking the frontend's protocol, bench/_reflex_client.py)
identify with new emails and open the « community » room (ChatRoom SharedState); client 0 sends a
warm-up message, then M messages, one every --interval s; each client timestamps the first frame
that carries each message (the sender's own echo included). The room is first filled (--fill, its
size), so every delta carries the full list of recent messages, as in production. The same clients
and messages then go through a bare python-socketio broadcast server (bench/_bare_sio.py: the current
app's architecture per the PRD). Prints p50 / p95 / max per server and N, the ratio Reflex p95 / bare
p95, and the targets N=50 p95 ≤ 300 ms and ratio ≤ 2 as PASS/MISS (exit 0 either way). Exit 1 if a
message is lost or a server fails (its log is then kept). Clients and servers share this machine's
CPUs: the figures include the clients' own work and whatever else is running.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import pathlib
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # reflex reads rxconfig.py from the working directory

from bench._reflex_client import BareClient, ReflexTab, state_names  # noqa: E402
from tests.pgserver import migrate  # noqa: E402
from tests.procs import stop_group  # noqa: E402

TARGET_P95_MS = 300.0
TARGET_RATIO = 2.0
TARGET_N = 50
REFLEX, BARE = "Reflex SharedState", "bare python-socketio"
JOIN_CONCURRENCY = 10  # tabs identifying and opening the room at the same moment
SERVER_ERRORS: list[str] = []  # servers whose log shows an exception (the logs are then kept)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# Every bench client comes from 127.0.0.1 and sends far more than a person would: the rate limits
# (services/throttle.py) are lifted so the figures measure fan-out, not refusals.
BENCH_LIMITS = {"LIMIT_IP_FACTOR": "1000", "LIMIT_IDENTITY_CLAIM": "10000/minute",
                "LIMIT_CHAT_MESSAGE": "10000/minute", "LIMIT_TYPING": "10000/minute"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(label: str, cmd: list[str], port: int, ready_paths: list[str], timeout: float, log: pathlib.Path):
    """Start `cmd` in its own process group; yield its base URL once every ready path answers 200."""
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}", **BENCH_LIMITS}
    with open(log, "w") as logf:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, stdout=logf,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        for path in ready_paths:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{label} exited early:\n{log.read_text()[-3000:]}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{label} not up after {timeout:.0f}s:\n{log.read_text()[-3000:]}")
                with contextlib.suppress(OSError), urllib.request.urlopen(base + path, timeout=2) as r:
                    if r.status == 200:
                        break
                time.sleep(0.5)
        yield base
    finally:
        stop_group(proc)
        if tracebacks := log.read_text(errors="replace").count("Traceback"):
            SERVER_ERRORS.append(f"{label}: {tracebacks} traceback(s) in {log}")


async def until(ready, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.005)


async def fanout(make, conv_id: int, *, n: int, m: int, interval: float | None,
                 settle: float = 30.0) -> tuple[list[float], int]:
    """N clients join the room; client 0 sends a warm-up then M messages.

    interval None: wait until every client has a message before sending the next (room filling).
    Returns the latencies in ms of the N×M receipts, and how many receipts never came.
    """
    run = uuid.uuid4().hex[:8]
    sent: dict[str, float] = {}
    got: dict[tuple[int, str], float] = {}

    def on_message(i: int, body: str, at: float) -> None:
        if body in sent and (i, body) not in got:
            got[(i, body)] = at

    clients = [make(i, on_message) for i in range(n)]
    gate = asyncio.Semaphore(JOIN_CONCURRENCY)

    async def join(c) -> None:
        async with gate:
            await c.join(f"fanout-{run}-{c.index}@bench.afroboost.ch", conv_id)

    bodies = [f"fanout {run} #{k}" for k in range(m + 1)]  # #0 is the warm-up, not counted
    try:
        await asyncio.wait_for(asyncio.gather(*(join(c) for c in clients)), timeout=60 + 3 * n)
        await asyncio.sleep(0.5)  # let the last joins' frames drain
        for k, body in enumerate(bodies):
            sent[body] = time.perf_counter()
            await clients[0].send(body)
            if k == 0 or interval is None:
                await until(lambda b=body: all((c.index, b) in got for c in clients), settle, f"{body} not everywhere")
            else:
                await asyncio.sleep(interval)
        with contextlib.suppress(TimeoutError):
            await until(lambda: len(got) == n * len(bodies), settle, "")
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
    ms = [(at - sent[body]) * 1000 for (_i, body), at in got.items() if body != bodies[0]]
    return ms, n * m - len(ms)


def run_all(args, tmp: pathlib.Path) -> dict[tuple[str, int], tuple[list[float], int]]:
    results = {}
    port = free_port()
    print(f"building and starting the Reflex app (prod, logs in {tmp}) …", flush=True)
    with server("reflex", [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-host", "127.0.0.1",
                           "--backend-port", str(port)], port, ["/ping", "/"], 420, tmp / "reflex.log") as base:
        names = state_names(ROOT / ".web")

        def tab(i, on_message):
            return ReflexTab(i, base, names, on_message)

        async def fill() -> int:  # one tab identifies (which creates the groups), then the room fills up
            first = tab(0, lambda *_: None)
            try:
                await first.identify("fanout-fill@bench.afroboost.ch")
            finally:
                await first.close()
            with contextlib.closing(sqlite3.connect(tmp / "chat.db")) as db:
                conv_id = db.execute("SELECT id FROM conversation WHERE slug = 'community'").fetchone()[0]
            await fanout(tab, conv_id, n=1, m=args.fill, interval=None)
            return conv_id

        conv_id = asyncio.run(fill())
        for n in args.n:
            results[(REFLEX, n)] = asyncio.run(fanout(tab, conv_id, n=n, m=args.m, interval=args.interval))
    port = free_port()
    with server("bare", [sys.executable, str(ROOT / "bench" / "_bare_sio.py"), str(port)], port,
                ["/socket.io/?EIO=4&transport=polling"], 60, tmp / "bare.log") as base:
        for n in args.n:
            results[(BARE, n)] = asyncio.run(fanout(lambda i, on_message: BareClient(i, base, on_message),
                                                    conv_id, n=n, m=args.m, interval=args.interval))
    return results


def report(results, args) -> bool:
    print(f"\nChat fan-out: 1 sender, {args.m} messages every {args.interval * 1000:.0f} ms, N clients in one "
          "room; latency send → frame received, every (client, message)")
    print(f"  {'server':<22}{'N':>4}{'received':>12}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    p95 = {}
    for (label, n), (ms, lost) in results.items():
        if ms:
            p95[(label, n)] = percentile(ms, 95)
        stats = f"{percentile(ms, 50):>9.1f}{percentile(ms, 95):>9.1f}{max(ms):>9.1f}" if ms else ""
        print(f"  {label:<22}{n:>4}{f'{len(ms)}/{len(ms) + lost}':>12}{stats}")
    ratios = {n: p95[(REFLEX, n)] / p95[(BARE, n)] for n in args.n if (REFLEX, n) in p95 and (BARE, n) in p95}
    print("  ratio Reflex p95 / bare p95: " + "  ".join(f"N={n}: {r:.2f}" for n, r in ratios.items()))
    if (REFLEX, TARGET_N) in p95:
        got = p95[(REFLEX, TARGET_N)]
        print(f"  target Reflex N={TARGET_N} p95 ≤ {TARGET_P95_MS:.0f} ms: {got:.1f} ms "
              f"{'PASS' if got <= TARGET_P95_MS else 'MISS'}")
    else:
        print(f"  target Reflex N={TARGET_N} p95 ≤ {TARGET_P95_MS:.0f} ms: not measured (add {TARGET_N} to --n)")
    if ratios:
        worst = max(ratios.values())
        print(f"  target ratio ≤ {TARGET_RATIO:.0f} at every N: worst {worst:.2f} "
              f"{'PASS' if worst <= TARGET_RATIO else 'MISS'}")
    for line in SERVER_ERRORS:
        print(f"  warning: {line}")
    ok = all(ms and lost == 0 for ms, lost in results.values())
    if not ok:
        print("  FAIL: messages lost (see 'received')")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 50], help="clients in the room (default 10 50)")
    parser.add_argument("--m", type=int, default=20, help="timed messages per run (default 20)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between messages (default 0.25)")
    parser.add_argument("--fill", type=int, default=50,
                        help="messages sent first so each delta carries a full room (default 50, the room's size)")
    parser.add_argument("--timeout", type=int, default=1200, help="overall limit in seconds (default 1200)")
    args = parser.parse_args(argv)
    if min(args.n) < 1 or args.m < 1 or args.interval < 0 or args.fill < 0:
        parser.error("--n and --m must be ≥ 1, --interval and --fill ≥ 0")

    def too_long(*_):
        raise TimeoutError(f"chat_fanout: over --timeout {args.timeout}s")

    tmp = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-fanout-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'chat.db'}"  # for migrate, seed and the app
    os.environ.pop("REDIS_URL", None)  # one process, in-memory state, as the e2e tests run it
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(args.timeout)  # the servers are stopped by their `finally` on the way out
    try:
        migrate(os.environ["DATABASE_URL"])
        subprocess.run([sys.executable, "-m", "afroboost", "seed"], cwd=ROOT, check=True, timeout=120,
                       stdout=subprocess.DEVNULL)
        ok = report(run_all(args, tmp), args)
    except BaseException:
        print(f"chat_fanout: failed, servers stopped; logs and database kept in {tmp}", file=sys.stderr)
        raise
    finally:
        signal.alarm(0)
    if not SERVER_ERRORS:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
