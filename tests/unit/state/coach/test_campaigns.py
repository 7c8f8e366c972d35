"""📢 Campagnes states, as the coach: basket dedupe, recap text, saves, and crafted arguments.

Handlers run through their real coach guard on a state tree whose websocket cookie is the
coach's session; the services underneath run on the migrated test database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import reflex as rx
import sqlalchemy as sa
from reflex.istate.data import RouterData
from sqlmodel import select

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost import texts
from afroboost.db import get_engine, in_read, utc_now, write_session
from afroboost.models import Campaign, CampaignSlot, Consent, Delivery, MediaPage
from afroboost.services.catalog.listing import local_tz
from afroboost.state.coach.campaigns import CampaignFormState
from afroboost.state.coach.campaigns_basket import CampaignBasketState
from afroboost.state.coach.campaigns_edit import CampaignEditState
from afroboost.state.coach.campaigns_history import CampaignHistoryState
from afroboost.state.coach.campaigns_kit import BasketItem, add_unique, create_label, parse_slot, recap_text
from afroboost.state.coach.campaigns_when import CampaignWhenState
from afroboost.state.coach.dashboard import DashboardState
from tests.campaign_world import make_group, make_people
from tests.factories import coach_cookie
from tests.unit.state.coach.test_security import _substate as _sub
from tests.unit.state.coach.test_security import _tree

CRAFTED = ("abc", None, 0, -1, [1], {"id": 1}, 2**70, "1 OR 1=1", True)


def _router(cookie: str, path: str) -> RouterData:
    return RouterData.from_router_data({"headers": {"cookie": cookie}, "pathname": path, "asPath": path})


def _root(cookie: str | None = None) -> rx.State:
    cookie = coach_cookie() if cookie is None else cookie
    root = _tree(cookie)
    root.router = _router(cookie, "/coach/")  # with asPath, as a browser sends it: router.url.path is set
    for sub in root.substates.values():
        sub.router = root.router
    return root


async def _call(state: rx.State, name: str, *args):
    result = type(state).event_handlers[name].fn(state, *args)
    return await result if hasattr(result, "__await__") else result


def _toasts(events) -> str:
    return " ".join(str(e) for e in (events if isinstance(events, list) else [events]))


class World:
    """A coach's composer: « Les Lionnes » (Awa1, Awa2) and Awa2 picked again directly."""

    def __init__(self):
        self.people = make_people(3)
        self.lionnes = make_group("Les Lionnes", self.people[:2])
        self.root = _root()
        self.basket = _sub(self.root, CampaignBasketState)
        self.form = _sub(self.root, CampaignFormState)
        self.when = _sub(self.root, CampaignWhenState)
        self.history = _sub(self.root, CampaignHistoryState)

    async def fill(self, body: str = "Salut {prénom} !"):
        await _call(self.basket, "load")
        await _call(self.form, "load")
        await _call(self.basket, "set_query", "LION")
        assert [o.label for o in self.basket.options] == ["Les Lionnes"]
        await _call(self.basket, "pick", f"group-{self.lionnes}")
        await _call(self.basket, "set_query", "awa2")
        await _call(self.basket, "pick", f"user-{self.people[1]}")
        await _call(self.form, "recap")
        await _call(self.form, "set_name", "Stage samedi")
        await _call(self.form, "set_body", body)


def _jobs() -> set[str]:
    with get_engine().connect() as conn:
        if not sa.inspect(conn).has_table("apscheduler_jobs"):
            return set()
        return {r[0] for r in conn.execute(sa.text("SELECT id FROM apscheduler_jobs"))}


@pytest.fixture(autouse=True)
def _no_jobs_left(request):
    """The slot jobs these tests give the scheduler live in its own table, which `db` does not wipe:
    left there, « slot-1 » would fire inside the scheduler's tests (ids start again)."""
    yield
    if "db" not in request.fixturenames:  # the database may not even be migrated yet
        return
    with get_engine().begin() as conn:
        if sa.inspect(conn).has_table("apscheduler_jobs"):
            conn.execute(sa.text("DELETE FROM apscheduler_jobs"))


# --- pure helpers ---------------------------------------------------------------------------

