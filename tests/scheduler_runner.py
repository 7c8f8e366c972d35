"""A scheduler process for tests and bench: what each web worker runs in its lifespan, alone.

`DATABASE_URL=… python -m tests.scheduler_runner [--zombie-after S] [--claim-lease S] [--sweep S]` runs
`services.scheduler.SchedulerService` with the app's own dispatcher and channel adapters
(`adapters_from_settings`: the internal chat channel needs nothing else), exactly as
`scheduler_lifespan` does, minus the web server, so a test can SIGKILL it at any moment
and start another. Logs go to stdout (« [SYSTEM] ✅ Scheduler is ONLINE » marks the leader).
SIGTERM / SIGINT stop it gracefully (the lease is released).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from datetime import timedelta

from tests import clock


async def run(args: argparse.Namespace) -> None:
    from afroboost.services.jobs.scheduler import SchedulerService

    zombie_after = timedelta(seconds=args.zombie_after) if args.zombie_after is not None else None
    service = SchedulerService(zombie_after=zombie_after, sweep_s=args.sweep, ttl_s=args.ttl, renew_s=args.renew,
                               retry_s=args.retry, claim_lease_s=args.claim_lease, name=args.lease_name)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"runner holder={service.holder}", flush=True)
    await service.start()
    await stop.wait()
    await service.stop()
    print(f"runner stopped, dispatched={service.dispatched}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.scheduler_runner")
    parser.add_argument("--zombie-after", type=float, default=None, help="seconds (default: the dispatcher's)")
    parser.add_argument("--claim-lease", type=float, default=None, help="seconds (default: the dispatcher's)")
    parser.add_argument("--sweep", type=float, default=5.0)
    parser.add_argument("--lease-name", default="campaigns", help="another name: an independent scheduler")
    parser.add_argument("--ttl", type=float, default=15.0)
    parser.add_argument("--renew", type=float, default=5.0)
    parser.add_argument("--retry", type=float, default=3.0)
    args = parser.parse_args(argv)
    if os.environ.get(clock.ENV):  # started by a test: the test's clock, not the real date
        clock.start()
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(process)d %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
