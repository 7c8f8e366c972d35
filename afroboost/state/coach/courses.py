"""Cours tab: courses (CRUD) and the dated sessions of one course (generate, edit, cancel).

Everything typed stays in `form` / the session rows until a save succeeds; ids sent by the
browser are re-checked by services/coach_courses.py.
"""

from __future__ import annotations

import dataclasses

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
from afroboost.state.coach.forms import delete_or_deactivate, show_form_errors, typed_form

FIELDS = ("name", "description", "place", "weekday", "start_time", "duration", "seats", "headsets")
ERR_FIELDS = (*FIELDS, "general")
MAX_TYPED = 2000


def _blank_form() -> dict[str, str]:
    return typed_form(CourseForm(), FIELDS)


class CoursesState(CoachState):
    rows: list[CourseRow] = []
    form_open: bool = False
    editing: int = 0  # 0 = a new course
    form: dict[str, str] = _blank_form()
    form_active: bool = True
    err: dict[str, str] = dict.fromkeys(ERR_FIELDS, "")
    notice: str = ""
    confirm_delete: int = 0
    # The sessions panel of one course.
    sessions_course: int = 0
    sessions_title: str = ""
    sessions: list[SessionRow] = []
    weeks: str = "4"
    weeks_err: str = ""
    confirm_cancel: int = 0

    @rx.event
    async def load(self):
        """on_mount of the tab: the courses (and the open sessions panel) from the database."""
        await self._refresh()

    async def _refresh(self):
        self.rows = await run_read(access_course_rows)
        if self.sessions_course:
            await self._load_sessions()

    # --- course form ---------------------------------------------------------------------
    @rx.event
    def new(self):
        self.form, self.form_active, self.editing, self.form_open = _blank_form(), True, 0, True
        self.err = dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    async def edit(self, course_id: int):
        try:
            form = await run_read(access_course_form, course_id=int(course_id))
        except ServiceError as e:
            return rx.toast.error(texts.err(e.key, **e.params))
        self.form, self.form_active = typed_form(form, FIELDS), form.active
        self.editing, self.form_open, self.err = int(course_id), True, dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    def set_field(self, name: str, value: str):
        if name in FIELDS:
            self.form[name] = str(value)[:MAX_TYPED]
            self.err[name] = ""

    @rx.event
    def set_active(self, value: bool):
        self.form_active = bool(value)

    @rx.event
    def close_form(self):
        self.form_open, self.editing = False, 0

    @rx.event
    async def save(self):
        form = CourseForm(**{k: self.form.get(k, "") for k in FIELDS}, active=self.form_active)
        try:
            await run_write(do_save_course, course_id=self.editing, form=form)
        except ServiceError as e:
            show_form_errors(self, e, ERR_FIELDS)
            return
        self.form_open, self.editing = False, 0
        await self._refresh()
        return rx.toast.success(texts.COURSE_SAVED)

    # --- delete (or deactivate) --------------------------------------------------------
    @rx.event
    def ask_delete(self, course_id: int):
        self.confirm_delete = int(course_id)

    @rx.event
    def keep(self):
        self.confirm_delete = 0

    @rx.event
    async def delete(self, course_id: int):
        return await delete_or_deactivate(self, do_delete_course, int(course_id), course_id=int(course_id),
                                          deleted=texts.COURSE_DELETED, deactivated=texts.COURSE_DEACTIVATED,
                                          forget=lambda: self._forget_sessions(int(course_id)))

    def _forget_sessions(self, course_id: int):
        """A deleted course's sessions panel closes."""
        if course_id == self.sessions_course:
            self.sessions_course, self.sessions = 0, []

    @rx.event
    def close_notice(self):
        self.notice = ""

    # --- sessions of one course ---------------------------------------------------------
    async def _load_sessions(self):
        try:
            self.sessions = await run_read(access_course_sessions, course_id=self.sessions_course)
        except ServiceError:
            self.sessions_course, self.sessions = 0, []
            return
        self.sessions_title = next((r.name for r in self.rows if r.id == self.sessions_course), "")

    @rx.event
    async def open_sessions(self, course_id: int):
        self.sessions_course, self.weeks_err, self.confirm_cancel = int(course_id), "", 0
        await self._load_sessions()

    @rx.event
    def close_sessions(self):
        self.sessions_course, self.sessions = 0, []

    @rx.event
    def set_weeks(self, value: str):
        self.weeks, self.weeks_err = str(value)[:5], ""

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
        if name in ("seats", "headsets"):
            self.sessions = [dataclasses.replace(r, **{name: str(value)[:6], "err": ""})
                             if r.id == int(session_id) else r for r in self.sessions]

    def _session_error(self, session_id: int, message: str):
        self.sessions = [dataclasses.replace(r, err=message) if r.id == session_id else r for r in self.sessions]

    @rx.event
    async def save_session(self, session_id: int):
        row = next((r for r in self.sessions if r.id == int(session_id)), None)
        if row is None:
            return
        try:
            promoted = await run_write(do_update_session, session_id=row.id, seats=row.seats, headsets=row.headsets)
        except ServiceError as e:
            self._session_error(row.id, " ".join(dict.fromkeys(error_messages(e).values())))
            return
        await self._load_sessions()
        return rx.toast.success(texts.SESSION_PROMOTED.format(n=promoted) if promoted else texts.SESSION_SAVED)

    @rx.event
    def ask_cancel(self, session_id: int):
        self.confirm_cancel = int(session_id)

    @rx.event
    def keep_session(self):
        self.confirm_cancel = 0

    @rx.event
    async def cancel_session(self, session_id: int):
        self.confirm_cancel = 0
        try:
            n = await run_write(do_cancel_session, session_id=int(session_id))
        except ServiceError as e:
            self._session_error(int(session_id), texts.err(e.key, **e.params))
            return
        await self._refresh()
        return rx.toast.success(texts.SESSION_CANCELLED_DONE.format(n=n))
