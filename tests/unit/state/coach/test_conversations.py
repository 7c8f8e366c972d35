"""💬 Conversations states, as the coach: selecting opens the live thread, crafted ids change nothing."""

from __future__ import annotations

import base64

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from sqlmodel import select

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost.db import in_read, write_session
from afroboost.models import ChatLink, Contact, Conversation
from afroboost.services.chat.messages import do_ensure_assistant_conversation
from afroboost.state.chat import ChatRoom
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.crm import CrmState
from afroboost.state.coach.crud import as_id
from afroboost.state.coach.links import ChatLinksState
from tests.factories import coach_cookie


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


def _conversation() -> int:
    with write_session() as s:
        c = Contact(first_name="Awa", email="awa@example.ch")
        s.add(c)
        s.flush()
        return do_ensure_assistant_conversation(s, contact_id=c.id).id


@pytest.mark.parametrize("raw,expected", [(5, 5), ("7", 7), (" 8 ", 8), (0, 0), (-3, 0), ("abc", 0), (None, 0),
                                          (True, 0), ([1], 0), ({"id": 1}, 0), (2**70, 0), ("1 OR 1=1", 0)])
def test_ids_from_events_are_positive_ints_or_nothing(raw, expected):
    assert as_id(raw) == expected


async def test_selecting_a_row_links_the_live_thread_to_that_conversation(db):
    cid = _conversation()
    state = _state(ConversationsState)
    await _call(state, "load")
    assert [r.id for r in state.rows] == [cid]
    events = await _call(state, "select", cid)
    assert state.selected == cid
    opened = [e for e in events if getattr(e, "handler", None) is not None
              and e.handler.fn.__qualname__ == ChatRoom.open_as_coach.fn.__qualname__]
    assert len(opened) == 1 and str(cid) in str(opened[0].args)
    for crafted in (cid + 1, "x", None, -cid):  # not in the list: nothing happens
        assert await _call(state, "select", crafted) is None
    assert state.selected == cid


async def test_crafted_delete_arguments_delete_nothing(db):
    cid = _conversation()
    with write_session() as s:
        s.add(ChatLink(token="t" * 22, title="Lien"))
    convs, links = _state(ConversationsState), _state(ChatLinksState)
    await _call(convs, "load")
    await _call(links, "load")
    for crafted in ("abc", None, 0, [cid], "1; DROP TABLE conversation"):
        await _call(convs, "delete", crafted)
        await _call(links, "delete", crafted)
    assert in_read(lambda s: s.get(Conversation, cid)).deleted_at is None
    assert in_read(lambda s: s.exec(select(ChatLink)).one()).deleted_at is None
    await _call(convs, "ask_delete", cid)
    assert convs.confirm_delete == cid
    await _call(convs, "delete", cid)
    assert in_read(lambda s: s.get(Conversation, cid)).deleted_at is not None and convs.rows == []


async def test_csv_export_is_a_download_of_every_match(db):
    with write_session() as s:
        for n in range(130):  # more than the list shows
            s.add(Contact(first_name=f"Léa{n}", email=f"lea{n}@example.ch"))
    crm = _state(CrmState)
    await _call(crm, "load")
    assert (len(crm.rows), crm.total) == (100, 130) and crm.shown_label.startswith("100 affiché(s) sur 130")
    spec = await _call(crm, "export_csv")
    args = {str(name): value._var_value for name, value in spec.args}
    assert args["filename"] == "contacts-afroboost.csv"
    text = base64.b64decode(args["url"].removeprefix("data:text/csv;base64,")).decode("utf-8")
    assert text.startswith("\ufeffPrénom;Nom;Email;Téléphone;Créé le;Nb réservations;Nb messages")
    assert len(text.strip().splitlines()) == 131
