"""The dispatcher: claim due delivery rows, send them through the channel adapters, record.

Exactly once, and what that rests on:
- **Claim.** One statement moves due rows `queued → sending` with a lease and the claim's
  token (`claimed_by`). PostgreSQL: the rows are picked `FOR UPDATE SKIP LOCKED`, so
  concurrent dispatchers take disjoint rows without waiting, and the UPDATE re-checks
  `status = 'queued'`. SQLite: the write session's BEGIN IMMEDIATE makes claims take turns.
- **Record.** Results are written only where the row is still `sending` under our token, so
  a dispatcher that lost its lease can never overwrite what another one did.
- **Providers.** Every message carries `afroboost-delivery-<id>` (Resend's Idempotency-Key);
  the chat adapter writes the message and the row's provider_id in one transaction; the
  Twilio adapter checks a stored MessageSid before sending again.
- **Zombies** (rows still `sending` 30 min after their lease ran out: the process died
  mid-send). With a provider_id the provider accepted it: the row is marked `sent`, never
  sent again. Without one we cannot know, and we choose **at-least-once**: the row is
  re-queued (nothing is lost). The duplicate window is only « provider accepted, process
  killed before our commit »: closed for chat (same transaction) and email (idempotency
  key, 24 h), left open only for a WhatsApp message in that instant.
- **Retries.** « retry » results (429, 5xx, network) go back to `queued` with an
  exponential backoff in `due_at` (at least the provider's Retry-After); after
  MAX_ATTEMPTS claims the row fails with the last code. Permanent failures keep their code.
- **Pacing.** Adapters with their own `pacer` pace themselves (they know how many HTTP
  calls a send costs); others are paced here per channel (TWILIO_RATE_PER_S, RESEND_RATE_PER_S).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from afroboost import texts
from afroboost.db import UTCDateTime, run_read, run_write, utc_now
from afroboost.integrations.channels import ChannelAdapter, OutgoingMessage, SendResult
from afroboost.integrations.pacing import Pacer
from afroboost.models import CampaignSlot, Delivery, DeliveryStatus
from afroboost.services.campaigns.ledger import Progress, campaign_progress, chunks, refresh_campaign_status
from afroboost.services.campaigns.messages import SKIPPED, Batch, idempotency_key, prepare_batch
from afroboost.settings import get_settings

__all__ = ["MAX_ATTEMPTS", "Progress", "campaign_progress", "claim_due", "dispatch_due", "do_record_results",
           "do_recover_zombies", "do_release", "idempotency_key"]

log = logging.getLogger("afroboost.campaigns")
MAX_ATTEMPTS = 5
LEASE_S = 300.0  # long enough for a paced batch; a live dispatcher never loses its rows
BACKOFF_BASE_S = 5.0
BACKOFF_MAX_S = 900.0
ZOMBIE_AFTER = timedelta(minutes=30)
RECORD_TRIES = 3
SENDING, QUEUED = DeliveryStatus.sending.value, DeliveryStatus.queued.value
_T = Delivery.__table__
_pacers: dict[tuple[str, float], Pacer] = {}


def claim_due(session: Session, *, now: datetime, worker: str, limit: int = 100,
              lease_s: float = LEASE_S) -> list[int]:
    """Take up to `limit` due rows for `worker` (in the caller's write transaction); their ids.

    Their slots are marked fired. Safe with any number of concurrent dispatchers.
    """
    pick = (sa.select(_T.c.id).where(_T.c.status == QUEUED, _T.c.due_at <= now)
            .order_by(_T.c.due_at, _T.c.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        # Evaluated once: as a plain IN (subquery) Postgres may re-run the LIMIT … SKIP LOCKED
        # pick once per outer row and claim every due row, whatever the limit.
        picked = pick.with_for_update(skip_locked=True).cte("picked").prefix_with("MATERIALIZED")
        ids = sa.select(picked.c.id).scalar_subquery()
    else:
        ids = pick.scalar_subquery()
    claimed = session.execute(
        sa.update(_T).where(_T.c.id.in_(ids), _T.c.status == QUEUED)
        .values(status=SENDING, lease_until=now + timedelta(seconds=lease_s), claimed_by=worker,
                attempts=_T.c.attempts + 1, updated_at=now)
        .returning(_T.c.id, _T.c.slot_id)).all()
    slot_ids = sorted({slot_id for _, slot_id in claimed})
    for batch in chunks(slot_ids):
        session.execute(sa.update(CampaignSlot.__table__).where(CampaignSlot.__table__.c.id.in_(batch))
                        .where(CampaignSlot.__table__.c.fired_at.is_(None)).values(fired_at=now))
    return sorted(i for i, _ in claimed)


def _backoff(attempts: int, retry_after: float | None) -> float:
    return min(BACKOFF_MAX_S, max(BACKOFF_BASE_S * 2 ** max(0, attempts - 1), retry_after or 0.0))


def _guarded(**values) -> sa.Update:
    """An UPDATE of one row, only while it is still `sending` under the claim's token."""
    return (sa.update(_T).where(_T.c.id == sa.bindparam("b_id"), _T.c.status == SENDING,
                                _T.c.claimed_by == sa.bindparam("b_worker"))
            .values(lease_until=None, claimed_by="", **values))


def do_record_results(session: Session, *, batch: Batch, results: dict[int, SendResult], worker: str,
                      now: datetime) -> int:
    """Store each row's outcome and move its campaign along; returns how many rows were recorded."""
    final, retry = [], []
    for did in sorted(results):
        r = results[did]
        code, message = (r.error_code or "")[:40], (r.error_message or "")[:500]
        attempts = batch.attempts.get(did, 1)
        if r.status == "retry" and attempts < MAX_ATTEMPTS:
            retry.append({"b_id": did, "b_worker": worker, "b_code": code, "b_msg": message,
                          "b_provider": r.provider_id or "",
                          "b_due": now + timedelta(seconds=_backoff(attempts, r.retry_after))})
            continue
        if r.status == "retry":  # out of attempts: the last reason stays visible
            status, message = DeliveryStatus.failed.value, texts.CH_GAVE_UP.format(n=attempts, reason=message)[:500]
        elif r.status == "sent":
            status, code, message = DeliveryStatus.sent.value, "", ""
        elif r.status == SKIPPED:
            status = DeliveryStatus.skipped.value
        else:
            status = DeliveryStatus.failed.value
        sent_at = now if status == DeliveryStatus.sent.value else None
        final.append({"b_id": did, "b_worker": worker, "b_status": status, "b_code": code, "b_msg": message,
                      "b_provider": r.provider_id or "", "b_sent": sent_at})
    # A result without a provider id keeps the one the adapter may have stored on the row.
    provider = sa.func.coalesce(sa.func.nullif(sa.bindparam("b_provider", type_=sa.String()), ""), _T.c.provider_id)
    if final:
        session.execute(_guarded(status=sa.bindparam("b_status"), error_code=sa.bindparam("b_code"),
                                 error_message=sa.bindparam("b_msg"), provider_id=provider, updated_at=now,
                                 sent_at=sa.bindparam("b_sent", type_=UTCDateTime())), final)
    if retry:
        session.execute(_guarded(status=QUEUED, error_code=sa.bindparam("b_code"), error_message=sa.bindparam("b_msg"),
                                 provider_id=provider, updated_at=now,
                                 due_at=sa.bindparam("b_due", type_=UTCDateTime())), retry)
    refresh_campaign_status(session, {batch.campaign_of[d] for d in results if d in batch.campaign_of}, now)
    return len(final) + len(retry)


def _pacer(channel: str) -> Pacer | None:
    s = get_settings()
    rates = {"whatsapp": getattr(s, "twilio_rate_per_s", 10.0), "email": getattr(s, "resend_rate_per_s", 2.0)}
    rate = rates.get(channel)
    if not rate:
        return None
    return _pacers.setdefault((channel, float(rate)), Pacer(float(rate)))


async def _send(channel: str, adapter: ChannelAdapter, messages: list[OutgoingMessage]) -> list[SendResult]:
    """One channel's messages; an exception or a short answer becomes « retry » for those rows."""
    async def call(chunk: list[OutgoingMessage], pacer: Pacer | None) -> list[SendResult]:
        try:
            if pacer is not None:
                await pacer.wait()
            results = list(await adapter.send_batch(chunk))
            if len(results) != len(chunk):
                raise RuntimeError(f"{channel} adapter answered {len(results)} results for {len(chunk)} messages")
            return results
        except Exception as exc:  # one channel's trouble never reaches the other rows
            log.exception("[CAMPAIGN] %s adapter error for %d message(s)", channel, len(chunk))
            return [SendResult("retry", error_code="exception", error_message=f"{texts.CH_UNEXPECTED} ({exc})"[:500])
                    for _ in chunk]

    if hasattr(adapter, "pacer"):
        return await call(messages, None)
    size = max(1, int(getattr(adapter, "max_batch", 100) or 100))
    pacer = _pacer(channel)
    parts = await asyncio.gather(*(call(messages[i:i + size], pacer) for i in range(0, len(messages), size)))
    return [r for part in parts for r in part]


def do_release(session: Session, *, worker: str, now: datetime) -> int:
    """Give a claim's rows back (`queued`, due now) when nothing of them was sent; rows claimed
    MAX_ATTEMPTS times fail instead, so a row that always breaks cannot block the queue."""
    mine = sa.update(_T).where(_T.c.claimed_by == worker, _T.c.status == SENDING)
    common = dict(lease_until=None, claimed_by="", updated_at=now)
    dead = session.execute(mine.where(_T.c.attempts >= MAX_ATTEMPTS).values(
        status=DeliveryStatus.failed.value, error_code="exception",
        error_message=texts.CH_GAVE_UP.format(n=MAX_ATTEMPTS, reason=texts.CH_UNEXPECTED), **common)
        .returning(_T.c.campaign_id)).scalars().all()
    back = session.execute(mine.values(status=QUEUED, due_at=now, **common)).rowcount
    refresh_campaign_status(session, set(dead), now)
    return len(dead) + back


async def _record(*, batch: Batch, results: dict[int, SendResult], worker: str, now: datetime | None) -> None:
    """Record after sending, trying again on a database hiccup: rows left `sending` would wait
    for the zombie sweep (and, for a provider without a stored id, be sent twice)."""
    for attempt in range(RECORD_TRIES):
        try:
            await run_write(do_record_results, batch=batch, results=results, worker=worker, now=now or utc_now())
            return
        except Exception:
            if attempt == RECORD_TRIES - 1:
                raise
            log.exception("[CAMPAIGN] recording %d result(s) failed, trying again", len(results))
            await asyncio.sleep(0.5 * (attempt + 1))


async def dispatch_due(*, adapters: dict[str, ChannelAdapter], now: datetime | None = None, worker: str,
                       limit: int = 100, lease_s: float = LEASE_S, drain: bool = True) -> int:
    """Send what is due: claim, send through `adapters` (by channel), record; returns rows handled.

    With `drain`, claims again until no full batch is due. A fixed `now` (tests) is used
    for claiming and recording; otherwise the clock is read at each step.
    """
    handled = 0
    while True:
        at = now or utc_now()
        token = f"{worker[:60]}/{secrets.token_hex(4)}"  # per claim: a stale lease never matches a new one
        ids = await run_write(claim_due, now=at, worker=token, limit=limit, lease_s=lease_s)
        if not ids:
            return handled
        try:
            batch = await run_read(prepare_batch, ids=ids, adapters=adapters, now=at)
        except Exception:  # nothing was sent yet: give the rows back rather than wait for the zombie sweep
            await run_write(do_release, worker=token, now=now or utc_now())
            raise
        results = dict(batch.decided)
        channels = list(batch.messages)
        answers = await asyncio.gather(*(_send(ch, adapters[ch], batch.messages[ch]) for ch in channels))
        for ch, answer in zip(channels, answers, strict=True):
            results.update({m.delivery_id: r for m, r in zip(batch.messages[ch], answer, strict=True)})
        await _record(batch=batch, results=results, worker=token, now=now)
        handled += len(ids)
        if not drain or len(ids) < limit:
            return handled


def do_recover_zombies(session: Session, *, now: datetime, older_than: timedelta = ZOMBIE_AFTER) -> int:
    """Rows still `sending` `older_than` after their lease ended: sent if the provider has them, else re-queued.

    A row already claimed MAX_ATTEMPTS times fails instead (it may be what crashes the
    dispatcher). Returns how many rows were recovered.
    """
    cutoff = now - older_than
    pick = sa.select(_T.c.id, _T.c.provider_id, _T.c.attempts, _T.c.campaign_id).where(
        _T.c.status == SENDING, _T.c.lease_until <= cutoff)
    if session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    rows = session.execute(pick.order_by(_T.c.id)).all()
    guard = sa.update(_T).where(_T.c.id == sa.bindparam("b_id"), _T.c.status == SENDING, _T.c.lease_until <= cutoff)
    done = [{"b_id": r.id} for r in rows if r.provider_id]
    again = [{"b_id": r.id} for r in rows if not r.provider_id and r.attempts < MAX_ATTEMPTS]
    dead = [{"b_id": r.id} for r in rows if not r.provider_id and r.attempts >= MAX_ATTEMPTS]
    common = dict(lease_until=None, claimed_by="", updated_at=now)
    if done:
        session.execute(guard.values(status=DeliveryStatus.sent.value, error_code="", error_message="",
                                     sent_at=sa.func.coalesce(_T.c.sent_at, sa.literal(now, UTCDateTime())),
                                     **common), done)
    if again:
        session.execute(guard.values(status=QUEUED, due_at=now, error_code="interrupted",
                                     error_message=texts.CH_INTERRUPTED, **common), again)
    if dead:
        session.execute(guard.values(status=DeliveryStatus.failed.value, error_code="interrupted",
                                     error_message=texts.CH_GAVE_UP.format(n=MAX_ATTEMPTS, reason=texts.CH_INTERRUPTED),
                                     **common), dead)
    if rows:
        log.warning("[ZOMBIE-CLEANUP] %d sent, %d re-queued, %d failed", len(done), len(again), len(dead))
        refresh_campaign_status(session, {r.campaign_id for r in rows}, now)
    return len(rows)
