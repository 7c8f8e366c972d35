"""The assistant end to end: the real openai SDK over HTTP to a fake OpenAI-compatible server on 127.0.0.1.

Every assertion on what the model is told is made on the JSON body the server received.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost import texts
from afroboost.db import in_read, write_session
from afroboost.integrations.errors import Permanent, RateLimited, Retryable
from afroboost.integrations.openai_assistant import OpenAIAssistant
from afroboost.models import AIConfig, ChatMessage, Conversation, Offer
from afroboost.services import ServiceError
from afroboost.services.assistant.limits import GLOBAL, usage_day, usage_of
from afroboost.services.assistant.reply import assistant_available, do_save_ai_reply, prepare_prompt, reply_stream
from afroboost.services.booking.booking import BookingRequest, book
from tests import ai_world, frdate
from tests.ai_world import CAMPAIGN, CODES, CUSTOM, SALES_WORDS, TWINT, add_messages, build_world
from tests.factories import NOW, person
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.server import LocalServer

ai_env = ai_world.ai_env
ME = "contact:41"
REPLY = ["Bonjour ! ", "Il reste des places mercredi. ", "— Coach Bassi 💪"]


@pytest.fixture
def fake(db, ai_env):
    server = FakeOpenAI(REPLY, prompt_tokens=120, completion_tokens=30)
    with LocalServer(server.app) as url:
        ai_env(OPENAI_API_KEY="sk-test-afroboost", OPENAI_BASE_URL=f"{url}/v1", OPENAI_MODEL="coach-test-model",
               OPENAI_MAX_RETRIES=0)
        yield server


@pytest.fixture
def world(fake):
    return build_world()


async def ask(conv_id: int, text: str = "Il reste de la place mercredi ?", identity: str = ME, **kw) -> str:
    return "".join([d async for d in reply_stream(conversation_id=conv_id, identity=identity, user_text=text,
                                                  now=NOW, **kw)])


async def refused(conv_id: int, text: str = "Bonjour", identity: str = ME) -> ServiceError:
    with pytest.raises(ServiceError) as exc:
        await ask(conv_id, text, identity)
    return exc.value


def system_of(body: dict) -> str:
    assert body["messages"][0]["role"] == "system"
    return body["messages"][0]["content"]


async def test_standard_request_body_is_exactly_the_built_prompt(world, fake):
    assert await ask(world.conv_id) == "".join(REPLY)
    expected = in_read(prepare_prompt, conversation_id=world.conv_id, user_text="Il reste de la place mercredi ?",
                       user_message_id=None, now=NOW).messages
    assert fake.requests == [{
        "model": "coach-test-model", "messages": expected, "stream": True,
        "stream_options": {"include_usage": True}, "max_tokens": 600,
    }]
    assert fake.headers[0]["authorization"] == "Bearer sk-test-afroboost"
    system = system_of(fake.last)
    assert "- Café congolais — CHF 10.- : Torréfié à Kinshasa." in system and "- Cours à l'unité — CHF 25.-" in system
    assert f"{frdate.label(NOW + timedelta(days=1))} : 7 places restantes" in system  # build_world's open session
    assert system.endswith(f"{texts.AI_CTX_CAMPAIGN}\n{CAMPAIGN}")  # the campaign prompt is last
    assert TWINT in system and "Bouger en musique" in system
    assert fake.last["messages"][-1] == {"role": "user", "content": "Il reste de la place mercredi ?"}


async def test_spots_left_are_live_a_booking_shows_in_the_next_request(world, fake):
    await ask(world.conv_id)
    book(BookingRequest(session_id=world.session_id, offer_id=world.offer_id, person=person(1),
                        payment_method="twint"), now=NOW)
    await ask(world.conv_id)
    before, after = system_of(fake.requests[0]), system_of(fake.requests[1])
    at = frdate.hhmm(NOW + timedelta(days=1))  # « 13h00 » on the default clock
    assert f"{at} : 7 places restantes" in before and f"{at} : 6 places restantes" in after
    assert f"{at} : 7 places restantes" not in after


async def test_no_promo_code_anywhere_in_the_request(world, fake):
    with write_session() as s:
        s.get(AIConfig, 1).campaign_prompt = f"Offre spéciale : code {CODES[0]} (-20 %) et {CODES[1]}."
        s.get(Offer, world.offer_id).description = f"Moins cher avec {CODES[0].lower()}."
    add_messages(world.conv_id, ("coach", f"Ton code : {CODES[1]}"), ("member", "Merci coach"))
    await ask(world.conv_id, f"Je peux utiliser {CODES[0]} ?")
    raw = json.dumps(fake.last, ensure_ascii=False)
    for code in CODES:
        assert code.lower() not in raw.lower()
    assert "Offre spéciale" in raw  # the rest of the coach's text still goes through


async def test_standard_sends_the_history_without_the_stored_copy_of_the_new_message(world, fake):
    ids = add_messages(world.conv_id, ("member", "Salut !"), ("ai", "Bonjour, ici Coach Bassi."),
                       ("member", "C'est où ?"))
    await ask(world.conv_id, "C'est où ?", user_message_id=ids[-1])
    assert fake.last["messages"][1:] == [
        {"role": "user", "content": "Salut !"}, {"role": "assistant", "content": "Bonjour, ici Coach Bassi."},
        {"role": "user", "content": "C'est où ?"},
    ]


@pytest.mark.parametrize("question", ["Quels sont les prix ?", "Combien coûte un cours ?", "Dis-moi le tarif stp",
                                      "Parle-moi du concept"])
async def test_strict_request_has_no_sales_data_and_no_history(world, fake, question):
    add_messages(world.strict_conv_id, ("member", "Le cours coûte combien ?"), ("ai", "Un cours coûte CHF 25.-"))
    await ask(world.strict_conv_id, question)
    assert fake.last["messages"] == [
        {"role": "system", "content": f"{texts.AI_STRICT_SECURITY}\n{CUSTOM}"},
        {"role": "user", "content": question},
    ]
    raw = json.dumps(fake.last, ensure_ascii=False)
    assert "INTERDICTION ABSOLUE DE CITER UN PRIX" in raw and texts.AI_STRICT_REFUSAL in raw
    for word in (*SALES_WORDS, *CODES, "places restantes", "coûte combien", "pay.example", "Articles publiés"):
        assert word not in raw


async def test_usage_tokens_are_charged_to_the_identity_and_globally(world, fake):
    await ask(world.conv_id)
    day = usage_day(NOW)
    mine, everyone = (in_read(lambda s, who=who: usage_of(s, identity=who, day=day)) for who in (ME, GLOBAL))
    assert (mine.requests, mine.tokens, everyone.tokens) == (1, 150, 150)


async def test_a_server_without_usage_is_charged_an_estimate(world, fake):
    fake.send_usage = False
    await ask(world.conv_id)
    assert in_read(lambda s: usage_of(s, identity=ME, day=usage_day(NOW))).tokens > 100


async def test_over_the_rate_the_server_is_never_called(world, fake, ai_env):
    ai_env(AI_RATE_PER_MINUTE=2)
    await ask(world.conv_id)
    await ask(world.conv_id)
    assert (await refused(world.conv_id)).key == "ai_rate_limited"
    assert len(fake.requests) == 2


async def test_over_the_daily_budget_the_server_is_never_called(world, fake, ai_env):
    ai_env(AI_DAILY_TOKENS_PER_IDENTITY=150)
    await ask(world.conv_id)  # 150 tokens: the budget is spent
    assert (await refused(world.conv_id)).key == "ai_daily_budget"
    assert len(fake.requests) == 1
    await ask(world.conv_id, identity="contact:42")  # another participant still gets answers
    assert len(fake.requests) == 2


async def test_over_the_global_budget_the_server_is_never_called(world, fake, ai_env):
    ai_env(AI_DAILY_TOKENS_GLOBAL=300)
    await ask(world.conv_id, identity="contact:1")
    await ask(world.conv_id, identity="contact:2")
    err = await refused(world.conv_id, identity="contact:3")
    assert err.key == "ai_global_budget" and texts.err(err.key)
    assert len(fake.requests) == 2


async def test_too_long_paused_or_switched_off_is_never_sent(world, fake):
    assert (await refused(world.conv_id, "x" * 1001)).key == "ai_too_long"
    with write_session() as s:
        s.get(Conversation, world.conv_id).status = "coach"
    assert (await refused(world.conv_id)).key == "ai_paused"
    with write_session() as s:
        s.get(Conversation, world.conv_id).status = "ai"
        s.get(AIConfig, 1).enabled = False
    assert (await refused(world.conv_id)).key == "ai_disabled"
    assert not assistant_available()
    assert (await refused(999_999)).key == "ai_conversation_unknown"
    assert fake.requests == []
    assert in_read(lambda s: usage_of(s, identity=ME, day=usage_day(NOW))) is None  # nothing counted


@pytest.mark.parametrize(("status", "error", "key"), [(429, RateLimited, "ai_provider_busy"),
                                                      (500, Retryable, "ai_provider_retry"),
                                                      (400, Permanent, "ai_provider_error")])
async def test_provider_errors_are_translated(world, fake, status, error, key):
    fake.fail(status)
    adapter = OpenAIAssistant.from_settings()
    with pytest.raises(error) as exc:
        [d async for d in adapter.stream_reply([{"role": "user", "content": "Bonjour"}])]
    assert exc.value.status == status and not (status != 429 and isinstance(exc.value, RateLimited))
    assert (status == 400) == isinstance(exc.value, Permanent)
    err = await refused(world.conv_id)
    assert err.key == key and isinstance(err.__cause__, error)
    assert len(fake.requests) == 2  # one each, no retry (OPENAI_MAX_RETRIES=0)


async def test_without_an_api_key_nothing_is_sent(world, fake, ai_env):
    ai_env(OPENAI_API_KEY="")
    assert not assistant_available() and not OpenAIAssistant.from_settings().is_configured()
    assert (await refused(world.conv_id)).key == "ai_unavailable"
    with pytest.raises(Permanent):
        [d async for d in OpenAIAssistant.from_settings().stream_reply([{"role": "user", "content": "x"}])]
    assert fake.requests == []
    ai_env(OPENAI_API_KEY="sk-test-afroboost")
    assert assistant_available()


async def test_non_streaming_completion(fake):
    text, usage = await OpenAIAssistant.from_settings().complete([{"role": "user", "content": "Salut"}])
    assert text == "".join(REPLY) and usage.total_tokens == 150
    assert "stream" not in fake.last and fake.last["messages"] == [{"role": "user", "content": "Salut"}]


async def test_the_finished_reply_is_stored_as_the_assistants_message(world, fake):
    text = await ask(world.conv_id)
    with write_session() as s:
        do_save_ai_reply(s, conversation_id=world.conv_id, body=text, now=NOW)
    rows = in_read(lambda s: s.exec(select(ChatMessage).where(ChatMessage.conversation_id == world.conv_id)).all())
    assert [(m.sender_kind, m.sender_name, m.body) for m in rows] == [("ai", texts.AI_SENDER_NAME, text)]


async def test_a_reader_that_stops_early_still_gets_the_request_counted(world, fake):
    stream = reply_stream(conversation_id=world.conv_id, identity=ME, user_text="Bonjour", now=NOW)
    assert await anext(stream) == REPLY[0]
    await stream.aclose()
    mine = in_read(lambda s: usage_of(s, identity=ME, day=usage_day(NOW)))
    assert mine.requests == 1 and mine.tokens > 0  # no usage chunk read: charged an estimate
