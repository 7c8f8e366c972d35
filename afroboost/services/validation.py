"""Input checks for participant data (email-validator, phonenumbers)."""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from afroboost.settings import get_settings

MAX_NAME = 80


def normalize_email(raw: str) -> str | None:
    """The normalized (lower-cased) email, or None when it is not a valid address."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        info = validate_email(raw, check_deliverability=False)
    except EmailNotValidError:
        return None
    return info.normalized.lower()


def normalize_phone(raw: str, region: str = "CH") -> str | None:
    """The E.164 form of a phone number (local numbers read in `region`), or None."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_name(raw: str) -> str:
    return " ".join((raw or "").split())


@dataclass
class Participant:
    first_name: str
    last_name: str
    email: str
    phone: str


@dataclass
class ParticipantCheck:
    participant: Participant | None = None
    errors: dict[str, str] = field(default_factory=dict)  # field -> error key

    @property
    def ok(self) -> bool:
        return not self.errors


def check_participant(*, first_name: str, last_name: str, email: str, phone: str,
                      region: str | None = None) -> ParticipantCheck:
    """Validate the booking form. Errors are keys of texts.ERR, one per field.

    Numbers without a country prefix are read in `region` (default: DEFAULT_PHONE_REGION)."""
    region = region or get_settings().default_phone_region
    errors: dict[str, str] = {}
    first, last = clean_name(first_name), clean_name(last_name)
    if not first:
        errors["first_name"] = "first_name_required"
    elif len(first) > MAX_NAME:
        errors["first_name"] = "name_too_long"
    if len(last) > MAX_NAME:
        errors["last_name"] = "name_too_long"
    norm_email = normalize_email(email)
    if not (email or "").strip():
        errors["email"] = "email_required"
    elif norm_email is None:
        errors["email"] = "email_invalid"
    norm_phone = normalize_phone(phone, region)
    if not (phone or "").strip():
        errors["phone"] = "phone_required"
    elif norm_phone is None:
        errors["phone"] = "phone_invalid"
    if errors:
        return ParticipantCheck(errors=errors)
    return ParticipantCheck(participant=Participant(first, last, norm_email, norm_phone))
