"""WhatsApp through the real twilio SDK, over HTTP to a fake Twilio on 127.0.0.1.

Every assertion on what was sent is made on the form the fake server received.
"""

from __future__ import annotations

import json
import time

import pytest

from afroboost import texts
from afroboost.db import in_read, write_session
from afroboost.integrations.channels import OutgoingMessage
from afroboost.integrations.twilio_whatsapp import TwilioWhatsApp
from afroboost.models.campaign import Delivery
from afroboost.services.campaigns.channels import adapters_from_settings, channel_status
from afroboost.services.contacts.contacts import do_upsert_contact
from tests import ai_world
from tests.channel_rows import deliveries
from tests.factories import person
from tests.fakes.server import LocalServer, free_port
from tests.fakes.twilio_server import FakeTwilio

ai_env = ai_world.ai_env
# The SDK's own aiohttp calls (not ours) use a deprecated BasicAuth form.
pytestmark = pytest.mark.filterwarnings("ignore:.*BasicAuth is deprecated:DeprecationWarning",
                                        "ignore:The 'auth' parameter is deprecated:DeprecationWarning")
SID = "AC" + "1" * 32
TOKEN = "twilio-test-token"
SENDER = "+41215550000"
AWA = "+41791000001"


@pytest.fixture
def fake(db, ai_env):
    server = FakeTwilio(account_sid=SID, auth_token=TOKEN)
    with LocalServer(server.app) as url:
        ai_env(TWILIO_ACCOUNT_SID=SID, TWILIO_AUTH_TOKEN=TOKEN, TWILIO_WHATSAPP_FROM=SENDER, TWILIO_BASE_URL=url,
               TWILIO_RATE_PER_S=1000, SITE_URL="https://afroboost.example")
        server.url = url
        yield server


@pytest.fixture
def wa(fake) -> TwilioWhatsApp:
    return TwilioWhatsApp.from_settings()


def msg(n: int = 1, **kw) -> OutgoingMessage:
    values = dict(delivery_id=n, idempotency_key=f"afroboost-delivery-{n}", channel="whatsapp", campaign_id=7,
                  campaign_name="Cours de mercredi", body="Salut Awa, on se voit mercredi ?", contact_id=n,
                  first_name="Awa", to_phone=AWA, in_whatsapp_window=True)
    values.update(kw)
    return OutgoingMessage(**values)


async def test_free_text_inside_the_window_goes_out_through_the_sdk(fake, wa):
    result = await wa.send(msg(media_url="/v/afro-intro"))
    assert result.status == "sent" and result.provider_id.startswith("SM")
    [form] = fake.creates
    assert form["To"] == f"whatsapp:{AWA}" and form["From"] == f"whatsapp:{SENDER}"
    assert form["Body"] == "Salut Awa, on se voit mercredi ?\n\nhttps://afroboost.example/v/afro-intro"
    assert "ContentSid" not in form
    assert fake.requests[0]["path"] == f"/2010-04-01/Accounts/{SID}/Messages.json"
    assert fake.requests[0]["headers"]["user-agent"].startswith("twilio-python/")
    assert fake.messages[result.provider_id]["to"] == f"whatsapp:{AWA}"


async def test_the_sid_is_kept_on_the_delivery_row_as_soon_as_twilio_accepts(fake, wa):
    """Before the dispatcher records anything: a crash right after the send leaves the sid to check."""
    with write_session() as s:
        awa = do_upsert_contact(s, person=person(1)).id
    [did] = deliveries("whatsapp", [awa])
    result = await wa.send(msg(did, contact_id=awa))
    assert in_read(lambda s: s.get(Delivery, did).provider_id) == result.provider_id != ""


async def test_outside_the_window_without_template_fails_before_calling_twilio(fake, wa):
    result = await wa.send(msg(in_whatsapp_window=False))
    assert result.status == "failed" and result.error_code == "wa_window"
    assert result.error_message == "hors fenêtre 24 h : modèle WhatsApp requis"
    assert fake.requests == []


async def test_outside_the_window_an_approved_template_is_sent_with_its_variables(fake, wa):
    result = await wa.send(msg(in_whatsapp_window=False, wa_content_sid="HX" + "a" * 32,
                               wa_variables={"1": "Awa", "2": "mercredi 18:30"}))
    assert result.status == "sent"
    [form] = fake.creates
    assert form["ContentSid"] == "HX" + "a" * 32
    assert json.loads(form["ContentVariables"]) == {"1": "Awa", "2": "mercredi 18:30"}
    assert "Body" not in form


async def test_429_is_retried_after_the_delay_twilio_gave_then_sent_once(fake, wa):
    fake.fail_next(429, retry_after=0.4)
    first = await wa.send(msg())
    assert first.status == "retry" and first.error_code == "429" and first.retry_after == 0.4
    assert fake.sent == []
    started = time.monotonic()
    second = await wa.send(msg())  # the pacer holds every request until Retry-After has passed
    assert second.status == "sent" and time.monotonic() - started >= 0.35
    assert len(fake.sent) == 1


