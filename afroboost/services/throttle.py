"""Rate limits on what a script could repeat (the `limits` library).

Each action has a limit string in the settings (`LIMIT_BOOKING="10/minute;40/hour"`, …). A call
is counted once per identity it carries — the tab's socket token and the client's IP — and
refused as soon as any of them is over. Counters live in memory for one process, or in Redis
when `REDIS_URL` is set, so a limit holds across every worker.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache

from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from afroboost.settings import get_settings

log = logging.getLogger("afroboost.throttle")

# action → the Settings field holding its limits
ACTIONS = {
    "booking": "limit_booking",
    "promo": "limit_promo",
    "lookup": "limit_lookup",
    "identity_claim": "limit_identity_claim",
    "code_entry": "limit_code_entry",
    "chat_message": "limit_chat_message",
    "typing": "limit_typing",
    "ai_request": "limit_ai_request",
}


def limits_for(action: str) -> list[RateLimitItem]:
    return parse_many(getattr(get_settings(), ACTIONS[action]))


@lru_cache(maxsize=1)
def _limiter() -> MovingWindowRateLimiter:
    url = get_settings().redis_url
    storage: Storage
    if url:
        storage = RedisStorage("async+" + url, implementation="redispy", key_prefix="afro-limits")
    else:
        storage = MemoryStorage()
    return MovingWindowRateLimiter(storage)


async def allow(action: str, *identities: str) -> bool:
    """Count one `action` for each identity (empty ones skipped); False if any is over a limit.

    A refused call is not counted, so a person who waits gets through again. If the
    storage is unreachable the call is allowed (logged): a limit must never lock the studio out.
    """
    keys = [f"{action}:{i}" for i in identities if i]
    if not keys:
        return True
    items = limits_for(action)
    limiter = _limiter()
    try:
        for item in items:
            for key in keys:
                if not await limiter.test(item, key):
                    log.warning("[THROTTLE] %s refused for %s", action, key[:60])
                    return False
        await asyncio.gather(*(limiter.hit(item, key) for item in items for key in keys))
    except Exception:
        log.exception("[THROTTLE] storage error; %s allowed", action)
    return True


def reset() -> None:
    """Forget every counter (tests; a new storage object is built on next use)."""
    _limiter.cache_clear()
