"""Parsing what the coach types: prices, numbers, times, dates, payment links, slugs."""

from __future__ import annotations

from datetime import date

import pytest

from afroboost import texts
from afroboost.services import ServiceError
from afroboost.services.forms import (
    Checker,
    FormInvalid,
    check_https_url,
    chf_input,
    error_messages,
    parse_chf,
    parse_date,
    parse_hhmm,
    parse_int,
    slugify,
)


@pytest.mark.parametrize("raw, cents", [
    ("25", 2500), ("12.50", 1250), ("12.5", 1250), ("12,50", 1250), (" 9 ", 900), ("CHF 10.-", 1000),
    ("0", 0), ("0.05", 5), ("1'200", 120000),
])
def test_parse_chf_accepts_what_the_coach_types(raw, cents):
    assert parse_chf(raw) == cents
    assert parse_chf(chf_input(cents)) == cents  # what the form shows back parses the same


@pytest.mark.parametrize("raw, key", [
    ("", "form_price_required"), ("abc", "form_price_invalid"), ("12.505", "form_price_invalid"),
    ("-5", "form_price_invalid"), ("12.5.0", "form_price_invalid"), ("1e3", "form_price_invalid"),
    ("999999", "form_price_too_high"),
])
def test_parse_chf_refuses_with_a_key(raw, key):
    with pytest.raises(ServiceError) as e:
        parse_chf(raw)
    assert e.value.key == key
    assert texts.err(key) != texts.ERR["generic"]  # a real French message exists


@pytest.mark.parametrize("raw, url", [
    ("https://pay.twint.ch/abc?x=1", "https://pay.twint.ch/abc?x=1"),
    ("  https://www.paypal.com/paypalme/bassi  ", "https://www.paypal.com/paypalme/bassi"),
    ("HTTPS://buy.stripe.com/test_123", "HTTPS://buy.stripe.com/test_123"),
    ("https://zürich-pay.ch/x", "https://zürich-pay.ch/x"),
    ("", ""),
])
def test_https_urls_to_a_real_host_pass(raw, url):
    assert check_https_url(raw) == url


@pytest.mark.parametrize("raw, key", [
    ("http://pay.example.ch/x", "form_url_https"),
    ("javascript:alert(1)", "form_url_https"),
    ("pay.example.ch/x", "form_url_https"),
    ("https://", "form_url_host"),
    ("https://localhost/pay", "form_url_host"),
    ("https://192.168.1.10/pay", "form_url_host"),
    ("https://pay.example.c0m/x", "form_url_host"),
    ("https://-bad-.ch/x", "form_url_host"),
    ("https://user:pw@evil.example/x", "form_url_host"),
    ("https://pay.example.ch/a b", "form_url_invalid"),
    ("https://pay.example.ch:99999/x", "form_url_invalid"),
    ("https://pay.example.ch/" + "x" * 600, "form_url_too_long"),
])
def test_bad_links_are_refused_with_a_clear_key(raw, key):
    with pytest.raises(ServiceError) as e:
        check_https_url(raw)
    assert e.value.key == key


@pytest.mark.parametrize("raw, hhmm", [("18:30", "18:30"), ("9:05", "09:05"), ("18h30", "18:30"), ("07.15", "07:15")])
def test_parse_hhmm(raw, hhmm):
    assert parse_hhmm(raw) == hhmm


@pytest.mark.parametrize("raw", ["", "24:00", "18:60", "18", "midi"])
def test_parse_hhmm_refuses(raw):
    with pytest.raises(ServiceError, match="form_time_invalid"):
        parse_hhmm(raw)


def test_parse_date_and_int():
    assert parse_date("2026-12-31") == date(2026, 12, 31)
    assert parse_date("31.12.2026") == date(2026, 12, 31)
    assert parse_date("  ") is None
    with pytest.raises(ServiceError, match="form_date_invalid"):
        parse_date("31.02.2026")
    assert parse_int(" 20 ", lo=0, hi=500) == 20
    with pytest.raises(ServiceError) as e:
        parse_int("7", lo=0, hi=6)
    assert e.value.key == "form_number_range" and texts.err(e.value.key, **e.value.params).endswith("entre 0 et 6.")
    with pytest.raises(ServiceError, match="form_number_invalid"):
        parse_int("-1", lo=0, hi=6)


def test_slugify():
    assert slugify("Afroboost Silent – Mercredi") == "afroboost-silent-mercredi"
    assert slugify("  Été à Genève !! ") == "ete-a-geneve"
    assert slugify("!!!") == ""


def test_checker_reports_every_field_with_its_own_message():
    c = Checker()
    c.take("price", parse_chf, "abc")
    c.take("seats", parse_int, "900", lo=0, hi=500)
    c.text("name", "   ", limit=10, required=True)
    c.text("place", "x" * 11, limit=10)
    with pytest.raises(FormInvalid) as e:
        c.done()
    msgs = error_messages(e.value)
    assert msgs == {
        "price": texts.err("form_price_invalid"),
        "seats": "Choisis un nombre entre 0 et 500.",
        "name": "Ce champ est obligatoire.",
        "place": "10 caractères maximum.",
    }
    assert error_messages(ServiceError("course_unknown")) == {"general": "Ce cours n'existe plus."}
