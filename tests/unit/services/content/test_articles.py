"""Articles: slugs, Markdown safety, saving, and what the public may see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from markdown_it import MarkdownIt

from afroboost.db import in_read, in_write
from afroboost.models import Article
from afroboost.services import ServiceError
from afroboost.services.content.articles import (
    access_article_rows,
    access_published_article,
    access_published_articles,
    check_article,
    do_delete_article,
    do_save_article,
    safe_markdown,
    slugify,
)
from tests.factories import NOW

# CommonMark with raw HTML allowed: the worst case for a renderer (like rx.markdown's rehype-raw).
html_renderer = MarkdownIt("commonmark", {"html": True})

XSS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "Salut <b onmouseover=alert(1)>toi</b>",
    "<div>\n<iframe src=javascript:alert(1)></iframe>\n</div>",
    "- item <svg onload=alert(1)>",
    "> citation <a href=javascript:alert(1)>x</a>",
]


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Danse & Cardio : été 2026", "danse-cardio-ete-2026"), ("  Ça   bouge!  ", "ca-bouge"),
     ("Œuvre n°5", "oeuvre-n5"), ("", ""), ("---", "")],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_slugify_cuts_at_the_limit_without_trailing_dash():
    slug = slugify("a" * 119 + " bcd")
    assert len(slug) <= 120 and not slug.endswith("-")


@pytest.mark.parametrize("slug", ["mon-article", "2026", "a", "a" * 120])
def test_article_slug_accepted(slug):
    assert "slug" not in check_article(title="T", slug=slug, summary="", body_md="", cover_image="")


@pytest.mark.parametrize(("slug", "key"), [
    ("", "content_slug_required"), ("Mon-Article", "article_slug_invalid"), ("mon article", "article_slug_invalid"),
    ("été", "article_slug_invalid"), ("a/b", "article_slug_invalid"), ("a" * 121, "article_slug_invalid"),
])
def test_article_slug_refused(slug, key):
    assert check_article(title="T", slug=slug, summary="", body_md="", cover_image="")["slug"] == key


def test_cover_must_be_one_of_our_article_images():
    ok = "articles/" + "a" * 32 + ".png"
    assert check_article(title="T", slug="t", summary="", body_md="", cover_image=ok) == {}
    for bad in ("../secret.png", "medias/" + "a" * 32 + ".png", "articles/x.svg", "/etc/passwd"):
        assert check_article(title="T", slug="t", summary="", body_md="", cover_image=bad)["image"]


@pytest.mark.parametrize("body", XSS)
def test_raw_html_never_becomes_an_element(body):
    # Without the helper the renderer would emit the tag (so this test can fail)...
    assert "<" + body.split("<", 1)[1].split()[0].strip("<>") in html_renderer.render(body)
    # ...with it, every tag is text: "&lt;" in the HTML, never "<img", "<script", ...
    out = html_renderer.render(safe_markdown(body))
    for tag in ("<img", "<script", "<b ", "<iframe", "<svg", "<a href=javascript", "<div"):
        assert tag not in out
    assert "&lt;" in out


def test_markdown_formatting_and_code_survive():
    md = "# Titre\n\n**gras** et `a <b> c`\n\n```html\n<p>exemple</p>\n```\n\n1 < 2"
    safe = safe_markdown(md)
    out = html_renderer.render(safe)
    assert "<h1>Titre</h1>" in out and "<strong>gras</strong>" in out
    assert "<code>a &lt;b&gt; c</code>" in out  # inline code shown as typed
    assert "&lt;p&gt;exemple&lt;/p&gt;" in out and "<p>exemple</p>" not in out  # fenced code shown as typed
    assert "1 &lt; 2" in out
    assert safe.count("```") == 2 and "`a <b> c`" in safe


def test_unclosed_fence_and_backticks_do_not_open_a_hole():
    out = html_renderer.render(safe_markdown("`pas fermé <script>x</script>"))
    assert "<script" not in out
    md = "````\n<img src=x onerror=alert(1)>\n```\nstill code\n````\n<script>alert(1)</script>"
    out = html_renderer.render(safe_markdown(md))
    assert "<script" not in out and "<img" not in out


def _save(**kw):
    values = dict(title="Mon article", slug="mon-article", summary="", body_md="Bonjour", published=False)
    values.update(kw)
    return in_write(do_save_article, **values)


def test_publish_filtering_and_order(db):
    _save(slug="ancien", title="Ancien", published=True, now=NOW - timedelta(days=3))
    _save(slug="brouillon", title="Brouillon", published=False, now=NOW)
    _save(slug="recent", title="Récent", published=True, now=NOW - timedelta(days=1))
    listed = in_read(access_published_articles)
    assert [a.slug for a in listed] == ["recent", "ancien"]
    assert listed[0].body_md == ""  # the list does not carry bodies
    assert in_read(access_published_article, slug="brouillon") is None
    assert in_read(access_published_article, slug="inconnu") is None
    assert in_read(access_published_article, slug="../ancien") is None
    assert in_read(access_published_article, slug="ancien").title == "Ancien"
    assert len(in_read(access_article_rows)) == 3  # the coach sees drafts too


def test_public_article_body_is_made_safe(db):
    _save(slug="xss", published=True, body_md="Hello <img src=x onerror=alert(1)>")
    assert "<img" not in in_read(access_published_article, slug="xss").body_md


def test_published_at_is_set_on_publish_and_kept_on_edit(db):
    art_id, _ = _save(published=False, now=NOW)
    assert in_read(lambda s: s.get(Article, art_id).published_at) is None
    _save(article_id=art_id, published=True, now=NOW + timedelta(days=1))
    _save(article_id=art_id, title="Titre corrigé", published=True, now=NOW + timedelta(days=5))
    article = in_read(lambda s: s.get(Article, art_id))
    assert article.published_at == NOW + timedelta(days=1) and article.title == "Titre corrigé"


def test_duplicate_slug_refused_with_field(db):
    _save(slug="unique")
    other, _ = _save(slug="autre")
    with pytest.raises(ServiceError) as e:
        _save(slug="unique")
    assert (e.value.key, e.value.field) == ("content_slug_taken", "slug")
    with pytest.raises(ServiceError) as e:
        _save(article_id=other, slug="unique")
    assert e.value.key == "content_slug_taken"
    _save(article_id=other, slug="autre", title="Même slug, même article")  # keeping its own slug is fine


def test_replacing_the_cover_reports_the_old_one(db):
    first, second = "articles/" + "1" * 32 + ".png", "articles/" + "2" * 32 + ".jpg"
    art_id, old = _save(cover_image=first)
    assert old == ""
    assert _save(article_id=art_id, cover_image=first)[1] == ""
    assert _save(article_id=art_id, cover_image=second)[1] == first
    assert in_write(do_delete_article, article_id=art_id) == second
    with pytest.raises(ServiceError) as e:
        in_write(do_delete_article, article_id=art_id)
    assert e.value.key == "article_unknown"


def test_invalid_form_is_refused_before_the_database(db):
    with pytest.raises(ServiceError) as e:
        _save(title="  ")
    assert (e.value.key, e.value.field) == ("content_title_required", "title")
    assert in_read(access_article_rows) == []