def test_add_unique_never_adds_a_key_twice():
    a, b = BasketItem(key="group-1", kind="group", id=1), BasketItem(key="user-2", kind="user", id=2)
    basket, added = add_unique([a], [a, b, b])
    assert [x.key for x in basket] == ["group-1", "user-2"] and added == 1
    assert add_unique(basket, [a, b]) == (basket, 0)


def test_recap_and_button_labels():
    assert recap_text(3, 1, 2) == "✅ Prêt à envoyer à 3 destinataire(s) (1 👥, 2 👤)"
    assert recap_text(0, 0, 0) == texts.CAMP_NO_TARGET
    assert recap_text(0, 1, 0) == "⚠️ " + texts.err("campaign_nobody")  # an empty group, no group room
    assert recap_text(0, 1, 0, rooms=1).startswith("✅ Prêt à envoyer à 0 destinataire(s) (1 👥, 0 👤)")
    assert create_label("Salut", 1, 0, False) == "⚠️ Ajoutez des destinataires"
    assert create_label("  ", 2, 3, False) == "⚠️ Écrivez un message"
    assert create_label("Salut", 0, 0, False) == "⚠️ Ajoutez des destinataires"
    assert create_label("Salut", 2, 3, False) == "🚀 Créer (3 dest.)"
    assert create_label("Salut", 2, 3, True) == "💾 Enregistrer les modifications"


@pytest.mark.parametrize("typed,key", [
    ("", "campaign_slot_invalid"), ("2030-02-30T10:00", "campaign_slot_invalid"),
    ("demain 10h", "campaign_slot_invalid"),
    ("2020-01-01T10:00", "campaign_slot_past"), ("2030-03-31T02:30", "campaign_slot_gap"),  # spring forward
])
def test_bad_dates_are_refused_with_their_reason(typed, key):
    with pytest.raises(Exception) as e:
        parse_slot(typed, datetime(2026, 1, 1, tzinfo=UTC))
    assert getattr(e.value, "key", "") == key


def test_a_zurich_time_is_stored_in_utc():
    assert parse_slot("2030-07-01T18:30", utc_now()) == datetime(2030, 7, 1, 16, 30, tzinfo=UTC)  # CEST
    assert parse_slot("2030-12-01T18:30", utc_now()) == datetime(2030, 12, 1, 17, 30, tzinfo=UTC)  # CET


# --- the composer -----------------------------------------------------------------------------

async def test_basket_dedupes_and_the_recap_counts_each_person_once(db):
    w = World()
    await w.fill()
    assert [b.key for b in w.basket.basket] == [f"group-{w.lionnes}", f"user-{w.people[1]}"]
    again = await _call(w.basket, "pick", f"user-{w.people[1]}")  # already in: said, not added
    assert "déjà dans le panier" in _toasts(again) and len(w.basket.basket) == 2
    everyone = await _call(w.basket, "add_all")  # the search « awa2 » matches only Awa2: all in already
    assert texts.CAMP_ALL_IN in _toasts(everyone) and len(w.basket.basket) == 2
    await _call(w.basket, "set_query", "")
    await _call(w.basket, "add_all")  # every group and contact, the two already in skipped
    keys = [b.key for b in w.basket.basket]
    assert len(keys) == len(set(keys)) == len(w.basket._matches)
    await _call(w.basket, "clear")
    await _call(w.basket, "set_query", "lion")
    await _call(w.basket, "pick", f"group-{w.lionnes}")
    await _call(w.basket, "set_query", "Awa2")
    await _call(w.basket, "pick", f"user-{w.people[1]}")
    await _call(w.form, "recap")
    # Awa2 is in the group and picked directly: one person; Awa1 through the group.
    assert w.form.recap_label == "✅ Prêt à envoyer à 2 destinataire(s) (1 👥, 1 👤)"
    assert w.form.create_text == "🚀 Créer (2 dest.)" and w.form.can_create
    assert w.form.preview_person == "Salut Awa2 !" and w.form.preview_group == "Salut Communauté !"
    with write_session() as s:
        s.add(Consent(contact_id=w.people[0], channel="email", opted_out=True, source="test"))
    await _call(w.form, "set_channel", "email", True)
    assert w.form.excluded_label == "1 exclus (opt-out)"


