"""Every coach handler refuses anyone who is not the coach, and changes nothing.

The handlers are enumerated from the state classes themselves (every subclass of
CoachState, every registered event handler), so a new tab is covered automatically.
"""

from __future__ import annotations

import inspect
import json
import typing
from datetime import timedelta

import pytest
import reflex as rx
from itsdangerous import URLSafeTimedSerializer
from sqlmodel import select

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost import texts
from afroboost.db import in_read
from afroboost.models import Reservation
from afroboost.services.auth import SESSION_COOKIE
from afroboost.state.auth import AuthState, CoachGuard, CoachState, denied
from tests.factories import COACH_EMAIL, NOW, coach_cookie


class ProbeKit(rx.State, mixin=True):
    """A mixin that is not a CoachState: its handler must still be guarded where it is used."""

    poked: bool = False

    @rx.event
    def poke(self):
        self.poked = True


class ProbeKitState(ProbeKit, CoachState):
    pass


def coach_states() -> list[type[rx.State]]:
    found, todo = [], list(CoachState.get_substates())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.get_substates())
    return found


def all_handlers() -> list[tuple[type[rx.State], str]]:
    return [(cls, name) for cls in coach_states() for name in cls.event_handlers if name != "setvar"]


def _dummy(annotation) -> object:
    origin = typing.get_origin(annotation) or annotation
    return {int: 1, str: "x", bool: True, float: 1.0, dict: {}, list: []}.get(origin, "x")


def _args(fn) -> list:
    params = list(inspect.signature(fn).parameters.values())[1:]
    hints = typing.get_type_hints(inspect.unwrap(fn))
    return [_dummy(hints.get(p.name, str)) for p in params if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


_REFUSAL = json.dumps(texts.COACH_DENIED)[1:-1].replace("\\", "\\\\")  # as repr() shows it in the toast JS


def _is_refusal(result) -> bool:
    return type(result) is type(denied()) and _REFUSAL in repr(result)


def _tree(cookie: str):
    root = rx.State()
    root.router_data = {"headers": {"cookie": cookie}, "pathname": "/coach/"}
    from reflex.istate.data import RouterData

    root.router = RouterData.from_router_data(root.router_data)
    for sub in root.substates.values():
        sub.router = root.router
    return root


def _substate(root: rx.State, cls: type[rx.State]) -> rx.State:
    return root.get_substate(cls.get_full_name().split(".")[1:])


async def _call(state: rx.State, name: str):
    fn = type(state).event_handlers[name].fn
    result = fn(state, *_args(fn))
    if inspect.isasyncgen(result):
        return [x async for x in result]
    return await result if inspect.isawaitable(result) else result


def _old_stateless_cookie() -> str:
    """The cookie every coach had before server-side sessions: our key, the coach's email, 7 days."""
    from afroboost.settings import get_secret_key

    return SESSION_COOKIE + "=" + URLSafeTimedSerializer(get_secret_key()).dumps(
        {"email": COACH_EMAIL}, salt="afroboost.coach-session")


VISITORS = {
    "anonymous": lambda: "",
    "participant (a session row, not a coach email)": lambda: coach_cookie("awa@example.ch"),
    "forged cookie (coach email, wrong key)": lambda: SESSION_COOKIE + "=" + URLSafeTimedSerializer(
        "not-our-key").dumps({"email": COACH_EMAIL}, salt="afroboost.coach-session"),
    "old stateless coach cookie (our key)": _old_stateless_cookie,
    "made-up session id": lambda: f"{SESSION_COOKIE}={'A' * 43}",
    "revoked coach session": lambda: coach_cookie(revoked_at=NOW),
    "expired coach session": lambda: coach_cookie(expires_at=NOW - timedelta(seconds=1)),
}


def test_there_are_coach_handlers_to_check():
    names = {f"{cls.__name__}.{n}" for cls, n in all_handlers()}
    assert "DashboardState.open_tab" in names and "ReservationsState.check_in" in names
    assert len(names) >= 15


def test_handlers_from_mixins_are_enumerated_for_every_kit_tab():
    """The CRUD kit's handlers live on a mixin: each tab using it has them, and they are checked."""
    from afroboost.state.coach.crud import CrudTab, RowsTab

    names = {(cls, n) for cls, n in all_handlers()}
    kit_tabs = [cls for cls in coach_states() if issubclass(cls, RowsTab)]
    assert len(kit_tabs) >= 9
    for cls in kit_tabs:
        kit = ("load", "ask_delete", "keep", "delete") + (
            ("new", "edit", "set_field", "save", "close_form", "close_notice") if issubclass(cls, CrudTab) else ())
        assert {(cls, n) for n in kit} <= names, cls.__name__
    assert (ProbeKitState, "poke") in names


async def test_a_mixin_handler_refuses_a_non_coach_and_lets_the_coach_through(db):
    for cookie, allowed in (("", False), (coach_cookie("awa@example.ch"), False), (coach_cookie(), True)):
        root = _tree(cookie)
        state = _substate(root, ProbeKitState)
        result = await _call(state, "poke")
        assert state.poked is allowed
        assert _is_refusal(result) is not allowed


@pytest.mark.parametrize("who", list(VISITORS))
async def test_every_coach_handler_refuses_non_coaches_and_changes_nothing(db, who):
    before = in_read(lambda s: [(r.id, r.status) for r in s.exec(select(Reservation)).all()])
    for cls, name in all_handlers():
        root = _tree(VISITORS[who]())
        state = _substate(root, cls)
        result = await _call(state, name)
        flat = result if isinstance(result, list) else [result]
        assert len(flat) == 1 and _is_refusal(flat[0]), f"{cls.__name__}.{name} not refused"
        assert state.dirty_vars == set(), f"{cls.__name__}.{name} changed {state.dirty_vars}"
        assert (await root.get_state(AuthState))._email in ("", "awa@example.ch")
        assert not (await root.get_state(AuthState)).is_coach
    assert in_read(lambda s: [(r.id, r.status) for r in s.exec(select(Reservation)).all()]) == before


async def test_the_coach_gets_through(db):
    from afroboost.state.coach.dashboard import DashboardState

    root = _tree(coach_cookie())
    dash = _substate(root, DashboardState)
    await _call(dash, "open_tab")  # dummy arg "x" is not a tab: nothing to change, but allowed
    fn = DashboardState.event_handlers["open_tab"].fn
    await fn(dash, "codes")
    assert dash.tab == "codes"
    assert (await root.get_state(AuthState)).is_coach


@pytest.mark.parametrize("who", list(VISITORS))
async def test_middleware_drops_events_to_coach_states(db, who):
    from reflex_base.event import Event

    guard = CoachGuard()
    for cls, name in all_handlers() + [(cls, "setvar") for cls in coach_states()]:
        root = _tree(VISITORS[who]())
        update = await guard.preprocess(None, root, Event(name=f"{cls.get_full_name()}.{name}"))
        assert update is not None, f"{cls.__name__}.{name} passed the middleware"
    coach_root = _tree(coach_cookie())
    assert await CoachGuard().preprocess(None, coach_root, Event(name=all_handlers()[0][0].get_full_name()
                                                                   + "." + all_handlers()[0][1])) is None
