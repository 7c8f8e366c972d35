"""/articles (published articles, newest first) and /articles/[slug] (one article)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.content_md import safe_markdown_view
from afroboost.components.layout import page
from afroboost.components.theme import MUTED, PINK, card
from afroboost.routes import ARTICLES
from afroboost.services.content.articles import ArticleView
from afroboost.state.content_public import ArticlePageState as P
from afroboost.state.content_public import ArticlesListState as L


def cover(path: rx.Var, height: str) -> rx.Component:
    return rx.cond(path != "", rx.image(src=rx.get_upload_url(path), alt="", width="100%", height=height,
                                        object_fit="cover", border_radius="12px"))


def article_card(a: ArticleView) -> rx.Component:
    return rx.link(
        card(
            rx.vstack(
                cover(a.cover_image, "190px"),
                rx.text(a.date, color=MUTED, size="1"),
                rx.heading(a.title, size="5"),
                rx.cond(a.summary != "", rx.text(a.summary, size="2", color="#e4e4e7")),
                rx.text(texts.ARTICLE_READ, color=PINK, size="2", weight="bold"),
                spacing="2", align="start", width="100%",
            ),
            height="100%",
        ),
        href=ARTICLES + "/" + a.slug, underline="none", color="inherit", data_testid="article-card",
    )


def articles_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading(texts.ARTICLES_TITLE, size="8", class_name="ab-gradient-text"),
            rx.text(texts.ARTICLES_PITCH, color=MUTED),
            rx.cond(L.loaded & (L.articles.length() == 0),
                    rx.text(texts.ARTICLES_EMPTY, color=MUTED, data_testid="articles-empty")),
            rx.grid(rx.foreach(L.articles, article_card), columns=rx.breakpoints(initial="1", sm="2", md="3"),
                    spacing="4", width="100%"),
            spacing="4", width="100%", align="start",
        ),
        padding_top="2em",
    )


def not_found(title: str, message: str, back_label: str, back_href: str, test_id: str) -> rx.Component:
    return card(
        rx.vstack(
            rx.heading(title, size="6"),
            rx.text(message, color=MUTED),
            rx.link(back_label, href=back_href, color=PINK),
            spacing="3", align="start",
        ),
        data_testid=test_id,
    )


def article_body() -> rx.Component:
    a = P.article
    return rx.vstack(
        cover(a.cover_image, rx.breakpoints(initial="200px", md="360px")),
        rx.text(texts.ARTICLE_PUBLISHED_ON + a.date, color=MUTED, size="2"),
        rx.heading(a.title, size=rx.breakpoints(initial="7", md="8"), data_testid="article-title"),
        rx.cond(a.summary != "", rx.text(a.summary, size="4", color="#e4e4e7", weight="medium")),
        safe_markdown_view(a.body_md, data_testid="article-body"),
        spacing="3", width="100%", align="start",
    )


def article_page() -> rx.Component:
    return page(
        rx.cond(P.found, rx.link(texts.ARTICLE_ALL, href=ARTICLES, color=MUTED, size="2")),
        rx.box(
            rx.cond(
                P.loaded,
                rx.cond(P.found, article_body(),
                        not_found(texts.ARTICLE_NOT_FOUND_TITLE, texts.ARTICLE_NOT_FOUND, texts.ARTICLE_ALL,
                                  ARTICLES, "article-not-found")),
                rx.center(rx.spinner(size="3"), padding="3em"),
            ),
            padding_top="1em", width="100%",
        ),
        max_width="760px", padding_top="1.5em",
    )

