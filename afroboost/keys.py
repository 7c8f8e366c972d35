"""Unguessable names for shared state (chat rooms, inboxes).

Reflex lets a client choose its own socket token, and a token equal to a shared state's key
reads that state. So no shared key is ever a bare id: each is `<kind>-<HMAC-SHA256 of the id
under SECRET_KEY>`, which nobody without the key can compute. Services, jobs and states all
build keys here, so pushes reach the same rooms the browsers linked to.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from afroboost.settings import get_secret_key


@lru_cache(maxsize=4096)
def shared_key(kind: str, ident: int | str) -> str:
    """`room-3f1c…` / `inbox-9ab2…`: the shared-state key of one room or inbox (no `_`: Reflex refuses it)."""
    digest = hmac.new(get_secret_key().encode(), f"afroboost.shared:{kind}:{ident}".encode(), hashlib.sha256)
    return f"{kind}-{digest.hexdigest()[:40]}"


def room_key(conversation_id: int) -> str:
    return shared_key("room", int(conversation_id))


def inbox_key(contact_id: int | str) -> str:
    """A participant's inbox (`contact_id` an int) or the coach's (`"coach"`)."""
    return shared_key("inbox", contact_id if contact_id == "coach" else int(contact_id))
