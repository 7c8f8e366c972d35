"""A small Resend API for tests: POST /emails and POST /emails/batch, like api.resend.com.

    fake = FakeResend(api_key="re_test")
    with LocalServer(fake.app) as url:   # RESEND_BASE_URL=url
        ...
    fake.fail_next(429, retry_after=1)   # the next request answers 429 (then normally again)
    fake.fail_next(500)
    fake.reject("bad@example.ch")        # that address is invalid (permissive batch: alone in `errors`)
    fake.rate_per_s = 2                  # enforce Resend's 2 requests/s: 429 + Retry-After beyond it

Like Resend it keeps Idempotency-Key replies: the same key with the same body answers the
first reply again without sending anything, with another body it answers 409. Every
request (JSON body and headers) and every accepted email are recorded.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

MAX_BATCH = 100


@dataclass
class Failure:
    status: int
    name: str
    retry_after: float | None = None


def _error(status: int, name: str, message: str, retry_after: float | None = None) -> JSONResponse:
    headers = {"retry-after": str(retry_after)} if retry_after is not None else None
    return JSONResponse({"statusCode": status, "name": name, "message": message}, status_code=status, headers=headers)


@dataclass
class FakeResend:
    api_key: str = "re_test_key"
    rate_per_s: float = 0.0  # 0: no limit
    requests: list[dict] = field(default_factory=list)
    emails: list[dict] = field(default_factory=list)  # accepted emails, with their "id"
    _failures: list[Failure] = field(default_factory=list)
    _rejected: set[str] = field(default_factory=set)
    _idempotent: dict[str, tuple[str, int, dict]] = field(default_factory=dict)
    _recent: list[float] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self):
        self.app = Starlette(routes=[Route("/emails", self.single, methods=["POST"]),
                                     Route("/emails/batch", self.batch, methods=["POST"])])

    def fail_next(self, status: int, *, retry_after: float | None = None, times: int = 1) -> None:
        name = {429: "rate_limit_exceeded", 422: "validation_error", 403: "invalid_api_key"}.get(
            status, "internal_server_error" if status >= 500 else "application_error")
        self._failures += [Failure(status, name, retry_after)] * times

    def reject(self, address: str) -> None:
        self._rejected.add(address.lower())

    def _invalid(self, email: dict) -> str:
        to = email.get("to")
        to = to if isinstance(to, list) else [to]
        if not to or not all(isinstance(a, str) and "@" in a for a in to):
            return "Invalid `to` field."
        if any(a.lower() in self._rejected for a in to):
            return f"Invalid `to` field: {to[0]}"
        if not email.get("from") or not email.get("subject"):
            return "Missing `from` or `subject` field."
        return ""

    def _gate(self, request: Request) -> JSONResponse | None:
        if request.headers.get("authorization", "") != f"Bearer {self.api_key}":
            return _error(403, "invalid_api_key", "API key is invalid")
        if self._failures:
            f = self._failures.pop(0)
            return _error(f.status, f.name, f"fake error {f.status}", f.retry_after)
        if self.rate_per_s:
            now = time.monotonic()
            self._recent = [t for t in self._recent if now - t < 1.0]
            if len(self._recent) >= self.rate_per_s:
                return _error(429, "rate_limit_exceeded", "Too many requests. You can only make "
                              f"{self.rate_per_s:g} requests per second.", retry_after=1)
            self._recent.append(now)
        return None

    async def _handle(self, request: Request, build) -> JSONResponse:
        raw = await request.body()
        payload = json.loads(raw or b"null")
        self.requests.append({"path": request.url.path, "json": payload, "headers": dict(request.headers)})
        if (refused := self._gate(request)) is not None:
            return refused
        key = request.headers.get("idempotency-key")
        digest = hashlib.sha256(raw).hexdigest()
        if key and key in self._idempotent:
            seen_digest, status, body = self._idempotent[key]
            if seen_digest != digest:
                return _error(409, "invalid_idempotent_request",
                              "Same idempotency key used with a different request payload.")
            return JSONResponse(body, status_code=status)
        status, body = build(payload, request)
        if key and status < 500:
            self._idempotent[key] = (digest, status, body)
        return JSONResponse(body, status_code=status)

    def _accept(self, email: dict) -> dict:
        row = {"id": f"fake-email-{next(self._ids):06d}", **email}
        self.emails.append(row)
        return {"id": row["id"]}

    def _single(self, payload, _request) -> tuple[int, dict]:
        problem = self._invalid(payload if isinstance(payload, dict) else {})
        if problem:
            return 422, {"statusCode": 422, "name": "validation_error", "message": problem}
        return 200, self._accept(payload)

    def _batch(self, payload, request) -> tuple[int, dict]:
        if not isinstance(payload, list) or not payload:
            return 422, {"statusCode": 422, "name": "validation_error", "message": "Expected a non-empty array."}
        if len(payload) > MAX_BATCH:
            return 422, {"statusCode": 422, "name": "validation_error",
                         "message": f"Too many emails: {len(payload)} (at most {MAX_BATCH})."}
        permissive = request.headers.get("x-batch-validation", "strict") == "permissive"
        problems = [(i, self._invalid(e)) for i, e in enumerate(payload)]
        problems = [(i, p) for i, p in problems if p]
        if problems and not permissive:
            return 422, {"statusCode": 422, "name": "validation_error", "message": problems[0][1]}
        bad = {i for i, _ in problems}
        data = [self._accept(e) for i, e in enumerate(payload) if i not in bad]
        body: dict = {"data": data}
        if permissive:
            body["errors"] = [{"index": i, "message": p} for i, p in problems]
        return 200, body

    async def single(self, request: Request):
        return await self._handle(request, self._single)

    async def batch(self, request: Request):
        return await self._handle(request, self._batch)

    @property
    def batch_requests(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/emails/batch"]
