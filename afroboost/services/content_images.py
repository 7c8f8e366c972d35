"""Images uploaded by the coach for articles and media pages (covers, thumbnails).

The upload directory is served publicly (`/_upload/...`, no auth), so files get an
unguessable random name and only real images are kept: the extension must be an image
one *and* the first bytes must be those of that kind of image (a renamed HTML or SVG file
is refused).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from afroboost.services import ServiceError

ALLOWED_EXTS = (".png", ".jpg", ".jpeg", ".webp", ".gif")
FOLDERS = ("articles", "medias")
# What we write and may later delete: "<folder>/<32 hex>.<ext>", nothing else.
_STORED = re.compile(r"^(articles|medias)/[0-9a-f]{32}\.(png|jpg|webp|gif)$")


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


def check_image(*, filename: str, data: bytes, max_bytes: int) -> str:
    """Validate an uploaded image; returns the extension to store it under.

    Raises:
        ServiceError: `image_type` (not png/jpg/jpeg/webp/gif) or `image_too_big`.
    """
    ext = Path(filename or "").suffix.lower()
    if ext not in ALLOWED_EXTS:
        raise ServiceError("content_image_type", field="image")
    if len(data) > max_bytes:
        raise ServiceError("content_image_too_big", field="image", mb=max_bytes // (1024 * 1024))
    kind = sniff_image(data)
    if kind is None or (kind != ext and not (kind == ".jpg" and ext == ".jpeg")):
        raise ServiceError("content_image_type", field="image")
    return kind


def save_image(*, upload_dir: Path, folder: str, filename: str, data: bytes, max_bytes: int) -> str:
    """Check and write an image under `upload_dir/folder` with a random name.

    Returns:
        The stored path relative to the upload dir, e.g. "articles/<uuid>.png".
    """
    if folder not in FOLDERS:
        raise ValueError(folder)
    ext = check_image(filename=filename, data=data, max_bytes=max_bytes)
    out_dir = Path(upload_dir) / folder
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{ext}"
    (out_dir / name).write_bytes(data)
    return f"{folder}/{name}"


def is_stored_image(rel: str) -> bool:
    """True for a path this module could have written (used before trusting or deleting it)."""
    return bool(_STORED.match(rel or ""))


def discard_image(*, upload_dir: Path, rel: str) -> None:
    """Delete a stored image; anything that is not one of ours is left alone."""
    if is_stored_image(rel):
        (Path(upload_dir) / rel).unlink(missing_ok=True)
