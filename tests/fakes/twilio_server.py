"""A small Twilio Messages API for tests: create and fetch, with Basic auth, like api.twilio.com.

    fake = FakeTwilio(account_sid="AC…", auth_token="…")
    with LocalServer(fake.app) as url:   # TWILIO_BASE_URL=url
        ...
    fake.fail_next(429, retry_after=1)   # the next create answers 429 (then normally again)
    fake.fail_next(503)                  # a 5xx
    fake.reject("+41790000000", 21211)   # every message to that number: Twilio error 21211
    fake.preload(sid, to=..., status="delivered")  # a message Twilio already has (zombie check)

It records every request (path, method, form fields, headers) so tests assert on what the
real SDK sent; error bodies are Twilio's ({"code", "message", "more_info", "status"}).
"""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from email.utils import formatdate

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

MESSAGES = {
    20003: "Authenticate",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    21211: "The 'To' number is not a valid phone number.",
    63016: "Failed to send freeform message because you are outside the allowed window. "
           "If you are using WhatsApp, please use a Message Template.",
}


@dataclass
class Failure:
    status: int
    code: int
    retry_after: float | None = None


@dataclass
class FakeTwilio:
    account_sid: str = "AC" + "0" * 32
    auth_token: str = "test-auth-token"
    requests: list[dict] = field(default_factory=list)
    messages: dict[str, dict] = field(default_factory=dict)
    _failures: list[Failure] = field(default_factory=list)
    _rejects: dict[str, int] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self):
        base = "/2010-04-01/Accounts/{account}/Messages"
        self.app = Starlette(routes=[
            Route(base + ".json", self.create, methods=["POST"]),
            Route(base + "/{sid}.json", self.fetch, methods=["GET"]),
        ])

    # --- controls ---------------------------------------------------------------------------
    def fail_next(self, status: int, *, code: int | None = None, retry_after: float | None = None,
                  times: int = 1) -> None:
        """The next `times` requests (create or fetch) answer this HTTP error."""
        self._failures += [Failure(status, code or (20429 if status == 429 else status), retry_after)] * times

    def reject(self, to_number: str, code: int, status: int = 400) -> None:
        """Creating a message to this E.164 number fails with this Twilio error code."""
        self._rejects[to_number] = code

    def preload(self, sid: str, *, to: str, status: str = "delivered", error_code: int | None = None) -> None:
        self.messages[sid] = self._resource(sid, to=f"whatsapp:{to}", from_="whatsapp:+41000000000", body="",
                                            status=status, error_code=error_code, _preloaded=True)

    @property
    def creates(self) -> list[dict]:
        """The form fields of every create request that reached the server."""
        return [r["form"] for r in self.requests if r["method"] == "POST"]

    @property
    def sent(self) -> list[dict]:
        """Messages accepted (created) by the fake."""
        return [m for m in self.messages.values() if not m.get("_preloaded")]

    # --- API --------------------------------------------------------------------------------
    def _resource(self, sid: str, *, to: str, from_: str, body: str, status: str = "queued",
                  error_code: int | None = None, **extra) -> dict:
        now = formatdate(usegmt=True)
        return {"sid": sid, "account_sid": self.account_sid, "to": to, "from": from_, "body": body,
                "status": status, "error_code": error_code, "error_message": MESSAGES.get(error_code or 0),
                "num_media": "0", "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                "date_created": now, "date_updated": now, "date_sent": None, "price": None, "price_unit": "USD",
                "messaging_service_sid": None, "subresource_uris": {},
                "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json", **extra}

    @staticmethod
    def _error(status: int, code: int, retry_after: float | None = None) -> JSONResponse:
        body = {"code": code, "message": MESSAGES.get(code, f"fake error {code}"),
                "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return JSONResponse(body, status_code=status, headers=headers)

    def _authorized(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("authorization", "") == f"Basic {expected}"

    async def _record(self, request: Request) -> dict:
        form = await request.form()
        entry = {"method": request.method, "path": request.url.path, "form": dict(form),
                 "headers": dict(request.headers)}
        self.requests.append(entry)
        return entry

    def _gate(self, request: Request) -> JSONResponse | None:
        if not self._authorized(request) or request.path_params["account"] != self.account_sid:
            return self._error(401, 20003)
        if self._failures:
            f = self._failures.pop(0)
            return self._error(f.status, f.code, f.retry_after)
        return None

    async def create(self, request: Request):
        entry = await self._record(request)
        if (refused := self._gate(request)) is not None:
            return refused
        form = entry["form"]
        to = str(form.get("To", ""))
        code = self._rejects.get(to.removeprefix("whatsapp:"))
        if code is not None:
            return self._error(400, code)
        sid = f"SM{next(self._ids):032x}"
        extra = {k: form[k] for k in ("ContentSid", "ContentVariables") if k in form}
        self.messages[sid] = self._resource(sid, to=to, from_=str(form.get("From", "")),
                                            body=str(form.get("Body", "")), **extra)
        return JSONResponse(self.messages[sid], status_code=201)

    async def fetch(self, request: Request):
        await self._record(request)
        if (refused := self._gate(request)) is not None:
            return refused
        msg = self.messages.get(request.path_params["sid"])
        return JSONResponse(msg) if msg else self._error(404, 20404)
