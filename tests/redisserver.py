"""Throwaway Redis server for tests (the twin of tests/pgserver.py for PostgreSQL).

Runs Debian's `redis-server` on a free port of 127.0.0.1 only, in its own temp dir, with no
persistence (`--save ''`, `--appendonly no`), in its own process group, and always stops it.
Readiness is a real PING answered with PONG.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time

from tests.procs import stop_group

MISSING_HINT = "redis-server not found (Debian package redis-server): run `make test-deps`."


class RedisMissing(RuntimeError):
    """No redis-server binary on this machine."""


def find_redis_server() -> str | None:
    """The redis-server binary on PATH, else Debian's /usr/bin/redis-server."""
    found = shutil.which("redis-server")
    if found:
        return found
    return "/usr/bin/redis-server" if os.access("/usr/bin/redis-server", os.X_OK) else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ping(port: int, timeout: float = 1.0) -> bool:
    """True when the server on 127.0.0.1:`port` answers PING (raw RESP, no client library)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"*1\r\n$4\r\nPING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """A private Redis: `start()`, use `.url`, always `stop()`.

    Also a context manager. `stop()` is safe to call twice and after a failed start.
    """

    def __init__(self, binary: str | None = None):
        binary = binary or find_redis_server()
        if binary is None:
            raise RedisMissing(MISSING_HINT)
        self.binary = binary
        self.dir: pathlib.Path | None = None
        self.port: int | None = None
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> str:
        path = self.dir / "redis.log" if self.dir else None
        return path.read_text(errors="replace")[-2000:] if path and path.exists() else ""

    def start(self, timeout: float = 20) -> RedisServer:
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-redis-"))
        for _attempt in range(3):  # the free port can be taken between probe and start
            self.port = free_port()
            cmd = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                   "--save", "", "--appendonly", "no", "--dir", str(self.dir), "--daemonize", "no",
                   "--logfile", str(self.dir / "redis.log")]
            self.proc = subprocess.Popen(cmd, cwd=self.dir, start_new_session=True,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self.proc.poll() is None:
                if ping(self.port):
                    return self
                time.sleep(0.05)
            if self.proc.poll() is None:  # running but silent: give up, do not retry
                break
        log = self.log
        self.stop()
        raise RuntimeError(f"redis-server did not answer PING on 127.0.0.1:{self.port}:\n{log}")

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc, grace=10)
            self.proc = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()
