"""Campaign emails through the real resend SDK, over HTTP to a fake Resend on 127.0.0.1.

Every assertion on what was sent is made on the JSON and headers the fake server received.
"""

from __future__ import annotations

import time

import pytest

from afroboost.integrations.channels import OutgoingMessage
from afroboost.integrations.resend_email import ResendEmail
from afroboost.services.campaigns.channels import adapters_from_settings, channel_status
from afroboost.services.contacts.consent import contact_from_unsubscribe_token, unsubscribe_url
from tests import ai_world
from tests.fakes.resend_server import FakeResend
from tests.fakes.server import LocalServer, free_port

ai_env = ai_world.ai_env
KEY = "re_test_afroboost"
SENDER = "Coach Bassi <coach@afroboost.example>"
SITE = "https://afroboost.example"


@pytest.fixture
def fake(ai_env):
    server = FakeResend(api_key=KEY)
    with LocalServer(server.app) as url:
        ai_env(RESEND_API_KEY=KEY, RESEND_FROM=SENDER, RESEND_BASE_URL=url, RESEND_RATE_PER_S=1000, SITE_URL=SITE,
               SECRET_KEY="test-secret-for-links")
        yield server


@pytest.fixture
def mail(fake) -> ResendEmail:
    return ResendEmail.from_settings()


def msg(n: int = 1, **kw) -> OutgoingMessage:
    values = dict(delivery_id=n, idempotency_key=f"afroboost-delivery-{n}", channel="email", campaign_id=7,
                  campaign_name="Cours de mercredi", body="Salut Awa,\n\non se voit mercredi à 18:30 ?",
                  contact_id=n, first_name="Awa", to_email=f"p{n}@example.ch",
                  unsubscribe_url=unsubscribe_url(n))  # as the dispatcher builds it (services/campaigns/messages.py)
    values.update(kw)
    return OutgoingMessage(**values)


