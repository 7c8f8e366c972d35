"""The site concept (single row id = 1): what the coach edits, what the home page shows.

`twint_url` belongs to the Paiements tab: nothing here ever writes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from sqlmodel import Session

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import SiteConcept
from afroboost.services import ServiceError
from afroboost.services.content.images import discard_image, is_stored_image, save_image
from afroboost.services.validation import normalize_email, normalize_phone
from afroboost.settings import get_settings

CONCEPT_ID = 1
LIMITS = {"title": 120, "tagline": 200, "pitch": 2000, "contact_address": 300, "instagram_url": 300}
MAX_QUESTION, MAX_ANSWER, MAX_FAQ = 200, 1000, 20


@dataclass
class FaqItem:
    q: str = ""
    a: str = ""


@dataclass
class ConceptForm:
    """The editable fields, as typed (before) or normalized (after `check_concept`)."""

    title: str = ""
    tagline: str = ""
    pitch: str = ""
    faq: list[FaqItem] = field(default_factory=list)
    contact_email: str = ""
    contact_phone: str = ""
    contact_address: str = ""
    instagram_url: str = ""
    hero_image: str = ""


@dataclass
class ConceptCheck:
    form: ConceptForm | None = None
    errors: dict[str, str] = field(default_factory=dict)  # field (or "faq.<i>.q|a") -> texts.ERR key

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PublicConcept:
    """What the home page shows, with the texts/home.py defaults where the coach left a blank."""

    title: str = texts.HERO_TITLE
    tagline: str = texts.TAGLINE
    pitch: str = texts.HERO_PITCH
    hero_image: str = ""
    faq: list[FaqItem] = field(default_factory=list)
    contact_email: str = ""
    contact_phone: str = ""
    contact_address: str = ""
    instagram_url: str = ""
    phone_display: str = ""  # « +41 79 123 45 67 »
    instagram_label: str = ""  # « @afroboost »
    has_contact: bool = False


def parse_faq(raw: str) -> list[FaqItem]:
    """The stored FAQ JSON as items; anything malformed is skipped rather than crashing a page."""
    try:
        data = json.loads(raw or "[]")
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [FaqItem(q=str(x.get("q", "")), a=str(x.get("a", ""))) for x in data
            if isinstance(x, dict) and (x.get("q") or x.get("a"))]


def dump_faq(items: list[FaqItem]) -> str:
    return json.dumps([{"q": i.q, "a": i.a} for i in items], ensure_ascii=False)


def _clean_line(raw: str) -> str:
    return " ".join((raw or "").split())


def _clean_text(raw: str) -> str:
    """Multi-line text: trims each line, keeps paragraph breaks, at most one blank line."""
    lines = [" ".join(line.split()) for line in (raw or "").replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def check_instagram_url(raw: str) -> str | None:
    """An https link on instagram.com, or None."""
    url = (raw or "").strip()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not (host == "instagram.com" or host.endswith(".instagram.com")):
        return None
    if any(c.isspace() for c in url):
        return None
    return url


def check_concept(*, form: ConceptForm, region: str | None = None) -> ConceptCheck:
    """Validate and normalize the Concept form. Errors are keys of texts.ERR, one per field."""
    region = region or get_settings().default_phone_region
    errors: dict[str, str] = {}
    out = ConceptForm(
        title=_clean_line(form.title), tagline=_clean_line(form.tagline), pitch=_clean_text(form.pitch),
        contact_address=_clean_line(form.contact_address),
    )
    for name in ("title", "tagline", "pitch", "contact_address"):
        if len(getattr(out, name)) > LIMITS[name]:
            errors[name] = f"concept_too_long_{LIMITS[name]}"
    if form.contact_email.strip():
        out.contact_email = normalize_email(form.contact_email) or ""
        if not out.contact_email:
            errors["contact_email"] = "concept_email_invalid"
    if form.contact_phone.strip():
        out.contact_phone = normalize_phone(form.contact_phone, region) or ""
        if not out.contact_phone:
            errors["contact_phone"] = "concept_phone_invalid"
    if form.instagram_url.strip():
        out.instagram_url = check_instagram_url(form.instagram_url) or ""
        if not out.instagram_url or len(out.instagram_url) > LIMITS["instagram_url"]:
            errors["instagram_url"] = "concept_instagram_invalid"
    for i, item in enumerate(form.faq):
        q, a = _clean_line(item.q), _clean_text(item.a)
        if not q and not a:
            continue  # an empty row the coach added and left: dropped silently
        if not q:
            errors[f"faq.{i}.q"] = "faq_question_required"
        elif len(q) > MAX_QUESTION:
            errors[f"faq.{i}.q"] = "faq_question_too_long"
        if not a:
            errors[f"faq.{i}.a"] = "faq_answer_required"
        elif len(a) > MAX_ANSWER:
            errors[f"faq.{i}.a"] = "faq_answer_too_long"
        out.faq.append(FaqItem(q=q, a=a))
    if len(out.faq) > MAX_FAQ:
        errors["faq"] = "faq_too_many"
    return ConceptCheck(form=None if errors else out, errors=errors)


def _row(session: Session) -> SiteConcept | None:
    return session.get(SiteConcept, CONCEPT_ID)


def access_concept_form(session: Session) -> ConceptForm:
    """The stored concept as the coach's form (empty fields when no row exists yet)."""
    row = _row(session)
    if row is None:
        return ConceptForm()
    return ConceptForm(
        title=row.title, tagline=row.tagline, pitch=row.pitch, faq=parse_faq(row.faq_json),
        contact_email=row.contact_email, contact_phone=row.contact_phone,
        contact_address=row.contact_address, instagram_url=row.instagram_url, hero_image=row.hero_image,
    )


