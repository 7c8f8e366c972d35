"""Public pages: /articles, /articles/[slug], /v/[slug] (read-only, published content only)."""

from __future__ import annotations

from urllib.parse import unquote

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.content.articles import (
    ArticleView,
    access_published_article,
    access_published_articles,
)
from afroboost.services.content.media import MediaView, access_media_page


def _last_segment(path: str) -> str:
    """« /v/ma-video/ » -> « ma-video » (the dynamic part of the route)."""
    parts = [p for p in (path or "").split("/") if p]
    return unquote(parts[-1])[:200] if parts else ""


class ArticlesListState(rx.State):
    articles: list[ArticleView] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        self.articles = await run_read(access_published_articles)
        self.loaded = True


class ArticlePageState(rx.State):
    article: ArticleView = ArticleView()
    found: bool = False
    loaded: bool = False

    @rx.var
    def page_title(self) -> str:
        return f"{self.article.title} – {texts.BRAND}" if self.found else f"{texts.ARTICLES_TITLE} – {texts.BRAND}"

    @rx.event
    async def load(self):
        self.loaded = False
        view = await run_read(access_published_article, slug=_last_segment(self.router.url.path))
        self.article, self.found, self.loaded = view or ArticleView(), view is not None, True


class MediaPageState(rx.State):
    media: MediaView = MediaView()
    found: bool = False
    loaded: bool = False
    playing: bool = False

    @rx.var
    def page_title(self) -> str:
        return f"{self.media.title} – {texts.BRAND}" if self.found else texts.BRAND

    @rx.var
    def player_src(self) -> str:
        """The iframe URL once « play » was clicked: YouTube starts by itself (that click is the gesture)."""
        src = self.media.embed_url if self.playing else ""
        return src + "&autoplay=1" if "youtube-nocookie.com" in src else src

    @rx.event
    async def load(self):
        self.loaded, self.playing = False, False
        view = await run_read(access_media_page, slug=_last_segment(self.router.url.path))
        self.media, self.found, self.loaded = view or MediaView(), view is not None, True

    @rx.event
    def play(self):
        self.playing = self.found and self.media.embed_url != ""
