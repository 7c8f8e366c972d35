"""The 😊 button of the composer: custom Afroboost emojis and a row of classic ones.

Picking one inserts `[emoji:fire.svg]` (or the native character) at the caret of the
composer input, in the browser only (the input is uncontrolled: nothing typed goes to the
server before « Envoyer »). The inserted strings are compile-time constants.
"""

from __future__ import annotations

import json

import reflex as rx

from afroboost import texts
from afroboost.components.theme import VIOLET
from afroboost.services.chat.format import EMOJI_URL, QUICK_NATIVE, custom_emojis, emoji_tag

GRID = "repeat(6, 40px)"
# Sets the value through the element's native setter (so React and the form see it), puts
# the caret after the insertion and gives the focus back (which also closes the popover).
_INSERT = (
    "((id, ins) => { const el = document.getElementById(id); if (!el) return;"
    " const v = el.value, s = el.selectionStart ?? v.length, e = el.selectionEnd ?? v.length;"
    " const next = v.slice(0, s) + ins + v.slice(e);"
    " if (el.maxLength > 0 && next.length > el.maxLength) { el.focus(); return; }"
    " Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, next);"
    " el.dispatchEvent(new Event('input', { bubbles: true }));"
    " el.focus(); el.setSelectionRange(s + ins.length, s + ins.length); })"
)


def insert_script(input_id: str, text: str) -> str:
    """The JS that inserts `text` at the caret of the input `input_id` (both JSON-quoted)."""
    return f"{_INSERT}({json.dumps(input_id)}, {json.dumps(text)})"


def _option(input_id: str, insert: str, content: rx.Component, label: str) -> rx.Component:
    return rx.button(content, on_click=rx.call_script(insert_script(input_id, insert)), type="button",
                     variant="ghost", size="2", aria_label=label, title=label, padding="0", margin="0",
                     width="40px", height="40px", data_testid="chat-emoji-option", custom_attrs={"data-emoji": insert})


def emoji_picker(input_id: str) -> rx.Component:
    """A 😊 button opening a grid of emojis that insert into the input with DOM id `input_id`."""
    custom = [
        _option(input_id, emoji_tag(name), rx.image(src=EMOJI_URL + name, alt=native, width="28px",
                                                    height="28px", draggable=False), native or name)
        for name, native in custom_emojis()
    ]
    native = [_option(input_id, ch, rx.text(ch, size="5", line_height="1"), ch) for ch in QUICK_NATIVE]
    return rx.popover.root(
        rx.popover.trigger(rx.button("😊", type="button", variant="soft", size="3", aria_label=texts.CHAT_EMOJI_BUTTON,
                                     title=texts.CHAT_EMOJI_BUTTON, data_testid="chat-emoji-button")),
        rx.popover.content(
            rx.vstack(
                rx.text(texts.CHAT_EMOJI_CUSTOM, size="1", color=VIOLET, weight="bold"),
                rx.grid(*custom, grid_template_columns=GRID, gap="4px"),
                rx.text(texts.CHAT_EMOJI_NATIVE, size="1", color=VIOLET, weight="bold"),
                rx.grid(*native, grid_template_columns=GRID, gap="4px"),
                spacing="2",
            ),
            side="top", align="start", padding="0.75em", background="#0b0b10",
            border="1px solid rgba(139, 92, 246, 0.45)", box_shadow="0 0 18px rgba(139, 92, 246, 0.3)",
            data_testid="chat-emoji-panel",
        ),
    )
