"""The ASGI guard (api/guard.py) in front of everything: what it refuses before a byte is read.

Driven at the ASGI level with an app that records what reached it, so "not read" is exact:
the guard's `receive` calls are counted. The prod-server versions (raw sockets, the real
`/_upload` and upload dir) are in tests/e2e/test_trust_coach.py.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from starlette.applications import Starlette
from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from twilio.request_validator import RequestValidator

from afroboost.api.guard import UPLOAD_OVERHEAD, RequestGuard
from tests import ai_world
from tests.factories import coach_cookie

ai_env = ai_world.ai_env
SITE = "http://127.0.0.1:3000"
MB = 1024 * 1024


class Recorder:
    """An inner app that reads the whole body (like Reflex's upload route) and says what it got."""

    def __init__(self):
        self.calls: list[str] = []
        self.bytes_read = 0

    async def __call__(self, scope, receive, send):
        self.calls.append(scope["type"])
        if scope["type"] == "websocket":
            await receive()
            await send({"type": "websocket.accept"})
            return
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise OSError("client went away")  # what a parser does: the guard must keep its 413
            self.bytes_read += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def run(app, scope: dict, chunks: list[bytes]) -> tuple[list[dict], int]:
    """Call the ASGI app; returns what it sent and how many body chunks it pulled."""
    pulled, sent = 0, []

    async def receive():
        nonlocal pulled
        if scope["type"] == "websocket":
            return {"type": "websocket.connect"}
        if pulled >= len(chunks):
            await asyncio.sleep(3600)  # the client holds the rest of its body
        pulled += 1
        return {"type": "http.request", "body": chunks[pulled - 1], "more_body": pulled < len(chunks)}

    async def send(message):
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    return sent, pulled


def http(path: str, *, method: str = "POST", headers: dict[str, str] | None = None) -> dict:
    return {"type": "http", "method": method, "path": path, "query_string": b"",
            "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]}


def status(sent: list[dict]) -> int:
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


@pytest.fixture
def guard(db, ai_env):
    ai_env(SITE_URL=SITE, UPLOADS_MAX_BYTES=1 * MB, REQUEST_MAX_BYTES=64 * 1024)
    inner = Recorder()
    return RequestGuard(inner), inner


def test_anonymous_upload_is_refused_before_its_body_is_read(guard):
    app, inner = guard
    for headers in ({"Content-Length": str(MB // 2)}, {"Transfer-Encoding": "chunked"},
                    {"Content-Length": "10", "Cookie": "afro_sid=" + "A" * 43}):
        sent, pulled = run(app, http("/_upload", headers={"Content-Type": "multipart/form-data; boundary=x",
                                                           **headers}), [b"x" * 1024] * 600)
        assert status(sent) == 403 and pulled == 0
    assert inner.calls == []


def test_ended_coach_session_cannot_upload(guard):
    from afroboost.db import in_write
    from afroboost.services.auth import do_end_coach_session

    app, inner = guard
    cookie = coach_cookie()
    in_write(do_end_coach_session, value=cookie.split("=", 1)[1])
    sent, pulled = run(app, http("/_upload", headers={"Cookie": cookie, "Content-Length": "10"}), [b"x" * 10])
    assert status(sent) == 403 and pulled == 0 and inner.calls == []


def test_coach_upload_over_the_cap_is_413_declared_or_streamed(guard):
    app, inner = guard
    cookie = coach_cookie()
    cap = MB + UPLOAD_OVERHEAD
    sent, pulled = run(app, http("/_upload", headers={"Cookie": cookie, "Content-Length": str(cap + 1)}), [b""])
    assert status(sent) == 413 and pulled == 0 and inner.calls == []
    # chunked: counted while it streams, cut at the cap; the app's reaction to the cut is dropped
    chunks = [b"x" * 64 * 1024] * 40
    sent, pulled = run(app, http("/_upload", headers={"Cookie": cookie, "Transfer-Encoding": "chunked"}), chunks)
    assert [status(sent)] == [m["status"] for m in sent if m["type"] == "http.response.start"] == [413]
    assert pulled == cap // (64 * 1024) + 1 < len(chunks) and inner.bytes_read <= cap


def test_coach_upload_within_the_cap_goes_through(guard):
    app, inner = guard
    sent, _ = run(app, http("/_upload", headers={"Cookie": coach_cookie(), "Transfer-Encoding": "chunked"}),
                  [b"x" * 64 * 1024] * 10)
    assert status(sent) == 200 and inner.bytes_read == 640 * 1024


def test_any_other_body_has_the_request_cap(guard):
    app, inner = guard
    sent, pulled = run(app, http("/api/webhooks/twilio", headers={"Content-Length": str(64 * 1024 + 1)}), [b""])
    assert status(sent) == 413 and pulled == 0
    sent, pulled = run(app, http("/api/webhooks/twilio", headers={"Transfer-Encoding": "chunked"}),
                       [b"x" * 16 * 1024] * 10)
    assert status(sent) == 413 and pulled == 5 and inner.bytes_read <= 64 * 1024
    sent, _ = run(app, http("/api/x", headers={"Content-Length": "nan"}), [b""])
    assert status(sent) == 413


def test_starlette_parsers_cut_mid_body_answer_413_not_500(db, ai_env):
    """A real Starlette route parsing a form when the cap cuts it: the client sees the 413."""
    ai_env(SITE_URL=SITE, REQUEST_MAX_BYTES=1024)

    async def form(request: Request):
        await request.form()
        return PlainTextResponse("parsed")

    app = RequestGuard(Starlette(routes=[Route("/form", form, methods=["POST"])]))
    body = (f"a={'x' * 200}&" * 20).encode()
    with TestClient(app, raise_server_exceptions=False) as client:
        resp = client.post("/form", content=iter([body[i:i + 100] for i in range(0, len(body), 100)]),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 413


@pytest.mark.parametrize(("token", "origin", "ok"), [
    ("room-1", SITE, False),
    ("inbox-coach", SITE, False),
    ("inbox-17", None, False),
    ("not-a-uuid", SITE, False),
    (str(uuid.uuid1()), SITE, False),  # a UUID, but not the random kind the frontend makes
    (str(uuid.uuid4()).upper(), SITE, False),
    (str(uuid.uuid4()), "https://evil.example", False),
    (str(uuid.uuid4()), "null", False),
    (str(uuid.uuid4()), SITE, True),
    ("cb806d25-bfe9-4603-e28c-7714c8de4c14", SITE, True),  # made by the frontend's generateUUID (variant e)
    ("cb806d25-bfe9-4603-728c-7714c8de4c14", SITE, False),
    (str(uuid.uuid4()), "http://localhost:3000", True),  # the same local server's other name
    (str(uuid.uuid4()), None, True),  # not a browser: no Origin, no cookie of anyone's
])
def test_websocket_handshake(guard, token, origin, ok):
    app, inner = guard
    scope = {"type": "websocket", "path": "/_event/", "query_string": f"EIO=4&transport=websocket&token={token}"
             .encode(), "headers": [(b"origin", origin.encode())] if origin else []}
    sent, _ = run(app, scope, [])
    if ok:
        assert sent == [{"type": "websocket.accept"}] and inner.calls == ["websocket"]
    else:
        assert sent == [{"type": "websocket.close", "code": 1008}] and inner.calls == []


# --- the Twilio webhook's own cap (its route reads with a cap before parsing) ---------------

TOKEN = "twilio-webhook-token"


@pytest.fixture
def twilio(db, ai_env):
    from afroboost.api.app import create_api

    ai_env(TWILIO_AUTH_TOKEN=TOKEN, SITE_URL="https://afroboost.example", REQUEST_MAX_BYTES=1 * MB)
    with TestClient(create_api(), base_url="http://127.0.0.1:3000") as c:
        yield c


def test_twilio_chunked_body_over_its_cap_is_413_and_never_parsed(twilio, monkeypatch):
    import afroboost.api.webhooks as webhooks

    parsed = []
    monkeypatch.setattr(webhooks, "form_params", lambda body: parsed.append(body) or ImmutableMultiDict())
    chunks = [b"Body=" + b"x" * 8 * 1024] + [b"x" * 8 * 1024] * 20  # 168 KB, no Content-Length
    resp = twilio.post("/api/webhooks/twilio", content=iter(chunks),
                       headers={"X-Twilio-Signature": "sig", "Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 413 and parsed == []


def test_twilio_unsigned_or_not_a_form_is_refused_before_reading(twilio):
    assert twilio.post("/api/webhooks/twilio", content=b"Body=hi",
                       headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 403
    assert twilio.post("/api/webhooks/twilio", content=b"{}", headers={
        "X-Twilio-Signature": "sig", "Content-Type": "application/json"}).status_code == 415


def test_twilio_signed_repeated_keys_still_validate(twilio):
    url = "https://afroboost.example/api/webhooks/twilio"
    body = "From=whatsapp%3A%2B41791000001&MessageStatus=read&Extra=a&Extra=b"
    params = ImmutableMultiDict([("From", "whatsapp:+41791000001"), ("MessageStatus", "read"),
                                 ("Extra", "a"), ("Extra", "b")])
    sig = RequestValidator(TOKEN).compute_signature(url, params)  # how Twilio signs a repeated key
    resp = twilio.post("/api/webhooks/twilio", content=body.encode(), headers={
        "X-Twilio-Signature": sig, "Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 200


def test_route_names_are_found_through_the_guard(db):
    """Reflex mounts the guard at "": `url_for("auth_callback")` (Google sign-in) must still resolve."""
    from starlette.routing import Mount, Router

    from afroboost.api.app import create_api

    router = Router([Mount("", app=RequestGuard(create_api()))])  # the shape Reflex builds
    assert router.url_path_for("auth_callback") == "/api/auth/callback"
