"""Upload plumbing shared by the coach states that take images (no state class here)."""

from __future__ import annotations

import asyncio

import reflex as rx

from afroboost import texts
from afroboost.services import ServiceError
from afroboost.services.content.images import KINDS, discard_image, save_image
from afroboost.settings import get_settings


async def store_image(files: list[rx.UploadFile], folder: str, max_bytes: int = 0) -> tuple[str, str]:
    """Save the first uploaded file as an image under `folder`.

    Returns:
        (stored path relative to the upload dir, "") or ("", French error message).
    """
    if not files:
        return "", texts.err(KINDS[folder].type_key)
    upload = files[0]
    limit = max_bytes or get_settings().uploads_max_bytes
    data = await upload.read(limit + 1)  # one byte more than allowed is enough to refuse
    try:
        rel = await asyncio.to_thread(save_image, upload_dir=rx.get_upload_dir(), folder=folder,
                                      filename=upload.filename or "", data=data, max_bytes=limit)
    except ServiceError as e:
        return "", texts.err(e.key, **e.params)
    return rel, ""


async def drop_image(rel: str) -> None:
    """Remove a stored image (no-op for "" or anything not written by us)."""
    if rel:
        await asyncio.to_thread(discard_image, upload_dir=rx.get_upload_dir(), rel=rel)


def rejected_message(rejected: list[dict], folder: str = "articles") -> str:
    """French message for files the drop zone refused (react-dropzone error codes)."""
    kind = KINDS[folder]
    codes = {e.get("code") for r in rejected or [] if isinstance(r, dict) for e in r.get("errors") or []
             if isinstance(e, dict)}
    if "file-too-large" in codes:
        return texts.err(kind.too_big_key, mb=get_settings().uploads_max_bytes // (1024 * 1024))
    return texts.err(kind.type_key)