async def test_one_email_with_v5_template_unsubscribe_headers_and_idempotency_key(fake, mail):
    result = await mail.send(msg(first_name="<b>Awa</b>", body="Prix < 20 CHF & <script>x()</script>",
                                 media_url="/v/afro-intro"))
    assert result.status == "sent" and result.provider_id.startswith("fake-email-")
    [request] = fake.requests
    assert request["path"] == "/emails/batch"
    assert request["headers"]["idempotency-key"] == "afroboost-delivery-1"
    assert request["headers"]["authorization"] == f"Bearer {KEY}"
    assert request["headers"]["user-agent"].startswith("resend-python")
    [email] = request["json"]
    assert email["from"] == SENDER and email["to"] == ["p1@example.ch"] and email["subject"] == "Cours de mercredi"
    html = email["html"]
    assert "&lt;b&gt;Awa&lt;/b&gt;" in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>" not in html and "<b>Awa" not in html
    # V5 anti-Promotions: hidden preheader, then 3 plain lines, THEN the violet header; light card layout.
    assert html.index("display:none") < html.index("Bonjour &lt;b&gt;Awa") < html.index("#8B5CF6")
    assert "#f5f5f5" in html and "max-width:480px" in html
    assert f'href="{SITE}/v/afro-intro"' in html
    assert email["text"].startswith("Bonjour <b>Awa</b>,\n") and "Prix < 20 CHF" in email["text"]
    unsubscribe, mailto = [h.strip(" <>") for h in email["headers"]["List-Unsubscribe"].split(",")]
    assert unsubscribe.startswith(f"{SITE}/api/unsubscribe/")
    assert contact_from_unsubscribe_token(unsubscribe.rsplit("/", 1)[1]) == 1
    assert mailto == "mailto:coach@afroboost.example?subject=unsubscribe"
    assert email["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in html and unsubscribe in email["text"]


async def test_image_media_is_a_400px_image(fake, mail):
    await mail.send(msg(media_url="https://cdn.example/affiche.jpg"))
    html = fake.requests[0]["json"][0]["html"]
    assert '<img src="https://cdn.example/affiche.jpg" width="400"' in html


async def test_a_batch_of_150_is_two_requests_with_their_own_idempotency_keys(fake, mail):
    messages = [msg(n) for n in range(1, 151)]
    results = await mail.send_batch(messages)
    assert [r.status for r in results] == ["sent"] * 150
    assert len({r.provider_id for r in results}) == 150
    assert sorted(len(r["json"]) for r in fake.batch_requests) == [50, 100]
    keys = [r["headers"]["idempotency-key"] for r in fake.batch_requests]
    assert len(set(keys)) == 2 and all(k.startswith("afroboost-deliveries-") for k in keys)
    assert all(r["headers"]["x-batch-validation"] == "permissive" for r in fake.batch_requests)
    sent_to = {e["to"][0] for e in fake.emails}
    assert sent_to == {f"p{n}@example.ch" for n in range(1, 151)}
    # Results come back in the order given: each delivery gets its own email's id.
    by_id = {e["id"]: e["to"][0] for e in fake.emails}
    assert all(by_id[r.provider_id] == m.to_email for r, m in zip(results, messages, strict=True))


async def test_the_same_deliveries_sent_again_are_not_emailed_twice(fake, mail):
    messages = [msg(n) for n in range(1, 121)]
    first = await mail.send_batch(messages)
    again = await mail.send_batch(messages)  # e.g. a retry after a crash before results were stored
    assert [r.provider_id for r in again] == [r.provider_id for r in first]
    assert len(fake.emails) == 120 and len(fake.batch_requests) == 4


async def test_429_is_retried_with_retry_after_then_sent(fake, mail):
    fake.fail_next(429, retry_after=0.4)
    first = await mail.send_batch([msg(1), msg(2)])
    assert [(r.status, r.error_code, r.retry_after) for r in first] == [("retry", "429", 0.4)] * 2
    assert fake.emails == []
    started = time.monotonic()
    second = await mail.send_batch([msg(1), msg(2)])
    assert [r.status for r in second] == ["sent", "sent"] and time.monotonic() - started >= 0.35
    assert len(fake.emails) == 2


async def test_5xx_is_retried(fake, mail):
    fake.fail_next(500)
    results = await mail.send_batch([msg(1), msg(2)])
    assert [(r.status, r.error_code) for r in results] == [("retry", "500")] * 2


async def test_4xx_is_a_permanent_failure_with_its_code(fake, mail):
    fake.fail_next(422)
    [result] = await mail.send_batch([msg(1)])
    assert result.status == "failed" and result.error_code == "422" and "validation_error" in result.error_message


async def test_one_invalid_address_fails_alone(fake, mail):
    fake.reject("p2@example.ch")
    results = await mail.send_batch([msg(1), msg(2), msg(3)])
    assert [r.status for r in results] == ["sent", "failed", "sent"]
    assert results[1].error_code == "422"
    assert {e["to"][0] for e in fake.emails} == {"p1@example.ch", "p3@example.ch"}


async def test_no_address_fails_without_a_request(fake, mail):
    results = await mail.send_batch([msg(1, to_email=None), msg(2, to_email="")])
    assert [(r.status, r.error_code) for r in results] == [("failed", "no_email")] * 2
    assert fake.requests == []


async def test_not_configured_never_calls_the_fake(fake, ai_env):
    ai_env(RESEND_API_KEY="")
    mail = adapters_from_settings()["email"]
    assert not mail.configured() and channel_status()["email"] is False
    results = await mail.send_batch([msg(1), msg(2)])
    assert [(r.status, r.error_code, r.error_message) for r in results] == [("failed", "not_configured",
                                                                            "non configuré")] * 2
    assert fake.requests == []


async def test_provider_unreachable_is_retried(ai_env):
    ai_env(RESEND_API_KEY=KEY, RESEND_FROM=SENDER, RESEND_BASE_URL=f"http://127.0.0.1:{free_port()}")
    [result] = await ResendEmail.from_settings().send_batch([msg()])
    assert result.status == "retry"


async def test_batches_are_paced_at_resends_rate(fake, ai_env):
    ai_env(RESEND_RATE_PER_S=2)
    started = time.monotonic()
    results = await ResendEmail.from_settings().send_batch([msg(n) for n in range(1, 351)])
    assert [r.status for r in results] == ["sent"] * 350
    assert len(fake.batch_requests) == 4 and len(fake.emails) == 350
    assert time.monotonic() - started >= 1.5  # 4 requests at 2/s start at 0, 0.5, 1.0 and 1.5 s (at the earliest)
