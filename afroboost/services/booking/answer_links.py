"""Signed links in transactional messages: « Je confirme », « Je laisse ma place », « Je ne viens pas ».

A link names one reservation and one answer, signed with SECRET_KEY (itsdangerous): nobody can
answer for another booking by changing a number. It carries no deadline of its own; what it
may still do is decided by the booking's state when it is used (services/booking/holds.py).
Opening a link (GET) only shows a button: mail scanners that prefetch links change nothing.
"""

from __future__ import annotations

from itsdangerous import BadSignature, URLSafeSerializer

from afroboost.settings import get_secret_key, get_settings

CONFIRM, DECLINE, NOT_COMING = "confirm", "decline", "not_coming"
ACTIONS = (CONFIRM, DECLINE, NOT_COMING)
ANSWER_PATH = "/api/reponse/"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_secret_key(), salt="afroboost.booking-answer")


def answer_token(reservation_id: int, action: str) -> str:
    return _serializer().dumps([int(reservation_id), action])


def answer_url(reservation_id: int, action: str) -> str:
    return get_settings().site_url.rstrip("/") + ANSWER_PATH + answer_token(reservation_id, action)


def read_answer_token(token: str) -> tuple[int, str] | None:
    """(reservation id, action) from a link we signed; None for anything else."""
    try:
        data = _serializer().loads((token or "")[:200])
    except BadSignature:
        return None
    if (not isinstance(data, list) or len(data) != 2 or not isinstance(data[0], int) or isinstance(data[0], bool)
            or data[1] not in ACTIONS):
        return None
    return data[0], data[1]
