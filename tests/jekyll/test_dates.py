"""Dates as Jekyll reads them (Utils.parse_date + the site's time zone), against Ruby's answers in
fixtures/jekyll-truth/dates.json; time zones across midnight and DST; properties."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.jekyll.dates import UTC, parse_date, site_timezone
from mkdocs_polax.jekyll.errors import JekyllError
from tests.conftest import FIXTURES

TRUTH = json.loads((FIXTURES / "jekyll-truth" / "dates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", TRUTH, ids=lambda r: f"{r['tz']}-{r['input']}")
def test_same_as_jekyll(row: dict[str, str]) -> None:
    when, _ = parse_date(row["input"], site_timezone(row["tz"]))
    # Ruby prints offsets to the minute (LMT offsets have seconds).
    assert when.strftime("%Y-%m-%d %H:%M:%S %z")[:25] == row["local"]


def test_across_midnight_in_the_site_zone() -> None:
    la = site_timezone("America/Los_Angeles")
    when, _ = parse_date("2013-05-06 02:12:52 +0200", la)
    assert (when.year, when.month, when.day) == (2013, 5, 5)


def test_yaml_types() -> None:
    london = site_timezone("Europe/London")
    assert parse_date(dt.date(2021, 10, 28), london)[0].isoformat() == "2021-10-28T00:00:00+01:00"
    aware = dt.datetime(2021, 1, 1, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert parse_date(aware, UTC)[0].isoformat() == "2021-01-02T04:00:00+00:00"


def test_impossible_day_rolls_over_and_says_so() -> None:
    when, rolled = parse_date("2021-02-30", UTC)
    assert rolled and (when.month, when.day) == (3, 2)


@pytest.mark.parametrize("bad", ["five", "", "2021-13-01", "yesterday-ish", "2021-02-32"])
def test_not_dates(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_date(bad, UTC)


def test_unknown_zone_names_the_key() -> None:
    with pytest.raises(JekyllError) as err:
        site_timezone("Mars/Olympus")
    assert err.value.key == "timezone" and "_config.yml" in str(err.value)


zones = st.sampled_from(["UTC", "America/Los_Angeles", "Europe/London", "Asia/Kolkata", "Pacific/Chatham"])


@given(st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)), zones)
def test_aware_result_same_instant(value: dt.datetime, zone: str) -> None:
    tz = site_timezone(zone)
    aware = value.replace(tzinfo=UTC)
    when, rolled = parse_date(aware, tz)
    assert when.tzinfo is not None and not rolled
    assert when == aware
    assert parse_date(aware, tz) == (when, rolled)  # deterministic


@given(st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9999, 12, 30)), zones)
def test_iso_text_equals_yaml_date(day: dt.date, zone: str) -> None:
    tz = site_timezone(zone)
    assert parse_date(day.isoformat(), tz)[0] == parse_date(day, tz)[0]
