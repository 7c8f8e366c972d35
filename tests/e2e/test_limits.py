"""Issue 11 item 5: what a script repeats over the websocket is refused past each limit (default settings).

Each test is an anonymous scripted tab (tests/wsclient.py) driving the real prod server: it goes up
to the default per-tab threshold of settings.py, then one more, and checks the French refusal. The
IP (127.0.0.1 for every e2e test) gets LIMIT_IP_FACTOR times as much, so other tests are not starved.
"""

from __future__ import annotations

import uuid

from afroboost import routes
from afroboost.settings import Settings
from tests.wsclient import WsScript

DEFAULTS = Settings(_env_file=None)


def _per_minute(name: str) -> int:
    return int(next(part for part in getattr(DEFAULTS, name).split(";") if part.endswith("minute")).split("/")[0])


def _join_chat(ws: WsScript, room: str | None = "community") -> int:
    """Identify as a brand-new person and open a room (their assistant conversation, or the community group)."""
    assert ws.connect()
    name = "Script" + uuid.uuid4().hex[:5]
    ws.emit("chat_identity.set_first_name", value=name)
    ws.emit("chat_identity.set_contact", value=f"{name.lower()}@exemple.ch")
    ws.emit("chat_identity.identify")
    ws.wait_for(lambda: ws.var("chat_identity", "rooms"), what="the person's rooms")
    rooms = ws.var("chat_identity", "rooms")
    target = rooms[0]["id"] if room is None else next(r["id"] for r in rooms if r["kind"] == "group")
    ws.emit("chat_room.open", conversation_id=target)
    ws.wait_for(lambda: ws.var("chat_room", "conversation_id") == target, what="the room open")
    return target


def _class_offer(ws: WsScript) -> int:
    ws.wait_for(lambda: ws.var("booking_state", "offers"), what="the offers")
    return next(o["id"] for o in ws.var("booking_state", "offers") if o["kind"] != "product")


def _bodies(ws: WsScript) -> list[str]:
    return [m["body"] for m in ws.var("chat_room", "messages", [])]


def test_promo_guesses_are_refused_past_the_limit(app_url: str):
    limit = _per_minute("limit_promo")
    with WsScript(app_url, path=routes.BOOK) as ws:
        assert ws.connect()
        ws.emit("booking_state.choose_offer", offer_id=_class_offer(ws))
        answers = []
        for i in range(limit + 1):
            before = len(ws.frames)
            ws.emit("booking_state.apply_promo", value=f"GUESS{i:03d}")
            ws.wait_for(lambda b=before: len(ws.frames) > b, what="an answer")
            ws.settle(0.05)
            answers.append(ws.var("booking_state", "err")["promo"])
        assert set(answers[:limit]) == {"Ce code promo n'est pas valable."}  # one answer for any bad code
        assert answers[limit].startswith("Trop de tentatives")
        assert ws.var("booking_state", "promo") == f"GUESS{limit:03d}"  # what was typed stays


def test_booking_attempts_are_refused_past_the_limit(app_url: str):
    limit = _per_minute("limit_booking")
    with WsScript(app_url, path=routes.BOOK) as ws:
        assert ws.connect()
        ws.wait_for(lambda: ws.var("booking_state", "courses"), what="the sessions")
        session = next(s for c in ws.var("booking_state", "courses") for s in c["sessions"] if not s["full"])
        ws.emit("booking_state.choose_session", session_id=session["id"])
        ws.emit("booking_state.choose_offer", offer_id=_class_offer(ws))
        for field, value in (("first_name", "Script"), ("last_name", "Robot"),
                             ("email", f"robot.{uuid.uuid4().hex[:6]}@exemple.ch"), ("phone", "+41 79 555 44 33")):
            ws.emit("booking_state.set_field", name=field, value=value)
        ws.emit("booking_state.submit_info")
        ws.wait_for(lambda: ws.var("booking_state", "step") == "summary", what="the summary")
        for _ in range(limit):  # invented attempts (a method nobody offers: refused, but attempts all the same)
            ws.emit("booking_state.pay", method="bogus")
        ws.settle(1.0)
        assert not (ws.var("booking_state", "err")["general"] or "").startswith("Trop de tentatives")
        ws.emit("booking_state.pay", method="twint")
        ws.wait_for(lambda: (ws.var("booking_state", "err")["general"] or "").startswith("Trop de tentatives"),
                    what="the booking refused")
        assert ws.var("booking_state", "step") == "summary" and ws.var("booking_state", "first_name") == "Script"


def test_chat_messages_are_refused_past_the_limit_and_go_back_to_the_composer(app_url: str):
    limit = _per_minute("limit_chat_message")
    tag = uuid.uuid4().hex[:6]
    with WsScript(app_url) as ws:
        _join_chat(ws)
        for i in range(limit):
            ws.emit("chat_room.send", form={"body": f"flood {tag} {i}"})
        ws.wait_for(lambda: f"flood {tag} {limit - 1}" in _bodies(ws), what="the allowed messages")
        ws.emit("chat_room.send", form={"body": f"refused {tag}"})
        ws.wait_for(lambda: "trop vite" in ws.text(), what="the refusal toast")
        ws.settle(0.5)
        assert f"refused {tag}" not in _bodies(ws)
        assert "ref_chat_composer" in ws.text()  # rx.set_value: the text goes back into the composer
        assert sum(f"flood {tag}" in b for b in _bodies(ws)) == limit


def test_typing_events_are_dropped_past_the_limit(app_url: str):
    limit = _per_minute("limit_typing")
    with WsScript(app_url) as flooder, WsScript(app_url) as watcher:
        room = _join_chat(flooder)
        assert _join_chat(watcher) == room
        for _ in range(limit):
            flooder.emit("chat_room.typed", _value="x")
        watcher.wait_for(lambda: len(watcher.var("chat_room", "typing", [])) == 1, what="« … écrit » shown")
        watcher.wait_for(lambda: watcher.var("chat_room", "typing") == [], timeout=10, what="expired by the sweeper")
        flooder.emit("chat_room.typed", _value="x")  # over the limit: dropped
        watcher.settle(1.5)
        assert watcher.var("chat_room", "typing") == []
        watcher.emit("chat_room.typed", _value="y")  # another tab still may
        flooder.wait_for(lambda: len(flooder.var("chat_room", "typing", [])) == 1, what="the other typist")


def test_assistant_requests_are_refused_past_the_limit(app_url: str, fake_ai):
    limit = _per_minute("limit_ai_request")
    with WsScript(app_url) as ws:
        _join_chat(ws, room=None)
        for i in range(limit + 1):
            ws.emit("chat_room.send", form={"body": f"Question {i} ?"})
            ws.settle(0.3)
        ws.wait_for(lambda: "trop de questions" in ws.text(), what="the assistant refused")
        ws.wait_for(lambda: f"Question {limit} ?" in _bodies(ws), what="the message kept")
