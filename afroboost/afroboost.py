"""App assembly only: pages, HTTP routes, middleware, lifespan tasks."""

import reflex as rx

from afroboost import (
    models,  # noqa: F401  (registers the tables for `reflex db`)
    routes,
    texts,
)
from afroboost.api.app import create_api
from afroboost.api.guard import RequestGuard
from afroboost.pages.articles import article_page, articles_page
from afroboost.pages.booking import book_page
from afroboost.pages.chat import chat_page
from afroboost.pages.coach import coach_login_page, coach_page
from afroboost.pages.home import home_page
from afroboost.pages.lookup import lookup_page
from afroboost.pages.media import media_page
from afroboost.services.campaigns.chat_delivery import set_chat_publisher
from afroboost.services.jobs.scheduler import scheduler_lifespan
from afroboost.state.auth import AuthState, CoachGuard
from afroboost.state.booking import BookingState
from afroboost.state.chat import ChatIdentity
from afroboost.state.chat.campaign import show_campaign_messages
from afroboost.state.chat.inbox import Inbox
from afroboost.state.content_public import ArticlePageState, ArticlesListState, MediaPageState
from afroboost.state.home import HomeState
from afroboost.state.lookup import LookupState

app = rx.App(
    stylesheets=["/styles.css"],
    head_components=[rx.el.meta(name="theme-color", content="#000000"),
                     rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
                     rx.script(src="/chat_notify.js", defer=True)],
    # Our routes first, then the guard around everything (token shape, origin, body caps).
    api_transformer=[create_api(), RequestGuard],
)
app.add_middleware(CoachGuard())
# Campaign scheduler: every worker runs this; the one holding the DB lease runs APScheduler.
app.register_lifespan_task(scheduler_lifespan)
# Campaign messages stored in the chat show live in open rooms (only where this app runs).
set_chat_publisher(show_campaign_messages)

app.add_page(home_page, route=routes.HOME, title=f"{texts.BRAND} – {texts.TAGLINE}",
             description=texts.HERO_PITCH, on_load=HomeState.load)
app.add_page(book_page, route=routes.BOOK, title=f"Réserver – {texts.BRAND}", on_load=BookingState.load)
app.add_page(lookup_page, route=routes.LOOKUP, title=f"{texts.LOOKUP_TITLE} – {texts.BRAND}",
             on_load=LookupState.prefill)
app.add_page(articles_page, route=routes.ARTICLES, title=f"{texts.ARTICLES_TITLE} – {texts.BRAND}",
             description=texts.ARTICLES_PITCH, on_load=ArticlesListState.load)
app.add_page(article_page, route=routes.ARTICLE, title=ArticlePageState.page_title, on_load=ArticlePageState.load)
# /v/{slug} is also an HTTP route (api/og.py) that adds the page's OpenGraph tags for crawlers.
app.add_page(media_page, route=routes.MEDIA, title=MediaPageState.page_title, on_load=MediaPageState.load)
app.add_page(chat_page, route=routes.CHAT, title=f"Chat – {texts.BRAND}", on_load=ChatIdentity.restore)
app.add_page(chat_page, route=routes.CHAT_LINK + "/[token]", title=f"Chat – {texts.BRAND}",
             on_load=ChatIdentity.restore, context={"sitemap": None})

# Coach pages: unlisted (not in the sitemap, never linked; the footer's triple click opens the login).
_hidden = {"sitemap": None}
app.add_page(coach_login_page, route=routes.COACH_LOGIN, title=texts.COACH_LOGIN_TITLE, context=_hidden)
app.add_page(coach_page, route=routes.COACH, title=texts.COACH_LOGIN_TITLE, context=_hidden,
             on_load=[AuthState.restore, Inbox.connect_coach])
