"""Cours tab: the weekly courses (list + form) and the sessions panel of one course."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import tab_panel
from afroboost.components.coach.courses_sessions import sessions_panel
from afroboost.components.coach.form_kit import (
    area_field,
    edit_button,
    fields_row,
    fill,
    form_card,
    notice,
    row_actions,
    row_box,
    select_field,
    switch_field,
    text_field,
    trash_button,
)
from afroboost.components.theme import MUTED, VIOLET, neon_button
from afroboost.services.catalog.courses import CourseRow
from afroboost.state.coach.courses import CoursesState as S
from afroboost.state.coach.tabs import register_tab

WEEKDAY_OPTIONS = [(str(i), day.capitalize()) for i, day in enumerate(texts.WEEKDAYS)]


def _field(label: str, name: str, hint: str = "", **props) -> rx.Component:
    return text_field(label, S.form[name], lambda v: S.set_field(name, v), S.err[name], f"course-{name}", hint,
                      **props)


def course_form() -> rx.Component:
    return form_card(
        rx.cond(S.editing == 0, texts.COURSE_NEW_TITLE, texts.COURSE_EDIT_TITLE),
        fields_row(_field(texts.COURSE_NAME, "name", wide=True)),
        fields_row(_field(texts.COURSE_PLACE, "place", wide=True)),
        fields_row(
            select_field(texts.COURSE_WEEKDAY, WEEKDAY_OPTIONS, S.form["weekday"],
                         lambda v: S.set_field("weekday", v), S.err["weekday"], "course-weekday"),
            _field(texts.COURSE_START, "start_time", type="time"),
            _field(texts.COURSE_DURATION, "duration", input_mode="numeric"),
        ),
        fields_row(
            _field(texts.COURSE_SEATS, "seats", input_mode="numeric"),
            _field(texts.COURSE_HEADSETS, "headsets", input_mode="numeric"),
        ),
        rx.text(texts.COURSE_SEATS_HINT, size="1", color=MUTED),
        area_field(texts.COURSE_DESCRIPTION, S.form["description"], lambda v: S.set_field("description", v),
                   S.err["description"], "course-description"),
        switch_field(texts.COURSE_ACTIVE, S.form_active, S.set_active, "course-active"),
        on_save=S.save, on_cancel=S.close_form, general=S.err["general"], test_id="course",
    )


def course_row(c: CourseRow) -> rx.Component:
    return row_box(
        rx.vstack(
            rx.hstack(
                rx.text(c.name, weight="bold", size="3"),
                rx.cond(c.active, rx.fragment(), rx.badge(texts.FORM_INACTIVE, color_scheme="gray")),
                spacing="2", align="center", wrap="wrap",
            ),
            rx.text(c.schedule, color=VIOLET, size="2", weight="medium"),
            rx.text(c.place, color=MUTED, size="2"),
            rx.text(c.capacity + " · " + fill(texts.COURSE_UPCOMING, c.upcoming), color=MUTED, size="1"),
            spacing="1", align="start", flex="1 1 220px", min_width="0",
        ),
        row_actions(
            S, c.id, "course",
            rx.button(texts.COURSE_SESSIONS, size="2", variant="soft", color_scheme="violet",
                      on_click=S.open_sessions(c.id), data_testid="course-sessions"),
            edit_button(S.edit(c.id), "course-edit"),
            trash_button(S.ask_delete(c.id), "course-delete"),
            wrap="wrap",
        ),
        opacity=rx.cond(c.active, "1", "0.65"),
        data_testid="course-row",
    )


@register_tab("cours", texts.COURSES_TAB, 40, S)
def courses_tab() -> rx.Component:
    return tab_panel(
        texts.COURSES_TITLE,
        rx.hstack(neon_button(texts.COURSE_NEW, size="2", on_click=S.new, data_testid="course-new"),
                  width="100%"),
        notice(S.notice, S.close_notice, "course-notice"),
        rx.cond(S.form_open, course_form()),
        sessions_panel(),
        rx.cond(S.rows.length() == 0, rx.text(texts.COURSE_NONE, color=MUTED)),
        rx.vstack(rx.foreach(S.rows, course_row), spacing="2", width="100%"),
        on_mount=S.load, data_testid="panel-cours",
    )
