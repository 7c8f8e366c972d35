"""Pieces shared by the Articles and Médias tabs: labelled field, image picker, delete confirm,
list row, editor card and the tab itself.

`S` is the tab's state class (ArticlesState, MediasState): both have the same handler and
var names: the CRUD kit's (state/coach/crud_image.py).
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import scroll_box, tab_panel
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button

IMAGE_ACCEPT = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"],
                "image/gif": [".gif"]}
MAX_IMAGE = 5 * 1024 * 1024


def labelled(label: str, control: rx.Component, error: rx.Var, test_id: str, hint: str = "") -> rx.Component:
    """Label, control, optional hint and the field's French error right under it."""
    return rx.vstack(
        rx.text(label, size="2", weight="medium", as_="label"),
        control,
        *([rx.text(hint, size="1", color=MUTED)] if hint else []),
        field_error(error, f"{test_id}-error"),
        spacing="1", width="100%", align="start",
    )


def text_input(value: rx.Var, on_change, test_id: str, placeholder: str = "", **props) -> rx.Component:
    return rx.input(value=value, on_change=on_change, placeholder=placeholder, size="3", width="100%",
                    auto_complete="off", data_testid=test_id, **props)


def image_picker(label: str, upload_id: str, current: rx.Var, error: rx.Var, on_upload, on_reject, on_remove,
                 test_id: str) -> rx.Component:
    """Current image (if any), a drop zone that uploads as soon as a file is chosen, remove button.

    The drop zone only offers images up to 5 MB; the server checks type, bytes and size again.
    """
    return rx.vstack(
        rx.text(label, size="2", weight="medium"),
        rx.cond(
            current != "",
            rx.hstack(
                rx.image(src=rx.get_upload_url(current), alt=label, max_height="120px", max_width="220px",
                         border_radius="10px", object_fit="cover", data_testid=f"{test_id}-preview"),
                rx.button(texts.CONTENT_IMAGE_REMOVE, variant="outline", size="1", color_scheme="gray",
                          on_click=on_remove, data_testid=f"{test_id}-remove"),
                align="end", spacing="3", wrap="wrap",
            ),
        ),
        rx.upload.root(
            rx.vstack(
                rx.icon("image-up", color=PINK, size=22),
                rx.text(texts.CONTENT_IMAGE_DROP, size="2", text_align="center"),
                rx.text(texts.CONTENT_IMAGE_HINT, size="1", color=MUTED),
                align="center", spacing="1",
            ),
            id=upload_id, accept=IMAGE_ACCEPT, max_files=1, multiple=False, max_size=MAX_IMAGE,
            on_drop=on_upload(rx.upload_files(upload_id=upload_id)), on_drop_rejected=on_reject,
            border="1px dashed rgba(233,30,99,0.55)", border_radius="12px", padding="1em", width="100%",
            cursor="pointer", data_testid=f"{test_id}-drop",
        ),
        field_error(error, f"{test_id}-error"),
        spacing="2", width="100%", align="start",
    )


def delete_confirm(title: rx.Var, on_yes, on_no, test_id: str) -> rx.Component:
    before, after = texts.CONTENT_DELETE_SURE.split("{title}")
    return rx.hstack(
        rx.text(before + title + after, color=PINK, size="2"),
        rx.button(texts.CONTENT_DELETE_YES, color_scheme="red", size="1", on_click=on_yes,
                  data_testid=f"{test_id}-confirm"),
        rx.button(texts.CONTENT_CANCEL, variant="outline", size="1", on_click=on_no),
        spacing="2", align="center", wrap="wrap", width="100%",
    )


def view_link(href: rx.Var) -> rx.Component:
    return rx.el.a(rx.button(texts.CONTENT_VIEW, variant="soft", size="1"), href=href, target="_blank",
                   rel="noopener")


def content_row(S, r, test_id: str, meta: list[rx.Component], view: rx.Component) -> rx.Component:
    """Title, a line of details, view / edit / delete, and the delete confirmation below."""
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.text(r.title, weight="bold", size="3", data_testid=f"{test_id}-row-title"),
                rx.hstack(*meta, spacing="2", align="center", wrap="wrap"),
                spacing="1", align="start", min_width="0",
            ),
            rx.spacer(),
            rx.hstack(
                view,
                rx.button(texts.CONTENT_EDIT, variant="soft", size="1", on_click=S.edit(r.id),
                          data_testid=f"{test_id}-edit"),
                rx.button(texts.CONTENT_DELETE, variant="outline", color_scheme="red", size="1",
                          on_click=S.ask_delete(r.id), data_testid=f"{test_id}-delete"),
                spacing="2", flex_shrink="0",
            ),
            width="100%", align="center", wrap="wrap", spacing="2",
        ),
        rx.cond(S.confirm_delete == r.id, delete_confirm(r.title, S.delete(r.id), S.keep, f"{test_id}-delete")),
        width="100%", padding="0.75em 1em", border_bottom="1px solid rgba(255,255,255,0.06)",
        data_testid=f"{test_id}-row",
    )


def content_form(S, test_id: str, new_title: str, edit_title: str, *children) -> rx.Component:
    """The editor card: heading, fields, general error, save / cancel."""
    return card(
        rx.vstack(
            rx.heading(rx.cond(S.editing == 0, new_title, edit_title), size="4"),
            *children,
            field_error(S.err["general"], f"{test_id}-general-error"),
            rx.hstack(
                neon_button(texts.CONTENT_SAVE, on_click=S.save, data_testid=f"{test_id}-save"),
                rx.button(texts.CONTENT_CANCEL, variant="outline", size="3", on_click=S.close_form,
                          data_testid=f"{test_id}-cancel"),
                spacing="3", wrap="wrap",
            ),
            spacing="4", width="100%", align="start",
        ),
        data_testid=f"{test_id}-form",
    )


def content_tab(S, test_id: str, title: str, new_label: str, empty: str, form: rx.Component, row,
                panel_id: str) -> rx.Component:
    """« New » button (hidden while editing), the editor, the list with internal scroll."""
    return tab_panel(
        title,
        rx.cond(~S.form_open, rx.hstack(neon_button(new_label, size="2", on_click=S.new,
                                                  data_testid=f"{test_id}-new"))),
        rx.cond(S.form_open, form),
        scroll_box(
            rx.cond(S.rows.length() == 0, rx.text(empty, color=MUTED, padding="1em"), rx.foreach(S.rows, row)),
            max_height="500px", data_testid=f"{test_id}-list",
        ),
        on_mount=S.load, data_testid=panel_id,
    )
