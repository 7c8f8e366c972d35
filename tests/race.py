"""Run many calls at once (threads released together) and time each one.

Shared by tests/integration and bench/: `race(fn, items, workers)` starts `workers`
threads, lets them all pass a barrier together, and has them drain `items`, calling
`fn(item)` for each. Every call's result or exception and its duration is recorded.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any


@dataclass
class Outcome:
    item: Any
    result: Any = None
    error: BaseException | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def race(fn: Callable[[Any], Any], items: Iterable[Any], *, workers: int = 32,
         timeout: float = 120.0) -> list[Outcome]:
    """Call `fn` on every item from `workers` threads that start together; in item order."""
    todo: queue.Queue = queue.Queue()
    items = list(items)
    for i, item in enumerate(items):
        todo.put((i, item))
    workers = max(1, min(workers, len(items)))
    outcomes: list[Outcome | None] = [None] * len(items)
    gate = threading.Barrier(workers)

    def worker() -> None:
        gate.wait(timeout=timeout)
        while True:
            try:
                i, item = todo.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            try:
                out = Outcome(item, result=fn(item))
            except Exception as exc:  # recorded, asserted on by the caller
                out = Outcome(item, error=exc)
            out.seconds = time.perf_counter() - started
            outcomes[i] = out

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(worker) for _ in range(workers)]
        for f in futures:
            f.result(timeout=timeout)
    assert all(o is not None for o in outcomes)
    return outcomes  # type: ignore[return-value]
