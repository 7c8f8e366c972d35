"""The CRUD kit's one rule for picking a row, on every tab that uses it.

A row id from the browser must be the id of a row shown; anything else — a crafted
websocket frame or a stale tab — gets the French refusal and changes nothing.
"""

from __future__ import annotations

import json

import pytest
import reflex as rx
from reflex.istate.data import RouterData

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost import texts
from afroboost.services.booking.sessions import SessionRow
from afroboost.services.catalog.codes import OfferChoice, PromoRow
from afroboost.services.catalog.courses import CourseRow
from afroboost.services.catalog.offers import OfferRow
from afroboost.services.chat.conversations import ConversationRow
from afroboost.services.chat.groups import GroupRow, MemberRow
from afroboost.services.chat.links import LinkRow
from afroboost.services.content.articles import ArticleRow
from afroboost.services.content.media import MediaRow
from afroboost.services.crm import ContactRow
from afroboost.state.coach.articles import ArticlesState
from afroboost.state.coach.codes import CodesState
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.courses import CoursesState
from afroboost.state.coach.crm import CrmState
from afroboost.state.coach.crud import CrudTab, RowsTab, as_id
from afroboost.state.coach.groups import GroupsState
from afroboost.state.coach.links import ChatLinksState
from afroboost.state.coach.media import MediasState
from afroboost.state.coach.offers import OffersState
from tests.factories import coach_cookie

SHOWN = 5
CRAFTED = ["abc", None, 10**30, {"id": SHOWN}, SHOWN + 1, [SHOWN], True, -SHOWN, "5 OR 1=1", 0, 2.5e40]

# tab state -> (its row type, every handler taking a row id of `rows`)
TABS = {
    CodesState: (PromoRow, ("ask_delete", "delete", "edit")),
    OffersState: (OfferRow, ("ask_delete", "delete", "edit", "restore")),
    CoursesState: (CourseRow, ("ask_delete", "delete", "edit", "open_sessions")),
    ArticlesState: (ArticleRow, ("ask_delete", "delete", "edit")),
    MediasState: (MediaRow, ("ask_delete", "delete", "edit")),
    GroupsState: (GroupRow, ("ask_delete", "delete", "start_rename", "toggle_members")),
    ChatLinksState: (LinkRow, ("ask_delete", "delete")),
    CrmState: (ContactRow, ("ask_delete", "delete")),
    ConversationsState: (ConversationRow, ("ask_delete", "delete")),
}


def _state(cls: type[rx.State]) -> rx.State:
    root = rx.State()
    root.router_data = {"headers": {"cookie": coach_cookie()}, "pathname": "/coach/"}
    root.router = RouterData.from_router_data(root.router_data)
    for sub in root.substates.values():
        sub.router = root.router
    return root.get_substate(cls.get_full_name().split(".")[1:])


async def _call(state: rx.State, name: str, *args):
    result = type(state).event_handlers[name].fn(state, *args)
    return await result if hasattr(result, "__await__") else result


_REFUSAL = json.dumps(texts.CRUD_UNKNOWN_ROW)[1:-1].replace("\\", "\\\\")  # as repr() shows it in the toast JS


def _refused(result) -> bool:
    return type(result) is type(rx.toast.error("x")) and _REFUSAL in repr(result).replace("\\'", "'")


def test_every_kit_tab_is_covered_here():
    kit = {cls for cls in TABS if issubclass(cls, RowsTab)}
    assert kit == set(TABS)
    assert {cls for cls in TABS if issubclass(cls, CrudTab)} == {CodesState, OffersState, CoursesState,
                                                                 ArticlesState, MediasState}


@pytest.mark.parametrize("cls", list(TABS), ids=lambda c: c.__name__)
async def test_a_row_id_not_shown_is_refused_and_changes_nothing(db, cls):
    row_type, handlers = TABS[cls]
    state = _state(cls)
    state.rows = [row_type(id=SHOWN, archived=True) if row_type is OfferRow else row_type(id=SHOWN)]
    state._clean()
    for name in handlers:
        for crafted in CRAFTED:
            result = await _call(state, name, crafted)
            assert _refused(result), f"{cls.__name__}.{name}({crafted!r}) -> {result!r}"
            assert state.dirty_vars == set(), f"{cls.__name__}.{name}({crafted!r}) changed {state.dirty_vars}"


@pytest.mark.parametrize("cls", list(TABS), ids=lambda c: c.__name__)
async def test_a_row_shown_can_be_asked_about(db, cls):
    row_type, _ = TABS[cls]
    state = _state(cls)
    state.rows = [row_type(id=SHOWN, deletable=True) if row_type is ConversationRow else row_type(id=SHOWN)]
    assert await _call(state, "ask_delete", str(SHOWN)) is None
    assert state.confirm_delete == SHOWN
    await _call(state, "keep")
    assert state.confirm_delete == 0


async def test_rows_the_tab_may_not_delete_are_refused_too(db):
    groups = _state(GroupsState)
    groups.rows = [GroupRow(id=SHOWN, is_default=True)]
    assert _refused(await _call(groups, "ask_delete", SHOWN)) and groups.confirm_delete == 0
    convs = _state(ConversationsState)
    convs.rows = [ConversationRow(id=SHOWN, deletable=False)]
    assert _refused(await _call(convs, "delete", SHOWN))
    offers = _state(OffersState)
    offers.rows = [OfferRow(id=SHOWN, archived=False)]
    assert _refused(await _call(offers, "restore", SHOWN))


async def test_picks_inside_a_tab_follow_the_same_rule(db):
    codes = _state(CodesState)
    codes.offers = [OfferChoice(id=SHOWN, name="Cours")]
    courses = _state(CoursesState)
    courses.sessions = [SessionRow(id=SHOWN)]
    groups = _state(GroupsState)
    groups.rows, groups.open_group = [GroupRow(id=1)], 1
    groups.members, groups.candidates = [MemberRow(id=SHOWN)], [MemberRow(id=SHOWN + 1)]
    calls = [(codes, "toggle_offer", (True,)), (courses, "save_session", ()), (courses, "ask_cancel", ()),
             (courses, "cancel_session", ()), (groups, "add_member", ()), (groups, "remove_member", ())]
    for state in (codes, courses, groups):
        state._clean()
    for state, name, rest in calls:
        for crafted in [c for c in CRAFTED if c != SHOWN + 1]:
            assert _refused(await _call(state, name, crafted, *rest)), f"{name}({crafted!r})"
            assert state.dirty_vars == set(), f"{name}({crafted!r}) changed {state.dirty_vars}"
    assert _refused(await _call(groups, "add_member", SHOWN))  # a member already, not a candidate
    assert _refused(await _call(groups, "remove_member", SHOWN + 1))  # a candidate, not a member


def test_crafted_ids_never_raise():
    assert [as_id(c) for c in CRAFTED] == [0, 0, 0, 0, SHOWN + 1, 0, 0, 0, 0, 0, 0]


def test_the_refusal_check_tells_toasts_apart():
    assert _refused(rx.toast.error(texts.CRUD_UNKNOWN_ROW))
    assert not _refused(rx.toast.error(texts.COACH_DENIED)) and not _refused(None)
