"""The Twilio webhook (signature checked with the SDK's RequestValidator) and the unsubscribe link,
through the app's own Starlette routes (`create_api()`)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from twilio.request_validator import RequestValidator

from afroboost.db import in_read, write_session
from afroboost.integrations.channels import OutgoingMessage
from afroboost.integrations.resend_email import ResendEmail
from afroboost.services.contacts.consent import in_whatsapp_window, opted_out_ids, unsubscribe_token, unsubscribe_url
from afroboost.services.contacts.contacts import do_upsert_contact
from tests import ai_world
from tests.factories import person

ai_env = ai_world.ai_env
TOKEN = "twilio-webhook-token"
SITE = "https://afroboost.example"
HOOK = "/api/webhooks/twilio"


@pytest.fixture
def client(db, ai_env):
    from afroboost.api.app import create_api

    ai_env(TWILIO_AUTH_TOKEN=TOKEN, SITE_URL=SITE, SECRET_KEY="webhook-test-secret")
    with TestClient(create_api(), base_url="http://127.0.0.1:3000") as c:  # not the public URL: like behind a proxy
        yield c


@pytest.fixture
def awa(db) -> int:
    with write_session() as s:
        return do_upsert_contact(s, person=person(1)).id


def inbound(body: str, sender: str = "whatsapp:+41791000001") -> dict:
    return {"MessageSid": "SM" + "a" * 32, "AccountSid": "AC" + "1" * 32, "From": sender,
            "To": "whatsapp:+41215550000", "Body": body, "NumMedia": "0"}


def signed(params: dict, url: str = SITE + HOOK, token: str = TOKEN) -> dict:
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(url, params)}


def test_signed_stop_opts_the_contact_out_and_answers_in_twiml(client, awa):
    params = inbound("ARRÊT")
    response = client.post(HOOK, data=params, headers=signed(params))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/xml")
    assert "<Message>" in response.text and "START" in response.text
    assert in_read(opted_out_ids, channel="whatsapp") == {awa}
    assert in_read(in_whatsapp_window, contact_id=awa) is True


def test_signed_message_opens_the_window_only(client, awa):
    params = inbound("Bonjour, il reste de la place ?")
    response = client.post(HOOK, data=params, headers=signed(params))
    assert response.status_code == 200 and "<Message>" not in response.text
    assert in_read(in_whatsapp_window, contact_id=awa) is True
    assert in_read(opted_out_ids, channel="whatsapp") == set()


def test_a_status_callback_is_not_an_inbound_message(client, awa):
    params = {"MessageSid": "SM" + "b" * 32, "MessageStatus": "delivered", "From": "whatsapp:+41791000001",
              "To": "whatsapp:+41215550000"}
    assert client.post(HOOK, data=params, headers=signed(params)).status_code == 200
    assert in_read(in_whatsapp_window, contact_id=awa) is False


def test_start_after_stop_opts_back_in(client, awa):
    for word in ("stop", "START"):
        params = inbound(word)
        assert client.post(HOOK, data=params, headers=signed(params)).status_code == 200
    assert in_read(opted_out_ids, channel="whatsapp") == set()


@pytest.mark.parametrize("headers", [
    {},  # no signature
    {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"},
    "other token",
    "request url",  # signed for the URL the request hit, not the public one Twilio calls
    "tampered",
])
def test_bad_signature_is_refused_and_changes_nothing(client, awa, headers):
    params = inbound("STOP")
    if headers == "other token":
        headers = signed(params, token="someone-else")
    elif headers == "request url":
        headers = signed(params, url="http://127.0.0.1:3000" + HOOK)
    elif headers == "tampered":
        headers = signed(inbound("Bonjour"))  # signature of another body
    response = client.post(HOOK, data=params, headers=headers)
    assert response.status_code == 403
    assert in_read(opted_out_ids, channel="whatsapp") == set()
    assert in_read(in_whatsapp_window, contact_id=awa) is False


def test_without_auth_token_every_webhook_is_refused(client, awa, ai_env):
    ai_env(TWILIO_AUTH_TOKEN="")
    params = inbound("STOP")
    assert client.post(HOOK, data=params, headers=signed(params)).status_code == 403


def test_unsubscribe_link_get_shows_a_french_confirmation_and_opts_out(client, awa):
    url = f"/api/unsubscribe/{unsubscribe_token(awa)}"
    first = client.get(url)
    assert first.status_code == 200 and "tu ne recevras plus les emails" in first.text
    assert 'lang="fr"' in first.text and first.headers["cache-control"] == "no-store"
    assert in_read(opted_out_ids, channel="email") == {awa}
    again = client.get(url)  # idempotent: a second click is fine
    assert again.status_code == 200 and in_read(opted_out_ids, channel="email") == {awa}


def test_one_click_post_from_the_list_unsubscribe_header(client, awa):
    """The mail client POSTs « List-Unsubscribe=One-Click » to the https URL of the header we send."""
    params = ResendEmail(api_key="k", sender="Coach <coach@afroboost.example>", site_url=SITE).params(
        OutgoingMessage(delivery_id=1, idempotency_key="afroboost-delivery-1", channel="email", campaign_id=1,
                        campaign_name="Cours", body="Salut", contact_id=awa, to_email="p1@example.ch",
                        unsubscribe_url=unsubscribe_url(awa)))  # as services/campaigns/messages.py builds it
    header = params["headers"]["List-Unsubscribe"].split(",")[0].strip("<> ")
    assert header.startswith(SITE + "/api/unsubscribe/")
    response = client.post(header.removeprefix(SITE), data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert in_read(opted_out_ids, channel="email") == {awa}
    assert in_read(opted_out_ids, channel="whatsapp") == set()


@pytest.mark.parametrize("token", ["nope", "x" * 50])
def test_a_bad_unsubscribe_link_says_so_and_changes_nothing(client, awa, token):
    response = client.get(f"/api/unsubscribe/{token}")
    assert response.status_code == 400 and "pas valide" in response.text
    assert in_read(opted_out_ids, channel="email") == set()

