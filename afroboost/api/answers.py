"""`/api/reponse/{token}`: the answer links of transactional messages.

GET shows what the link will do and one button; only the POST of that button acts (mail
scanners and link previews open links: they must change nothing). The token names one
reservation and one answer (services/booking/answer_links.py); what it may still do is decided
by the booking's state (services/booking/holds.py), and a refusal says why in French.
"""

from __future__ import annotations

import html
import logging

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from afroboost import texts
from afroboost.api.webhooks import simple_page
from afroboost.db import run_read, run_write, utc_now
from afroboost.models import ClassSession, Course, Reservation
from afroboost.services import ServiceError
from afroboost.services.booking.answer_links import CONFIRM, DECLINE, read_answer_token
from afroboost.services.booking.holds import do_confirm_offer, do_decline_offer, do_not_coming
from afroboost.services.catalog.listing import format_day, format_time

log = logging.getLogger("afroboost.notices")
DO = {CONFIRM: do_confirm_offer, DECLINE: do_decline_offer}


def _what(session: Session, *, reservation_id: int) -> dict | None:
    res = session.get(Reservation, reservation_id)
    if res is None:
        return None
    cls = session.get(ClassSession, res.session_id)
    course = session.get(Course, cls.course_id)
    return {"course": course.name, "day": format_day(cls.starts_at), "time": format_time(cls.starts_at)}


def _bad() -> Response:
    return simple_page(texts.ANSWER_BAD, texts.ANSWER_BAD_HINT, 400, page_title=texts.ANSWER_BAD,
                       testid="answer-message")


async def answer(request: Request) -> Response:
    token = request.path_params["token"]
    parsed = read_answer_token(token)
    if parsed is None:
        return _bad()
    reservation_id, action = parsed
    what = await run_read(_what, reservation_id=reservation_id)
    if what is None:
        return _bad()
    title = texts.ANSWER_TITLES[action]
    if request.method == "GET":
        button = (f'<form method="post" style="margin:20px 0 0 0;"><button type="submit" data-testid="answer-button" '
                  f'style="width:100%;min-height:48px;border:0;border-radius:999px;background:#E91E63;color:#fff;'
                  f'font-size:16px;font-weight:bold;cursor:pointer;">{html.escape(title)}</button></form>')
        return simple_page(title, texts.ANSWER_HINTS[action].format(**what), 200, page_title=title,
                           testid="answer-message", extra_html=button)
    try:
        await run_write(DO.get(action, do_not_coming), reservation_id=reservation_id, now=utc_now())
    except ServiceError as e:
        return simple_page(texts.ANSWER_REFUSED, texts.err(e.key, **e.params), 409, page_title=title,
                           testid="answer-message")
    log.info("[NOTICES] reservation %s answered « %s »", reservation_id, action)
    return simple_page(texts.ANSWER_DONE[action], texts.ANSWER_DONE_HINT, 200, page_title=title,
                       testid="answer-message")


def answer_routes() -> list[Route]:
    return [Route("/api/reponse/{token}", answer, methods=["GET", "POST"])]
