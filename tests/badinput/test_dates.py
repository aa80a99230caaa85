"""Dates: impossible, disagreeing, zoned, very old or far ahead, not dates at all, dates where text is wanted."""

from __future__ import annotations

import pytest

from tests.badinput.support import (
    assert_clean,
    assert_good_posts,
    assert_nothing_outside,
    assert_reported,
    assert_strict_fails,
    jekyll_site,
    soup,
)
from tests.conftest import BuildSite

POST = "_posts/2021-05-05-dated.md"


def test_impossible_date_in_front_matter_rolls_over_like_ruby(build_site: BuildSite) -> None:
    """Psych keeps 2021-02-30 as text and Ruby's Time.parse rolls it to March 2: same URL as Jekyll."""
    built = jekyll_site(build_site, {POST: "---\ntitle: Dated\ndate: 2021-02-30\n---\nbody\n"})
    assert_reported(built, POST, "'2021-02-30' does not exist", "2021-03-02", "Correct the date", key="date")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    assert built.exists("2021/03/02/dated.html")


def test_impossible_date_with_a_time_rolls_over_too(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Dated\ndate: 2021-02-29 10:00:00 +0000\n---\nbody\n"})
    assert_reported(built, POST, "does not exist", key="date")
    assert_strict_fails(built)
    assert built.exists("2021/03/01/dated.html")


def test_impossible_date_in_the_file_name(build_site: BuildSite) -> None:
    name = "_posts/2021-02-30-dated.md"
    built = jekyll_site(build_site, {name: "---\ntitle: Dated\n---\nbody\n"})
    assert_reported(built, name, "'2021-02-30' in the file name does not exist", "2021-03-02", "Rename the file")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists("2021/03/02/dated.html")


def test_front_matter_date_beats_the_file_name_silently(build_site: BuildSite) -> None:
    """Decision: as in Jekyll, no message (posts are often published a day after the file was named)."""
    built = jekyll_site(build_site, {POST: "---\ntitle: Dated\ndate: 2019-03-04 10:00:00\n---\nbody\n"})
    assert_clean(built)
    assert built.exists("2019/03/04/dated.html") and not built.exists("2021/05/05/dated.html")


@pytest.mark.parametrize(
    ("config", "date", "out"),
    [
        ("timezone: Europe/Paris\n", "2021-05-05 23:30:00 -0800", "2021/05/06/dated.html"),
        ("timezone: America/Los_Angeles\n", "2021-05-05 02:00:00 +0200", "2021/05/04/dated.html"),
        ("", "2021-05-05T23:30:00Z", "2021/05/05/dated.html"),
    ],
)
def test_time_zones_move_the_day_as_in_jekyll(build_site: BuildSite, config: str, date: str, out: str) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: Dated\ndate: {date}\n---\nbody\n"}, config=config + "url: x\n")
    assert_clean(built)
    assert built.exists(out), sorted(built.files())


@pytest.mark.parametrize(
    ("name", "front", "out"),
    [
        ("_posts/1900-01-01-old.md", "date: 1850-06-01\n", "1850/06/01/old.html"),
        ("_posts/1969-12-31-old.md", "", "1969/12/31/old.html"),
        ("_posts/2150-01-01-far.md", "", "2150/01/01/far.html"),
    ],
)
def test_dates_before_1970_and_after_2100(build_site: BuildSite, name: str, front: str, out: str) -> None:
    built = jekyll_site(build_site, {name: f"---\ntitle: Old\n{front}---\nbody\n"}, config="future: true\n")
    assert_clean(built)
    assert_good_posts(built)
    assert built.exists(out)
    assert soup(built, out).find("time") is not None


def test_future_post_is_skipped_without_future(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {"_posts/2150-01-01-far.md": "---\ntitle: Far\n---\nbody\n"})
    assert_clean(built)
    assert "1 future" in built.log
    assert not built.exists("2150/01/01/far.html")


@pytest.mark.parametrize(
    "value",
    ["next tuesday maybe", "99999-99-99", "[1, 2]", "{year: 2021}", "true", "'2021-13-45'"],
    ids=["words", "numbers", "list", "mapping", "bool", "month-13"],
)
def test_values_that_are_not_dates(build_site: BuildSite, value: str) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: Dated\ndate: {value}\n---\nbody\n"})
    assert_reported(built, POST, "is not a date", "the date in the file name is used", "YYYY-MM-DD", key="date")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists("2021/05/05/dated.html")


def test_year_zero_in_the_file_name(build_site: BuildSite) -> None:
    name = "_posts/0000-01-01-zero.md"
    built = jekyll_site(build_site, {name: "---\ntitle: Zero\ndate: 2001-01-01\n---\nbody\n"})
    assert_reported(built, name, "in the file name is not a date", "rename the file")
    assert_strict_fails(built)
    assert built.exists("2001/01/01/zero.html")


def test_a_date_as_title_is_shown_as_written(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: 2021-05-05\ndescription: 2020-01-01 10:00:00\n---\nbody\n"})
    assert_clean(built)
    assert soup(built, "2021/05/05/dated.html").h1.get_text(strip=True) == "2021-05-05"  # type: ignore[union-attr]


def test_last_modified_that_is_not_a_date(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Dated\nlast_modified_at: yesterday-ish\n---\nbody\n"})
    assert_reported(built, POST, "'yesterday-ish' is not a date", "YYYY-MM-DD", key="last_modified_at")
    assert_strict_fails(built)
    assert built.exists("2021/05/05/dated.html")


def test_unknown_time_zone_stops_the_build_naming_the_key(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {}, config="timezone: Mars/Olympus_Mons\n")
    assert_reported(built, "_config.yml", "unknown time zone 'Mars/Olympus_Mons'", "IANA name", key="timezone")
    assert built.returncode != 0
    assert not built.exists("index.html")
