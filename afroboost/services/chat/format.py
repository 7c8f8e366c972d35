"""What a chat message shows: its body cut into text, links and emojis, its time and day.

A body is never rendered as HTML. It is split into segments that the UI renders as text
spans, links (only http/https, built here) and images (only files of `assets/emojis/`,
addressed by a whitelisted name), so whatever a person or the AI writes stays inert.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.settings import get_settings

EMOJI_DIR = Path(__file__).resolve().parents[3] / "assets" / "emojis"
EMOJI_URL = "/emojis/"
# Native twin of each custom emoji: the image's alt (shown if it fails to load) and the
# rendering of a tag whose file is missing. Names without a file render natively only.
NATIVE = {
    "fire.svg": "🔥", "muscle.svg": "💪", "heart.svg": "❤️", "thumbsup.svg": "👍",
    "star.svg": "⭐", "celebration.svg": "🎉", "clap.svg": "👏", "music.svg": "🎵",
    "crown.svg": "👑", "drum.svg": "🥁", "headphones.svg": "🎧", "sparkles.svg": "✨",
    "smile.svg": "😊", "laugh.svg": "😂", "dance.svg": "💃", "rocket.svg": "🚀",
    "hundred.svg": "💯", "pray.svg": "🙏", "trophy.svg": "🏆", "sun.svg": "☀️",
}
ALIASES = {"party.svg": "celebration.svg", "thumbs-up.svg": "thumbsup.svg", "thumbs_up.svg": "thumbsup.svg",
           "like.svg": "thumbsup.svg", "strong.svg": "muscle.svg", "flame.svg": "fire.svg"}
# Picker order (the first six are the original Afroboost set).
PICKER_ORDER = ["fire.svg", "muscle.svg", "heart.svg", "thumbsup.svg", "star.svg", "celebration.svg",
                "clap.svg", "music.svg", "crown.svg", "drum.svg", "headphones.svg", "sparkles.svg"]
QUICK_NATIVE = ["😊", "😂", "😍", "🔥", "💪", "👏", "🙌", "🎉", "💃", "🕺", "❤️", "👍"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}\.svg$")
_EMOJI_TAG = re.compile(r"\[emoji:([^\[\]\s]{0,80})\]", re.IGNORECASE)
# A URL runs until whitespace, quotes, angle brackets or invisible/control characters.
_URL = re.compile(
    r"(?<![\w@./-])(?:https?://|www\.)[^\s<>\"'`\x00-\x1f\x7f\u200b-\u200f\u2028-\u202f\u2060\ufeff]+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?…»«\"'*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_HOST = re.compile(r"^[\w-]+(\.[\w-]+)*$")

V = TypeVar("V")


@dataclass
class Segment:
    kind: str = "text"  # text | link | emoji
    text: str = ""  # the visible text; for an emoji, its native twin (the image's alt)
    href: str = ""  # links: always http:// or https://
    src: str = ""  # emojis: always /emojis/<whitelisted file>


@lru_cache(maxsize=1)
def emoji_files() -> frozenset[str]:
    """The custom emoji files that exist (the whitelist for `[emoji:…]` tags)."""
    if not EMOJI_DIR.is_dir():
        return frozenset()
    return frozenset(p.name for p in EMOJI_DIR.iterdir() if p.is_file() and _NAME.match(p.name))


def custom_emojis() -> list[tuple[str, str]]:
    """(file, native twin) of every custom emoji, in picker order."""
    files = emoji_files()
    ordered = [n for n in PICKER_ORDER if n in files] + sorted(files - set(PICKER_ORDER))
    return [(n, NATIVE.get(n, "")) for n in ordered]


def emoji_tag(name: str) -> str:
    return f"[emoji:{name}]"


def _emoji_segment(raw: str) -> Segment | None:
    name = raw.strip().lower()
    if name and "." not in name:
        name += ".svg"
    name = ALIASES.get(name, name)
    native = NATIVE.get(name, "")
    if _NAME.match(name) and name in emoji_files():
        return Segment("emoji", text=native, src=EMOJI_URL + name)
    return Segment("text", text=native) if native else None  # unknown: native twin, or nothing


def _trim_url(url: str) -> str:
    """Drop punctuation that ends the sentence, not the URL (keeps balanced brackets)."""
    while url:
        c = url[-1]
        if c in _TRAILING or (c in _CLOSERS and url.count(c) > url.count(_CLOSERS[c])):
            url = url[:-1]
            continue
        break
    return url


def _safe_href(url: str) -> str:
    href = url if url.lower().startswith(("http://", "https://")) else "https://" + url
    try:
        parts = urlsplit(href)
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(host) or "\\" in href:
        return ""
    return href


def _linkify(text: str) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for m in _URL.finditer(text):
        url = _trim_url(m.group(0))
        href = _safe_href(url)
        if not href or url.lower() in ("http://", "https://", "www."):
            continue
        if m.start() > pos:
            out.append(Segment("text", text=text[pos:m.start()]))
        out.append(Segment("link", text=url, href=href))
        pos = m.start() + len(url)
    if pos < len(text):
        out.append(Segment("text", text=text[pos:]))
    return out


def parse_body(body: str) -> list[Segment]:
    """A message body as segments: text, http(s) links and whitelisted custom emojis.

    Emoji tags are read first (a URL never swallows one); a tag's raw text is never kept.
    Neighbouring text segments are merged.
    """
    raw: list[Segment] = []
    pos = 0
    for m in _EMOJI_TAG.finditer(body or ""):
        raw.extend(_linkify(body[pos:m.start()]))
        seg = _emoji_segment(m.group(1))
        if seg is not None:
            raw.append(seg)
        pos = m.end()
    raw.extend(_linkify((body or "")[pos:]))
    out: list[Segment] = []
    for seg in raw:
        if seg.kind == "text" and out and out[-1].kind == "text":
            out[-1] = Segment("text", text=out[-1].text + seg.text)
        elif seg.kind != "text" or seg.text:
            out.append(seg)
    return out


def display_parts(body: str) -> list[Segment]:
    """The segments a bubble renders, or [] when the body shows exactly as written.

    Most messages are plain text: sending their body once instead of twice (body + one
    text segment) halves what every room update carries for them.
    """
    parts = parse_body(body)
    if not body or parts == [Segment("text", text=body)]:
        return []
    return parts or [Segment("text", text="")]  # only dropped tags: show nothing, never the tag


def plain_text(body: str) -> str:
    """The body as a person reads it (emoji tags replaced by their native twins)."""
    return "".join(s.text for s in parse_body(body))


# --- times -------------------------------------------------------------------------------

def studio_tz() -> ZoneInfo:
    return ZoneInfo(get_settings().timezone)


def format_time(at: datetime) -> str:
    """« 18:05 » in the studio's time zone."""
    return as_utc(at).astimezone(studio_tz()).strftime("%H:%M")


