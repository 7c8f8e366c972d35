"""« 🔗 Lien Chat IA » card: create a link (STRICT with its own prompt), list, delete after confirmation.

« Copier » runs in the browser only (clipboard + toast): no round trip, so the click still
counts as the user gesture the clipboard API asks for.
"""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from afroboost import texts
from afroboost.db import run_write
from afroboost.services import ServiceError
from afroboost.services.chat.links import (
    MAX_PROMPT,
    MAX_TITLE,
    LinkRow,
    access_chat_links,
    do_create_chat_link,
    do_delete_chat_link,
)
from afroboost.services.forms import error_messages
from afroboost.state.auth import CoachState
from afroboost.state.coach.crud import Crud, RowsTab, as_text

ERR_FIELDS = ("title", "custom_prompt", "general")


class ChatLinksState(RowsTab, CoachState):
    """Links are created, never edited; a delete is soft (see links.do_delete_chat_link)."""

    crud: ClassVar[Crud] = Crud(access_rows=access_chat_links, id_arg="link_id", do_delete=do_delete_chat_link,
                                deleted=texts.LINK_DELETED)
    rows: list[LinkRow] = []
    title: str = ""
    custom_prompt: str = ""
    err: dict[str, str] = dict.fromkeys(ERR_FIELDS, "")

    @rx.event
    def set_title(self, value: str):
        self.title, self.err["title"] = as_text(value, MAX_TITLE + 50), ""

    @rx.event
    def set_custom_prompt(self, value: str):
        self.custom_prompt, self.err["custom_prompt"] = as_text(value, MAX_PROMPT + 100), ""

    @rx.event
    async def create(self):
        try:
            link = await run_write(do_create_chat_link, title=self.title, custom_prompt=self.custom_prompt)
        except ServiceError as e:
            msgs = error_messages(e)
            self.err = {k: msgs.get(k, "") for k in ERR_FIELDS}
            return
        self.title, self.custom_prompt, self.err = "", "", dict.fromkeys(ERR_FIELDS, "")
        await self._refresh()
        return rx.toast.success(texts.LINK_CREATED.format(title=link.title))
