"""Sending the notices: claim due rows, compose, send, record — exactly once, like the campaign ledger.

- **Claim**: one conditional UPDATE moves due rows `queued → sending` under a claim token and a
  lease (PostgreSQL picks them `FOR UPDATE SKIP LOCKED`); concurrent workers take disjoint rows.
- **Internal chat**: the chat message and the row's « sent » are written in ONE transaction,
  guarded by the claim: a chat notice is never posted twice.
- **Email / WhatsApp**: the provider gets `afroboost-notice-<id>` (Resend's idempotency key;
  Twilio checks a stored MessageSid on a retried row); results are recorded only where the row
  is still ours. Retries back off; after MAX_ATTEMPTS the row fails with its last reason.
- **Zombies** (a worker killed mid-send): rows whose lease ran out long ago go back to the queue
  (with a provider id: marked sent). Nothing is lost; a duplicate is possible only for a
  WhatsApp accepted in the instant before the kill, as for campaigns.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.db import in_write, run_read, run_write, utc_now
from afroboost.integrations.channels import ChannelAdapter, SendResult
from afroboost.models import Notice
from afroboost.services.booking.holds import expire_holds
from afroboost.services.campaigns.chat_delivery import post_to_own_room, publish_messages
from afroboost.services.notices.compose import Composed, compose

log = logging.getLogger("afroboost.notices")
MAX_ATTEMPTS = 5
LEASE_S = 120.0
ZOMBIE_AFTER = timedelta(minutes=10)
BACKOFF_S = (5.0, 30.0, 120.0, 600.0)
_N = Notice.__table__
QUEUED, SENDING = "queued", "sending"


def any_due(session: Session, *, now: datetime) -> bool:
    return session.exec(select(Notice.id).where(Notice.status == QUEUED, Notice.due_at <= now).limit(1)).first() \
        is not None


def claim(session: Session, *, now: datetime, worker: str, limit: int = 50, lease_s: float = LEASE_S) -> list[int]:
    pick = sa.select(_N.c.id).where(_N.c.status == QUEUED, _N.c.due_at <= now).order_by(_N.c.due_at, _N.c.id)
    pick = pick.limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        picked = pick.with_for_update(skip_locked=True).cte("picked").prefix_with("MATERIALIZED")
        ids = sa.select(picked.c.id).scalar_subquery()
    else:
        ids = pick.scalar_subquery()
    rows = session.execute(sa.update(_N).where(_N.c.id.in_(ids), _N.c.status == QUEUED)
                           .values(status=SENDING, claimed_by=worker, attempts=_N.c.attempts + 1,
                                   lease_until=now + timedelta(seconds=lease_s)).returning(_N.c.id)).scalars()
    return sorted(rows)


def _mine(notice_id: int, worker: str) -> sa.Update:
    return sa.update(_N).where(_N.c.id == notice_id, _N.c.status == SENDING, _N.c.claimed_by == worker)


def do_record(session: Session, *, notice_id: int, worker: str, result: SendResult, now: datetime) -> bool:
    """Store one outcome, only while the row is still claimed by `worker`."""
    row = session.get(Notice, notice_id)
    attempts = row.attempts if row else MAX_ATTEMPTS
    common = {"lease_until": None, "claimed_by": "", "error_code": (result.error_code or "")[:40],
              "error_message": (result.error_message or "")[:500]}
    if result.provider_id:
        common["provider_id"] = result.provider_id[:80]
    if result.status == "retry" and attempts < MAX_ATTEMPTS:
        wait = max(BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1], result.retry_after or 0.0)
        values = {"status": QUEUED, "due_at": now + timedelta(seconds=wait), **common}
    elif result.status == "sent":
        values = {**common, "status": "sent", "sent_at": now, "error_code": "", "error_message": ""}
    else:
        values = {"status": "skipped" if result.status == "skipped" else "failed", **common}
    return session.execute(_mine(notice_id, worker).values(**values)).rowcount == 1


def do_post_internal(session: Session, *, notice_id: int, worker: str, contact_id: int, text: str, now: datetime):
    """The chat notice and its « sent » in one transaction (nothing if the claim was lost)."""
    posted = post_to_own_room(session, contact_id=contact_id, body=text, now=now)
    if posted is None:
        do_record(session, notice_id=notice_id, worker=worker, now=now,
                  result=SendResult("failed", error_code="no_contact"))
        return None
    mid, view = posted
    if not do_record(session, notice_id=notice_id, worker=worker, now=now,
                     result=SendResult("sent", provider_id=str(mid))):
        raise _Lost(notice_id)  # rolls the message back
    return view


class _Lost(Exception):
    pass


def _compose_all(session: Session, *, ids: list[int], now: datetime) -> list[Composed]:
    return [compose(session, n, now=now) for n in session.exec(select(Notice).where(Notice.id.in_(ids))).all()]


async def _send_one(c: Composed, adapters: dict[str, ChannelAdapter], worker: str) -> object | None:
    now = utc_now()
    if c.skip:
        await run_write(do_record, notice_id=c.notice_id, worker=worker, now=now,
                        result=SendResult("skipped", error_code=c.skip))
        return None
    if c.channel == "internal":
        try:
            return await run_write(do_post_internal, notice_id=c.notice_id, worker=worker, contact_id=c.contact_id,
                                   text=c.text, now=now)
        except _Lost:
            return None
    adapter = adapters.get(c.channel)
    if adapter is None or not adapter.configured():
        result = SendResult("skipped", error_code="not_configured")
    else:
        try:
            result = await adapter.send(c.message)
        except Exception as exc:  # one message's trouble never reaches the others
            log.exception("[NOTICES] %s adapter error", c.channel)
            result = SendResult("retry", error_code="exception", error_message=str(exc)[:500])
    await run_write(do_record, notice_id=c.notice_id, worker=worker, now=utc_now(), result=result)
    return None


async def dispatch_notices(*, adapters: dict[str, ChannelAdapter], worker: str, limit: int = 50,
                           now: datetime | None = None, rounds: int = 20) -> int:
    """Send the notices due now (at most `rounds` claims of `limit`); returns how many were handled."""
    done = 0
    for _ in range(rounds):
        at = now or utc_now()
        if not await run_read(any_due, now=at):
            break
        ids = await run_write(claim, now=at, worker=worker, limit=limit)
        if not ids:
            break
        composed = await run_read(_compose_all, ids=ids, now=at)
        views = []
        for c in composed:
            try:
                view = await _send_one(c, adapters, worker)
            except Exception:
                log.exception("[NOTICES] notice %s could not be handled; it will be retried", c.notice_id)
                continue
            if view is not None:
                views.append(view)
        publish_messages(views)
        done += len(ids)
    return done


def do_recover_zombies(session: Session, *, now: datetime, older_than: timedelta = ZOMBIE_AFTER) -> int:
    stale = sa.update(_N).where(_N.c.status == SENDING, _N.c.lease_until < now - older_than)
    common = {"lease_until": None, "claimed_by": ""}
    sent = session.execute(stale.where(_N.c.provider_id != "").values(status="sent", sent_at=now, **common)).rowcount
    back = session.execute(stale.where(_N.c.provider_id == "").values(status=QUEUED, due_at=now, **common)).rowcount
    return sent + back


async def notices_pass(*, adapters: dict[str, ChannelAdapter], worker: str) -> int:
    """What the scheduler runs every second: end the holds that are due, then send what is due."""
    await asyncio.to_thread(expire_holds)
    return await dispatch_notices(adapters=adapters, worker=worker)


def recover(now: datetime | None = None) -> int:
    return in_write(do_recover_zombies, now=now or utc_now())


def notices_of(session: Session, *, reservation_id: int) -> list[Notice]:
    """The coach's view of one booking's messages (newest first)."""
    return list(session.exec(select(Notice).where(Notice.reservation_id == reservation_id)
                             .order_by(Notice.created_at.desc(), Notice.id.desc())).all())