def studio_day(at: datetime) -> str:
    """The studio-zone date of an instant, YYYY-MM-DD."""
    return as_utc(at).astimezone(studio_tz()).date().isoformat()


def day_label(day: date | str, *, now: datetime | None = None) -> str:
    """« Aujourd'hui », « Hier », else « lundi 23 novembre » (with the year if not this year)."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    today = date.fromisoformat(studio_day(now or utc_now()))
    if d == today:
        return texts.CHAT_TODAY
    if d == today - timedelta(days=1):
        return texts.CHAT_YESTERDAY
    num = "1er" if d.day == 1 else str(d.day)
    label = f"{texts.WEEKDAYS[d.weekday()]} {num} {texts.MONTHS[d.month - 1]}"
    return label if d.year == today.year else f"{label} {d.year}"


def mark_first_of_day(views: list[V], *, previous_day: str = "", now: datetime | None = None) -> list[V]:
    """Flag the views that open a new day (a date separator goes before them).

    Call it on the whole visible list whenever it is built, appended to or trimmed (the
    first visible message always gets a separator). Separator labels are recomputed
    against `now`, so « Aujourd'hui » turns into « Hier » after midnight on the next update.
    Views are dataclasses with `day`, `first_of_day` and `day_label`; changed ones are copied.
    """
    now = now or utc_now()
    out, prev = [], previous_day
    for v in views:
        first = v.day != prev
        label = day_label(v.day, now=now) if first and v.day else v.day_label
        if first != v.first_of_day or label != v.day_label:
            v = dataclasses.replace(v, first_of_day=first, day_label=label)
        out.append(v)
        prev = v.day
    return out


def room_window(views: list[V], size: int, *, now: datetime | None = None) -> list[V]:
    """The last `size` views with their date separators: use it wherever a room list is set."""
    return mark_first_of_day(list(views)[-size:] if size > 0 else [], now=now)
