"""Provider failures, translated from each SDK's own exceptions (ARCHITECTURE rule 6).

Callers only need to know what to do next: try again later (Retryable, RateLimited) or
not with the same input (Permanent). `status` is the HTTP status when there was one.
"""

from __future__ import annotations


class ProviderError(Exception):
    """A provider call failed; `reason` is short and safe to store or log (no secrets)."""

    def __init__(self, reason: str, *, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class Retryable(ProviderError):
    """Temporary: network trouble, timeout, provider 5xx. The same request may succeed later."""


class RateLimited(Retryable):
    """The provider refused for quota or rate (HTTP 429). `retry_after` in seconds when it said."""

    def __init__(self, reason: str, *, status: int | None = 429, retry_after: float | None = None):
        super().__init__(reason, status=status)
        self.retry_after = retry_after


class Permanent(ProviderError):
    """The request itself is wrong (bad key, unknown model, invalid body): retrying will not help."""
