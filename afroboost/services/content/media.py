"""Media pages (/v/{slug}): a video (YouTube or Google Drive), a thumbnail, a call to action."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sqlmodel import Session, select

from afroboost.db import utc_now
from afroboost.models import MediaPage
from afroboost.services.content.common import (
    check_image,
    check_slug,
    check_slug_free,
    check_title,
    delete_with_image,
    flush_unique_slug,
    get_row,
    raise_first,
)

MEDIA_SLUG = re.compile(r"^[a-z0-9-]{1,80}$")
MAX_TITLE, MAX_DESCRIPTION, MAX_URL, MAX_CTA = 200, 2000, 500, 80
_YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_DRIVE_ID = re.compile(r"^[A-Za-z0-9_-]{10,200}$")
_YT_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[^>]*>", re.IGNORECASE)


def _split(raw: str):
    url = (raw or "").strip()
    if not url or any(c.isspace() for c in url):
        return None
    if "://" not in url:  # « youtu.be/… » typed without the scheme
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or "@" in parts.netloc:
        return None
    return parts


def embed_url(raw: str) -> str | None:
    """The privacy-friendly embed URL of a YouTube or Google Drive link; None for anything else.

    YouTube: youtu.be/<id>, youtube.com/watch?v=<id>, /shorts/<id> (also /embed/, /live/).
    Drive: drive.google.com/file/d/<id>/…, /open?id=<id>, /uc?id=<id>.
    """
    parts = _split(raw)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    segs = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    if host in ("youtu.be", "www.youtu.be") or host in _YT_HOSTS:
        vid = None
        if host.endswith("youtu.be"):
            vid = segs[0] if len(segs) == 1 else None
        elif segs == ["watch"]:
            vid = (query.get("v") or [None])[0]
        elif len(segs) == 2 and segs[0] in ("shorts", "embed", "live"):
            vid = segs[1]
        if vid and _YT_ID.match(vid):
            return f"https://www.youtube-nocookie.com/embed/{vid}?modestbranding=1&rel=0"
        return None
    if host == "drive.google.com":
        fid = None
        if len(segs) >= 3 and segs[0] == "file" and segs[1] == "d":
            fid = segs[2]
        elif segs in (["open"], ["uc"]):
            fid = (query.get("id") or [None])[0]
        if fid and _DRIVE_ID.match(fid):
            return f"https://drive.google.com/file/d/{fid}/preview"
    return None


def is_https_url(raw: str) -> bool:
    """An absolute https:// link with a real host name (for the call-to-action button)."""
    url = (raw or "").strip()
    if not url.lower().startswith("https://") or len(url) > MAX_URL:
        return False
    parts = _split(url)
    host = (parts.hostname or "") if parts else ""
    return bool(parts) and parts.scheme == "https" and "." in host and not host.startswith(".")


@dataclass
class MediaRow:
    id: int = 0
    slug: str = ""
    title: str = ""
    kind: str = ""  # "YouTube" / "Google Drive"


@dataclass
class MediaView:
    """A media page as the coach edits it and a visitor sees it (+ computed embed URL)."""

    id: int = 0
    slug: str = ""
    title: str = ""
    description: str = ""
    video_url: str = ""
    embed_url: str = ""
    thumbnail: str = ""
    cta_text: str = ""
    cta_url: str = ""


def check_media(*, slug: str, title: str, description: str, video_url: str, thumbnail: str,
                cta_text: str, cta_url: str) -> dict[str, str]:
    """Field -> error key (texts.ERR) for everything wrong in the form; empty when valid."""
    errors: dict[str, str] = {}
    check_slug(errors, slug, pattern=MEDIA_SLUG, invalid="media_slug_invalid")
    check_title(errors, title, limit=MAX_TITLE)
    if len(description or "") > MAX_DESCRIPTION:
        errors["description"] = "content_description_too_long"
    if not (video_url or "").strip():
        errors["video_url"] = "content_video_required"
    elif len(video_url.strip()) > MAX_URL or embed_url(video_url) is None:
        errors["video_url"] = "content_video_unsupported"
    check_image(errors, thumbnail, folder="medias")
    cta_text, cta_url = (cta_text or "").strip(), (cta_url or "").strip()
    if len(cta_text) > MAX_CTA:
        errors["cta_text"] = "content_cta_text_too_long"
    elif cta_url and not cta_text:
        errors["cta_text"] = "content_cta_text_required"
    if cta_url and not is_https_url(cta_url):
        errors["cta_url"] = "content_cta_url_invalid"
    elif cta_text and not cta_url:
        errors["cta_url"] = "content_cta_url_required"
    return errors


