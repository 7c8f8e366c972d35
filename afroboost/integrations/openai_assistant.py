"""The assistant's model, through OpenAI's own SDK (`AsyncOpenAI`) — any OpenAI-compatible server.

Key, model and `base_url` come from the settings (OPENAI_API_KEY, OPENAI_MODEL,
OPENAI_BASE_URL), so OpenAI, Ollama or vLLM work alike. Without a key the adapter says
it is not configured and never opens a connection. SDK errors leave this module only as
integrations.errors (Retryable / RateLimited / Permanent).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

import openai

from afroboost.integrations.errors import Permanent, ProviderError, RateLimited, Retryable
from afroboost.settings import Settings, get_settings


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ReplyStream:
    """`async for delta in stream` yields the reply's text pieces; then `usage` and `text` are set.

    One object per reply, so concurrent replies never mix their token counts.
    """

    def __init__(self, chunks: AsyncIterator[str]):
        self._chunks = chunks
        self.usage: Usage | None = None  # set by the provider's final chunk (None if it sent none)
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def __aiter__(self) -> ReplyStream:
        return self

    async def __anext__(self) -> str:
        return await self._chunks.__anext__()

    async def aclose(self) -> None:
        await self._chunks.aclose()


class AssistantClient(Protocol):
    def is_configured(self) -> bool: ...

    def stream_reply(self, messages: list[dict[str, str]]) -> ReplyStream: ...


def translate(exc: Exception) -> ProviderError:
    """An SDK exception as Retryable / RateLimited / Permanent."""
    status = getattr(exc, "status_code", None)
    reason = f"openai{f' {status}' if status else ''}: {str(getattr(exc, 'message', exc))[:300]}"
    if isinstance(exc, openai.RateLimitError):
        retry_after = None
        try:
            retry_after = float(exc.response.headers.get("retry-after", ""))
        except (TypeError, ValueError):
            pass
        return RateLimited(reason, status=status, retry_after=retry_after)
    if isinstance(exc, openai.APIConnectionError):  # includes timeouts: nothing was answered
        return Retryable(reason)
    if isinstance(exc, openai.APIStatusError):
        if status is not None and (status >= 500 or status in (408, 409)):
            return Retryable(reason, status=status)
        return Permanent(reason, status=status)
    if isinstance(exc, openai.APIResponseValidationError):
        return Permanent(reason, status=status)
    if isinstance(exc, openai.APIError):  # e.g. an error event in the middle of a stream
        return Retryable(reason, status=status)
    return Permanent(reason, status=status)


class OpenAIAssistant:
    """The adapter; cheap to create. A client (and its connections) lives for one call."""

    def __init__(self, *, api_key: str, model: str, base_url: str = "", timeout_s: float = 60.0,
                 max_retries: int = 2, max_output_tokens: int = 600):
        self.api_key = api_key.strip()
        self.model = model
        self.base_url = base_url.strip()
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self.max_output_tokens = max_output_tokens

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> OpenAIAssistant:
        s = settings or get_settings()
        return cls(api_key=s.openai_api_key, model=s.openai_model, base_url=s.openai_base_url,
                   timeout_s=s.openai_timeout_s, max_retries=s.openai_max_retries,
                   max_output_tokens=s.openai_max_output_tokens)

    def is_configured(self) -> bool:
        return bool(self.api_key)

    def _client(self) -> openai.AsyncOpenAI:
        if not self.is_configured():
            raise Permanent("openai: no API key configured")
        return openai.AsyncOpenAI(api_key=self.api_key, base_url=self.base_url or None,
                                  timeout=self.timeout_s, max_retries=self.max_retries)

    def stream_reply(self, messages: list[dict[str, str]]) -> ReplyStream:
        """Stream the reply to `messages` (nothing is sent until the first iteration)."""
        stream: ReplyStream

        async def chunks() -> AsyncIterator[str]:
            try:
                async with self._client() as client:
                    response = await client.chat.completions.create(
                        model=self.model, messages=messages, stream=True,
                        stream_options={"include_usage": True}, max_tokens=self.max_output_tokens,
                    )
                    async for chunk in response:
                        if chunk.usage is not None:
                            u = chunk.usage
                            stream.usage = Usage(u.prompt_tokens or 0, u.completion_tokens or 0,
                                                 u.total_tokens or 0)
                        for choice in chunk.choices:
                            if choice.delta is not None and choice.delta.content:
                                stream.parts.append(choice.delta.content)
                                yield choice.delta.content
            except openai.OpenAIError as exc:
                raise translate(exc) from exc

        stream = ReplyStream(chunks())
        return stream

    async def complete(self, messages: list[dict[str, str]]) -> tuple[str, Usage | None]:
        """The whole reply at once (no streaming): text and usage."""
        try:
            async with self._client() as client:
                response = await client.chat.completions.create(
                    model=self.model, messages=messages, max_tokens=self.max_output_tokens)
        except openai.OpenAIError as exc:
            raise translate(exc) from exc
        u = response.usage
        usage = Usage(u.prompt_tokens or 0, u.completion_tokens or 0, u.total_tokens or 0) if u else None
        text = "".join(c.message.content or "" for c in response.choices[:1])
        return text, usage
