"""💬 Conversations: the « 🔗 Lien Chat IA » card (create, copy, delete after confirmation)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.conversations_kit import section, sure
from afroboost.components.coach.form_kit import fill, labelled, row_box, text_field
from afroboost.components.theme import MUTED, VIOLET, neon_button
from afroboost.services.chat.links import LinkRow
from afroboost.state.coach.links import ChatLinksState as L


def mode_badge(strict: rx.Var) -> rx.Component:
    return rx.cond(strict,
                   rx.badge(texts.LINK_STRICT, color_scheme="pink", variant="solid", data_testid="link-mode"),
                   rx.badge(texts.LINK_STANDARD, color_scheme="violet", variant="soft", data_testid="link-mode"))


def link_row(k: LinkRow) -> rx.Component:
    copy = rx.button(rx.icon("copy", size=14), texts.LINK_COPY, size="1", variant="soft", color_scheme="violet",
                     on_click=[rx.set_clipboard(k.url), rx.toast.success(texts.LINK_COPIED)],
                     data_testid="link-copy")
    trash = rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="soft", color_scheme="red",
                           on_click=L.ask_delete(k.id), aria_label=texts.FORM_DELETE, data_testid="link-delete")
    return row_box(
        rx.vstack(
            rx.hstack(rx.text(k.title, weight="bold", data_testid="link-title"), mode_badge(k.strict),
                      spacing="2", align="center", wrap="wrap"),
            rx.text(k.url, size="1", color=VIOLET, font_family="monospace", word_break="break-all",
                    data_testid="link-url"),
            rx.cond(k.prompt != "", rx.text("« " + k.prompt + " »", size="1", color=MUTED, font_style="italic")),
            rx.text(k.created + " · " + fill(texts.CONV_COUNT, k.conversations), size="1", color=MUTED),
            spacing="1", align="start", flex="1 1 220px", min_width="0",
        ),
        rx.cond(L.confirm_delete == k.id, sure(L.delete(k.id), L.keep, "link-delete"),
                rx.flex(copy, trash, spacing="2")),
        data_testid="link-row",
    )


def links_card() -> rx.Component:
    prompt = rx.text_area(value=L.custom_prompt, on_change=L.set_custom_prompt, rows="3", size="2", width="100%",
                          data_testid="new-link-custom-prompt")
    return section(
        texts.LINKS_TITLE, texts.LINKS_HINT,
        text_field(texts.LINK_TITLE, L.title, L.set_title, L.err["title"], "link-title", wide=True, size="2"),
        labelled(texts.LINK_PROMPT, prompt, L.err["custom_prompt"], "link-prompt", hint=texts.LINK_PROMPT_HINT),
        neon_button(texts.LINK_CREATE, size="2", on_click=L.create, data_testid="link-create"),
        rx.cond(
            L.rows.length() == 0,
            rx.text(texts.LINK_NONE, color=MUTED, size="2", data_testid="links-none"),
            rx.vstack(rx.foreach(L.rows, link_row), spacing="2", width="100%", max_height="420px",
                      overflow_y="auto"),
        ),
        on_mount=L.load, data_testid="chat-links-card",
    )