def public_concept(session: Session) -> PublicConcept:
    """What the home page shows: the stored texts, or the defaults where they are blank."""
    row = _row(session)
    if row is None:
        return PublicConcept()
    default = PublicConcept()
    contact = dict(contact_email=row.contact_email, contact_phone=row.contact_phone,
                   contact_address=row.contact_address, instagram_url=row.instagram_url)
    return PublicConcept(
        title=row.title or default.title, tagline=row.tagline or default.tagline,
        pitch=row.pitch or default.pitch,
        hero_image=row.hero_image if is_stored_image(row.hero_image, "concept") else "",
        faq=[i for i in parse_faq(row.faq_json) if i.q and i.a], has_contact=any(contact.values()), **contact,
        phone_display=display_phone(row.contact_phone), instagram_label=instagram_label(row.instagram_url),
    )


def display_phone(e164: str) -> str:
    """« +41791234567 » → « +41 79 123 45 67 » (the stored value when it cannot be parsed)."""
    try:
        number = phonenumbers.parse(e164 or "", None)
    except phonenumbers.NumberParseException:
        return e164 or ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def instagram_label(url: str) -> str:
    """« https://www.instagram.com/afroboost/ » → « @afroboost » (else the link itself)."""
    first = next((p for p in urlsplit(url or "").path.split("/") if p), "")
    return f"@{first}" if first else (url or "")


def _get_or_create(session: Session) -> SiteConcept:
    row = _row(session)
    if row is None:
        row = SiteConcept(id=CONCEPT_ID)
        session.add(row)
    return row


def do_save_concept(session: Session, *, form: ConceptForm) -> ConceptForm:
    """Check and store the texts, FAQ and contact (creates row 1 when missing).

    The hero image is not taken from the form (see `do_store_hero_image`), and `twint_url`
    is never touched. Returns the normalized form as stored.

    Raises:
        ServiceError: the first validation error (the state shows all of them first).
    """
    check = check_concept(form=form)
    if not check.ok:
        name, key = next(iter(check.errors.items()))
        raise ServiceError(key, field=name)
    clean = check.form
    row = _get_or_create(session)
    row.title, row.tagline, row.pitch = clean.title, clean.tagline, clean.pitch
    row.faq_json = dump_faq(clean.faq)
    row.contact_email, row.contact_phone = clean.contact_email, clean.contact_phone
    row.contact_address, row.instagram_url = clean.contact_address, clean.instagram_url
    row.updated_at = utc_now()
    session.flush()
    clean.hero_image = row.hero_image
    return clean


def do_store_hero_image(session: Session, *, upload_dir: Path, filename: str, data: bytes) -> str:
    """Save an uploaded hero image under a random name and make it the site's hero image.

    Returns the path relative to `upload_dir` (e.g. ``concept/<uuid>.webp``). The previous
    hero image file is removed once the row points to the new one.
    """
    rel = save_image(upload_dir=upload_dir, folder="concept", filename=filename, data=data,
                     max_bytes=get_settings().uploads_max_bytes)
    row = _get_or_create(session)
    old, row.hero_image, row.updated_at = row.hero_image, rel, utc_now()
    session.flush()
    _remove_image(upload_dir, old)
    return rel


def do_remove_hero_image(session: Session, *, upload_dir: Path) -> None:
    """Back to the default hero (no image); the file is deleted."""
    row = _row(session)
    if row is None or not row.hero_image:
        return
    old, row.hero_image, row.updated_at = row.hero_image, "", utc_now()
    session.flush()
    _remove_image(upload_dir, old)


def _remove_image(upload_dir: Path, rel: str) -> None:
    # Only our own random names: a tampered row value can never point outside concept/.
    if is_stored_image(rel, "concept"):
        discard_image(upload_dir=upload_dir, rel=rel)
