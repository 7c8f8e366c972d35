"""Demo data (idempotent) and the public catalog read models."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import func, select

from afroboost.db import in_read, in_write, write_session
from afroboost.models import ClassSession, Contact, Course, Offer, PromoCode, Reservation
from afroboost.seed import do_seed, is_empty
from afroboost.services.catalog.listing import home_catalog, spots_label, upcoming_by_course, visible_offers
from tests import frdate
from tests.factories import NOW, make_course, make_offer, make_session

MODELS = (Course, ClassSession, Offer, PromoCode, Reservation, Contact)


def counts() -> dict[str, int]:
    return in_read(lambda s: {m.__name__: s.exec(select(func.count()).select_from(m)).one() for m in MODELS})


def test_seed_twice_changes_nothing_the_second_time(db):
    assert in_read(is_empty) is True
    first = in_write(do_seed, now=NOW)
    assert first["Course"] == 4 and first["Offer"] == 6 and first["PromoCode"] == 5
    assert first["ClassSession"] == 16 and first["Reservation"] == 12
    assert first["SiteConcept"] == 1 and first["Article"] == 1
    after_first = counts()
    assert in_read(is_empty) is False
    second = in_write(do_seed, now=NOW)
    assert second == {k: 0 for k in first}
    assert counts() == after_first


def test_seed_shows_a_full_express_session(db):
    in_write(do_seed, now=NOW)
    courses = in_read(upcoming_by_course, now=NOW)
    express = next(c for c in courses if c.name == "Afroboost Express")
    assert express.sessions[0].full is True
    assert express.sessions[0].spots_label == "Complet"
    assert all(not s.full for s in express.sessions[1:])


def test_hidden_product_is_not_visible(db):
    in_write(do_seed, now=NOW)
    products = [o.name for o in in_read(visible_offers, products=True)]
    offers = [o.name for o in in_read(visible_offers, products=False)]
    assert "Gourde Afroboost" not in products + offers
    assert products == ["Café congolais", "T-shirt Afroboost"]
    assert offers == ["Cours à l'unité", "Carte 10 cours", "Abonnement"]
    single = in_read(visible_offers, products=False)[0]
    assert (single.price, single.kind_label) == ("CHF 25.-", "Cours à l'unité")


def test_spots_label():
    assert spots_label(0) == "Complet"
    assert spots_label(-2) == "Complet"
    assert spots_label(1) == "1 place restante"
    assert spots_label(7) == "7 places restantes"


def test_upcoming_by_course_groups_and_filters(db):
    with write_session() as s:
        wed = make_course(s, name="Silent", weekday=2, start_time="18:30", place="Salle Rythmo")
        sat = make_course(s, name="Outdoor", weekday=5, start_time="10:00")
        off = make_course(s, name="Ancien", active=False)
        # the next Wednesday 18:30 in Zurich (Wed 2 Dec 2026, 17:30 UTC, on the default clock)
        wed1 = frdate.next_at(NOW, 2, 18, 30)
        w1 = make_session(s, course=wed, starts_at=wed1, seats=20, headsets=18, taken=17)
        w2 = make_session(s, course=wed, starts_at=frdate.days_after(wed1, 7), headsets=3, taken=3)
        make_session(s, course=wed, starts_at=NOW - timedelta(days=1))               # past
        make_session(s, course=wed, starts_at=frdate.days_after(wed1, 14), cancelled=True)  # cancelled
        make_session(s, course=wed, starts_at=NOW + timedelta(days=60))              # beyond the window
        sat1 = make_session(s, course=sat, starts_at=frdate.next_at(NOW, 5, 10))     # the next Saturday 10:00
        make_session(s, course=off, starts_at=NOW + timedelta(days=1))               # inactive course
        ids = dict(wed=wed.id, sat=sat.id, w1=w1.id, w2=w2.id, sat1=sat1.id)
    courses = in_read(upcoming_by_course, now=NOW)
    assert [c.id for c in courses] == [ids["wed"], ids["sat"]]
    silent = courses[0]
    assert silent.schedule == "Chaque mercredi à 18h30"
    assert [x.id for x in silent.sessions] == [ids["w1"], ids["w2"]]
    first, second = silent.sessions
    # (« mercredi 2 décembre », « 18h30 », « Mercredi 2 décembre · 18h30 ») on the default clock
    assert (first.day, first.time, first.label) == (frdate.day(wed1), "18h30", frdate.label(wed1))
    assert first.day.startswith("mercredi ") and first.label.endswith(" · 18h30")
    assert (first.spots, first.spots_label, first.full) == (1, "1 place restante", False)
    assert (second.spots, second.spots_label, second.full) == (0, "Complet", True)
    assert first.place == "Salle Rythmo"
    assert [x.id for x in courses[1].sessions] == [ids["sat1"]]
    assert courses[1].sessions[0].time == "10h00"


def test_home_catalog_bundles_everything(db):
    with write_session() as s:
        make_session(s)
        make_offer(s, name="Cours", kind="single")
        make_offer(s, name="Café", kind="product", price_cents=1000)
    home = in_read(home_catalog, now=NOW)
    assert len(home["courses"]) == 1
    assert [o.name for o in home["offers"]] == ["Cours"]
    assert [(p.name, p.price) for p in home["products"]] == [("Café", "CHF 10.-")]
