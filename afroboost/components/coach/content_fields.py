"""Form pieces shared by the Articles and Médias tabs: labelled field, image picker, delete confirm."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.layout import MUTED, PINK, field_error

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
