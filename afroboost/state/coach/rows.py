"""Plain helpers for the 💬 Conversations states (no state class, no event handler here).

Event arguments come from the browser, and a crafted frame can send anything: ids are
turned into positive ints (else 0) and texts are capped before anything else looks at them.
A state using `ask_row` / `delete_row` has `confirm_delete` and `_refresh()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import reflex as rx

from afroboost import texts
from afroboost.db import run_write
from afroboost.services import ServiceError


def as_id(value) -> int:
    """A row id from an event argument: a positive int, else 0."""
    if isinstance(value, bool):
        return 0
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        return 0
    return n if 0 < n < 2**62 else 0


def as_text(value, limit: int) -> str:
    return str(value if value is not None else "")[:limit]


def ask_row(state, raw_id, rows: Iterable, may: Callable[[object], bool] = lambda row: True) -> None:
    """« Êtes-vous sûr ? » for a row of the list (anything else asks nothing)."""
    row_id = as_id(raw_id)
    state.confirm_delete = row_id if any(r.id == row_id and may(r) for r in rows) else 0


async def delete_row(state, raw_id, do: Callable, id_arg: str, done: str | Callable[[object], str], *then):
    """The confirmed deletion: the service call, the list reloaded, a toast (then the `then` events)."""
    row_id, state.confirm_delete = as_id(raw_id), 0
    if row_id == 0:
        return None
    try:
        result = await run_write(do, **{id_arg: row_id})
    except ServiceError as e:
        await state._refresh()
        return rx.toast.error(texts.err(e.key, **e.params))
    await state._refresh()
    return [rx.toast.success(done(result) if callable(done) else done), *then]
