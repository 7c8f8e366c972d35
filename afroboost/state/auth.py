"""Who is the coach: identity kept in backend-only vars, proven by the HttpOnly cookie.

`router.headers.cookie` is the Cookie header of the websocket handshake (HttpOnly
cookies included; Reflex never sends it back to the browser). Nothing the browser can
set — client storage, event arguments, router data — can make someone coach.
"""

from __future__ import annotations

import functools
import inspect
import logging
from http.cookies import SimpleCookie

import reflex as rx

from afroboost import texts
from afroboost.services.auth import SESSION_COOKIE, coach_from_cookie, is_coach_email

log = logging.getLogger("afroboost.security")


class AuthState(rx.State):
    _email: str = ""

    @rx.var
    def is_coach(self) -> bool:
        return is_coach_email(self._email)

    @rx.var
    def coach_email(self) -> str:
        return self._email if is_coach_email(self._email) else ""

    def _from_cookie(self) -> str:
        jar = SimpleCookie()
        try:
            jar.load(self.router.headers.cookie or "")
        except Exception:  # a malformed Cookie header proves nothing
            return ""
        morsel = jar.get(SESSION_COOKIE)
        return coach_from_cookie(morsel.value if morsel else None) or ""

    def ensure(self) -> bool:
        """True when this client is a coach (re-read from the cookie when unknown)."""
        if not is_coach_email(self._email):
            self._email = self._from_cookie()
        return is_coach_email(self._email)

    @rx.event
    def restore(self):
        """on_load of coach pages: identity from the cookie, else off to the login page."""
        if not self.ensure():
            return rx.redirect("/coach/login")

    @rx.event
    def logout(self):
        self._email = ""
        # An HttpOnly cookie can only be removed by an HTTP response: full navigation.
        return rx.call_script("window.location.assign('/api/auth/logout')")


async def _allowed(state: rx.State, what: str) -> bool:
    auth = await state.get_state(AuthState)
    if auth.ensure():
        return True
    log.warning("[SECURITY] Tentative non autorisée par: %s (%s)", auth._email or "anonyme", what)
    return False


def denied():
    """What a refused coach event sends back: a toast, nothing else."""
    return rx.toast.error(texts.COACH_DENIED)


def coach_only(fn):
    """Run the handler only for a coach; anyone else gets a refusal and nothing changes."""
    if inspect.isasyncgenfunction(fn) or inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        async def gen_wrapper(self, *args, **kwargs):
            if not await _allowed(self, fn.__qualname__):
                yield denied()
                return
            if inspect.isasyncgenfunction(fn):
                async for update in fn(self, *args, **kwargs):
                    yield update
            else:
                for update in fn(self, *args, **kwargs):
                    yield update
        return gen_wrapper

    @functools.wraps(fn)
    async def wrapper(self, *args, **kwargs):
        if not await _allowed(self, fn.__qualname__):
            return denied()
        result = fn(self, *args, **kwargs)
        return await result if inspect.isawaitable(result) else result
    return wrapper


class CoachState(rx.State):
    """Base of every coach-only state: each public handler of a subclass is guarded.

    The guard is applied here, when the subclass is created, so a handler cannot be
    forgotten. (No background events in coach states: their `self` cannot read AuthState.)
    """

    def __init_subclass__(cls, **kwargs):
        for name, value in list(cls.__dict__.items()):
            if rx.State._item_is_event_handler(name, value):
                setattr(cls, name, coach_only(value))
        super().__init_subclass__(**kwargs)


class CoachGuard(rx.Middleware):
    """Defense in depth: any event aimed at a coach state is dropped for non-coaches."""

    async def preprocess(self, app, state, event):
        prefix = CoachState.get_full_name() + "."
        if not event.name.startswith(prefix):
            return None
        if await _allowed(state, event.name):
            return None
        from reflex.state import StateUpdate
        from reflex_base.event import Event

        return StateUpdate(events=Event.from_event_type(denied()))
