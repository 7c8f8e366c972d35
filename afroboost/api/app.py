"""The Starlette app Reflex mounts itself into (api_transformer): our routes match first."""

from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from afroboost.api.answers import answer_routes
from afroboost.api.auth import create_auth_app
from afroboost.api.og import media_og_page
from afroboost.api.webhooks import webhook_routes


async def health(_request: Request) -> JSONResponse:
    return JSONResponse({"ok": True, "pid": os.getpid()})


def create_api() -> Starlette:
    return Starlette(routes=[
        Route("/api/health", health),
        Mount("/api/auth", app=create_auth_app()),
        Route("/v/{slug}", media_og_page),  # same URL as the page: per-slug OpenGraph tags for crawlers
        *answer_routes(),  # /api/reponse/{token}: « Je confirme », « Je ne viens pas »…
        *webhook_routes(),  # /api/webhooks/twilio (signed), /api/unsubscribe/{token}
    ])
