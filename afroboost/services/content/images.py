"""Images the coach uploads (article covers, media thumbnails, offer images, the hero image).

The upload directory is served publicly (`/_upload/...`, no auth), so files get an
unguessable random name and only real images are kept: the extension must be an image
one *and* the first bytes must be those of that kind of image (a renamed HTML or SVG file
is refused). Each use has its own folder, formats and French messages (`ImageKind`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from afroboost.services import ServiceError


@dataclass(frozen=True)
class ImageKind:
    folder: str
    exts: tuple[str, ...]
    type_key: str
    too_big_key: str
    empty_key: str | None = None  # None: an empty file is simply « not an image »
    field: str = "image"
    keep_jpeg_name: bool = False  # store « .jpeg » as typed instead of « .jpg »


ALL = (".png", ".jpg", ".jpeg", ".webp", ".gif")
KINDS = {
    "articles": ImageKind("articles", ALL, "content_image_type", "content_image_too_big"),
    "medias": ImageKind("medias", ALL, "content_image_type", "content_image_too_big"),
    "offers": ImageKind("offers", ALL, "offer_image_type", "offer_image_too_big", empty_key="offer_image_empty"),
    "concept": ImageKind("concept", (".png", ".jpg", ".jpeg", ".webp"), "image_type", "image_too_big",
                         empty_key="image_empty", field="hero_image", keep_jpeg_name=True),
}
FOLDERS = tuple(KINDS)
# What we write and may later delete: "<folder>/<32 hex>.<ext>", nothing else.
_STORED = re.compile(r"^(articles|medias|offers|concept)/[0-9a-f]{32}\.(png|jpg|jpeg|webp|gif)$")


def sniff_image(data: bytes) -> str | None:
    """The file extension matching the image signature at the start of `data`, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return None


def check_image(*, filename: str, data: bytes, max_bytes: int, kind: ImageKind = KINDS["articles"]) -> str:
    """Validate an uploaded image; returns the extension to store it under.

    Raises:
        ServiceError: the kind's type / empty / too-big message key.
    """
    ext = Path(filename or "").suffix.lower()
    if ext not in kind.exts:
        raise ServiceError(kind.type_key, field=kind.field)
    if not data and kind.empty_key:
        raise ServiceError(kind.empty_key, field=kind.field)
    if len(data) > max_bytes:
        raise ServiceError(kind.too_big_key, field=kind.field, mb=max_bytes // (1024 * 1024))
    sniffed = sniff_image(data)
    if sniffed is None or sniffed != (".jpg" if ext == ".jpeg" else ext):
        raise ServiceError(kind.type_key, field=kind.field)
    return ext if kind.keep_jpeg_name else sniffed


def save_image(*, upload_dir: Path, folder: str, filename: str, data: bytes, max_bytes: int) -> str:
    """Check and write an image under `upload_dir/folder` with a random name.

    Returns:
        The stored path relative to the upload dir, e.g. "articles/<uuid>.png".
    """
    if folder not in KINDS:
        raise ValueError(folder)
    ext = check_image(filename=filename, data=data, max_bytes=max_bytes, kind=KINDS[folder])
    out_dir = Path(upload_dir) / folder
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{ext}"
    (out_dir / name).write_bytes(data)
    return f"{folder}/{name}"


def is_stored_image(rel: str, folder: str | None = None) -> bool:
    """True for a path this module could have written (used before trusting or deleting it)."""
    m = _STORED.match(rel or "")
    return bool(m) and (folder is None or m.group(1) == folder)


def discard_image(*, upload_dir: Path, rel: str) -> None:
    """Delete a stored image; anything that is not one of ours is left alone."""
    if is_stored_image(rel):
        (Path(upload_dir) / rel).unlink(missing_ok=True)