async def test_5xx_is_retried(fake, wa):
    fake.fail_next(503)
    result = await wa.send(msg())
    assert result.status == "retry" and result.error_code == "503" and result.retry_after > 0
    assert fake.sent == []


async def test_63016_outside_window_is_a_permanent_failure_with_its_code(fake, wa):
    fake.reject(AWA, 63016)
    result = await wa.send(msg())
    assert result.status == "failed" and result.error_code == "63016"
    assert texts.CH_WA_WINDOW in result.error_message and "63016" in result.error_message


async def test_21211_invalid_number_fails_alone_the_others_are_sent(fake, wa):
    fake.reject("+41790000009", 21211)
    results = await wa.send_batch([msg(1), msg(2, to_phone="+41790000009"), msg(3, to_phone="+41791000003")])
    assert [r.status for r in results] == ["sent", "failed", "sent"]
    assert results[1].error_code == "21211" and "invalide" in results[1].error_message
    assert sorted(m["to"] for m in fake.sent) == [f"whatsapp:{AWA}", "whatsapp:+41791000003"]


async def test_no_phone_fails_without_a_request(fake, wa):
    result = await wa.send(msg(to_phone=None))
    assert result.status == "failed" and result.error_code == "no_phone"
    assert fake.requests == []


async def test_zombie_retry_reports_the_message_twilio_already_has_instead_of_sending_again(fake, wa):
    sid = "SM" + "f" * 32
    fake.preload(sid, to=AWA, status="delivered")
    result = await wa.send(msg(previous_provider_id=sid))
    assert result.status == "sent" and result.provider_id == sid
    assert [r["method"] for r in fake.requests] == ["GET"]
    assert fake.requests[0]["path"].endswith(f"/Messages/{sid}.json")
    assert fake.sent == []


async def test_zombie_retry_sends_when_twilio_never_got_it_or_it_failed_there(fake, wa):
    failed_sid = "SM" + "e" * 32
    fake.preload(failed_sid, to=AWA, status="undelivered", error_code=63016)
    unknown = await wa.send(msg(1, previous_provider_id="SM" + "0" * 32))
    failed = await wa.send(msg(2, previous_provider_id=failed_sid))
    assert unknown.status == failed.status == "sent"
    assert len(fake.sent) == 2


async def test_zombie_check_that_hits_a_5xx_is_retried_without_sending(fake, wa):
    fake.fail_next(500)
    result = await wa.send(msg(previous_provider_id="SM" + "d" * 32))
    assert result.status == "retry"
    assert fake.creates == []


async def test_not_configured_never_calls_the_fake(fake, ai_env):
    ai_env(TWILIO_AUTH_TOKEN="")
    wa = adapters_from_settings()["whatsapp"]
    assert not wa.configured() and channel_status()["whatsapp"] is False
    results = await wa.send_batch([msg(1), msg(2)])
    assert [(r.status, r.error_code, r.error_message) for r in results] == [("failed", "not_configured",
                                                                            "non configuré")] * 2
    assert fake.requests == []


async def test_provider_unreachable_is_retried(db, ai_env):
    ai_env(TWILIO_ACCOUNT_SID=SID, TWILIO_AUTH_TOKEN=TOKEN, TWILIO_WHATSAPP_FROM=SENDER,
           TWILIO_BASE_URL=f"http://127.0.0.1:{free_port()}")
    result = await TwilioWhatsApp.from_settings().send(msg())
    assert result.status == "retry" and result.error_code == "network"


async def test_wrong_credentials_fail_permanently(fake, ai_env):
    ai_env(TWILIO_AUTH_TOKEN="not-the-token")
    result = await TwilioWhatsApp.from_settings().send(msg())
    assert result.status == "failed" and result.error_code == "20003"


async def test_requests_are_paced_per_sender(fake, ai_env):
    ai_env(TWILIO_RATE_PER_S=5)
    wa = TwilioWhatsApp.from_settings()
    started = time.monotonic()
    results = await wa.send_batch([msg(n, to_phone=f"+4179100000{n}") for n in range(1, 5)])
    assert [r.status for r in results] == ["sent"] * 4
    assert time.monotonic() - started >= 0.55  # 4 requests at 5/s: starts at 0, .2, .4, .6 s


def test_registry_keys_and_configuration(fake):
    adapters = adapters_from_settings()
    assert set(adapters) == {"internal", "group", "whatsapp", "email"}
    assert adapters is adapters_from_settings()  # pacing state survives between sweeps
    assert channel_status() == {"internal": True, "group": True, "whatsapp": True, "email": False}
