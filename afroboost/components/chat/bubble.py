"""One chat message: date separator, sender line, bubble (text, links, emojis), time.

Bodies with links or emojis arrive cut into segments (services/chat_format.py); each is
rendered as a text span, a link with a server-built http(s) href, or an image from /emojis/.
Plain bodies (no segments) are one text span. Never HTML.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED, PINK, VIOLET
from afroboost.services.chat.format import Segment
from afroboost.services.chat.messages import MessageView
from afroboost.state.chat import ChatIdentity as I
from afroboost.state.chat.private import PrivateRoom
from afroboost.state.chat.room import ChatRoom

GOLD = "#FACC15"
CYAN = "#22d3ee"
AI_VIOLET = "#c4b5fd"
GREY = "#1f1f27"
NAME_COLORS = {"coach": GOLD, "ai": AI_VIOLET, "member": CYAN, "system": MUTED}


def part(s: Segment) -> rx.Component:
    return rx.match(
        s.kind,
        ("link", rx.link(s.text, href=s.href, is_external=True, rel="noopener noreferrer nofollow",
                         color="inherit", text_decoration="underline",
                         data_testid="chat-link")),
        ("emoji", rx.image(src=s.src, alt=s.text, title=s.text, width="1.4em", height="1.4em",
                           display="inline-block", vertical_align="-0.3em", margin_x="0.05em",
                           loading="lazy", draggable=False, data_testid="chat-emoji")),
        rx.text.span(s.text),
    )


def day_separator(m: MessageView) -> rx.Component:
    line = rx.box(flex="1", height="1px", background="rgba(139, 92, 246, 0.3)")
    return rx.hstack(
        line,
        rx.text(m.day_label, size="1", color=MUTED, padding="0.15em 0.75em", border_radius="999px",
                border="1px solid rgba(139, 92, 246, 0.35)", background="rgba(0, 0, 0, 0.6)",
                white_space="nowrap"),
        line,
        align="center", width="100%", padding_y="0.5em", data_testid="chat-day-separator",
    )


def sender_line(m: MessageView) -> rx.Component:
    name = rx.match(m.sender_kind, ("ai", texts.CHAT_AI_NAME), m.sender_name)
    color = rx.match(m.sender_kind, *NAME_COLORS.items(), CYAN)
    # A member's or the coach's name opens a private conversation with them (checked on the server).
    reachable = (m.sender_kind == "coach") | ((m.sender_kind == "member") & (m.contact_id != 0) & ~I.is_coach_view)
    return rx.hstack(
        rx.cond(reachable,
                rx.text(name, size="1", weight="bold", color=color, cursor="pointer",
                        text_decoration="underline dotted", title=texts.CHAT_WRITE_PRIVATELY, data_testid="chat-sender",
                        on_click=PrivateRoom.open_with(rx.cond(m.sender_kind == "coach", 0, m.contact_id))),
                rx.text(name, size="1", weight="bold", color=color, data_testid="chat-sender")),
        rx.cond(m.sender_kind == "coach",
                rx.badge(texts.CHAT_COACH_BADGE, size="1", variant="solid", radius="full",
                         style={"background": VIOLET, "color": "#fff"}, data_testid="chat-coach-badge")),
        spacing="2", align="center", padding_x="0.4em",
    )


def delete_button(m: MessageView) -> rx.Component:
    """Coach moderation from the dashboard (the server re-checks the coach)."""
    return rx.icon_button(rx.icon("trash-2", size=12), size="1", variant="ghost", color_scheme="red",
                          on_click=ChatRoom.delete_message(m.id), title=texts.CHAT_DELETE_MESSAGE,
                          aria_label=texts.CHAT_DELETE_MESSAGE, data_testid="chat-delete-message")


def bubble(m: MessageView) -> rx.Component:
    mine = (m.sender_kind == "member") & (m.contact_id == I.own_contact)
    system = m.sender_kind == "system"
    side = rx.cond(mine, "flex-end", rx.cond(system, "center", "flex-start"))
    return rx.fragment(
        rx.cond(m.first_of_day, day_separator(m)),
        rx.flex(
            rx.cond(~mine & ~system, sender_line(m)),
            rx.text(
                rx.cond(m.parts.length() > 0, rx.foreach(m.parts, part), rx.text.span(m.body)),
                white_space="pre-wrap", word_break="break-word", overflow_wrap="anywhere", size="3",
                padding="0.5em 0.8em", color=rx.cond(system, MUTED, "#fff"),
                font_style=rx.cond(system, "italic", "normal"),
                border_radius=rx.cond(mine, "16px 16px 4px 16px", "16px 16px 16px 4px"),
                background=rx.cond(mine, PINK, rx.match(m.sender_kind, ("coach", VIOLET), ("system", "transparent"),
                                                        GREY)),
                box_shadow=rx.cond(m.sender_kind == "coach", "0 0 12px rgba(139, 92, 246, 0.45)", "none"),
                data_testid="chat-body",
            ),
            rx.hstack(
                rx.text(m.time, size="1", color=MUTED, data_testid="chat-time"),
                rx.cond(I.is_coach_view & (m.id > 0), delete_button(m)),
                spacing="2", align="center", padding_x="0.4em",
            ),
            direction="column", align_items=side, gap="2px",
            align_self=side, max_width="85%", data_testid="chat-message",
        ),
    )
