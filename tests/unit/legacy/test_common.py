"""Legacy import helpers: values PostgreSQL would refuse become clean data or a Malformed reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bson import Decimal128, ObjectId
from bson.datetime_ms import DatetimeMS

from afroboost.legacy.common import INT_MAX, KEY_LEN, Malformed, as_dt, as_int, cents, flag, key, legacy_id, text
from afroboost.legacy.reader import DirReader


def test_text_drops_nul_and_lone_surrogates():
    assert text({"name": " Caf\x00é "}, "name") == "Café"
    assert text({"name": "Zo\ud800é"}, "name") == "Zo?é"
    assert text({"name": "x" * 300}, "name", limit=120) == "x" * 120


def test_long_legacy_ids_stay_distinct_and_fit():
    a, b = "L" * 100 + "1", "L" * 100 + "2"
    assert key(a) != key(b) and len(key(a)) == KEY_LEN and key(a) == key(a)
    assert legacy_id({"id": a}) == key(a) and legacy_id({"_id": ObjectId("0" * 24)}) == "0" * 24
    assert key("short") == "short"


@pytest.mark.parametrize(("raw", "expected"), [(None, True), ("", True), (False, False), (0, False),
                                               ("false", False), (" Non ", False), ("0", False),
                                               (True, True), (1, True), ("true", True), ("oui", True)])
def test_flag(raw, expected):
    assert flag({"visible": raw}, "visible", True) is expected


def test_numbers_fit_an_integer_column():
    assert as_int("15", 20) == 15 and as_int(None, 20) == 20 and as_int(Decimal128("7"), 0) == 7
    assert as_int(INT_MAX, 0) == INT_MAX
    for bad, reason in ((INT_MAX + 1, "out of range"), (-1, "out of range"), ("abc", "bad number"),
                        (float("inf"), "bad number")):
        with pytest.raises(Malformed, match=reason):
            as_int(bad, 0, low=0)


def test_prices_in_cents():
    assert cents(12.5) == 1250 and cents("30") == 3000 and cents(None) == 0 and cents(Decimal128("9.90")) == 990
    for bad, reason in (("1e400", "bad price"), ("nan", "bad price"), ("abc", "bad price"),
                        (50_000_000, "price out of range")):
        with pytest.raises(Malformed, match=reason):
            cents(bad)


def test_dates_out_of_range_are_malformed_not_crashes():
    assert as_dt(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert as_dt("2025-12-01T18:00:00+01:00") == datetime(2025, 12, 1, 17, tzinfo=UTC)
    for bad in (1e20, 10**17, DatetimeMS(10**16), "0001-01-01T00:00:00+05:00", float("nan"), "pas une date"):
        with pytest.raises(Malformed, match="bad date"):
            as_dt(bad)


async def test_export_line_with_out_of_range_date_keeps_its_document(tmp_path):
    (tmp_path / "articles.json").write_text(
        '{"_id": "a-far", "createdAt": {"$date": {"$numberLong": "10000000000000000"}}}\n'
        '{"_id": "a-1", "createdAt": {"$date": "2025-01-01T00:00:00Z"}}\n', encoding="utf-8")
    far, ok = [d async for d in DirReader(tmp_path).documents("articles")]
    assert far["_id"] == "a-far" and isinstance(far["createdAt"], DatetimeMS)  # reported by its _id
    assert as_dt(ok["createdAt"]) == datetime(2025, 1, 1, tzinfo=UTC)
