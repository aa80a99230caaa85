"""Every Jekyll tag and filter against Jekyll 4.3's own output for the same template.

``tests/fixtures/liquid/src`` holds pages of cases (``<li id="filter">{{ ... | filter }}</li>``);
``tests/fixtures/liquid/ref`` is what Jekyll wrote for them (``scripts/make_reference.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Built
from tests.content.support import build_fixture, cases

REF = FIXTURES / "liquid" / "ref" / "_site"
PAGES = ["tags/index.html", "filters/index.html", "objects/index.html", "guide/index.html"]
# polax keeps every date in the site's time zone; Jekyll keeps a page's own offset (+0100 here) when
# printing it or formatting it with Liquid's ``date``: the same instant, another offset.
SAME_INSTANT = {"page_date": "%Y-%m-%d %H:%M:%S %z", "date": None}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    result = build_fixture("liquid", tmp_path_factory.mktemp("liquid"))
    assert result.returncode == 0, result.log
    return result


def _all_cases() -> list[tuple[str, str]]:
    return [(page, case) for page in PAGES for case in cases((REF / page).read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("page", "case"), _all_cases(), ids=lambda v: str(v).replace("/index.html", ""))
def test_case_matches_jekyll(built: Built, page: str, case: str) -> None:
    want = cases((REF / page).read_text(encoding="utf-8"))[case]
    got = cases(built.read(page)).get(case)
    assert got is not None, f"{page}: case {case} missing"
    if case in SAME_INSTANT:
        fmt = SAME_INSTANT[case]
        if fmt is None:
            # Liquid's date filter in the page's offset (+01:00) vs the site's (Europe/London, +00:00).
            jekyll = dt.datetime.strptime(want, "%Y/%m/%d %H:%M").replace(tzinfo=dt.timezone(dt.timedelta(hours=1)))
            ours = dt.datetime.strptime(got, "%Y/%m/%d %H:%M").replace(tzinfo=dt.timezone.utc)
        else:
            jekyll, ours = dt.datetime.strptime(want, fmt), dt.datetime.strptime(got, fmt)
        assert jekyll == ours
        return
    assert got == want


def test_every_tag_and_filter_is_covered() -> None:
    """The issue's list: each tag and filter has at least one case compared with Jekyll."""
    names = {case.split("-")[0] for _, case in _all_cases()}
    tags = {"include", "include_relative", "post_url", "link", "highlight", "raw"}
    filters = {
        "relative_url", "absolute_url", "date_to_string", "date_to_long_string", "date_to_xmlschema",
        "date_to_rfc822", "xml_escape", "cgi_escape", "uri_escape", "slugify", "markdownify", "smartify",
        "jsonify", "number_of_words", "array_to_sentence_string", "where", "where_exp", "group_by",
        "group_by_exp", "sort", "find", "normalize_whitespace", "sample", "push", "pop", "shift", "unshift",
        "inspect",
    }  # fmt: skip
    objects = {"site.posts", "site.pages", "site.categories", "site.tags", "site.data.members", "paginator"}
    assert tags | filters | objects <= names


def test_unknown_filter_is_a_warning_naming_file_and_line(built: Built) -> None:
    assert "filters.html: line 64: Liquid: unknown filter 'no_such_filter'" in built.log
    assert "Traceback" not in built.log
    # Like Jekyll, the value goes through unfiltered.
    assert cases(built.read("filters/index.html"))["unknown-filter"] == "kept"


def test_unknown_filter_fails_strict(tmp_path: Path) -> None:
    result = build_fixture("liquid", tmp_path, "--strict")
    assert result.returncode != 0
    assert "unknown filter 'no_such_filter'" in result.log and "Traceback" not in result.log
