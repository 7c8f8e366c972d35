"""Media pages: slugs, video links -> embed URLs, CTA links, images, OpenGraph HTML."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from afroboost.api import og
from afroboost.db import in_read, in_write
from afroboost.services import ServiceError
from afroboost.services.content.images import check_image, discard_image, is_stored_image, save_image
from afroboost.services.content.media import (
    MEDIA_SLUG,
    access_media_page,
    check_media,
    do_save_media,
    embed_url,
    inject_head,
    is_https_url,
    og_head,
)

YT = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?modestbranding=1&rel=0"
DRIVE = "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_-q/preview"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize("slug", ["a", "cours-du-mardi", "2026-video-1", "a" * 80, "-"])
def test_media_slug_accepted(slug):
    assert MEDIA_SLUG.match(slug)
    assert "slug" not in _errors(slug=slug)


@pytest.mark.parametrize("slug", ["", "A", "ma video", "vidéo", "a_b", "a/b", "a" * 81, "a.b"])
def test_media_slug_refused(slug):
    assert _errors(slug=slug)["slug"] in ("content_slug_required", "media_slug_invalid")


@pytest.mark.parametrize(("url", "embed"), [
    ("https://youtu.be/dQw4w9WgXcQ", YT),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc&t=42", YT),
    ("youtu.be/dQw4w9WgXcQ", YT),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YT),
    ("https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=10s", YT),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", YT),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", YT),
    ("https://youtube.com/shorts/dQw4w9WgXcQ?feature=share", YT),
    ("  https://www.youtube.com/watch?v=dQw4w9WgXcQ  ", YT),
    ("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_-q/view?usp=sharing", DRIVE),
    ("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_-q", DRIVE),
    ("https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp_-q", DRIVE),
    ("https://drive.google.com/uc?id=1AbCdEfGhIjKlMnOp_-q&export=download", DRIVE),
])
def test_embed_url(url, embed):
    assert embed_url(url) == embed


@pytest.mark.parametrize("url", [
    "", "https://vimeo.com/123456", "https://www.youtube.com/watch", "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>", "https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ",
    "https://evil.com/youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com@evil.com/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)//youtu.be/dQw4w9WgXcQ", "ftp://youtu.be/dQw4w9WgXcQ", "https://drive.google.com/drive/folders/1AbCdEfGhIjK",
    "https://drive.google.com/file/d/<script>/view", "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit",
    "https://www.youtube.com/channel/UCabcdefghijk", "https://youtu.be/dQw4w9WgXcQ/extra",
])
def test_other_links_refused(url):
    assert embed_url(url) is None
    assert _errors(video_url=url)["video_url"] in ("content_video_required", "content_video_unsupported")


@pytest.mark.parametrize(("url", "ok"), [
    ("https://afroboost.ch/reserver", True), ("https://wa.me/41791234567?text=Salut", True),
    ("http://afroboost.ch", False), ("javascript:alert(1)", False), ("afroboost.ch", False),
    ("https://", False), ("https://localhost", False), ("https://user@evil.com", False),
    ("https://a b.ch", False), ("https://" + "a" * 500 + ".ch", False),
])
def test_cta_must_be_https(url, ok):
    assert is_https_url(url) is ok


def _errors(**kw) -> dict[str, str]:
    values = dict(slug="ok", title="Titre", description="", video_url="https://youtu.be/dQw4w9WgXcQ",
                  thumbnail="", cta_text="", cta_url="")
    values.update(kw)
    return check_media(**values)


def test_cta_text_and_link_go_together():
    assert _errors() == {}
    assert _errors(cta_text="Réserver", cta_url="https://afroboost.ch") == {}
    assert _errors(cta_text="Réserver")["cta_url"] == "content_cta_url_required"
    assert _errors(cta_url="https://afroboost.ch")["cta_text"] == "content_cta_text_required"
    assert _errors(cta_text="Go", cta_url="http://afroboost.ch")["cta_url"] == "content_cta_url_invalid"


def _save(**kw):
    values = dict(slug="ma-video", title="Ma vidéo", video_url="https://youtu.be/dQw4w9WgXcQ")
    values.update(kw)
    return in_write(do_save_media, **values)


def test_save_stores_the_link_as_typed_and_computes_the_embed(db):
    _save(video_url="https://www.youtube.com/shorts/dQw4w9WgXcQ")
    view = in_read(access_media_page, slug="ma-video")
    assert view.video_url == "https://www.youtube.com/shorts/dQw4w9WgXcQ" and view.embed_url == YT
    assert in_read(access_media_page, slug="autre") is None
    assert in_read(access_media_page, slug="../ma-video") is None


def test_duplicate_media_slug_refused(db):
    _save()
    other, _ = _save(slug="autre")
    for kw in ({}, {"media_id": other}):
        with pytest.raises(ServiceError) as e:
            _save(**kw)
        assert (e.value.key, e.value.field) == ("content_slug_taken", "slug")


def test_bad_video_refused_before_saving(db):
    with pytest.raises(ServiceError) as e:
        _save(video_url="https://vimeo.com/1")
    assert (e.value.key, e.value.field) == ("content_video_unsupported", "video_url")


# --- images -------------------------------------------------------------------------------

def test_images_checked_by_extension_and_bytes():
    assert check_image(filename="a.PNG", data=PNG, max_bytes=1000) == ".png"
    assert check_image(filename="a.jpeg", data=b"\xff\xd8\xff\xe0" + b"0" * 10, max_bytes=1000) == ".jpg"
    assert check_image(filename="a.webp", data=b"RIFF\x00\x00\x00\x00WEBPVP8 ", max_bytes=1000) == ".webp"
    for name, data in (("a.svg", b"<svg onload=alert(1)>"), ("a.png", b"<html><script>alert(1)</script>"),
                       ("a.gif", PNG), ("a", PNG), ("a.pdf", b"%PDF-1.4")):
        with pytest.raises(ServiceError) as e:
            check_image(filename=name, data=data, max_bytes=1000)
        assert e.value.key == "content_image_type"
    with pytest.raises(ServiceError) as e:
        check_image(filename="a.png", data=PNG + b"0" * (5 * 1024 * 1024), max_bytes=5 * 1024 * 1024)
    assert (e.value.key, e.value.params) == ("content_image_too_big", {"mb": 5})


def test_save_image_uses_a_random_name_and_discard_stays_inside(tmp_path):
    rel = save_image(upload_dir=tmp_path, folder="medias", filename="../../evil name.png", data=PNG, max_bytes=1000)
    assert re.fullmatch(r"medias/[0-9a-f]{32}\.png", rel) and is_stored_image(rel)
    assert (tmp_path / rel).read_bytes() == PNG
    outside = tmp_path / "keep.png"
    outside.write_bytes(PNG)
    discard_image(upload_dir=tmp_path / "medias", rel="../keep.png")
    assert outside.exists()
    discard_image(upload_dir=tmp_path, rel=rel)
    assert not (tmp_path / rel).exists()


# --- OpenGraph ----------------------------------------------------------------------------

EVIL = '"><script>alert(1)</script> & <b>'


def test_og_head_escapes_everything():
    head = og_head(title=EVIL, description=EVIL + "\n\nsuite", image_url='https://x.ch/a.png?"x', page_url=EVIL,
                   site_name="Afroboost")
    assert "<script" not in head and "<b>" not in head
    assert '<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"/>' \
        in head
    assert "<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt; – Afroboost</title>" in head
    assert 'content="https://x.ch/a.png?&quot;x"' in head
    assert head.count("<meta") == 11 and head.count("<title>") == 1


def test_og_head_without_image_has_no_og_image():
    head = og_head(title="T", description="", image_url="", page_url="https://a.ch/v/t", site_name="A")
    assert "og:image" not in head and 'content="summary"' in head


def test_inject_head_goes_right_after_the_head_tag():
    assert inject_head('<html><head><meta charSet="utf-8"/><link/></head>', "<X/>") == \
        '<html><head><meta charSet="utf-8"/><X/><link/></head>'
    assert inject_head('<html><head><link/><meta charset="utf-8"></head>', "<X/>") == \
        '<html><head><X/><link/><meta charset="utf-8"></head>'
    assert inject_head('<html><HEAD lang="fr"></HEAD>', "<X/>") == '<html><HEAD lang="fr"><X/></HEAD>'
    assert inject_head("<header></header><head></head>", "<X/>") == "<header></header><head><X/></head>"
    assert inject_head("<p>no head</p>", "<X/>") == "<X/><p>no head</p>"


def test_og_route_serves_the_spa_fallback_with_the_tags(db, tmp_path, monkeypatch):
    fallback = tmp_path / "__spa-fallback.html"
    fallback.write_text('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/></head><body>SPA</body></html>')
    monkeypatch.setattr(og, "spa_fallback_path", lambda: fallback)
    _save(slug="salsa", title='Salsa "live" <3', description="Bouge & transpire",
          thumbnail="medias/" + "a" * 32 + ".jpg")
    from afroboost.api.app import create_api
    from afroboost.settings import get_settings

    monkeypatch.setattr(get_settings(), "site_url", "https://afroboost.example/")
    client = TestClient(create_api())
    html = client.get("/v/salsa").text
    assert html.startswith('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'
                           '<title>Salsa &quot;live&quot; &lt;3 – Afroboost</title>')
    assert '<meta property="og:title" content="Salsa &quot;live&quot; &lt;3"/>' in html
    assert '<meta property="og:description" content="Bouge &amp; transpire"/>' in html
    assert f'<meta property="og:image" content="https://afroboost.example/_upload/medias/{"a" * 32}.jpg"/>' in html
    assert '<meta property="og:url" content="https://afroboost.example/v/salsa"/>' in html
    assert html.endswith("<body>SPA</body></html>")
    # Unknown slug: the SPA fallback untouched (the page itself shows « introuvable »).
    assert client.get("/v/inconnu").text == fallback.read_text()
    assert client.get("/v/%22%3E%3Cscript%3E").text == fallback.read_text()
