"""The scheduler inside the real server: a slot 5 s ahead reaches an open chat within 2 s of its time.

The e2e server (`reflex run --env prod`) runs the scheduler in its lifespan; this test is
another process, like a second web worker: it saves the campaign and calls `schedule_slot`,
which writes the date job to the shared job store for the leader to run.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from playwright.sync_api import expect
from sqlmodel import select

from afroboost.db import in_read, in_write, utc_now
from afroboost.models import Contact
from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign, open_slots
from afroboost.services.jobs.scheduler import schedule_slot, scheduler_status
from tests.e2e.test_chat_live import _join, _new
from tests.pgserver import using_database

TARGET_S = 2.0


def test_a_slot_5s_ahead_reaches_the_open_chat_on_time(browser, app_url, e2e_db_url):
    with using_database(e2e_db_url):
        deadline = time.monotonic() + 30  # the server may have just started: its lease comes within seconds
        while not in_read(scheduler_status, now=utc_now()).active:
            assert time.monotonic() < deadline, "no active scheduler in the e2e server"
            time.sleep(0.5)
        holder = in_read(scheduler_status, now=utc_now()).holder

    page = _new(browser)
    name = "Zoé" + uuid.uuid4().hex[:4]
    _join(page, app_url, name, room=None)  # her own « Coach Bassi » conversation is open
    tag = uuid.uuid4().hex[:8]
    with using_database(e2e_db_url):
        contact_id = in_read(lambda s: s.exec(select(Contact.id).where(Contact.first_name == name)).one())
        due = utc_now() + timedelta(seconds=5)
        draft = CampaignDraft(name=f"Ponctuel {tag}", body=f"C'est l'heure {{prénom}} ! {tag}",
                              targets=[{"type": "user", "id": contact_id}], channels={"internal": True}, slots=[due])
        camp = in_write(do_save_campaign, draft=draft, schedule=True, now=utc_now())
        for slot_id, at in in_read(open_slots, campaign_id=camp.id):
            schedule_slot(slot_id, at)  # what the 📢 tab does after saving

    message = page.get_by_test_id("chat-message").filter(has_text=tag)
    time.sleep(max(0.0, (due - utc_now()).total_seconds() - 1.0))
    expect(message).to_have_count(0)  # not early
    expect(message).to_be_visible(timeout=15_000)
    late = (utc_now() - due).total_seconds()
    print(f"\nscheduler {holder}: the message showed in the open chat {late * 1000:.0f} ms after its time")
    expect(message).to_contain_text(f"C'est l'heure {name} !")
    expect(message).to_contain_text("💪 Coach Bassi")
    assert late <= TARGET_S
    page.context.close()