def do_save_media(session: Session, *, media_id: int = 0, slug: str, title: str, description: str = "",
                  video_url: str, thumbnail: str = "", cta_text: str = "", cta_url: str = "") -> tuple[int, str]:
    """Create (media_id 0) or update a media page.

    Returns:
        (id, previous thumbnail path when it was replaced, else "").

    Raises:
        ServiceError: a field error (first one found), `slug_taken`, or `media_unknown`.
    """
    raise_first(check_media(slug=slug, title=title, description=description, video_url=video_url,
                            thumbnail=thumbnail, cta_text=cta_text, cta_url=cta_url))
    page = get_row(session, MediaPage, media_id, "media_unknown") if media_id else MediaPage(slug=slug, title=title)
    check_slug_free(session, MediaPage, slug, page.id)
    old_thumb = page.thumbnail if page.thumbnail != thumbnail else ""
    page.slug, page.title, page.description = slug, title.strip(), description or ""
    page.video_url, page.thumbnail = video_url.strip(), thumbnail
    page.cta_text, page.cta_url, page.updated_at = cta_text.strip(), cta_url.strip(), utc_now()
    flush_unique_slug(session, page)
    return page.id, old_thumb


def do_delete_media(session: Session, *, media_id: int) -> str:
    """Delete a media page; returns its thumbnail path (for the caller to remove)."""
    return delete_with_image(session, MediaPage, media_id, unknown="media_unknown", image="thumbnail")


def _view(p: MediaPage) -> MediaView:
    return MediaView(id=p.id, slug=p.slug, title=p.title, description=p.description, video_url=p.video_url,
                     embed_url=embed_url(p.video_url) or "", thumbnail=p.thumbnail, cta_text=p.cta_text,
                     cta_url=p.cta_url if is_https_url(p.cta_url) else "")


def access_media_rows(session: Session) -> list[MediaRow]:
    """Every media page for the coach, last edited first."""
    rows = session.exec(select(MediaPage).order_by(MediaPage.updated_at.desc(), MediaPage.id.desc())).all()
    return [MediaRow(id=p.id, slug=p.slug, title=p.title,
                     kind="Google Drive" if "drive.google.com" in (embed_url(p.video_url) or "") else "YouTube")
            for p in rows]


def access_media_form(session: Session, *, media_id: int) -> MediaView:
    return _view(get_row(session, MediaPage, media_id, "media_unknown"))


def access_media_page(session: Session, *, slug: str) -> MediaView | None:
    """The public page for `slug`; None when there is none."""
    if not MEDIA_SLUG.match(slug or ""):
        return None
    page = session.exec(select(MediaPage).where(MediaPage.slug == slug)).first()
    return _view(page) if page else None


# --- OpenGraph for crawlers (they do not run JavaScript) ---------------------------------

def _esc(value: str) -> str:
    return html.escape(value or "", quote=True)


def og_head(*, title: str, description: str, image_url: str, page_url: str, site_name: str) -> str:
    """`<title>` + og:* + twitter:* tags, every value HTML-escaped (quotes included)."""
    desc = " ".join((description or "").split())[:300]
    # Same <title> as the page sets once hydrated (« Titre – Afroboost »).
    tags = [f"<title>{_esc(title)} – {_esc(site_name)}</title>",
            '<meta property="og:type" content="website"/>',
            f'<meta property="og:site_name" content="{_esc(site_name)}"/>',
            f'<meta property="og:title" content="{_esc(title)}"/>',
            f'<meta property="og:description" content="{_esc(desc)}"/>',
            f'<meta property="og:url" content="{_esc(page_url)}"/>',
            f'<meta name="description" content="{_esc(desc)}"/>',
            f'<meta name="twitter:card" content="{"summary_large_image" if image_url else "summary"}"/>',
            f'<meta name="twitter:title" content="{_esc(title)}"/>',
            f'<meta name="twitter:description" content="{_esc(desc)}"/>',
            f'<link rel="canonical" href="{_esc(page_url)}"/>']
    if image_url:
        tags.insert(5, f'<meta property="og:image" content="{_esc(image_url)}"/>')
        tags.append(f'<meta name="twitter:image" content="{_esc(image_url)}"/>')
    return "".join(tags)


def inject_head(page_html: str, snippet: str) -> str:
    """`snippet` placed right after the opening `<head>` tag (prepended when there is none).

    A `<meta charset>` that opens the head stays first: browsers look for it in the first
    1024 bytes.
    """
    m = _HEAD.search(page_html)
    if m is None:
        return snippet + page_html
    at = m.end()
    charset = _CHARSET.match(page_html, at)
    if charset:
        at = charset.end()
    return page_html[:at] + snippet + page_html[at:]
