"""The comparison server for bench/chat_fanout.py: a bare python-socketio broadcast server.

This is the architecture of the current Afroboost app (PRD: python-socketio, `message_received`
emitted to the room on each new message), reduced to the broadcast itself: no database, no
state, one `emit(..., room=...)` per message. Run: `python bench/_bare_sio.py PORT` (127.0.0.1 only).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import socketio
import uvicorn

sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=[])
app = socketio.ASGIApp(sio)


@sio.event
async def join(sid: str, data: dict) -> bool:
    room = str(data.get("room", ""))
    await sio.save_session(sid, {"room": room, "name": str(data.get("contact", ""))[:80]})
    await sio.enter_room(sid, room)
    return True


@sio.event
async def send(sid: str, data: dict) -> None:
    me = await sio.get_session(sid)
    msg = {"body": str(data.get("body", ""))[:2000], "sender_name": me["name"],
           "at": datetime.now(UTC).isoformat()}
    await sio.emit("message_received", msg, room=me["room"])


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
