"""Legacy-shaped Afroboost MongoDB documents (with the PRD's quirks), for both import paths.

`load_motor(db)` fills a (mongomock-)motor database; `write_export(folder)` writes the same
documents as `mongoexport` files (one Extended JSON document per line).
"""

from __future__ import annotations

import pathlib
from datetime import UTC, datetime

from bson import ObjectId, json_util

PAST = datetime(2025, 12, 1, 17, 0, tzinfo=UTC)
LONG_NAME = "Afroboost Silent " * 20  # 340 characters: course.name is varchar(120), enforced by PostgreSQL
LONG_IDS = ("a-" + "x" * 90 + "1", "a-" + "x" * 90 + "2")  # legacy_id is varchar(80): same first 80 chars
PAST2 = datetime(2025, 12, 8, 17, 0, tzinfo=UTC)
FUTURE = datetime(2031, 1, 7, 17, 0, tzinfo=UTC)
_n = 0


def _oid() -> ObjectId:
    global _n
    _n += 1
    return ObjectId(f"{_n:024x}")


def _docs() -> dict[str, list[dict]]:
    return {
        "users": [
            {"_id": _oid(), "id": "u-1", "name": "Awa Diallo", "email": "Awa@Example.com",
             "whatsapp": "+41 79 123 45 67", "createdAt": PAST},
            # duplicate email differing in case → merged into u-1
            {"_id": _oid(), "id": "u-2", "name": "", "email": "awa@example.com", "createdAt": "2025-11-02T10:00:00Z"},
            {"_id": _oid(), "id": "u-3", "email": "noname@example.com"},  # no name: the email shows
            {"_id": _oid(), "id": "u-4", "name": "Sans adresse"},  # malformed: no email, no phone
            {"_id": _oid(), "id": "u-5", "name": "Kofi Mensah", "email": "kofi@example.com"},
        ],
        "chat_participants": [
            {"_id": _oid(), "id": "p-1", "name": "Awa", "email": "AWA@example.com", "created_at": PAST},
            {"_id": _oid(), "id": "p-2", "name": "Zoé Martin", "whatsapp": "079 555 12 34"},
        ],
        "chat_links": [
            {"_id": _oid(), "id": "l-1", "link_token": "tok123", "title": "Café", "custom_prompt": "Parle du café"},
        ],
        "chat_sessions": [
            {"_id": _oid(), "id": "s-community", "mode": "community", "title": "Communauté",
             "group_slug": "community", "participant_ids": ["p-1", "p-2"], "created_at": PAST},
            {"_id": _oid(), "id": "s-1", "mode": "ai", "participant_ids": ["p-1"], "link_token": "tok123",
             "created_at": PAST},
            {"_id": _oid(), "id": "s-bad", "participant_ids": ["p-2"], "created_at": "pas une date"},  # malformed
        ],
        "chat_messages": [
            {"_id": _oid(), "id": "m-1", "session_id": "s-1", "sender_id": "p-1", "sender_type": "user",
             "sender_name": "Awa", "content": "Bonjour", "created_at": PAST},
            {"_id": _oid(), "id": "m-2", "session_id": "s-1", "sender_type": "ai", "content": "Salut Awa !",
             "created_at": PAST2},
            {"_id": _oid(), "id": "m-3", "session_id": "s-community", "sender_type": "coach",
             "sender_name": "💪 Coach Bassi", "content": "Bienvenue", "created_at": PAST},
            {"_id": _oid(), "id": "m-4", "session_id": "s-missing", "content": "orpheline"},  # malformed
        ],
        "private_conversations": [
            {"_id": _oid(), "id": "pc-1", "participant_1_id": "p-1", "participant_2_id": "u-5", "created_at": PAST},
        ],
        "private_messages": [
            {"_id": _oid(), "id": "pm-1", "conversation_id": "pc-1", "sender_id": "u-5", "sender_name": "Kofi",
             "content": "Salut\x00 Awa", "created_at": PAST2},  # a NUL byte: PostgreSQL refuses it in text
        ],
        "campaigns": [
            # legacy single-target campaign (targetConversationId only), already sent
            {"_id": _oid(), "id": "c-legacy", "name": "Ancienne", "message": "Hello {prénom}",
             "targetConversationId": "s-community", "channels": {"internal": True, "group": True},
             "status": "completed", "scheduledAt": PAST, "sentDates": [PAST], "createdAt": PAST},
            # multi-target basket: one date already sent, one still to come
            {"_id": _oid(), "id": "c-multi", "name": "Panier", "message": "Nouveau cours !",
             "targetIds": ["u-1", "u-5"], "targetConversationId": "u-1",
             "channels": {"internal": True, "email": True, "instagram": True}, "status": "scheduled",
             "scheduledDates": [PAST, FUTURE], "sentDates": [PAST], "createdAt": PAST},
            {"_id": _oid(), "id": "c-bad", "name": "", "message": ""},  # malformed
            # malformed after its campaign row was flushed: nothing of it may stay
            {"_id": _oid(), "id": "c-half", "name": "Moitié", "message": "x", "status": "completed",
             "scheduledDates": [PAST], "sentDates": ["pas une date"]},
        ],
        "campaign_errors": [
            {"_id": _oid(), "id": "ce-1", "campaign_id": "c-multi", "contact_id": "u-5", "channel": "email",
             "error_code": "422", "error_message": "bounce"},
        ],
        "scheduled_messages": [
            {"_id": _oid(), "id": "sm-1", "conversation_id": "s-community", "message": "Rappel",
             "scheduled_at": FUTURE, "status": "pending"},
        ],
        "offers": [
            {"_id": _oid(), "id": "o-1", "name": "Cours à l'unité", "price": 30, "visible": True},
            {"_id": _oid(), "id": "o-2", "name": "Café congolais", "price": 12.5, "isProduct": True,
             "visible": False},
        ],
        "courses": [
            {"_id": _oid(), "id": "co-1", "name": "Afroboost Silent – Mercredi", "weekday": 2, "time": "18:30",
             "locationName": "Genève", "maxCapacity": 15},
            {"_id": _oid(), "id": "co-long", "name": LONG_NAME, "weekday": 4, "time": "19h00"},
            # malformed: beyond PostgreSQL's integer (SQLite would store it)
            {"_id": _oid(), "id": "co-huge", "name": "Stade", "weekday": 5, "time": "20:00", "maxCapacity": 10**10},
        ],
        "reservations": [
            {"_id": _oid(), "id": "r-1", "userId": "u-1", "courseId": "co-1", "offerId": "o-1",
             "sessionDate": "2031-01-08T17:30:00Z", "reservationCode": "AFR-LEG001", "totalPrice": 30,
             "status": "confirmed", "createdAt": PAST},
            # a guest booking: the person comes from the reservation itself (merged with u-5 by email)
            {"_id": _oid(), "id": "r-2", "userName": "Kofi Mensah", "userEmail": "KOFI@example.com",
             "courseId": "co-1", "offerName": "Cours à l'unité", "sessionDate": "2031-01-08T17:30:00Z",
             "totalPrice": 30, "status": "cancelled"},
            {"_id": _oid(), "id": "r-bad", "userId": "u-1", "courseId": "nope", "sessionDate": FUTURE},
            # malformed: a typo'd price beyond PostgreSQL's integer, found after the guest's contact was written
            {"_id": _oid(), "id": "r-huge", "userName": "Gros Prix", "userEmail": "gros@example.com",
             "courseId": "co-1", "sessionDate": FUTURE, "totalPrice": 50_000_000},
        ],
        "articles": [
            {"_id": _oid(), "id": "a-1", "title": "Nouveautés", "content": "Du neuf", "createdAt": PAST},
            {"_id": _oid(), "id": LONG_IDS[0], "title": "Long 1", "published": "false"},
            {"_id": _oid(), "id": LONG_IDS[1], "title": "Long 2", "published": 1},
            # malformed: epoch ms stored as a double, far beyond year 9999 (crashed the whole import before)
            {"_id": _oid(), "id": "a-far", "title": "Loin", "createdAt": 1e20},
        ],
        "discount_codes": [
            {"_id": _oid(), "id": "d-1", "code": "bienvenue", "type": "%", "value": 10, "courses": ["o-1"]},
        ],
        "media_links": [
            {"_id": _oid(), "id": "v-1", "slug": "test-final", "title": "Vidéo", "video_url": "https://youtu.be/x"},
        ],
        "ai_config": [
            {"_id": _oid(), "id": "ai", "campaignPrompt": "Sois bref", "twintPaymentUrl": "https://twint.example/p"},
        ],
        "custom_emojis": [{"_id": _oid(), "id": "e-1", "filename": "fire.svg"},
                          {"_id": _oid(), "id": "e-2", "url": "/api/emojis/afro-party.png"}],
    }


DOCS = _docs()
MALFORMED = {("users", "u-4"), ("chat_sessions", "s-bad"), ("chat_messages", "m-4"), ("campaigns", "c-bad"),
             ("campaigns", "c-half"), ("courses", "co-huge"), ("articles", "a-far"), ("reservations", "r-bad"),
             ("reservations", "r-huge")}


async def load_motor(db) -> None:
    for name, docs in DOCS.items():
        await db[name].insert_many([dict(d) for d in docs])


def write_export(folder: pathlib.Path) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, docs in DOCS.items():
        with (folder / f"{name}.json").open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json_util.dumps(doc, json_options=json_util.RELAXED_JSON_OPTIONS) + "\n")
    return folder
