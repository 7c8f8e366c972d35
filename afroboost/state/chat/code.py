"""The chat's code step: proving that an existing contact's email or WhatsApp is yours.

The contact being claimed is kept in a backend-only var set by the server (from the first-visit
form or from the tab's own unverified identity): a crafted event can only try codes for it,
a few at a time (throttled per tab, per IP and per contact), never name another contact.
"""

from __future__ import annotations

import time

import reflex as rx

from afroboost import texts
from afroboost.db import run_write
from afroboost.services.chat.identity import identity_token
from afroboost.services.chat.messages import do_join_chat
from afroboost.services.throttle import allow
from afroboost.services.verification import EXPIRED, OK, TOO_MANY, do_check_code, send_chat_code
from afroboost.state.chat.identity import ChatIdentity
from afroboost.state.throttle import refused

ERRORS = {EXPIRED: "code_expired", TOO_MANY: "code_too_many"}


class ChatCode(rx.State):
    pending: bool = False  # the code form is shown
    hint: str = ""  # « Un code t'a été envoyé à a•••@e•••.ch »
    demo: bool = False  # no channel: the coach's dashboard shows the code
    code: str = ""
    err_code: str = ""
    note: str = ""
    _contact_id: int = 0
    _channel: str = "email"

    async def _start(self, contact_id: int, channel: str) -> None:
        """Send a code to the contact (a new one ends the previous) and show the code form."""
        sent = await send_chat_code(contact_id=contact_id, prefer=channel)
        self._contact_id, self._channel = int(contact_id), channel
        self.pending, self.demo, self.code, self.err_code, self.note = True, sent.demo, "", "", ""
        self.hint = texts.CHAT_CODE_SENT.format(to=sent.hint) if sent.hint else texts.CHAT_CODE_SENT_ANY

    @rx.event
    def set_code(self, value: str):
        self.code, self.err_code = str(value)[:12], ""

    @rx.event
    async def verify(self):
        """The right code turns this tab into the contact, verified; anything else changes nothing."""
        cid = self._contact_id
        if not cid:
            return
        if not "".join(ch for ch in self.code if ch.isdigit()):
            self.err_code = texts.err("chat_code_required")
            return
        if (msg := await refused(self, "code_entry")) or not await allow("code_entry", f"contact:{cid}"):
            self.err_code = msg or texts.err("too_many")
            return
        result = await run_write(do_check_code, contact_id=cid, purpose="chat", code=self.code)
        if result != OK:
            self.err_code = texts.err(ERRORS.get(result, "code_wrong"))
            return
        name = await run_write(do_join_chat, contact_id=cid)
        self.pending, self.code, self.hint, self.note, self._contact_id = False, "", "", "", 0
        me = await self.get_state(ChatIdentity)
        me.token = identity_token(cid, verified=True, issued_at=time.time())
        return await me._enter(cid, name, verified=True, since=0.0)

    @rx.event
    async def resend(self):
        if not self._contact_id:
            return
        if msg := await refused(self, "identity_claim"):
            self.err_code = msg
            return
        await self._start(self._contact_id, self._channel)
        self.note = texts.CHAT_CODE_RESENT

    @rx.event
    def back(self):
        """« Changer d'email ou de numéro »: forget the claim (the code stays valid until it expires)."""
        self.pending, self.code, self.err_code, self.note, self.hint, self._contact_id = False, "", "", "", "", 0
