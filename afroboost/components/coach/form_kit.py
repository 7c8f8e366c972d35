"""Form pieces for the Cours, Offres, Paiements and Codes tabs (label, control, error below)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED, PINK, card, field_error, neon_button

IMAGE_ACCEPT = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/gif": [".gif"],
                "image/webp": [".webp"]}
MAX_IMAGE = 5 * 1024 * 1024
ROW_STYLE = {"border": "1px solid rgba(139,92,246,0.25)", "border_radius": "12px", "padding": "0.75em",
             "width": "100%", "background": "rgba(11,11,16,0.9)"}


def fill(template: str, n: rx.Var) -> rx.Var:
    """A texts template with « {n} » filled by a number var, e.g. « 3 séance(s) à venir »."""
    before, after = template.split("{n}")
    return before + n.to_string() + after


def labelled(label: str, control: rx.Component, error: rx.Var | None, test_id: str, hint: str = "",
             **props) -> rx.Component:
    props.setdefault("width", "100%")
    return rx.vstack(
        rx.text(label, size="2", weight="medium"),
        control,
        *([rx.text(hint, size="1", color=MUTED)] if hint else []),
        *([field_error(error, f"error-{test_id}")] if error is not None else []),
        spacing="1", align="start", **props,
    )


def text_field(label: str, value: rx.Var, on_change, error: rx.Var | None, test_id: str, hint: str = "",
               wide: bool = False, **props) -> rx.Component:
    props.setdefault("size", "3")
    control = rx.input(value=value, on_change=on_change, width="100%", auto_complete="off",
                       data_testid=f"input-{test_id}", **props)
    return labelled(label, control, error, test_id, hint, min_width="140px",
                    flex="1 1 100%" if wide else "1 1 180px")


def area_field(label: str, value: rx.Var, on_change, error: rx.Var, test_id: str) -> rx.Component:
    control = rx.text_area(value=value, on_change=on_change, width="100%", rows="3", size="3",
                           data_testid=f"input-{test_id}")
    return labelled(label, control, error, test_id)


def select_field(label: str, options: list[tuple[str, str]], value: rx.Var, on_change, error: rx.Var | None,
                 test_id: str) -> rx.Component:
    control = rx.select.root(
        rx.select.trigger(width="100%", data_testid=f"select-{test_id}"),
        rx.select.content(*[rx.select.item(lbl, value=val) for val, lbl in options]),
        value=value, on_change=on_change, size="3",
    )
    return labelled(label, control, error, test_id, min_width="140px", flex="1 1 180px")


def switch_field(label: str, checked: rx.Var, on_change, test_id: str) -> rx.Component:
    return rx.hstack(rx.switch(checked=checked, on_change=on_change, color_scheme="pink",
                               data_testid=f"switch-{test_id}"),
                     rx.text(label, size="2"), align="center", spacing="2")


def fields_row(*children) -> rx.Component:
    return rx.flex(*children, spacing="3", wrap="wrap", width="100%")


def form_card(title: rx.Var | str, *children, on_save, on_cancel, general: rx.Var, test_id: str) -> rx.Component:
    return card(rx.vstack(
        rx.heading(title, size="4", color=PINK),
        *children,
        field_error(general, f"error-{test_id}-general"),
        rx.hstack(
            neon_button(texts.FORM_SAVE, size="2", on_click=on_save, data_testid=f"{test_id}-save"),
            rx.button(texts.FORM_CANCEL, variant="outline", size="2", color_scheme="gray", on_click=on_cancel,
                      data_testid=f"{test_id}-cancel"),
            spacing="2",
        ),
        spacing="3", width="100%", align="start",
    ), data_testid=f"{test_id}-form")


def search_input(value: rx.Var, on_change, placeholder: str, test_id: str) -> rx.Component:
    return rx.input(rx.input.slot(rx.icon("search", size=16)), value=value, on_change=on_change,
                    placeholder=placeholder, size="2", width="100%", max_width="420px", auto_complete="off",
                    data_testid=test_id)


def notice(message: rx.Var, on_close, test_id: str) -> rx.Component:
    """A persistent explanation (e.g. « archivée au lieu d'être supprimée »)."""
    return rx.cond(message != "", rx.callout.root(
        rx.callout.icon(rx.icon("info")),
        rx.callout.text(message),
        rx.button(texts.FORM_CLOSE, size="1", variant="ghost", on_click=on_close),
        color_scheme="violet", width="100%", data_testid=test_id,
    ))


def confirm_delete(on_yes, on_no, test_id: str) -> rx.Component:
    return rx.hstack(
        rx.button(texts.FORM_DELETE_CONFIRM, size="1", color_scheme="red", on_click=on_yes,
                  data_testid=f"{test_id}-confirm"),
        rx.button(texts.FORM_KEEP, size="1", variant="ghost", on_click=on_no),
        spacing="1", wrap="wrap",
    )


def edit_button(on_click, test_id: str) -> rx.Component:
    return rx.button(texts.FORM_EDIT, size="2", variant="outline", on_click=on_click, data_testid=test_id)


def trash_button(on_click, test_id: str) -> rx.Component:
    return rx.button(rx.icon("trash-2", size=16), size="2", variant="soft", color_scheme="red", on_click=on_click,
                     aria_label=texts.FORM_DELETE, data_testid=test_id)


def row_actions(S, row_id: rx.Var, test_id: str, *buttons, **props) -> rx.Component:
    """The row's buttons, or « Supprimer ? » / « Garder » while its deletion is being confirmed."""
    return rx.cond(S.confirm_delete == row_id, confirm_delete(S.delete(row_id), S.keep, f"{test_id}-delete"),
                   rx.flex(*buttons, spacing="2", **props))


def row_box(*children, **props) -> rx.Component:
    return rx.flex(*children, spacing="3", wrap="wrap", align="center", **{**ROW_STYLE, **props})


def image_drop(upload_id: str, on_upload, on_reject, test_id: str) -> rx.Component:
    """A drop zone that uploads as soon as an image is chosen (the server re-checks everything)."""
    return rx.upload.root(
        rx.vstack(rx.icon("image-up", color=PINK, size=20), rx.text(texts.OFFER_IMAGE_DROP, size="1",
                                                                    text_align="center"),
                  align="center", spacing="1"),
        id=upload_id, accept=IMAGE_ACCEPT, max_files=1, multiple=False, max_size=MAX_IMAGE,
        on_drop=on_upload(rx.upload_files(upload_id=upload_id)), on_drop_rejected=on_reject,
        border="1px dashed rgba(233,30,99,0.55)", border_radius="12px", padding="0.75em", width="100%",
        cursor="pointer", data_testid=test_id,
    )
