"""The websocket guard accepts every token Reflex's frontend can generate, and nothing else."""

from __future__ import annotations

import pytest

from afroboost.api.guard import valid_client_token


@pytest.mark.parametrize("y", "89abcdef")
def test_every_variant_digit_the_frontend_draws_is_accepted(y):
    # generateUUID: "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", y = (r & 0x7) | 0x8 → 8..f
    assert valid_client_token(f"0f1e2d3c-4b5a-4697-{y}8a9-0123456789ab")


@pytest.mark.parametrize("token", ["", "room-12", "inbox-coach", "0f1e2d3c-4b5a-3697-88a9-0123456789ab",
                                   "0f1e2d3c-4b5a-4697-78a9-0123456789ab", "0F1E2D3C-4B5A-4697-88A9-0123456789AB",
                                   "0f1e2d3c-4b5a-4697-88a9-0123456789ab-x"])
def test_other_shapes_are_refused(token):
    assert not valid_client_token(token)


def test_url_for_sees_through_the_guard():
    """Reflex mounts the guarded API at "" in its top app: the OAuth login builds its callback URL with url_for."""
    from starlette.applications import Starlette
    from starlette.routing import Mount

    from afroboost.api.app import create_api
    from afroboost.api.guard import RequestGuard

    top = Starlette(routes=[Mount("", app=RequestGuard(create_api()))])
    assert str(top.router.url_path_for("auth_callback")) == "/api/auth/callback"
