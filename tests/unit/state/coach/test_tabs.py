"""The dashboard's tab registry: one place, the PRD's order, only registered keys open."""

from __future__ import annotations

import pytest

import afroboost.afroboost  # noqa: F401  (imports every tab module, which registers itself)
from afroboost.components.coach.tabs import coach_tabs
from afroboost.state.auth import CoachState
from afroboost.state.coach.dashboard import DashboardState
from afroboost.state.coach.tabs import is_tab, register_tab

PRD_BAR = [("apercu", "Aperçu"), ("reservations", "Réservations"), ("concept", "Concept"), ("cours", "Cours"),
           ("offres", "Offres"), ("paiements", "Paiements"), ("codes", "Codes"), ("campagnes", "📢 Campagnes"),
           ("articles", "📰 Articles"), ("medias", "🎬 Médias"), ("conversations", "💬 Conversations")]


def test_the_bar_keeps_the_prd_order_and_labels():
    assert [(t.key, t.label) for t in coach_tabs()] == PRD_BAR


def test_every_tab_has_a_real_coach_state():
    for t in coach_tabs():
        assert t.state is not None and issubclass(t.state, CoachState) and not t.state._mixin, t.key


def test_only_registered_keys_are_tabs():
    assert all(is_tab(k) for k, _ in PRD_BAR)
    for crafted in ("nope", "", None, 3, {"k": 1}, ["codes"], "codes "):
        assert not is_tab(crafted)


def test_a_second_tab_with_a_taken_key_or_place_is_refused():
    with pytest.raises(ValueError):
        register_tab("codes", "Autre", 999)(lambda: None)
    with pytest.raises(ValueError):
        register_tab("autre", "Autre", 70)(lambda: None)
    assert [t.key for t in coach_tabs()] == [k for k, _ in PRD_BAR]


async def test_open_tab_ignores_unknown_keys(db):
    from tests.factories import coach_cookie
    from tests.unit.state.coach.test_security import _substate, _tree

    dash = _substate(_tree(coach_cookie()), DashboardState)
    fn = DashboardState.event_handlers["open_tab"].fn
    for crafted in ("nope", {"k": 1}, ["codes"], None):
        await fn(dash, crafted)
        assert dash.tab == "apercu"
    await fn(dash, "medias")
    assert dash.tab == "medias"
