"""What the assistant is told: STANDARD (live catalog, campaign prompt last, history) and STRICT (nothing to sell)."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest

from afroboost import texts
from afroboost.db import in_read, write_session
from afroboost.models import AIConfig, ChatLink, ClassSession, Conversation, Offer
from afroboost.services import ServiceError
from afroboost.services.assistant.context import CODE_MASK, STANDARD, STRICT, CodeMask, build_prompt
from tests import ai_world, frdate
from tests.ai_world import CAMPAIGN, CODES, CUSTOM, SALES_WORDS, TWINT, add_messages, build_world
from tests.factories import NOW

ai_env = ai_world.ai_env


def prompt_for(conv_id: int, text: str = "Quels cours cette semaine ?", **kw):
    def build(s):
        return build_prompt(s, conversation=s.get(Conversation, conv_id), user_text=text, now=NOW, **kw)
    return in_read(build)


@pytest.fixture
def world(db):
    return build_world()


def test_standard_system_prompt_has_persona_rules_and_live_catalog(world):
    p = prompt_for(world.conv_id)
    system = p.messages[0]["content"]
    assert p.mode == STANDARD and p.messages[0]["role"] == "system"
    assert system.startswith(texts.AI_BASE_PROMPT)
    assert texts.AI_SECURITY_PROMPT in system
    assert texts.AI_OFF_TOPIC in system and "Coach Bassi" in system
    assert "\n- Cours à l'unité — CHF 25.-\n" in system
    assert "\n- Carte 10 cours — CHF 220.- : Valable 6 mois.\n" in system
    assert "Des cours afrobeat en silent, partout en Suisse romande." in system
    assert "contact.artboost@gmail.com" in system  # where to send buyers when there is no Twint link
    # build_world's open session starts a day after NOW (« Mercredi 2 décembre · 13h00 » on the default clock)
    assert f"\n  • {frdate.label(NOW + timedelta(days=1))} : 7 places restantes\n" in system
    assert "- Café congolais — CHF 10.- : Torréfié à Kinshasa." in system
    assert "7 places restantes" in system  # min(12 seats, 10 headsets) - 3 taken
    assert texts.AI_CTX_FULL in system  # the full session is listed as full
    assert "Bouger en musique : Pourquoi le casque change tout." in system
    assert texts.AI_CTX_TWINT.format(url=TWINT) in system
    for hidden in ("Offre cachée", "Offre archivée", "Gourde cachée", "Brouillon secret", "Cours fermé Genève",
                   "CHF 9.99", "CHF 8.88", "CHF 7.77"):
        assert hidden not in system
    assert p.messages[-1] == {"role": "user", "content": "Quels cours cette semaine ?"}


def test_offers_sections_split_products_from_class_offers(world):
    system = prompt_for(world.conv_id).messages[0]["content"]
    offers, products = system.index(texts.AI_CTX_OFFERS), system.index(texts.AI_CTX_PRODUCTS)
    assert offers < system.index("Carte 10 cours") < products < system.index("Café congolais")


def test_campaign_prompt_comes_last_as_priority_context(world):
    system = prompt_for(world.conv_id).messages[0]["content"]
    assert system.endswith(f"{texts.AI_CTX_CAMPAIGN}\n{CAMPAIGN}")
    assert "CONTEXTE PRIORITAIRE ET OBLIGATOIRE" in texts.AI_CTX_CAMPAIGN


def test_no_campaign_prompt_no_priority_block(world):
    with write_session() as s:
        s.get(AIConfig, 1).campaign_prompt = "   "
    system = prompt_for(world.conv_id).messages[0]["content"]
    assert "CONTEXTE PRIORITAIRE" not in system


def test_without_twint_link_the_model_is_told_to_send_buyers_to_the_coach(db):
    w = build_world(twint="")
    system = prompt_for(w.conv_id).messages[0]["content"]
    assert texts.AI_CTX_NO_TWINT in system
    assert "twint.example" not in system


def test_context_is_read_live_at_each_request(world):
    with write_session() as s:
        s.get(ClassSession, world.session_id).taken += 4
        s.get(Offer, world.offer_id).price_cents = 2700
    system = prompt_for(world.conv_id).messages[0]["content"]
    assert "3 places restantes" in system and "CHF 27.-" in system and "7 places restantes" not in system


def test_promo_codes_are_never_in_the_messages_even_when_typed_into_free_text(world):
    with write_session() as s:
        s.get(AIConfig, 1).campaign_prompt = f"Donne le code {CODES[0]} et le code {CODES[1]} à tout le monde."
        s.get(Offer, world.offer_id).description = f"Avec noel20 : -20 % (code {CODES[1]})."
    add_messages(world.conv_id, ("coach", f"Essaie {CODES[0].lower()} !"), ("member", "Merci"))
    p = prompt_for(world.conv_id, f"Le code {CODES[0]} marche ?")
    dumped = json.dumps(p.messages, ensure_ascii=False)
    for code in CODES:
        assert code.lower() not in dumped.lower()
    assert CODE_MASK in p.messages[0]["content"] and CODE_MASK in p.messages[-1]["content"]


def test_letter_only_codes_are_masked_in_capitals_only():
    mask = CodeMask(["AFROBOOST", "SUMMER5"])
    assert mask("Afroboost, code AFROBOOST, summer5 ou Summer5x") == \
        f"Afroboost, code {CODE_MASK}, {CODE_MASK} ou Summer5x"
    assert CodeMask([])("rien à masquer") == "rien à masquer"


def test_strict_mode_sends_only_the_security_header_the_custom_prompt_and_the_message(world):
    add_messages(world.strict_conv_id, ("member", "Combien coûte un cours ?"), ("ai", "Un cours coûte 25 CHF."))
    p = prompt_for(world.strict_conv_id, "Dis-moi le tarif stp")
    assert p.mode == STRICT and p.tag.startswith("afroboost_strict_") and len(p.tag) == len("afroboost_strict_") + 12
    assert p.messages == [
        {"role": "system", "content": f"{texts.AI_STRICT_SECURITY}\n{CUSTOM}"},
        {"role": "user", "content": "Dis-moi le tarif stp"},
    ]
    dumped = json.dumps(p.messages, ensure_ascii=False)
    assert "INTERDICTION ABSOLUE DE CITER UN PRIX" in dumped and texts.AI_STRICT_REFUSAL in dumped
    for word in (*SALES_WORDS, "places restantes", "25 CHF", "Combien coûte", texts.AI_BASE_PROMPT[:40]):
        assert word not in dumped


def test_each_strict_request_gets_a_fresh_session_tag(world):
    assert prompt_for(world.strict_conv_id).tag != prompt_for(world.strict_conv_id).tag


def test_a_deleted_link_keeps_its_conversations_strict_and_a_blank_prompt_is_standard(world):
    with write_session() as s:
        s.get(ChatLink, world.link_id).deleted_at = NOW
    assert prompt_for(world.strict_conv_id).mode == STRICT
    with write_session() as s:
        s.get(ChatLink, world.link_id).custom_prompt = "  "
    assert prompt_for(world.strict_conv_id).mode == STANDARD


def test_modes_are_logged(world, caplog):
    caplog.set_level(logging.INFO, logger="afroboost.assistant")
    prompt_for(world.strict_conv_id)
    prompt_for(world.conv_id)
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith("[CHAT-IA] 🔒 Mode STRICT") for line in lines)
    assert "[CHAT-IA] ✅ Utilisation du custom_prompt du lien" in lines
    assert any(line.startswith("[CHAT-IA] ✅ Mode STANDARD") for line in lines)


def test_standard_history_is_the_last_messages_oldest_first_without_the_current_one(world, ai_env):
    ai_env(AI_HISTORY_MESSAGES=3)
    ids = add_messages(world.conv_id, ("member", "m1"), ("ai", "a1"), ("system", "sys"), ("coach", "c1"),
                       ("member", "m2"), ("member", "Et le samedi ?"))
    p = prompt_for(world.conv_id, "Et le samedi ?", user_message_id=ids[-1])
    assert p.messages[1:] == [
        {"role": "assistant", "content": "a1"}, {"role": "assistant", "content": "c1"},
        {"role": "user", "content": "m2"}, {"role": "user", "content": "Et le samedi ?"},
    ]


def test_history_is_bounded_in_characters(world, ai_env):
    ai_env(AI_HISTORY_CHARS=25)
    add_messages(world.conv_id, ("member", "x" * 20), ("ai", "y" * 10), ("member", "z" * 10))
    p = prompt_for(world.conv_id)
    assert [m["content"] for m in p.messages[1:-1]] == ["y" * 10, "z" * 10]


def test_user_text_is_trimmed_and_capped(world, ai_env):
    assert prompt_for(world.conv_id, "  Salut  ").messages[-1]["content"] == "Salut"
    with pytest.raises(ServiceError) as exc:
        prompt_for(world.conv_id, "   ")
    assert exc.value.key == "ai_empty"
    ai_env(AI_MAX_INPUT_CHARS=20)
    assert prompt_for(world.conv_id, "a" * 20).messages[-1]["content"] == "a" * 20
    with pytest.raises(ServiceError) as exc:
        prompt_for(world.conv_id, "a" * 21)
    assert exc.value.key == "ai_too_long" and texts.err(exc.value.key, **exc.value.params).endswith(
        "20 caractères maximum.")


def test_only_the_next_sessions_of_each_course_are_listed(db):
    w = build_world()
    with write_session() as s:
        course_id = s.get(ClassSession, w.session_id).course_id
        for day in range(2, 12):
            s.add(ClassSession(course_id=course_id, starts_at=NOW + timedelta(days=day, hours=3),
                               seats=30, headsets=30, taken=1))
    system = prompt_for(w.conv_id).messages[0]["content"]
    assert system.count("  • ") == 6  # 12 upcoming sessions in the next 28 days, the first 6 listed
    assert "7 places restantes" in system and "29 places restantes" in system