async def test_crafted_basket_and_form_arguments_change_nothing(db):
    w = World()
    await w.fill()
    before = [b.key for b in w.basket.basket]
    for crafted in (*CRAFTED, "group-999999", f"user-{w.people[2]}", "user-1 ", "<script>"):
        await _call(w.basket, "pick", crafted)  # only lines the server listed can enter
        await _call(w.basket, "remove", crafted)
    assert [b.key for b in w.basket.basket] == before
    for crafted in ("instagram", "ch_internal", None, ["email"]):
        await _call(w.form, "set_channel", crafted, True)
    await _call(w.form, "set_channel", "email", "yes")  # only a real True switches a channel on
    assert (w.form.ch_internal, w.form.ch_whatsapp, w.form.ch_email, w.form.ch_group) == (True, False, False, False)
    await _call(w.form, "set_media_slug", "../../etc/passwd")
    assert w.form.media_slug == ""
    await _call(w.form, "set_name", "x" * 100_000)
    assert len(w.form.name) < 500
    for crafted in CRAFTED:
        await _call(w.when, "remove_slot", crafted)
        await _call(_sub(w.root, CampaignEditState), "edit", crafted)
    assert w.form.editing == 0


async def test_a_non_coach_changes_nothing(db):
    w = World()
    root = _root(cookie="")
    basket = _sub(root, CampaignBasketState)
    await _call(basket, "load")
    assert basket.options == []
    history = _sub(root, CampaignHistoryState)
    await _call(history, "load")
    assert history.rows == [] and w.lionnes


async def test_refused_fields_get_their_message_and_what_was_typed_stays(db):
    w = World()
    await w.fill(body="Salut {prénom} !")
    await _call(w.form, "set_name", "   ")
    await _call(w.form, "set_media_link", "javascript:alert(1)")
    await _call(w.form, "set_content_sid", "HXnope")
    events = await _call(w.form, "save")
    assert texts.CAMP_FIX in _toasts(events)
    assert w.form.err["name"] == texts.err("campaign_name_required")
    assert w.form.err["media"] == texts.err("campaign_media_invalid")
    assert w.form.err["wa_content_sid"] == texts.err("campaign_content_sid_invalid")
    assert w.form.adv == "advanced"  # the ContentSid sits in the accordion: it opens
    assert w.form.body == "Salut {prénom} !" and len(w.basket.basket) == 2
    assert in_read(lambda s: s.exec(select(Campaign)).all()) == []
    await _call(w.when, "set_later", "later")
    await _call(w.when, "set_slot_input", "2020-01-01T10:00")
    await _call(w.when, "add_slot")
    assert w.when.err_slot == texts.err("campaign_slot_past") and w.when.slot_input == "2020-01-01T10:00"


async def test_create_now_writes_rows_and_gives_the_slot_to_the_scheduler(db):
    w = World()
    await w.fill()
    events = await _call(w.form, "save")
    assert "lancée" in _toasts(events)
    camp = in_read(lambda s: s.exec(select(Campaign)).one())
    rows = in_read(lambda s: s.exec(select(Delivery).where(Delivery.campaign_id == camp.id)).all())
    assert sorted(r.contact_id for r in rows) == sorted(w.people[:2]) and {r.channel for r in rows} == {"internal"}
    slot = in_read(lambda s: s.exec(select(CampaignSlot)).one())
    assert f"slot-{slot.id}" in _jobs()
    assert (w.form.name, w.form.body, w.basket.basket) == ("", "", [])  # ready for the next one
    await _call(w.history, "load")
    assert [r.name for r in w.history.rows] == ["Stage samedi"]


