"""/v/{slug} for social crawlers: the SPA page with that media page's OpenGraph tags.

Dynamic Reflex routes are not prerendered, so the built frontend answers /v/<slug> with
the generic `__spa-fallback.html` (no per-slug tags) and crawlers run no JavaScript. This
route shadows the page when the backend serves the frontend (prod is single-port) and
returns the same fallback file with escaped og/twitter tags injected after `<head>`: the
browser then hydrates the SPA as usual. Unknown slug: the fallback unchanged (the SPA
shows its « page introuvable » message).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import quote

from reflex.utils import prerequisites
from reflex_base import constants
from starlette.requests import Request
from starlette.responses import HTMLResponse

from afroboost import texts
from afroboost.db import in_read
from afroboost.services.content.media import access_media_page, inject_head, og_head
from afroboost.settings import get_settings

# Used when there is no production build (dev mode serves pages from another port).
_BARE = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"/></head><body></body></html>'
_cache: dict[Path, tuple[float, str]] = {}


def spa_fallback_path() -> Path:
    static = prerequisites.get_web_dir() / constants.Dirs.STATIC
    fallback = static / constants.ReactRouter.SPA_FALLBACK
    return fallback if fallback.exists() else static / "404.html"


def spa_html() -> str:
    """The built SPA fallback page (re-read when a new build replaces it)."""
    path = spa_fallback_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return _BARE
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        cached = (mtime, path.read_text(encoding="utf-8"))
        _cache[path] = cached
    return cached[1]


def media_html(base_html: str, *, slug: str, site_url: str) -> str | None:
    """`base_html` with the OG tags of media page `slug`; None when there is no such page."""
    view = in_read(access_media_page, slug=slug)
    if view is None:
        return None
    site = site_url.rstrip("/")
    image = f"{site}{constants.Endpoint.UPLOAD}/{quote(view.thumbnail)}" if view.thumbnail else ""
    head = og_head(title=view.title, description=view.description, image_url=image,
                   page_url=f"{site}/v/{quote(view.slug)}", site_name=texts.BRAND)
    return inject_head(base_html, head)


def _render(slug: str) -> str:
    base = spa_html()
    page = media_html(base, slug=slug, site_url=get_settings().site_url)
    return page if page is not None else base


async def media_og_page(request: Request) -> HTMLResponse:
    return HTMLResponse(await asyncio.to_thread(_render, request.path_params["slug"]))
