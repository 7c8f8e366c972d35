"""Who is the coach: a live server-side session proven by the HttpOnly cookie.

`router.headers.cookie` is the Cookie header of the websocket handshake (HttpOnly
cookies included; Reflex never sends it back to the browser). Nothing the browser can
set — client storage, event arguments, router data — can make someone coach.

The cookie only names a server-side session (services/auth.py). A tab's websocket keeps the
cookie it connected with, so `AuthState.ensure()` asks the database again whenever its last
answer is older than COACH_SESSION_RECHECK_S (2 s): a session ended by logout or
« se déconnecter partout » stops working in tabs already open on their next action. The
check is one indexed SELECT plus a thread hop — 1.4 ms p50 on SQLite, 2.1 ms on PostgreSQL on a
busy 2-core machine (bench/coach_session.py) — and the interval lets the middleware and the
handler of one event (and a burst of clicks) share it.
"""

from __future__ import annotations

import functools
import inspect
import logging
import time

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.auth import access_coach_session, is_coach_email, session_cookie, session_hash
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.security")

# Logout is a real form POST from this page (SameSite cookie + Origin check on the server);
# `form.submit()` skips React's submit handlers. The response deletes the HttpOnly cookie.
_POST_JS = ("(() => {{ const f = document.createElement('form'); f.method = 'post'; f.action = '{}'; "
            "document.body.appendChild(f); f.submit(); }})()")


def post_to(path: str) -> rx.event.EventSpec:
    """A client-side event that navigates by POSTing an empty form to `path` (same origin)."""
    return rx.call_script(_POST_JS.format(path))


class AuthState(rx.State):
    _email: str = ""
    _sid_hash: str = ""  # the session this tab last checked (its hash, never the cookie)
    _checked_at: float = 0.0
    # The coach session this tab had was ended elsewhere (logout, « partout », expiry).
    ended: bool = False

    @rx.var
    def is_coach(self) -> bool:
        return is_coach_email(self._email)

    @rx.var
    def coach_email(self) -> str:
        return self._email if is_coach_email(self._email) else ""

    def _cookie_hash(self) -> str:
        return session_hash(session_cookie(self.router.headers.cookie))

    async def ensure(self) -> bool:
        """True when this client is a coach: its cookie names a live server-side session.

        The answer is re-checked against the database when the cookie changed (a new socket)
        or the last check is older than COACH_SESSION_RECHECK_S — also a refusal, so a
        made-up cookie costs one query per interval, not one per event.
        """
        digest = self._cookie_hash()
        if not digest:
            if self._email or self._sid_hash:  # signed out in this browser (or everywhere): this tab too
                self.ended = bool(self._email)
                self._email, self._sid_hash = "", ""
            return False
        now = time.time()
        if digest != self._sid_hash or now - self._checked_at >= get_settings().coach_session_recheck_s:
            email = await run_read(access_coach_session, sid_hash=digest) or ""
            if email != self._email:
                if self._email and not email:
                    log.info("[SECURITY] coach session ended, tab signed out: %s", self._email)
                self.ended = bool(self._email and not email)
                self._email = email
            self._sid_hash, self._checked_at = digest, now
        return is_coach_email(self._email)

    @rx.event
    async def restore(self):
        """on_load of coach pages: identity from the session cookie, else off to the login page."""
        if not await self.ensure():
            return rx.redirect("/coach/login")


async def _refusal(state: rx.State, what: str):
    """None when the coach may go on; else what to send back instead.

    A tab whose session had already ended gets nothing more than its first refusal (a reload
    of the dashboard fires one load per tab): its « session terminée » card says the rest.
    """
    auth = await state.get_state(AuthState)
    already_ended = auth.ended
    if await auth.ensure():
        return None
    if already_ended:
        log.info("[SECURITY] event after the coach session ended: %s", what)
        return []
    log.warning("[SECURITY] Tentative non autorisée par: anonyme (%s)", what)
    return denied()


def denied():
    """What a refused coach event sends back: a toast, nothing else."""
    return rx.toast.error(texts.COACH_DENIED)


def coach_only(fn):
    """Run the handler only for a coach; anyone else gets a refusal and nothing changes."""
    if inspect.isasyncgenfunction(fn) or inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        async def gen_wrapper(self, *args, **kwargs):
            if (refusal := await _refusal(self, fn.__qualname__)) is not None:
                if refusal:
                    yield refusal
                return
            if inspect.isasyncgenfunction(fn):
                async for update in fn(self, *args, **kwargs):
                    yield update
            else:
                for update in fn(self, *args, **kwargs):
                    yield update
        gen_wrapper.__coach_only__ = True
        return gen_wrapper

    @functools.wraps(fn)
    async def wrapper(self, *args, **kwargs):
        if (refusal := await _refusal(self, fn.__qualname__)) is not None:
            return refusal
        result = fn(self, *args, **kwargs)
        return await result if inspect.isawaitable(result) else result
    wrapper.__coach_only__ = True
    return wrapper


def _unguarded_handlers(cls: type) -> dict[str, object]:
    """The handlers `cls` defines or takes from state mixins that no guard wraps yet.

    Reflex copies a mixin's handlers onto each class using it *after* this class hook ran, so
    a mixin handler would slip past a guard that only looked at `cls.__dict__`. A name is
    taken from wherever `cls` resolves it (its own body wins over a mixin, as in Python);
    real parent states are skipped: their handlers are theirs, already guarded or not coach.
    """
    found: dict[str, object] = {}
    for klass in cls.__mro__:
        if klass is not cls and not getattr(klass, "_mixin", False):
            continue
        for name, value in klass.__dict__.items():
            owner = next(k for k in cls.__mro__ if name in k.__dict__)
            if (owner is klass and name not in found and rx.State._item_is_event_handler(name, value)
                    and not getattr(value, "__coach_only__", False)):
                found[name] = value
    return found


class CoachState(rx.State):
    """Base of every coach-only state: each public handler of a subclass is guarded.

    The guard is applied here, when the subclass is created, so a handler cannot be
    forgotten — also the handlers it inherits from state mixins such as the CRUD kit
    (state/coach/crud.py). (No background events in coach states: their `self` cannot read
    AuthState.)
    """

    def __init_subclass__(cls, **kwargs):
        for name, value in _unguarded_handlers(cls).items():
            setattr(cls, name, coach_only(value))
        super().__init_subclass__(**kwargs)


class CoachGuard(rx.Middleware):
    """Defense in depth: any event aimed at a coach state is dropped for non-coaches."""

    async def preprocess(self, app, state, event):
        prefix = CoachState.get_full_name() + "."
        if not event.name.startswith(prefix):
            return None
        refusal = await _refusal(state, event.name)
        if refusal is None:
            return None
        from reflex.state import StateUpdate
        from reflex_base.event import Event

        # A refusal returned here skips the normal delta: send what the check changed itself
        # (a session found ended flips `is_coach`/`ended`, so the tab shows it), as Reflex's
        # own HydrateMiddleware does.
        delta = await state._get_resolved_delta()
        state._clean()
        return StateUpdate(delta=delta, events=Event.from_event_type(refusal))
