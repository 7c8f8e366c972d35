"""Cours tab: courses (CRUD) and the dated sessions of one course (generate, edit, cancel).

Everything typed stays in `form` / the session rows until a save succeeds; a course or a
session id from the browser must be one shown (else CRUD_UNKNOWN_ROW), and the services
check it again.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_read, run_write
from afroboost.services import ServiceError
from afroboost.services.booking.sessions import (
    SessionRow,
    access_course_sessions,
    do_cancel_session,
    do_update_session,
)
from afroboost.services.catalog.courses import (
    CourseForm,
    CourseRow,
    access_course_form,
    access_course_rows,
    do_delete_course,
    do_generate_course_sessions,
    do_save_course,
)
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState
from afroboost.state.coach.crud import Crud, CrudTab, as_id, as_text, refused

FIELDS = ("name", "description", "place", "weekday", "start_time", "duration", "seats", "headsets")
CRUD = Crud(access_rows=access_course_rows, id_arg="course_id", do_delete=do_delete_course,
            deleted=texts.COURSE_DELETED, kept=texts.COURSE_DEACTIVATED, access_form=access_course_form,
            do_save=do_save_course, blank=CourseForm, typed=dict.fromkeys(FIELDS, 2000), saved=texts.COURSE_SAVED)


class CoursesState(CrudTab, CoachState):
    crud: ClassVar[Crud] = CRUD
    rows: list[CourseRow] = []
    form = CRUD.blank_form()
    err = CRUD.no_errors()
    form_active: bool = True
    # The sessions panel of one course.
    sessions_course: int = 0
    sessions_title: str = ""
    sessions: list[SessionRow] = []
    weeks: str = "4"
    weeks_err: str = ""
    confirm_cancel: int = 0

    async def _refresh(self):
        self.rows = await run_read(access_course_rows)
        if self.sessions_course:
            await self._load_sessions()

    def _filled(self, form: CourseForm) -> None:
        self.form_active = form.active

    def _service_form(self) -> CourseForm:
        return CourseForm(**self.form, active=self.form_active)

    @rx.event
    def set_active(self, value: bool):
        self.form_active = bool(value)

    async def _deleted(self, row, outcome):
        if outcome == "deleted" and row.id == self.sessions_course:  # its sessions panel closes
            self.sessions_course, self.sessions = 0, []
        return await super()._deleted(row, outcome)

    # --- sessions of one course ---------------------------------------------------------
    async def _load_sessions(self):
        try:
            self.sessions = await run_read(access_course_sessions, course_id=self.sessions_course)
        except ServiceError:
            self.sessions_course, self.sessions = 0, []
            return
        self.sessions_title = next((r.name for r in self.rows if r.id == self.sessions_course), "")

    def _session(self, raw_id) -> SessionRow | None:
        sid = as_id(raw_id)
        return next((r for r in self.sessions if sid and r.id == sid), None)

    @rx.event
    async def open_sessions(self, course_id: int):
        row = self._pick(course_id)
        if row is None:
            return refused()
        self.sessions_course, self.weeks_err, self.confirm_cancel = row.id, "", 0
        await self._load_sessions()

    @rx.event
    def close_sessions(self):
        self.sessions_course, self.sessions = 0, []

    @rx.event
    def set_weeks(self, value: str):
        self.weeks, self.weeks_err = as_text(value, 5), ""

    @rx.event
    async def generate(self):
        try:
            n = await run_write(do_generate_course_sessions, course_id=self.sessions_course, weeks=self.weeks)
        except ServiceError as e:
            self.weeks_err = texts.err(e.key, **e.params)
            return
        await self._refresh()
        return rx.toast.success(texts.SESSIONS_GENERATED.format(n=n))

    @rx.event
    def set_session_field(self, session_id: int, name: str, value: str):
        row = self._session(session_id)
        if row is not None and name in ("seats", "headsets"):
            self.sessions = [dataclasses.replace(r, **{name: as_text(value, 6), "err": ""}) if r.id == row.id else r
                             for r in self.sessions]

    def _session_error(self, session_id: int, message: str):
        self.sessions = [dataclasses.replace(r, err=message) if r.id == session_id else r for r in self.sessions]

    @rx.event
    async def save_session(self, session_id: int):
        row = self._session(session_id)
        if row is None:
            return refused()
        try:
            promoted = await run_write(do_update_session, session_id=row.id, seats=row.seats, headsets=row.headsets)
        except ServiceError as e:
            self._session_error(row.id, " ".join(dict.fromkeys(error_messages(e).values())))
            return
        await self._load_sessions()
        return rx.toast.success(texts.SESSION_PROMOTED.format(n=promoted) if promoted else texts.SESSION_SAVED)

    @rx.event
    def ask_cancel(self, session_id: int):
        row = self._session(session_id)
        if row is None:
            return refused()
        self.confirm_cancel = row.id

    @rx.event
    def keep_session(self):
        self.confirm_cancel = 0

    @rx.event
    async def cancel_session(self, session_id: int):
        row = self._session(session_id)
        if row is None:
            return refused()
        self.confirm_cancel = 0
        try:
            n = await run_write(do_cancel_session, session_id=row.id)
        except ServiceError as e:
            self._session_error(row.id, texts.err(e.key, **e.params))
            return
        await self._refresh()
        return rx.toast.success(texts.SESSION_CANCELLED_DONE.format(n=n))
