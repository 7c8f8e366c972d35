"""Plain helpers shared by the coach tab states (no state class, no event handler here).

Every coach state keeps its own thin public handlers, so `CoachState.__init_subclass__`
finds them in the subclass and guards them; the handlers call these functions with `self`.

Content tabs (Articles, Médias) expect on the state: `rows` (with `id`, `title`), `editing`,
`edit_id`, `err`, `deleting_id`, `deleting_title`, `_fill(**values)` (blank without values)
and `_drop_unsaved_upload()`. List tabs (Cours, Codes) expect `err`, `editing`, `form_open`,
`confirm_delete`, `notice` and `_refresh()`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.forms import error_messages
from afroboost.state.coach.uploads import drop_image, store_image


# --- Articles, Médias ------------------------------------------------------------------
async def open_editor(state, editing: bool) -> None:
    """A blank form (an unsaved upload is deleted first), editor shown or hidden."""
    await state._drop_unsaved_upload()
    state._fill()
    state.editing = editing


def show_check_errors(state, errors: dict[str, str], fields: Iterable[str]) -> bool:
    """The French message of each refused field next to it; True when nothing was refused."""
    state.err = {k: texts.err(errors[k]) if k in errors else "" for k in fields}
    if errors:
        state.err["general"] = texts.CONTENT_FIX
    return not errors


def show_save_error(state, e: ServiceError) -> None:
    state.err[e.field if e.field in state.err else "general"] = texts.err(e.key, **e.params)


async def close_after_save(state, old_image: str, access_rows: Callable, done: str):
    """After a successful save: the replaced image goes, the editor closes, the list reloads."""
    await drop_image(old_image)
    state._fill()
    state.editing = False
    state.rows = await run_read(access_rows)
    return rx.toast.success(done)


async def close_on_error(state, e: ServiceError, access_rows: Callable):
    """The row is gone (or refused): editor closed, list reloaded, refusal shown."""
    state.editing = False
    state.rows = await run_read(access_rows)
    return rx.toast.error(texts.err(e.key))


async def take_upload(state, files: list[rx.UploadFile], folder: str, attr: str) -> None:
    """Store the chosen image now (the row points to it once saved); `attr` holds its path."""
    rel, error = await store_image(files, folder)
    state.err["image"] = error
    if rel:
        await state._drop_unsaved_upload()
        setattr(state, attr, rel)


async def remove_upload(state, attr: str) -> None:
    await state._drop_unsaved_upload()
    setattr(state, attr, "")
    state.err["image"] = ""


def ask_delete_row(state, row_id: int) -> None:
    """Ask to confirm, naming the row (unknown ids ask nothing)."""
    row = next((r for r in state.rows if r.id == int(row_id)), None)
    state.deleting_id, state.deleting_title = (row.id, row.title) if row else (0, "")


def keep_row(state) -> None:
    state.deleting_id, state.deleting_title = 0, ""


async def delete_content(state, do_delete: Callable, id_arg: str, access_rows: Callable, done: str):
    """Delete the row being confirmed, then its image; the editor closes if it showed that row."""
    row_id = state.deleting_id
    keep_row(state)
    try:
        image = await run_write(do_delete, **{id_arg: row_id})
    except ServiceError as e:
        state.rows = await run_read(access_rows)
        return rx.toast.error(texts.err(e.key))
    await drop_image(image)
    if state.editing and state.edit_id == row_id:
        state._fill()
        state.editing = False
    state.rows = await run_read(access_rows)
    return rx.toast.success(done)


# --- Cours, Offres, Codes ----------------------------------------------------------------
def typed_form(form, fields: Iterable[str]) -> dict[str, str]:
    """A service form dataclass as the strings the coach types (only `fields`)."""
    data = dataclasses.asdict(form)
    return {k: str(data[k]) for k in fields}


def show_form_errors(state, e: ServiceError, fields: Iterable[str]) -> None:
    """Each field's French message next to it; a general one always says what to do."""
    msgs = error_messages(e)
    state.err = {k: msgs.get(k, "") for k in fields}
    state.err["general"] = state.err["general"] or texts.FORM_FIX


async def delete_or_deactivate(state, do_delete: Callable, row_id: int, *, deleted: str, deactivated: str,
                               forget: Callable[[], None] | None = None, **ids):
    """Confirmed delete of a list row; a row already in use is deactivated instead (`notice`).

    `forget` runs when the row really was deleted, before the list reloads.
    """
    state.confirm_delete = 0
    try:
        outcome = await run_write(do_delete, **ids)
    except ServiceError as e:
        return rx.toast.error(texts.err(e.key, **e.params))
    if row_id == state.editing:
        state.form_open, state.editing = False, 0
    if outcome == "deleted" and forget is not None:
        forget()
    state.notice = deactivated if outcome == "deactivated" else ""
    await state._refresh()
    return rx.toast.success(deleted) if outcome == "deleted" else None
