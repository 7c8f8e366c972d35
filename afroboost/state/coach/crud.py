"""The guarded CRUD kit of the coach tabs: pick a row, confirm a delete, edit a form.

A tab is `class XState(CrudTab, CoachState)` (RowsTab: a list without a form) with
`crud: ClassVar[Crud] = Crud(...)` and a `rows` var of its row type. CoachState is listed
again because Reflex makes a class whose state bases are all mixins a mixin too; it guards
the handlers inherited from the kit like the tab's own (state/auth.py).

One rule for a row id sent by the browser: it must be the id of a row shown (`as_id` +
membership); anything else — « abc », None, 10**30, a dict, a row not listed — gets the
CRUD_UNKNOWN_ROW toast and changes nothing. One confirm-delete shape: `confirm_delete` holds
the row asked about; `delete(id)` deletes a shown row, `keep()` forgets the question.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState

# What a do_delete may answer when the row stayed (in use elsewhere): the tab's `crud.kept` says why.
KEPT_OUTCOMES = ("deactivated", "archived")


def as_id(value) -> int:
    """A row id from an event argument: a positive int, else 0 (never raises)."""
    if isinstance(value, bool):
        return 0
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        return 0
    return n if 0 < n < 2**62 else 0


def as_text(value, limit: int) -> str:  # capped before anything else looks at it
    return str(value if value is not None else "")[:limit]


def typed_form(form, fields: Iterable[str]) -> dict[str, str]:
    """A service form dataclass as the strings the coach types (only `fields`)."""
    data = dataclasses.asdict(form)
    return {k: str(data[k]) for k in fields}


def refused():
    return rx.toast.error(texts.CRUD_UNKNOWN_ROW)  # a row id that is not in the list


@dataclasses.dataclass(frozen=True)
class Crud:
    """What a tab gives the kit.

    Attributes:
        access_rows: `(session) -> rows` shown in the list.
        id_arg: keyword naming the row id in access_form / do_save / do_delete.
        do_delete: `(session, **{id_arg: id})`; may answer one of KEPT_OUTCOMES.
        deleted: toast after a deletion.
        kept: notice when the row was deactivated or archived instead.
        access_form: `(session, **{id_arg: id}) -> form dataclass` to edit a row.
        do_save: `(session, **{id_arg: id, "form": form})`, id 0 creates.
        blank: the empty service form (a dataclass class with defaults).
        typed: field -> max length, the fields `set_field` may change.
        form_fields: the fields copied between the service form and `form` (default: typed).
        err_fields: the keys of `err` (default: form fields + "general").
        saved: toast after a save.
    """

    access_rows: Callable
    id_arg: str = ""
    do_delete: Callable | None = None
    deleted: str = ""
    kept: str = ""
    access_form: Callable | None = None
    do_save: Callable | None = None
    blank: Callable[[], Any] | None = None
    typed: Mapping[str, int] = dataclasses.field(default_factory=dict)
    form_fields: tuple[str, ...] = ()
    err_fields: tuple[str, ...] = ()
    saved: str = ""

    def __post_init__(self):
        fields = self.form_fields or tuple(self.typed)
        object.__setattr__(self, "form_fields", fields)
        object.__setattr__(self, "err_fields", self.err_fields or (*fields, "general"))

    def no_errors(self) -> dict[str, str]:
        return dict.fromkeys(self.err_fields, "")

    def blank_form(self) -> dict[str, str]:
        return typed_form(self.blank(), self.form_fields) if self.blank else {}


class RowsTab(CoachState, mixin=True):
    """A list whose rows can be deleted after « Êtes-vous sûr ? »."""

    crud: ClassVar[Crud]
    confirm_delete: int = 0

    async def _refresh(self) -> None:
        self.rows = await run_read(self.crud.access_rows)

    def _pick(self, raw_id, may: Callable[[Any], bool] | None = None):
        """The shown row with this id (and `may(row)`), else None."""
        row_id = as_id(raw_id)
        return next((r for r in self.rows if row_id and r.id == row_id and (may is None or may(r))), None)

    def _may_delete(self, row) -> bool:
        return True

    async def _deleted(self, row, outcome):
        """After a deletion, before the list reloads: what to send back."""
        return rx.toast.success(self.crud.deleted)

    @rx.event
    async def load(self):
        """on_mount of the tab (or card): the rows from the database."""
        self.confirm_delete = 0
        await self._refresh()

    @rx.event
    def ask_delete(self, row_id: int):
        """« Êtes-vous sûr ? » for a row of the list."""
        row = self._pick(row_id, self._may_delete)
        if row is None:
            return refused()
        self.confirm_delete = row.id

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    @rx.event
    async def delete(self, row_id: int):
        """The confirmed deletion: the service call, a toast, the list reloaded."""
        row = self._pick(row_id, self._may_delete)
        if row is None:
            return refused()
        self.confirm_delete = 0
        try:
            outcome = await run_write(self.crud.do_delete, **{self.crud.id_arg: row.id})
        except ServiceError as e:  # gone meanwhile, or refused: the list says what is left
            await self._refresh()
            return rx.toast.error(texts.err(e.key, **e.params))
        events = await self._deleted(row, outcome)
        await self._refresh()
        return events


class CrudTab(RowsTab, mixin=True):
    """A list with a form on top of RowsTab: what is typed stays in `form` until a save succeeds."""

    form_open: bool = False
    editing: int = 0  # the row in the form; 0 = a new one
    form: dict[str, str] = {}
    err: dict[str, str] = {}
    notice: str = ""  # why a row was kept (deactivated / archived) instead of deleted

    # --- hooks a tab may override ----------------------------------------------------------
    def _filled(self, form) -> None:
        """The service form was just shown: copy what is not typed (switches, choices)."""

    def _service_form(self):
        """The service form dataclass from what is typed (+ the tab's switches)."""
        return type(self.crud.blank())(**{k: self.form.get(k, "") for k in self.crud.form_fields})

    async def _write(self) -> None:
        await run_write(self.crud.do_save, **{self.crud.id_arg: self.editing}, form=self._service_form())

    async def _drop_unsaved_upload(self) -> None:
        """Only tabs taking an image have something to drop (crud_image.py)."""

    async def _saved(self) -> None:
        """After a successful save, before the form closes."""

    # --- the form --------------------------------------------------------------------------
    def _fill(self, form, row_id: int) -> None:
        self.form = typed_form(form, self.crud.form_fields)
        self.editing, self.form_open, self.err = row_id, True, self.crud.no_errors()
        self._filled(form)

    async def _close(self) -> None:
        await self._drop_unsaved_upload()
        self.form_open, self.editing = False, 0

    @rx.event
    async def new(self):
        await self._drop_unsaved_upload()
        self._fill(self.crud.blank(), 0)

    @rx.event
    async def edit(self, row_id: int):
        row = self._pick(row_id)
        if row is None:
            return refused()
        try:
            form = await run_read(self.crud.access_form, **{self.crud.id_arg: row.id})
        except ServiceError as e:
            await self._refresh()
            return rx.toast.error(texts.err(e.key, **e.params))
        await self._drop_unsaved_upload()
        self._fill(form, row.id)

    @rx.event
    def set_field(self, name: str, value: str):
        """One handler for the typed fields; only the tab's own fields can be set."""
        if isinstance(name, str) and name in self.crud.typed:
            self.form[name] = as_text(value, self.crud.typed[name])
            self.err[name] = ""

    @rx.event
    async def close_form(self):
        await self._close()

    @rx.event
    async def save(self):
        try:
            await self._write()
        except ServiceError as e:
            self._show_errors(e)
            return
        await self._saved()
        self.form_open, self.editing = False, 0
        await self._refresh()
        return rx.toast.success(self.crud.saved)

    def _show_errors(self, e: ServiceError) -> None:
        """Each field's French message next to it; a general one always says what to do."""
        msgs = error_messages(e)
        self.err = {k: msgs.get(k, "") for k in self.crud.err_fields}
        stray = [m for k, m in msgs.items() if k not in self.err]  # a field this form does not show
        self.err["general"] = self.err["general"] or " ".join(stray) or texts.FORM_FIX

    async def _deleted(self, row, outcome):
        if row.id == self.editing:
            await self._close()
        kept = outcome in KEPT_OUTCOMES
        self.notice = self.crud.kept if kept else ""
        return None if kept else rx.toast.success(self.crud.deleted)

    @rx.event
    def close_notice(self):
        self.notice = ""
