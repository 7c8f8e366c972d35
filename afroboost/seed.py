"""Demo data that makes a fresh site look alive. Idempotent: a second run changes nothing.

Rows are matched by natural keys (course slug, offer name, promo code, reservation code),
so re-running only fills what is missing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from afroboost.db import utc_now
from afroboost.models import Article, ClassSession, Course, Offer, PromoCode, Reservation, SiteConcept
from afroboost.services.booking.capacity import take_spot
from afroboost.services.catalog.schedule import do_generate_sessions
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.content.concept import CONCEPT_ID, FaqItem, dump_faq
from afroboost.services.validation import Participant

COURSES = [
    dict(slug="afroboost-silent-mercredi", name="Afroboost Silent", weekday=2, start_time="18:30",
         description="Le cours signature : 60 minutes de cardio-danse afrobeat au casque.",
         place="Salle Rythmo, Rue de Genève 12, Lausanne", seats=20, headsets=18),
    dict(slug="afroboost-outdoor-samedi", name="Afroboost Outdoor", weekday=5, start_time="10:00",
         description="En plein air, casque sur les oreilles, au bord du lac.",
         place="Parc de Milan, Lausanne", seats=30, headsets=25),
    dict(slug="afroboost-express-lundi", name="Afroboost Express", weekday=0, start_time="12:15",
         description="45 minutes intenses à la pause de midi.", duration_min=45,
         place="Studio Flow, Avenue d'Ouchy 4, Lausanne", seats=12, headsets=12),
    dict(slug="afroboost-family-dimanche", name="Afroboost Family", weekday=6, start_time="15:00",
         description="Une séance douce et joyeuse à partager en famille.",
         place="Salle Rythmo, Rue de Genève 12, Lausanne", seats=16, headsets=16),
]

_PAY = "https://pay.example-afroboost.ch"
OFFERS = [
    dict(name="Cours à l'unité", kind="single", price_cents=2500, sort=1,
         description="Une séance, casque compris.",
         twint_url=f"{_PAY}/twint/unite", stripe_url=f"{_PAY}/stripe/unite", paypal_url=f"{_PAY}/paypal/unite"),
    dict(name="Carte 10 cours", kind="card", price_cents=22000, sort=2,
         description="10 séances à utiliser en 6 mois, casque compris.",
         twint_url=f"{_PAY}/twint/carte10", stripe_url=f"{_PAY}/stripe/carte10"),
    dict(name="Abonnement", kind="subscription", price_cents=8900, sort=3,
         description="Accès illimité pendant un mois.",
         twint_url=f"{_PAY}/twint/abonnement", stripe_url=f"{_PAY}/stripe/abonnement"),
    dict(name="Café congolais", kind="product", price_cents=1000, sort=10,
         description="Café arabica du Kivu, 250 g, torréfié en Suisse.", twint_url=f"{_PAY}/twint/cafe"),
    dict(name="T-shirt Afroboost", kind="product", price_cents=3500, sort=11,
         description="Coton bio, logo néon rose.", twint_url=f"{_PAY}/twint/tshirt"),
    dict(name="Gourde Afroboost", kind="product", price_cents=2000, sort=12, visible=False,
         description="Bientôt disponible."),
]

PROMOS = [
    dict(code="BIENVENUE", kind="percent", value=20),
    dict(code="AMIS10", kind="fixed", value=1000, max_uses=50),
    dict(code="NOEL2025", kind="percent", value=30, valid_until_days=-30),
    dict(code="DEJAPRIS", kind="percent", value=50, max_uses=1, uses=1),
    dict(code="ESSAI", kind="percent", value=100, max_uses=20, only_single=True),
]

CONCEPT = dict(
    title="Afroboost Silent",
    tagline="Le fitness afrobeat au casque, avec Coach Bassi",
    pitch=(
        "Enfile ton casque, monte le son : Coach Bassi te fait danser sur les meilleurs rythmes "
        "afrobeat, amapiano et coupé-décalé. 60 minutes de cardio joyeux où chacun vit la musique "
        "dans ses oreilles, sans déranger personne, en salle comme au bord du lac.\n\n"
        "Aucun niveau requis : on vient comme on est, on repart le sourire aux lèvres."
    ),
    faq=[
        FaqItem("Faut-il savoir danser ?",
                "Pas du tout. Les mouvements sont simples et repris plusieurs fois : tu suis Coach Bassi "
                "à ton rythme, débutant·e ou confirmé·e."),
        FaqItem("Le casque est-il fourni ?",
                "Oui, chaque réservation te garde un casque audio sans fil. Tu le reçois à l'entrée avec "
                "ton code de réservation et tu le rends à la fin du cours."),
        FaqItem("Que faut-il apporter ?",
                "Une tenue de sport, des baskets propres et une gourde. Pour l'Outdoor, prévois aussi "
                "une casquette ou une veste selon la météo."),
    ],
    contact_email="contact.artboost@gmail.com",
    contact_address="Salle Rythmo, Rue de Genève 12, 1003 Lausanne",
    instagram_url="https://www.instagram.com/afroboost",
)

DEMO_PEOPLE = [("Awa", "Diallo"), ("Luca", "Rossi"), ("Nadia", "Keller"), ("Yann", "Moreau"),
               ("Fatou", "Ndiaye"), ("Sara", "Meier"), ("Kofi", "Mensah"), ("Léa", "Favre"),
               ("Moussa", "Traoré"), ("Chloé", "Bonvin"), ("Ines", "Benali"), ("Tim", "Huber")]


ARTICLE = dict(
    slug="pourquoi-danser-au-casque", title="Pourquoi danser au casque ?", published=True,
    summary="Le son directement dans les oreilles : plus d'énergie, zéro voisin dérangé.",
    body_md=(
        "## Le principe\n\nChaque participant·e reçoit un **casque sans fil** à l'entrée. La musique "
        "et la voix de Coach Bassi arrivent directement dans tes oreilles.\n\n## Pourquoi on adore\n\n"
        "- un son puissant, même en plein air ;\n- tu entends chaque consigne ;\n"
        "- aucun voisin dérangé.\n\nRéserve ton casque et viens essayer !"
    ),
)


def _get_or_add(session: Session, model, key: str, values: dict):
    row = session.exec(select(model).where(getattr(model, key) == values[key])).first()
    if row is None:
        row = model(**values)
        session.add(row)
        session.flush()
    return row


def _fill_express(session: Session, *, course: Course, single: Offer, now: datetime) -> None:
    """Book the first Express session out, so the demo shows « Complet » and the waitlist."""
    first = session.exec(
        select(ClassSession).where(ClassSession.course_id == course.id).where(ClassSession.starts_at > now)
        .order_by(ClassSession.starts_at)
    ).first()
    if first is None:
        return
    for i, (fn, ln) in enumerate(DEMO_PEOPLE[: first.capacity]):
        code = f"AFR-DEM{chr(65 + i)}{chr(65 + i)}"
        if session.exec(select(Reservation).where(Reservation.code == code)).first():
            continue
        if not take_spot(session, session_id=first.id, now=now):
            return
        person = Participant(fn, ln, f"{fn.lower()}.{ln.lower()}@demo.afroboost.ch".replace("é", "e"), None)
        contact = do_upsert_contact(session, person=person)
        session.add(Reservation(code=code, session_id=first.id, offer_id=single.id, contact_id=contact.id,
                                status="confirmed", price_cents=single.price_cents,
                                list_price_cents=single.price_cents, payment_method="twint", paid_at=now))
    session.flush()


def do_seed(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """Insert whatever demo rows are missing; returns how many of each were created."""
    now = now or utc_now()
    before = _counts(session)
    courses = [_get_or_add(session, Course, "slug", c) for c in COURSES]
    offers = [_get_or_add(session, Offer, "name", o) for o in OFFERS]
    single = offers[0]
    for p in PROMOS:
        values = {k: v for k, v in p.items() if k not in ("valid_until_days", "only_single")}
        if "valid_until_days" in p:
            values["valid_until"] = now + timedelta(days=p["valid_until_days"])
        if p.get("only_single"):
            values["offer_ids"] = str(single.id)
        _get_or_add(session, PromoCode, "code", values)
    for course in courses:
        do_generate_sessions(session, course=course, weeks=4, now=now)
    _fill_express(session, course=courses[2], single=single, now=now)
    _seed_concept(session)
    _get_or_add(session, Article, "slug", {**ARTICLE, "published_at": now})
    after = _counts(session)
    return {k: after[k] - before[k] for k in after}


def _seed_concept(session: Session) -> None:
    """The public texts, only when the coach has none yet (an edited concept is never overwritten)."""
    if session.get(SiteConcept, CONCEPT_ID) is None:
        values = {k: v for k, v in CONCEPT.items() if k != "faq"}
        session.add(SiteConcept(id=CONCEPT_ID, faq_json=dump_faq(CONCEPT["faq"]), **values))
        session.flush()


def _counts(session: Session) -> dict[str, int]:
    models = (Course, ClassSession, Offer, PromoCode, Reservation, SiteConcept, Article)
    return {m.__name__: session.exec(select(func.count()).select_from(m)).one() for m in models}


def is_empty(session: Session) -> bool:
    return session.exec(select(Course)).first() is None
