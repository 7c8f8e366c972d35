"""Articles: the coach writes them (Markdown), visitors read the published ones."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import Article
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

ARTICLE_SLUG = re.compile(r"^[a-z0-9-]{1,120}$")
MAX_TITLE, MAX_SUMMARY, MAX_BODY = 200, 500, 100_000
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def slugify(text: str, max_len: int = 120) -> str:
    """"Danse & Cardio : été 2026" -> "danse-cardio-ete-2026" (ascii, lower case, dashes)."""
    text = (text or "").translate(_LIGATURES)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-")


def _escape_lt(text: str) -> str:
    """`<` -> `&lt;` outside inline code spans (code spans never render HTML)."""
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(text[pos:m.start()].replace("<", "&lt;"))
        out.append(m.group(0))
        pos = m.end()
    out.append(text[pos:].replace("<", "&lt;"))
    return "".join(out)


def safe_markdown(md: str) -> str:
    """Markdown in which no raw HTML can survive: every `<` outside code becomes `&lt;`.

    The renderer is also configured without the raw-HTML plugin; this is the second
    lock. A Markdown parser turns `&lt;` back into a literal « < » *text* character, so
    `<script>` or `<img onerror=…>` are shown as typed and never become elements. Fenced
    code blocks and inline code spans are left alone: Markdown shows them verbatim.
    """
    out: list[str] = []
    fence: str | None = None
    for line in (md or "").split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
            out.append(line)
        elif fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = None
            out.append(line)
        else:
            out.append(_escape_lt(line))
    return "\n".join(out)


@dataclass
class ArticleRow:
    """One line of the coach's list."""

    id: int = 0
    title: str = ""
    slug: str = ""
    published: bool = False
    date: str = ""


@dataclass
class ArticleView:
    """What a visitor sees (cover is a path under the upload dir, or "")."""

    slug: str = ""
    title: str = ""
    summary: str = ""
    body_md: str = ""
    cover_image: str = ""
    date: str = ""


@dataclass
class ArticleForm:
    id: int = 0
    title: str = ""
    slug: str = ""
    summary: str = ""
    body_md: str = ""
    cover_image: str = ""
    published: bool = False


def format_date(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {texts.MONTHS[value.month - 1]} {value.year}"


def check_article(*, title: str, slug: str, summary: str, body_md: str, cover_image: str) -> dict[str, str]:
    """Field -> error key (texts.ERR) for everything wrong in the form; empty when valid."""
    errors: dict[str, str] = {}
    check_title(errors, title, limit=MAX_TITLE)
    check_slug(errors, slug, pattern=ARTICLE_SLUG, invalid="article_slug_invalid")
    if len(summary or "") > MAX_SUMMARY:
        errors["summary"] = "content_summary_too_long"
    if len(body_md or "") > MAX_BODY:
        errors["body_md"] = "content_body_too_long"
    check_image(errors, cover_image, folder="articles")
    return errors


def do_save_article(session: Session, *, article_id: int = 0, title: str, slug: str, summary: str = "",
                    body_md: str = "", cover_image: str = "", published: bool = False,
                    now: datetime | None = None) -> tuple[int, str]:
    """Create (article_id 0) or update an article.

    Returns:
        (id, previous cover image path when it was replaced, else "").

    Raises:
        ServiceError: a field error (first one found), `slug_taken`, or `article_unknown`.
    """
    raise_first(check_article(title=title, slug=slug, summary=summary, body_md=body_md, cover_image=cover_image))
    now = now or utc_now()
    if article_id:
        article = get_row(session, Article, article_id, "article_unknown")
    else:
        article = Article(slug=slug, title=title)
    check_slug_free(session, Article, slug, article.id)
    old_cover = article.cover_image if article.cover_image != cover_image else ""
    if published and not article.published:
        article.published_at = now
    article.slug, article.title, article.summary = slug, title.strip(), summary or ""
    article.body_md, article.cover_image, article.published = body_md or "", cover_image, bool(published)
    article.updated_at = now
    flush_unique_slug(session, article)
    return article.id, old_cover


def do_delete_article(session: Session, *, article_id: int) -> str:
    """Delete an article; returns its cover image path (for the caller to remove)."""
    return delete_with_image(session, Article, article_id, unknown="article_unknown", image="cover_image")


def access_article_rows(session: Session) -> list[ArticleRow]:
    """Every article for the coach, last edited first."""
    rows = session.exec(select(Article).order_by(Article.updated_at.desc(), Article.id.desc())).all()
    return [ArticleRow(id=a.id, title=a.title, slug=a.slug, published=a.published,
                       date=format_date(a.published_at if a.published else a.updated_at)) for a in rows]


def access_article_form(session: Session, *, article_id: int) -> ArticleForm:
    article = get_row(session, Article, article_id, "article_unknown")
    return ArticleForm(id=article.id, title=article.title, slug=article.slug, summary=article.summary,
                       body_md=article.body_md, cover_image=article.cover_image, published=article.published)


def _view(a: Article, *, body: bool) -> ArticleView:
    return ArticleView(slug=a.slug, title=a.title, summary=a.summary, body_md=safe_markdown(a.body_md) if body else "",
                       cover_image=a.cover_image, date=format_date(a.published_at))


def access_published_articles(session: Session) -> list[ArticleView]:
    """The public list: published articles only, newest first."""
    rows = session.exec(
        select(Article).where(Article.published == sa.true())
        .order_by(Article.published_at.desc(), Article.id.desc())
    ).all()
    return [_view(a, body=False) for a in rows]


def access_published_article(session: Session, *, slug: str) -> ArticleView | None:
    """A published article by slug; None for unknown or unpublished ones."""
    if not ARTICLE_SLUG.match(slug or ""):
        return None
    a = session.exec(select(Article).where(Article.slug == slug, Article.published == sa.true())).first()
    return _view(a, body=True) if a else None
