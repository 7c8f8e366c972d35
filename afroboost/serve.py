"""`python -m afroboost serve`: the production server (`reflex run --env prod`) whose workers come back.

Reflex builds granian's `Server` itself, without `respawn_failed_workers`, and granian then
stops the WHOLE server when one worker dies (shared/reflex/RECIPES-app-patterns.md §0): a
worker killed by the OOM killer or a crash in native code would take every participant's
chat down and, with it, the campaign scheduler. This launcher runs the same `reflex run`
in-process with granian's own respawn switched on, so:

* a dead worker is replaced by a fresh one (granian logs « Respawning worker-N »), and
  the other workers keep serving meanwhile;
* if the dead worker held the scheduler lease, the lease expires (15 s) and one of the
  live workers takes it on its next try (every 5 s): campaigns continue within 30 s;
* a worker that dies again within 5.5 s of its respawn is a crash loop: granian stops the
  server and the supervisor (docs/deploy.md) takes over.

`make run` and `make run-scale` use it. The patch rebinds one granian module attribute, in
this process only; granian is pinned in requirements.txt.
"""

from __future__ import annotations


def respawning(base: type) -> type:
    """granian's `Server` class with failed-worker respawn on by default (no other change)."""

    class RespawningServer(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("respawn_failed_workers", True)
            super().__init__(*args, **kwargs)

    return RespawningServer


def serve(host: str, port: int) -> int:
    """Build (if needed) and serve the production app on `host:port`, one port for pages and backend."""
    import granian.server
    from reflex.reflex import cli

    # reflex.utils.exec imports `Server` from granian.server when it starts the backend.
    granian.server.Server = respawning(granian.server.Server)
    args = ["run", "--env", "prod", "--backend-host", host, "--backend-port", str(port)]
    try:
        cli(args, prog_name="reflex", standalone_mode=False)
    except KeyboardInterrupt:
        return 0
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    return 0

