"""A small studio for the assistant's tests: catalog, content, promo codes, conversations (STANDARD and STRICT).

Shared by tests/unit/services/assistant/ and tests/integration/test_assistant_openai.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from afroboost.db import write_session
from afroboost.models import AIConfig, Article, ChatLink, ChatMessage, Conversation, SiteConcept
from afroboost.settings import get_settings
from tests.factories import NOW, make_course, make_offer, make_promo, make_session

TWINT = "https://pay.twint.example/afroboost-coach"
CAMPAIGN = "Cette semaine, mets en avant le stage de Noël du samedi 19 décembre."
CUSTOM = "Tu présentes uniquement la collaboration avec les marques partenaires de Coach Bassi."
CODES = ("NOEL20", "AFROVIP")  # one with a digit (masked in any case), one letters only (capitals only)
SALES_WORDS = ("CHF", "Cours à l'unité", "Carte 10 cours", "Café congolais", "Afroboost Silent Lausanne",
               "Bouger en musique", TWINT, CAMPAIGN)


@dataclass
class AIWorld:
    conv_id: int
    strict_conv_id: int
    link_id: int
    session_id: int
    full_session_id: int
    offer_id: int


def build_world(*, twint: str = TWINT, campaign: str = CAMPAIGN) -> AIWorld:
    with write_session() as s:
        course = make_course(s, name="Afroboost Silent Lausanne", description="Cardio afro en casque.",
                             place="Salle Rythmo, Lausanne")
        # capacity = min(seats, headsets) = 10, 3 taken → 7 left
        cls = make_session(s, course=course, starts_at=NOW + timedelta(days=1), seats=12, headsets=10, taken=3)
        full = make_session(s, course=course, starts_at=NOW + timedelta(days=8), seats=5, headsets=5, taken=5)
        make_session(s, course=course, starts_at=NOW + timedelta(days=15), cancelled=True)
        hidden_course = make_course(s, name="Cours fermé Genève", active=False)
        make_session(s, course=hidden_course, starts_at=NOW + timedelta(days=2))
        offer = make_offer(s, name="Cours à l'unité", kind="single", price_cents=2500)
        make_offer(s, name="Carte 10 cours", kind="card", price_cents=22000, description="Valable 6 mois.")
        make_offer(s, name="Café congolais", kind="product", price_cents=1000, description="Torréfié à Kinshasa.")
        make_offer(s, name="Offre cachée", visible=False, price_cents=999)
        make_offer(s, name="Offre archivée", archived=True, price_cents=888)
        make_offer(s, name="Gourde cachée", kind="product", visible=False, price_cents=777)
        s.add(Article(slug="bouger", title="Bouger en musique", summary="Pourquoi le casque change tout.",
                      published=True, published_at=NOW - timedelta(days=3)))
        s.add(Article(slug="brouillon", title="Brouillon secret", summary="Pas encore prêt.", published=False))
        s.add(SiteConcept(id=1, title="Afroboost", tagline="Le fitness afrobeat en casque",
                          pitch="Des cours afrobeat en silent, partout en Suisse romande.",
                          contact_email="contact.artboost@gmail.com", twint_url=twint))
        s.add(AIConfig(id=1, campaign_prompt=campaign))
        make_promo(s, CODES[0], value=20)
        make_promo(s, CODES[1], kind="fixed", value=500, active=False)
        conv = Conversation(kind="assistant", title="Coach Bassi")
        link = ChatLink(token="collab-abc", title="Collab", custom_prompt=CUSTOM)
        s.add_all([conv, link])
        s.flush()
        strict = Conversation(kind="assistant", title="Collab", link_id=link.id)
        s.add(strict)
        s.flush()
        return AIWorld(conv.id, strict.id, link.id, cls.id, full.id, offer.id)


def add_messages(conversation_id: int, *bodies: tuple[str, str]) -> list[int]:
    """Store (sender_kind, body) messages one minute apart; returns their ids."""
    ids = []
    with write_session() as s:
        for i, (kind, body) in enumerate(bodies):
            m = ChatMessage(conversation_id=conversation_id, sender_kind=kind, body=body,
                            created_at=NOW - timedelta(minutes=len(bodies) - i))
            s.add(m)
            s.flush()
            ids.append(m.id)
    return ids


@pytest.fixture
def ai_env(monkeypatch):
    """`ai_env(AI_RATE_PER_MINUTE=2, ...)` sets settings through the environment; restored after."""

    def set_env(**values) -> None:
        for k, v in values.items():
            monkeypatch.setenv(k, str(v))
        get_settings.cache_clear()

    yield set_env
    monkeypatch.undo()
    get_settings.cache_clear()
