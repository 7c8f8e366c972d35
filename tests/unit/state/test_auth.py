"""An open coach tab re-checks its server-side session: ended elsewhere, it stops working."""

from __future__ import annotations

import ast
import pathlib

import pytest

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost.db import in_write
from afroboost.services.auth import do_end_coach_session
from afroboost.state.auth import AuthState
from afroboost.state.coach.dashboard import DashboardState
from tests import ai_world
from tests.conftest import ROOT
from tests.factories import coach_cookie
from tests.unit.state.coach.test_security import _is_refusal, _substate, _tree

ai_env = ai_world.ai_env


@pytest.fixture
def queries(monkeypatch) -> list[str]:
    """The session checks AuthState makes (each one a database query)."""
    import afroboost.state.auth as state_auth

    seen: list[str] = []
    real = state_auth.run_read

    async def counting(fn, **kw):
        seen.append(fn.__name__)
        return await real(fn, **kw)

    monkeypatch.setattr(state_auth, "run_read", counting)
    return seen


def _value(cookie: str) -> str:
    return cookie.split("=", 1)[1]


async def test_a_tab_already_open_stops_at_its_next_action_once_the_session_is_ended(db, ai_env):
    ai_env(COACH_SESSION_RECHECK_S=0)
    laptop, phone = coach_cookie(), coach_cookie()
    tab = _tree(laptop)  # the laptop's tab: connected with its cookie, identity cached
    dash, auth = _substate(tab, DashboardState), await tab.get_state(AuthState)
    await DashboardState.event_handlers["open_tab"].fn(dash, "codes")
    assert dash.tab == "codes" and auth.is_coach and not auth.ended

    # « Se déconnecter partout » from the phone
    assert in_write(do_end_coach_session, value=_value(phone), everywhere=True) == 2
    result = await DashboardState.event_handlers["open_tab"].fn(dash, "offres")
    assert _is_refusal(result) and dash.tab == "codes"
    assert not auth.is_coach and auth.ended and auth._email == ""


async def test_the_check_is_reused_within_the_interval_and_redone_after_it(db, ai_env, queries):
    ai_env(COACH_SESSION_RECHECK_S=30)
    cookie = coach_cookie()
    auth = await _tree(cookie).get_state(AuthState)
    for _ in range(5):
        assert await auth.ensure()
    assert queries == ["access_coach_session"]  # one query for five events inside the interval
    in_write(do_end_coach_session, value=_value(cookie))
    auth._checked_at -= 31  # the interval has passed
    assert not await auth.ensure() and auth.ended
    assert len(queries) == 2


async def test_a_made_up_cookie_costs_one_query_per_interval_not_one_per_event(db, ai_env, queries):
    ai_env(COACH_SESSION_RECHECK_S=30)
    auth = await _tree("afro_sid=" + "B" * 43).get_state(AuthState)
    for _ in range(5):
        assert not await auth.ensure()
    assert len(queries) == 1 and not auth.ended
    auth_anon = await _tree("").get_state(AuthState)
    assert not await auth_anon.ensure() and len(queries) == 1  # no cookie: no query at all


async def test_a_new_cookie_on_the_same_tab_is_checked_at_once(db, ai_env):
    """A tab keeps its state across a reload; after a new login its socket carries a new cookie."""
    ai_env(COACH_SESSION_RECHECK_S=30)
    old, new = coach_cookie(), coach_cookie()
    tab = _tree(old)
    auth = await tab.get_state(AuthState)
    assert await auth.ensure()
    in_write(do_end_coach_session, value=_value(old))
    auth.router = _tree(new).router  # what the reconnect after signing in again brings
    assert await auth.ensure() and not auth.ended


def test_every_call_of_ensure_is_awaited():
    """`ensure()` is a coroutine: `if auth.ensure():` would always be true. Never let one slip in."""
    bad = []
    for path in (ROOT / "afroboost").rglob("*.py"):
        tree = ast.parse(path.read_text())
        awaited = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Await)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "ensure" \
                    and id(node) not in awaited:
                bad.append(f"{pathlib.Path(path).relative_to(ROOT)}:{node.lineno}")
    assert bad == []


async def test_the_middleware_refusal_tells_the_tab_its_session_ended(db, ai_env):
    """The middleware's refusal skips Reflex's own delta: it must carry `ended` / `is_coach` itself."""
    from reflex_base.event import Event

    from afroboost.state.auth import CoachGuard

    ai_env(COACH_SESSION_RECHECK_S=0)
    cookie = coach_cookie()
    tab = _tree(cookie)
    assert await (await tab.get_state(AuthState)).ensure()
    tab._clean()
    in_write(do_end_coach_session, value=_value(cookie), everywhere=True)
    update = await CoachGuard().preprocess(None, tab, Event(name=f"{DashboardState.get_full_name()}.open_tab"))
    sent = update.delta[AuthState.get_full_name()]
    assert sent["ended_rx_state_"] is True and sent["is_coach_rx_state_"] is False


async def test_a_signed_out_tab_is_told_once_not_once_per_tab_load(db, ai_env):
    """Signed out (the cookie is gone): the first refused event says so, the next ones stay quiet
    (a dashboard reload fires one load per tab), and the tab knows its session ended."""
    ai_env(COACH_SESSION_RECHECK_S=0)
    tab = _tree(coach_cookie())
    dash, auth = _substate(tab, DashboardState), await tab.get_state(AuthState)
    await DashboardState.event_handlers["open_tab"].fn(dash, "codes")
    assert auth.is_coach
    tab.router_data = {"headers": {"cookie": ""}, "pathname": "/coach/"}  # logout deleted the cookie
    tab.router = type(tab.router).from_router_data(tab.router_data)
    first = await DashboardState.event_handlers["open_tab"].fn(dash, "offres")
    assert _is_refusal(first) and auth.ended and not auth.is_coach
    for tab_key in ("cours", "articles", "medias"):
        assert await DashboardState.event_handlers["open_tab"].fn(dash, tab_key) == []
    assert dash.tab == "codes"  # nothing ran
