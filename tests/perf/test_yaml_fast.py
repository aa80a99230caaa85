"""Front matter read by libyaml where that is safe gives what PyYAML's Python parser gives (speed, issue 6)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_polax.jekyll import frontmatter
from mkdocs_polax.jekyll.errors import JekyllError

_PIECES = ["a", "b", ":", ": ", "\n", "  ", "\t", "-", "- ", "'", '"', "#", " #", "[", "]", "{", "}", ",", "?", "!"]
_PIECES += ["!!str ", "&x ", "*x", "|", ">", "2021-02-30", "2021-01-01 10:00:00 +00:00", "1.0", "0x1f", "yes", "~"]
_PIECES += ["\\", "é", "\u2028", "\x85", "\ufeff", "%YAML 1.1\n", "---", "...", "\r\n", "<<: ", "@", "`", "1_000"]
_PIECES += ["title: ", "tags: [a, b]", "\n- x", "'it''s'", "a:b", "[a, [b]]", "world!", "why?", "x!!", "\n  - "]


def _python(text: str) -> tuple[str, Any]:
    loader = frontmatter._UniqueKeyLoader(text)
    loader.duplicates = []
    try:
        return "ok", (loader.get_single_data(), loader.duplicates)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc).__name__
    finally:
        loader.dispose()


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join))
def test_libyaml_is_used_only_where_it_reads_like_python(text: str) -> None:
    fast = frontmatter._fast_load(text)
    if fast is not None:
        assert _python(text) == ("ok", fast)


def test_seed_shaped_front_matter_takes_the_fast_path() -> None:
    text = (
        'layout: post\ntitle: "TikTok for eCommerce: how to use it"\ndate: 2021-10-28\n'
        "permalink: /blog/tiktok\npost-image: /assets/images/blog/t.jpg\ncategory: Business Tips\n"
        "tags: [a, b]\ndescription: Why now? Because it's time!\n"
    )
    assert yaml.CSafeLoader is not None
    fast = frontmatter._fast_load(text)
    assert fast is not None and fast == _python(text)[1]
    assert fast[0]["tags"] == ["a", "b"]


def _outcome(text: str) -> tuple[str, Any]:
    try:
        return "ok", frontmatter.load_yaml(text, "x.md")
    except JekyllError as exc:
        return "error", str(exc)


@pytest.mark.parametrize(
    "text",
    ["a: 1\na: 2\n", "a: [1, 2\n", "a: !!python/object:os.system x\n", "a: !!int abc\n", "a:\tb\n", "t: Why?\n"],
)
def test_results_errors_and_duplicates_are_the_python_parsers(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _outcome(text)
    monkeypatch.setattr(frontmatter, "_fast_load", lambda text: None)
    assert got == _outcome(text)
