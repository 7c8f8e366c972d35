"""Shared-state keys are unguessable: an HMAC of the id under SECRET_KEY, never the bare id."""

from __future__ import annotations

import re

import pytest

from afroboost import keys
from afroboost.api.guard import valid_client_token
from afroboost.settings import get_settings


@pytest.fixture
def secret(monkeypatch):
    def use(value: str) -> None:
        monkeypatch.setenv("SECRET_KEY", value)
        get_settings.cache_clear()
        keys.shared_key.cache_clear()

    yield use
    get_settings.cache_clear()
    keys.shared_key.cache_clear()


def test_keys_hide_the_id_and_follow_the_secret(secret):
    secret("k" * 48)
    room, inbox, coach = keys.room_key(17), keys.inbox_key(17), keys.inbox_key("coach")
    assert len({room, inbox, coach}) == 3
    for key in (room, inbox, coach):
        assert re.fullmatch(r"(room|inbox)-[0-9a-f]{40}", key), key
    assert room != "room-17" and inbox != "inbox-17" and coach != "inbox-coach"
    assert keys.room_key(17) == room  # stable: pushes from jobs reach the rooms browsers linked to
    assert keys.room_key(18) != room
    secret("another-secret-" * 4)
    assert keys.room_key(17) != room  # nobody without the key can compute it


def test_no_shared_key_has_the_shape_of_a_tab_token(secret):
    """The handshake only admits UUID tab tokens, and no shared key is one: two locks, not one."""
    secret("k" * 48)
    assert all(not valid_client_token(k) for k in (keys.room_key(1), keys.inbox_key(1), keys.inbox_key("coach")))
    assert valid_client_token("3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b")
    for bad in ("room-1", "inbox-coach", "", "3F2B8C1E-9A4D-4E6F-8B2A-1C3D5E7F9A0B ",
                "3f2b8c1e9a4d4e6f8b2a1c3d5e7f9a0b"):
        assert not valid_client_token(bad)
