"""Jekyll's slugify, compared with Ruby's own answers (fixtures/jekyll-truth/slugify.json, made by
running Jekyll::Utils.slugify) and with properties that must hold for any text."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.jekyll.slugify import SLUGIFY_MODES, slugify, titleize_slug
from tests.conftest import FIXTURES

TRUTH = json.loads((FIXTURES / "jekyll-truth" / "slugify.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", TRUTH["slugify"], ids=lambda r: f"{r['mode']}-{r['cased']}-{r['input'][:12]}")
def test_same_as_jekyll(row: dict[str, object]) -> None:
    assert slugify(row["input"], row["mode"], bool(row["cased"])) == row["slug"]  # type: ignore[arg-type]


@pytest.mark.parametrize("row", TRUTH["titleize"], ids=lambda r: str(r["input"]))
def test_titleize_same_as_jekyll(row: dict[str, str]) -> None:
    assert titleize_slug(row["input"]) == row["title"]


def test_none_stays_none() -> None:
    assert slugify(None) is None


modes = st.sampled_from([*SLUGIFY_MODES, None])


@given(st.text(), modes, st.booleans())
def test_deterministic_and_idempotent(text: str, mode: str | None, cased: bool) -> None:
    once = slugify(text, mode, cased)
    assert once == slugify(text, mode, cased)
    if mode != "latin":  # latin turns non-Latin letters into '?', which a second pass drops
        assert slugify(once, mode, cased) == once


@given(st.text(), st.sampled_from(["default", "pretty", "ascii", "latin"]), st.booleans())
def test_no_separators_or_edges(text: str, mode: str, cased: bool) -> None:
    slug = slugify(text, mode, cased)
    assert slug is not None
    assert "/" not in slug and "\\" not in slug and not re.search(r"\s", slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    if not cased:
        assert slug == slug.lower()


@given(st.text())
def test_ascii_mode_is_ascii(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9-]*", slugify(text, "ascii") or "")
