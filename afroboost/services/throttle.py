"""Rate limits on what a script could repeat (the `limits` library).

Each action has a limit string in the settings (`LIMIT_BOOKING="10/minute;40/hour"`, …). A call
is counted once per identity it carries — the tab's socket token, and the client's IP — and
refused as soon as any of them is over. Counters live in memory for one process, or in Redis
when `REDIS_URL` is set, so a limit holds across every worker.

The IP is allowed `LIMIT_IP_FACTOR` times the action's limits: people behind one address (the
studio's Wi-Fi, a phone operator's NAT) share it, while one tab is one person. A script that
opens new tabs to reset its per-tab counters still meets the IP's.
"""

from __future__ import annotations

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


def limits_for(action: str, factor: int = 1) -> list[RateLimitItem]:
    """The action's limits from the settings, each amount multiplied by `factor`."""
    return _parsed(getattr(get_settings(), ACTIONS[action]), factor)


@lru_cache(maxsize=64)
def _parsed(spec: str, factor: int) -> list[RateLimitItem]:
    """Parsed once per limit string (typing events call this every second per typist)."""
    items = parse_many(spec)
    if factor == 1:
        return items
    return [type(i)(i.amount * factor, i.multiples, i.namespace) for i in items]


@lru_cache(maxsize=1)
def _limiter() -> MovingWindowRateLimiter:
    url = get_settings().redis_url
    storage: Storage
    if url:
        storage = RedisStorage("async+" + url, implementation="redispy", key_prefix="afro-limits")
    else:
        storage = MemoryStorage()
    return MovingWindowRateLimiter(storage)


async def allow(action: str, *identities: str, ip: str = "") -> bool:
    """Count one `action` for each identity (empty ones skipped); False if any is over a limit.

    Args:
        action: a key of ACTIONS.
        *identities: e.g. the tab token; each gets the action's limits.
        ip: the client's address; it gets the limits times `limit_ip_factor`.

    A refused call is normally not counted, so a person who waits gets through again: every
    counter is tested first. Then each is hit with the storage's atomic check-and-count (a Lua
    script on Redis), so calls racing on several workers cannot all pass a test and then all
    count: past the limit, the hit itself refuses. Only a call that loses such a race may have
    counted on the identities hit before. If the storage is unreachable the call is allowed
    (logged): a limit must never lock the studio out.
    """
    factor = max(1, get_settings().limit_ip_factor)
    plan = [(item, f"{action}:{i}") for i in identities if i for item in limits_for(action)]
    if ip:
        plan += [(item, f"{action}:ip:{ip}") for item in limits_for(action, factor)]
    if not plan:
        return True
    limiter = _limiter()
    try:
        for item, key in plan:
            if not await limiter.test(item, key):
                log.warning("[THROTTLE] %s refused for %s", action, key[:60])
                return False
        for item, key in plan:
            if not await limiter.hit(item, key):
                log.warning("[THROTTLE] %s refused for %s (concurrent calls)", action, key[:60])
                return False
    except Exception:
        log.exception("[THROTTLE] storage error; %s allowed", action)
    return True


def reset() -> None:
    """Forget every counter (tests; a new storage object is built on next use)."""
    _limiter.cache_clear()
