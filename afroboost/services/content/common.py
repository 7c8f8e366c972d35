"""Checks and storage shared by the coach's content (articles, media pages): slug, title, image.

Each checker adds its field's texts.ERR key to `errors` (the caller's order is the order the
first error is reported in).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from afroboost.services import ServiceError
from afroboost.services.content.images import is_stored_image


def check_title(errors: dict[str, str], title: str, *, limit: int) -> None:
    title = (title or "").strip()
    if not title:
        errors["title"] = "content_title_required"
    elif len(title) > limit:
        errors["title"] = "content_title_too_long"


def check_slug(errors: dict[str, str], slug: str, *, pattern: re.Pattern, invalid: str) -> None:
    if not (slug or "").strip():
        errors["slug"] = "content_slug_required"
    elif not pattern.match(slug):
        errors["slug"] = invalid


def check_image(errors: dict[str, str], rel: str, *, folder: str) -> None:
    """An image path must be one we stored, in this content's folder ("" = no image)."""
    if rel and not is_stored_image(rel, folder):
        errors["image"] = "content_image_type"


def raise_first(errors: dict[str, str]) -> None:
    """The first field error found, as a ServiceError on that field."""
    if errors:
        name, key = next(iter(errors.items()))
        raise ServiceError(key, field=name)


def get_row(session: Session, model: type[SQLModel], row_id: int, unknown: str):
    row = session.get(model, row_id)
    if row is None:
        raise ServiceError(unknown)
    return row


def check_slug_free(session: Session, model: type[SQLModel], slug: str, own_id: int | None) -> None:
    clash = session.exec(select(model.id).where(model.slug == slug, model.id != (own_id or 0))).first()
    if clash is not None:
        raise ServiceError("content_slug_taken", field="slug")


def flush_unique_slug(session: Session, row: SQLModel) -> None:
    session.add(row)
    try:
        session.flush()
    except sa.exc.IntegrityError as e:  # the same slug saved meanwhile by another tab
        raise ServiceError("content_slug_taken", field="slug") from e


def delete_with_image(session: Session, model: type[SQLModel], row_id: int, *, unknown: str, image: str) -> str:
    """Delete a row; returns its image path (attribute `image`) for the caller to remove."""
    row = get_row(session, model, row_id, unknown)
    path = getattr(row, image)
    session.delete(row)
    return path
