"""Chat message formatting: links, custom emojis, studio-zone times, day separators."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from afroboost.models import ChatMessage
from afroboost.services.chat.format import (
    EMOJI_DIR,
    NATIVE,
    Segment,
    custom_emojis,
    day_label,
    display_parts,
    emoji_files,
    format_time,
    mark_first_of_day,
    parse_body,
    plain_text,
    room_window,
    studio_day,
)
from afroboost.services.chat.messages import MessageView, message_view


def kinds(body: str) -> list[tuple[str, str]]:
    return [(s.kind, s.href or s.src or s.text) for s in parse_body(body)]


def links(body: str) -> list[tuple[str, str]]:
    return [(s.text, s.href) for s in parse_body(body) if s.kind == "link"]


# --- links -------------------------------------------------------------------------------

def test_plain_text_is_one_text_segment():
    assert parse_body("Salut la team !") == [Segment("text", "Salut la team !")]
    assert parse_body("") == []


@pytest.mark.parametrize(("body", "text", "href"), [
    ("Va sur https://afroboost.ch.", "https://afroboost.ch", "https://afroboost.ch"),
    ("(voir https://afroboost.ch/cours)", "https://afroboost.ch/cours", "https://afroboost.ch/cours"),
    ("lien: http://exemple.ch/a?b=1&c=2, merci", "http://exemple.ch/a?b=1&c=2", "http://exemple.ch/a?b=1&c=2"),
    ("https://fr.wikipedia.org/wiki/Afrobeat_(genre)!", "https://fr.wikipedia.org/wiki/Afrobeat_(genre)",
     "https://fr.wikipedia.org/wiki/Afrobeat_(genre)"),
    ("« https://afroboost.ch/promo »", "https://afroboost.ch/promo", "https://afroboost.ch/promo"),
    ("Tu viens ? www.afroboost.ch?", "www.afroboost.ch", "https://www.afroboost.ch"),
    ("HTTPS://AFROBOOST.CH/X;", "HTTPS://AFROBOOST.CH/X", "HTTPS://AFROBOOST.CH/X"),
])
def test_urls_become_links_without_trailing_punctuation(body, text, href):
    assert links(body) == [(text, href)]
    assert "".join(s.text for s in parse_body(body)) == body  # nothing lost, nothing added


def test_several_links_and_the_text_between_them():
    segs = parse_body("A https://a.ch et www.b.ch/x puis http://c.ch")
    assert [(s.kind, s.text) for s in segs] == [
        ("text", "A "), ("link", "https://a.ch"), ("text", " et "), ("link", "www.b.ch/x"),
        ("text", " puis "), ("link", "http://c.ch")]
    assert [s.href for s in segs if s.kind == "link"] == ["https://a.ch", "https://www.b.ch/x", "http://c.ch"]


@pytest.mark.parametrize("body", [
    "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)", "http://", "https://", "www.", "mailto:coach@afroboost.ch", "ftp://x.ch/f",
    "awww.afroboost.ch", "https://<script>", "https://a.ch\\@evil.ch", "https://[::1]/x",
])
def test_only_real_http_urls_are_links(body):
    assert parse_body(body) == [Segment("text", body)]


def test_a_link_href_is_always_http_or_https():
    body = ("x javascript://www.evil.ch/%0aalert(1) https://ok.ch/\"onmouseover=alert(1) "
            "<a href='javascript:alert(1)'>x</a> www.ok.ch/'><script>")
    for s in parse_body(body):
        if s.kind == "link":
            assert re.match(r"^https?://[^\s\"'<>`]+$", s.href), s.href


def test_html_stays_text():
    body = '<script>alert(1)</script><img src=x onerror="window.__pwned=1"> https://ok.ch'
    segs = parse_body(body)
    assert segs[0] == Segment("text", '<script>alert(1)</script><img src=x onerror="window.__pwned=1"> ')
    assert segs[1].href == "https://ok.ch"
    assert not any(s.kind == "emoji" for s in segs)


# --- emojis ------------------------------------------------------------------------------

def test_known_emoji_tag_becomes_an_image_with_its_native_twin():
    assert parse_body("Bravo [emoji:fire.svg]!") == [
        Segment("text", "Bravo "), Segment("emoji", "🔥", src="/emojis/fire.svg"), Segment("text", "!")]
    assert kinds("[EMOJI:Muscle.SVG][emoji:heart]") == [("emoji", "/emojis/muscle.svg"), ("emoji", "/emojis/heart.svg")]
    assert kinds("[emoji:party.svg]") == [("emoji", "/emojis/celebration.svg")]  # alias


def test_unknown_emoji_tags_never_show_their_raw_text():
    # Known native twin but no file: the native character.
    assert parse_body("Go [emoji:rocket.svg]") == [Segment("text", "Go 🚀")]
    # Nothing known: dropped, the text around is joined.
    assert parse_body("a[emoji:nope.svg]b") == [Segment("text", "ab")]
    assert parse_body("[emoji:]") == []


@pytest.mark.parametrize("tag", [
    "[emoji:../x.svg]", "[emoji:../../afroboost.db]", "[emoji:/etc/passwd]", "[emoji:fire.svg/../../x]",
    "[emoji:https://evil.ch/x.svg]", "[emoji:fire.svg?x=1]", "[emoji:fire.png]", "[emoji:%2e%2e/x.svg]",
    "[emoji:javascript:alert(1)]", "[emoji:fire.svg\"onerror=alert(1)]", "[emoji:..\\fire.svg]",
])
def test_malformed_emoji_tags_never_give_a_src_outside_the_whitelist(tag):
    segs = parse_body(f"x {tag} y")
    for s in segs:
        assert s.kind != "emoji" or (s.src.startswith("/emojis/") and s.src[len("/emojis/"):] in emoji_files())
    assert "[emoji:" not in "".join(s.text for s in segs)


def test_a_half_tag_is_plain_text_and_tags_win_over_urls():
    assert parse_body("[emoji:fire.svg") == [Segment("text", "[emoji:fire.svg")]
    segs = parse_body("https://afroboost.ch[emoji:star.svg]")
    assert [(s.kind, s.href or s.src) for s in segs] == [("link", "https://afroboost.ch"),
                                                         ("emoji", "/emojis/star.svg")]


def test_plain_text_replaces_tags_by_native_emojis():
    assert plain_text("On y va [emoji:fire.svg][emoji:muscle.svg] [emoji:x.svg]") == "On y va 🔥💪 "


def test_every_asset_is_a_small_self_contained_svg_with_a_native_twin():
    files = sorted(emoji_files())
    assert 10 <= len(files) <= 16
    assert [n for n, _ in custom_emojis()][:6] == ["fire.svg", "muscle.svg", "heart.svg", "thumbsup.svg",
                                                    "star.svg", "celebration.svg"]
    for name in files:
        raw = (EMOJI_DIR / name).read_bytes()
        assert len(raw) < 2048, name
        root = ET.fromstring(raw)
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 64 64", name
        text = raw.decode().lower()
        for bad in ("<script", "href", "http://x", "https://", "@import", "url(http", "<foreignobject", " on"):
            assert bad not in text.replace('xmlns="http://www.w3.org/2000/svg"', ""), (name, bad)
        assert NATIVE.get(name), name


# --- times and days ----------------------------------------------------------------------

def test_time_and_day_are_in_the_studio_zone_across_midnight():
    winter = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)  # 00:30 on the 15th in Zurich (UTC+1)
    assert (format_time(winter), studio_day(winter)) == ("00:30", "2026-01-15")
    summer = datetime(2026, 7, 14, 22, 5, tzinfo=UTC)  # 00:05 on the 15th (UTC+2)
    assert (format_time(summer), studio_day(summer)) == ("00:05", "2026-07-15")
    naive = datetime(2026, 7, 14, 21, 59)  # SQLite gives naive UTC
    assert (format_time(naive), studio_day(naive)) == ("23:59", "2026-07-14")


def test_dst_changes():
    # 29 March 2026: 02:00 CET -> 03:00 CEST. 00:59 UTC = 01:59 local, 01:00 UTC = 03:00 local.
    assert format_time(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == "01:59"
    assert format_time(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "03:00"
    # 25 October 2026: 03:00 CEST -> 02:00 CET; 22:30 UTC the day before is still the 25th locally.
    assert format_time(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) == "02:30"
    assert format_time(datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == "02:30"
    assert studio_day(datetime(2026, 10, 24, 22, 30, tzinfo=UTC)) == "2026-10-25"


def test_day_labels_relative_to_now_in_the_studio_zone():
    now = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)  # Wednesday 25 Nov, 00:30 in Zurich
    assert day_label("2026-11-25", now=now) == "Aujourd'hui"
    assert day_label("2026-11-24", now=now) == "Hier"
    assert day_label("2026-11-23", now=now) == "lundi 23 novembre"
    assert day_label("2026-11-01", now=now) == "dimanche 1er novembre"
    assert day_label("2025-12-31", now=now) == "mercredi 31 décembre 2025"
    # Just after the spring-forward night: 22:30 UTC on 29 March is 00:30 on the 30th.
    assert day_label("2026-03-29", now=datetime(2026, 3, 29, 22, 30, tzinfo=UTC)) == "Hier"


def _view(i: int, at: datetime, **kw) -> MessageView:
    return message_view(ChatMessage(id=i, conversation_id=1, sender_kind="member", contact_id=1,
                                    sender_name="Awa", body=kw.get("body", f"m{i}"), created_at=at))


def test_message_view_carries_parts_time_and_day():
    v = _view(1, datetime(2026, 1, 14, 23, 30, tzinfo=UTC), body="Top [emoji:fire.svg] www.afroboost.ch")
    assert (v.day, v.time) == ("2026-01-15", "00:30")
    assert [s.kind for s in v.parts] == ["text", "emoji", "text", "link"]
    assert v.body == "Top [emoji:fire.svg] www.afroboost.ch"


def test_plain_bodies_are_sent_once():
    assert display_parts("Salut <b>la team</b>") == []  # the bubble shows `body` as text
    assert display_parts("") == []
    # Anything that renders differently from its raw text keeps its segments.
    assert display_parts("Go [emoji:rocket.svg]") == [Segment("text", "Go 🚀")]
    assert display_parts("a[emoji:nope.svg]") == [Segment("text", "a")]
    assert display_parts("[emoji:nope.svg]") == [Segment("text", "")]  # nothing to show, never the tag
    assert _view(9, datetime(2026, 1, 1, tzinfo=UTC), body="[emoji:nope.svg]").parts == [Segment("text", "")]
    assert _view(9, datetime(2026, 1, 1, tzinfo=UTC), body="Salut").parts == []


def test_first_of_day_flags_and_labels():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    views = [_view(1, datetime(2026, 11, 23, 18, 0, tzinfo=UTC)),
             _view(2, datetime(2026, 11, 23, 22, 59, tzinfo=UTC)),  # 23:59 local, same day
             _view(3, datetime(2026, 11, 23, 23, 1, tzinfo=UTC)),  # 00:01 local on the 24th
             _view(4, datetime(2026, 11, 25, 8, 0, tzinfo=UTC)),
             _view(5, datetime(2026, 11, 25, 9, 0, tzinfo=UTC))]
    marked = mark_first_of_day(views, now=now)
    assert [v.first_of_day for v in marked] == [True, False, True, True, False]
    assert [v.day_label for v in marked if v.first_of_day] == ["lundi 23 novembre", "Hier", "Aujourd'hui"]
    assert [v.id for v in marked] == [1, 2, 3, 4, 5]
    # Appending: only the new message is considered, against the previous day.
    new = _view(6, datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    assert mark_first_of_day([new], previous_day=marked[-1].day, now=now)[0].first_of_day is False
    # Trimming the head: the first visible message opens its day again.
    assert mark_first_of_day(marked[1:], now=now)[0].first_of_day is True
    # Labels follow `now`: the next day « Aujourd'hui » becomes « Hier ».
    later = mark_first_of_day(marked, now=datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    assert later[3].day_label == "Hier"
    assert views[2].first_of_day is False  # the input list is not modified


def test_room_window_trims_then_marks():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    views = [_view(i, datetime(2026, 11, 25, 8, i, tzinfo=UTC)) for i in range(1, 6)]
    window = room_window(views, 3, now=now)
    assert [(v.id, v.first_of_day, v.day_label) for v in window] == [
        (3, True, "Aujourd'hui"), (4, False, views[3].day_label), (5, False, views[4].day_label)]
    assert room_window(views, 0, now=now) == []