async def test_schedule_edit_relaunch_and_delete(db):
    w = World()
    await w.fill()
    await _call(w.when, "set_later", "later")
    local = (utc_now() + timedelta(days=2)).astimezone(local_tz()).strftime("%Y-%m-%dT%H:%M")
    await _call(w.when, "set_slot_input", local)
    await _call(w.when, "add_slot")
    assert len(w.when.slots) == 1 and w.when.err_slot == ""
    await _call(w.form, "save")
    await _call(w.history, "load")
    row = w.history.rows[0]
    assert (row.status, row.is_auto, row.can_launch, row.can_edit) == ("scheduled", True, False, True)
    edit = _sub(w.root, CampaignEditState)
    await _call(edit, "edit", row.id)  # the basket and the date come back
    assert w.form.editing == row.id and w.form.name == "Stage samedi"
    assert [b.key for b in w.basket.basket] == [f"group-{w.lionnes}", f"user-{w.people[1]}"]
    assert w.when.later and len(w.when.slots) == 1
    await _call(edit, "cancel")
    assert w.form.editing == 0 and w.basket.basket == []
    for crafted in CRAFTED:  # nothing happens to rows the list does not show
        await _call(w.history, "launch", crafted)
        await _call(w.history, "relaunch", crafted)
        await _call(w.history, "delete", crafted)
    await _call(w.history, "relaunch", row.id)  # scheduled: no « 🔄 Relancer » for it
    assert in_read(lambda s: s.get(Campaign, row.id)).deleted_at is None
    await _call(w.history, "delete", row.id)  # not confirmed: kept
    assert in_read(lambda s: s.get(Campaign, row.id)).deleted_at is None
    await _call(w.history, "ask_delete", row.id)
    await _call(w.history, "delete", row.id)
    assert in_read(lambda s: s.get(Campaign, row.id)).deleted_at is not None and w.history.rows == []


async def test_the_refresh_loop_stops_when_stale_or_off_the_tab(db):
    w = World()
    first = await _call(w.history, "load")
    assert "setTimeout" in str(first)
    await _call(w.history, "load")  # mounted again: the first loop is stale
    assert await _call(w.history, "tick", 1) is None
    _sub(w.root, DashboardState).tab = "campagnes"
    assert "setTimeout" in str(await _call(w.history, "tick", w.history._gen))
    _sub(w.root, DashboardState).tab = "codes"
    assert await _call(w.history, "tick", w.history._gen) is None
    _sub(w.root, DashboardState).tab = "campagnes"
    w.history.router = _router(coach_cookie(), "/reserver/")
    assert await _call(w.history, "tick", w.history._gen) is None  # left the dashboard for a public page


async def test_media_page_choice_is_saved_as_its_path(db):
    with write_session() as s:
        s.add(MediaPage(slug="stage-ete", title="Stage d'été", video_url="https://youtu.be/dQw4w9WgXcQ"))
    w = World()
    await w.fill()
    await _call(w.form, "set_media_slug", "stage-ete")
    await _call(w.form, "save_draft")
    camp = in_read(lambda s: s.exec(select(Campaign)).one())
    assert (camp.status, camp.media_url) == ("draft", "/v/stage-ete")


async def test_a_draft_is_launched_from_the_history_once(db):
    w = World()
    await w.fill()
    await _call(w.form, "save_draft")
    await _call(w.history, "load")
    row = w.history.rows[0]
    assert (row.status, row.can_launch, row.is_auto, row.total) == ("draft", True, False, 0)
    events = await _call(w.history, "launch", row.id)
    assert "lancée" in _toasts(events) and "setTimeout" in _toasts(events)
    rows = in_read(lambda s: s.exec(select(Delivery)).all())
    assert sorted(r.contact_id for r in rows) == sorted(w.people[:2])
    slot = in_read(lambda s: s.exec(select(CampaignSlot)).one())
    assert f"slot-{slot.id}" in _jobs()
    assert not w.history.rows[0].can_launch
    await _call(w.history, "launch", row.id)  # a second click: no second set of rows
    assert len(in_read(lambda s: s.exec(select(Delivery)).all())) == 2


def test_history_rows_show_progress_while_sending():
    from afroboost.services.campaigns.views import CampaignRow
    from afroboost.state.coach.campaigns_kit import history_row

    sending = history_row(CampaignRow(id=1, name="A", status="sending", queued=3, sent=1, failed=1, total=5,
                                      percent=40, channels=["internal", "email"]))
    assert sending.in_progress and sending.status_label == "Envoi en cours" and sending.has_retry
    assert sending.counts_label == "3 en attente • 1 envoyé(s) • 0 reçu(s) • 1 échec(s)"
    assert sending.channels_label == "Chat · Email"
    done = history_row(CampaignRow(id=2, name="B", status="completed", sent=4, total=4, percent=100,
                                   can_relaunch=True))
    assert not done.in_progress and done.can_relaunch and not done.has_retry
