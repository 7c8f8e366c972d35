"""Public content: a media page for crawlers and on a phone, articles rendered without raw HTML,
and the coach's Articles and Médias tabs."""

from __future__ import annotations

import html
import re
import struct
import urllib.request
import uuid
import zlib
from datetime import timedelta

import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session

from afroboost.db import utc_now
from afroboost.models import Article, MediaPage
from tests.conftest import ROOT
from tests.e2e.test_coach_journey import coach_sign_in

UPLOADS = ROOT / "uploaded_files"  # the server's rx.get_upload_dir() (cwd = repo root)


def png(width: int = 64, height: int = 36, rgb: tuple[int, int, int] = (139, 92, 246)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _add(db_url: str, row) -> None:
    with Session(sa.create_engine(db_url)) as session:
        session.add(row)
        session.commit()


def _crawl(url: str) -> str:
    """What a social crawler gets: plain HTTP, no JavaScript."""
    req = urllib.request.Request(url, headers={"User-Agent": "facebookexternalhit/1.1"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200
        return r.read().decode()


def test_media_page_for_crawlers_and_on_a_phone(phone: Page, app_url: str, e2e_db_url: str):
    slug = f"salsa-{uuid.uuid4().hex[:8]}"
    thumb = f"medias/{uuid.uuid4().hex}.png"
    (UPLOADS / "medias").mkdir(parents=True, exist_ok=True)
    (UPLOADS / thumb).write_bytes(png())
    title = 'Salsa "live" <3 & Afrobeat'
    try:
        _add(e2e_db_url, MediaPage(slug=slug, title=title, description="Une séance filmée au studio.",
                                   video_url=f"https://youtu.be/dQw4w9WgXcQ?si={slug}", thumbnail=thumb,
                                   cta_text="Réserver mon casque", cta_url="https://afroboost.ch/reserver"))

        page_html = _crawl(f"{app_url}/v/{slug}")
        head = page_html.split("</head>", 1)[0]
        assert f'<meta property="og:title" content="{html.escape(title)}"/>' in head
        assert '<meta property="og:description" content="Une séance filmée au studio."/>' in head
        assert f'<meta property="og:image" content="{app_url}/_upload/{thumb}"/>' in head
        assert f'<meta property="og:url" content="{app_url}/v/{slug}"/>' in head
        assert "<3 &" not in head  # escaped, never raw
        with urllib.request.urlopen(f"{app_url}/_upload/{thumb}", timeout=10) as r:  # og:image is reachable
            assert r.status == 200 and r.read() == png()
        assert "og:title" not in _crawl(f"{app_url}/v/inconnu-{slug}")

        # The same URL in a browser: the SPA hydrates and renders the page.
        page = phone
        page.goto(f"{app_url}/v/{slug}")
        expect(page.get_by_test_id("media-title")).to_have_text(title)
        expect(page).to_have_title(f"{title} – Afroboost")
        player, play = page.get_by_test_id("media-player"), page.get_by_test_id("media-play")
        expect(play).to_be_visible()
        page.wait_for_function("(img) => img.complete && img.naturalWidth === 64",  # the thumbnail really loads
                               arg=page.get_by_test_id("media-thumbnail").element_handle(), timeout=10_000)
        assert play.evaluate("(b) => getComputedStyle(b).backgroundColor") == "rgb(233, 30, 99)"
        box, btn = player.bounding_box(), play.bounding_box()
        assert abs((box["x"] + box["width"] / 2) - (btn["x"] + btn["width"] / 2)) < 2
        assert abs((box["y"] + box["height"] / 2) - (btn["y"] + btn["height"] / 2)) < 2
        cta = page.get_by_test_id("media-cta")
        expect(cta).to_have_attribute("href", "https://afroboost.ch/reserver")
        expect(cta).to_contain_text("Réserver mon casque")
        assert cta.bounding_box()["y"] >= box["y"] + box["height"]  # under the video
        assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll

        play.click()
        iframe = page.get_by_test_id("media-iframe")
        expect(iframe).to_have_attribute(
            "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?modestbranding=1&rel=0&autoplay=1")
        assert abs(iframe.bounding_box()["width"] - box["width"]) <= 2  # in place of the thumbnail (in its border)

        page.goto(f"{app_url}/v/inconnu-{slug}")
        expect(page.get_by_test_id("media-not-found")).to_contain_text("Vidéo introuvable")
    finally:
        (UPLOADS / thumb).unlink(missing_ok=True)


def test_published_article_renders_markdown_without_raw_html(desktop: Page, app_url: str, e2e_db_url: str):
    tag = uuid.uuid4().hex[:8]
    body = ("## Avant la séance\n\nBois **beaucoup d'eau**.\n\n"
            "<img src=x onerror=\"window.__xss='img'\"> et <script>window.__xss='script'</script>\n\n"
            "<a href=\"javascript:window.__xss='a'\">clic</a> [lien](javascript:window.__xss='md')")
    now = utc_now()
    _add(e2e_db_url, Article(slug=f"debuter-{tag}", title=f"Bien débuter {tag}", summary="Trois conseils.",
                             body_md=body, published=True, published_at=now))
    _add(e2e_db_url, Article(slug=f"ancien-{tag}", title=f"Ancien {tag}", body_md="vieux", published=True,
                             published_at=now - timedelta(days=2)))
    _add(e2e_db_url, Article(slug=f"brouillon-{tag}", title=f"Brouillon {tag}", body_md="secret", published=False))

    page = desktop
    page.goto(f"{app_url}/articles")
    cards = page.get_by_test_id("article-card")
    expect(cards.filter(has_text=f"Bien débuter {tag}")).to_have_count(1)
    expect(cards.filter(has_text=f"Ancien {tag}")).to_have_count(1)
    titles = [t.split("\n") for t in cards.all_inner_texts()]
    order = [i for i, t in enumerate(titles) if f"Bien débuter {tag}" in t or f"Ancien {tag}" in t]
    assert f"Bien débuter {tag}" in titles[order[0]] and len(order) == 2  # newest first
    expect(cards.filter(has_text=f"Brouillon {tag}")).to_have_count(0)

    cards.filter(has_text=f"Bien débuter {tag}").click()
    page.wait_for_url(re.compile(f"/articles/debuter-{tag}/?$"))
    body_el = page.get_by_test_id("article-body")
    expect(body_el.locator("h2")).to_have_text("Avant la séance")
    expect(body_el.locator("strong")).to_have_text("beaucoup d'eau")
    expect(body_el).to_contain_text("<img src=x onerror=")  # shown as text...
    expect(body_el).to_contain_text("<script>window.__xss='script'</script>")
    expect(body_el.locator("img, script, a[href^='javascript']")).to_have_count(0)  # ...never as elements
    body_el.get_by_text("clic").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None

    page.goto(f"{app_url}/articles/brouillon-{tag}")
    expect(page.get_by_test_id("article-not-found")).to_contain_text("Article introuvable")


def _remove_uploads(db_url: str, tag: str) -> None:
    """Delete the images the coach uploaded in this test (the upload dir outlives the e2e DB)."""
    with sa.create_engine(db_url).connect() as conn:
        query = sa.text("SELECT cover_image FROM article WHERE slug LIKE :p UNION "
                        "SELECT thumbnail FROM media_page WHERE slug LIKE :p")
        paths = conn.execute(query, {"p": f"%{tag}"}).scalars().all()
    for rel in paths:
        if rel:
            (UPLOADS / rel).unlink(missing_ok=True)


def test_coach_writes_an_article_and_a_media_page(desktop: Page, app_url: str, e2e_db_url: str, tmp_path):
    tag = uuid.uuid4().hex[:6]
    try:
        _coach_writes(desktop, app_url, tmp_path, tag)
    finally:
        _remove_uploads(e2e_db_url, tag)


def _coach_writes(page: Page, app_url: str, tmp_path, tag: str) -> None:
    cover = tmp_path / "couverture.png"
    cover.write_bytes(png(320, 180))
    fake = tmp_path / "pas-une-image.png"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")

    coach_sign_in(page, app_url)
    page.get_by_test_id("tab-articles").click()
    page.get_by_test_id("art-new").click()
    page.get_by_test_id("art-input-title").fill(f"Été à Lausanne {tag}")
    expect(page.get_by_test_id("art-input-slug")).to_have_value(f"ete-a-lausanne-{tag}")  # from the title
    page.get_by_test_id("art-input-slug").fill("Mauvaise Adresse")
    page.get_by_test_id("art-input-body").fill("**Chaud** devant")
    page.get_by_test_id("art-save").click()
    expect(page.get_by_test_id("art-slug-error")).to_contain_text("Adresse invalide")
    expect(page.get_by_test_id("art-input-body")).to_have_value("**Chaud** devant")  # nothing lost

    page.locator("#art-cover input[type=file]").set_input_files(str(fake))  # .png name, HTML inside
    expect(page.get_by_test_id("art-cover-error")).to_contain_text("PNG, JPG, WEBP ou GIF")
    page.locator("#art-cover input[type=file]").set_input_files(str(cover))
    expect(page.get_by_test_id("art-cover-preview")).to_be_visible()
    expect(page.get_by_test_id("art-cover-error")).to_have_count(0)
    page.get_by_test_id("art-input-slug").fill(f"ete-{tag}")
    page.get_by_test_id("art-input-published").click()
    page.get_by_test_id("art-save").click()
    row = page.get_by_test_id("art-row").filter(has_text=f"Été à Lausanne {tag}")
    expect(row.get_by_test_id("art-row-status")).to_have_text("Publié")

    # Same address again: refused next to the field.
    page.get_by_test_id("art-new").click()
    page.get_by_test_id("art-input-title").fill(f"Autre {tag}")
    expect(page.get_by_test_id("art-input-slug")).to_have_value(f"autre-{tag}")
    page.get_by_test_id("art-input-slug").fill(f"ete-{tag}")
    page.get_by_test_id("art-save").click()
    expect(page.get_by_test_id("art-slug-error")).to_have_text(
        "Cette adresse est déjà utilisée : choisis-en une autre.")
    page.get_by_test_id("art-cancel").click()

    page.get_by_test_id("tab-medias").click()
    page.get_by_test_id("media-new").click()
    page.get_by_test_id("media-input-title").fill(f"Cardio {tag}")
    page.get_by_test_id("media-input-slug").fill(f"cardio-{tag}")
    page.get_by_test_id("media-input-video_url").fill("https://vimeo.com/123")
    page.get_by_test_id("media-input-cta_text").fill("Go")
    page.get_by_test_id("media-input-cta_url").fill("http://afroboost.ch")
    page.get_by_test_id("media-save").click()
    expect(page.get_by_test_id("media-video_url-error")).to_contain_text("Lien non reconnu")
    expect(page.get_by_test_id("media-cta_url-error")).to_contain_text("https://")
    expect(page.get_by_test_id("media-input-video_url")).to_have_value("https://vimeo.com/123")
    page.get_by_test_id("media-input-video_url").fill("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view")
    expect(page.get_by_test_id("media-video-ok")).to_be_visible()
    page.get_by_test_id("media-input-cta_url").fill("https://afroboost.ch/reserver")
    page.locator("#media-thumb input[type=file]").set_input_files(str(cover))
    expect(page.get_by_test_id("media-thumb-preview")).to_be_visible()
    page.get_by_test_id("media-save").click()
    expect(page.get_by_test_id("media-row").filter(has_text=f"Cardio {tag}")).to_contain_text("Google Drive")

    page.goto(f"{app_url}/articles/ete-{tag}")
    expect(page.get_by_test_id("article-body").locator("strong")).to_have_text("Chaud")
    page.goto(f"{app_url}/v/cardio-{tag}")
    expect(page.get_by_test_id("media-thumbnail")).to_be_visible()
    page.get_by_test_id("media-play").click()
    expect(page.get_by_test_id("media-iframe")).to_have_attribute(
        "src", "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/preview")
    assert f"og:title\" content=\"Cardio {tag}\"" in _crawl(f"{app_url}/v/cardio-{tag}")
