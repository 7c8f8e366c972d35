"""A small OpenAI-compatible server for tests: POST /v1/chat/completions, streaming or not.

It records every request (JSON body and headers) so tests can assert on exactly what the
real SDK sent. Streaming replies are server-sent events in OpenAI's format: a role chunk,
one chunk per piece of text, a finish chunk, then (when `stream_options.include_usage`)
a usage chunk with empty choices, then `data: [DONE]`.

    fake = FakeOpenAI(reply=["Bonjour", " !"])
    with LocalServer(fake.app) as url:   # SDK base_url = f"{url}/v1"
        ...
    fake.fail(429)  # every next request answers 429 with an OpenAI-style error body
"""

from __future__ import annotations

import json
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

ERROR_TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 429: "rate_limit_exceeded",
               500: "server_error", 503: "server_error"}


class FakeOpenAI:
    def __init__(self, reply: str | list[str] = "Bonjour, ici Coach Bassi !", *, prompt_tokens: int = 120,
                 completion_tokens: int = 30):
        self.pieces = [reply] if isinstance(reply, str) else list(reply)
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens
        self.send_usage = True
        self.error_status: int | None = None
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self.app = Starlette(routes=[Route("/v1/chat/completions", self.completions, methods=["POST"])])

    def fail(self, status: int | None) -> None:
        """Answer every next request with this HTTP error (None: answer normally again)."""
        self.error_status = status

    @property
    def last(self) -> dict:
        return self.requests[-1]

    def _usage(self) -> dict:
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens}

    async def completions(self, request: Request):
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        if self.error_status is not None:
            status = self.error_status
            err = {"error": {"message": f"fake error {status}", "type": ERROR_TYPES.get(status, "api_error"),
                             "param": None, "code": None}}
            return JSONResponse(err, status_code=status, headers={"retry-after": "0"} if status == 429 else None)
        cid, created, model = f"chatcmpl-fake{len(self.requests)}", int(time.time()), body.get("model", "")
        if not body.get("stream"):
            return JSONResponse({
                "id": cid, "object": "chat.completion", "created": created, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant", "content": "".join(self.pieces)}}],
                "usage": self._usage(),
            })
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and self.send_usage

        def chunk(choices: list, usage: dict | None = None) -> str:
            data = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": choices, "usage": usage}
            return f"data: {json.dumps(data)}\n\n"

        async def events():
            yield chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
            for piece in self.pieces:
                yield chunk([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
            yield chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}])
            if include_usage:
                yield chunk([], self._usage())
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")
