"""The pure rules behind tests/engines: which engine releases polax accepts (mkdocs_polax/engines.py),
and what "timestamps aside" hides when two builds are compared (tests/engines/support.py)."""

from __future__ import annotations

import datetime as dt
import email.utils

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax import check_host
from mkdocs_polax.engines import (
    MKDOCS,
    MKDOCS_2_MESSAGE,
    MKDOCS_NG,
    PROPERDOCS,
    SUPPORTED,
    Engine,
    engine_problem,
    running_engine,
)
from tests.engines.support import BUILD_TIME, Window, without_build_time

versions = st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.sampled_from(["", "rc1", ".dev6"]))


@given(st.sampled_from([MKDOCS, PROPERDOCS, MKDOCS_NG]), versions)
def test_a_release_is_accepted_exactly_inside_its_range(name: str, parts: tuple[int, int, int, str]) -> None:
    major, minor, patch, suffix = parts
    version = f"{major}.{minor}.{patch}{suffix}"
    ng = version if name == MKDOCS_NG else None
    engine = Engine(MKDOCS if name == MKDOCS_NG else name, version, ng)
    problem = engine_problem(engine)
    low, high = SUPPORTED[name]
    assert (problem is None) == (low <= (major, minor) < high), (engine, problem)
    if problem is not None:
        # one line naming what is installed and what to install instead
        assert "\n" not in problem and version in problem and "pip install" in problem
        assert name in problem or (name == MKDOCS and "MkDocs" in problem)


@given(versions)
def test_mkdocs_2_and_later_get_the_mkdocs_2_message(parts: tuple[int, int, int, str]) -> None:
    version = f"{parts[0] + 2}.{parts[1]}.{parts[2]}{parts[3]}"
    assert engine_problem(Engine(MKDOCS, version)) == MKDOCS_2_MESSAGE.format(version=version)


@given(st.sampled_from(["1.8.0", "1.8.3", "1.7.2"]), st.sampled_from(["1.6.1", "1.6.0", "1.5.3"]))
def test_mkdocs_ng_overwritten_by_mkdocs_names_both_and_the_fix(ng: str, mkdocs: str) -> None:
    problem = engine_problem(Engine(MKDOCS, mkdocs, ng))
    assert problem is not None and "\n" not in problem
    assert f"mkdocs-ng {ng}" in problem and f"MkDocs {mkdocs}" in problem
    assert "pip install --force-reinstall --no-deps mkdocs-ng" in problem
    assert engine_problem(Engine(MKDOCS, ng, ng)) is None


def test_unreadable_versions_are_let_through() -> None:
    assert engine_problem(Engine(MKDOCS, "")) is None
    assert engine_problem(Engine(PROPERDOCS, "main")) is None


def test_this_venv_runs_mkdocs_1_6_1() -> None:
    assert running_engine() == Engine(MKDOCS, "1.6.1", None)
    check_host("1.6.1")


NOW = dt.datetime(2026, 11, 26, 4, 1, 25, tzinfo=dt.timezone.utc)
WINDOW = Window(NOW - dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=1))


@given(st.integers(-50, 50), st.sampled_from([0, 1, -7, 5.5]))
def test_only_date_times_inside_the_build_window_are_hidden(seconds: int, offset_hours: float) -> None:
    tz = dt.timezone(dt.timedelta(hours=offset_hours))
    when = (NOW + dt.timedelta(seconds=seconds)).astimezone(tz)
    text = f"<updated>{when.isoformat()}</updated> {email.utils.format_datetime(when)} post 2013-05-05T17:12:52-07:00"
    assert (
        without_build_time(text, WINDOW)
        == f"<updated>{BUILD_TIME}</updated> {BUILD_TIME} post 2013-05-05T17:12:52-07:00"
    )


@given(st.integers(2, 10_000))
def test_a_date_time_outside_the_window_is_kept(minutes: int) -> None:
    for when in (NOW - dt.timedelta(minutes=minutes), NOW + dt.timedelta(minutes=minutes)):
        text = f"lastmod {when.isoformat()} and {email.utils.format_datetime(when)}"
        assert without_build_time(text, WINDOW) == text
