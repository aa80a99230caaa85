"""Broken front matter: each case warns naming the file (the front matter is ignored, the post is still
written at its file-name URL), fails --strict, and the good posts are all there."""

from __future__ import annotations

import time

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

POST = "_posts/2021-05-05-bad.md"
OUT = "2021/05/05/bad.html"

# id, front matter text (between the --- lines), words the warning must hold
BROKEN = [
    ("unclosed-quote", 'title: "never closed\n', ["invalid YAML (line", "Fix the YAML syntax", "ignored"]),
    ("unclosed-bracket", "tags: [a, b\n", ["invalid YAML (line", "expected ',' or ']'", "Fix the YAML syntax"]),
    ("tab-indent", "title: x\n\tauthor: y\n", ["invalid YAML (line 3", "'\\t'", "Fix the YAML syntax"]),
    ("colon-in-title", "title: Jekyll: the good parts\n", ["invalid YAML (line 2", "Fix the YAML syntax"]),
    ("a-list", "- one\n- two\n", ["front matter must be a mapping", "not a list", "ignored"]),
    ("a-scalar", "just a sentence\n", ["front matter must be a mapping", "not a str", "ignored"]),
    (
        "python-tag",
        "title: !!python/object/apply:os.system ['touch PWNED']\n",
        ["'!!python/object/apply:os.system'", "not allowed", "Remove the tag"],
    ),
    ("python-name", "title: !!python/name:os.system\n", ["'!!python/name:os.system'", "not allowed"]),
    ("bad-int-tag", "title: !!int twelve\n", ["invalid YAML", "remove its '!!' tag"]),
    ("too-deep", "title: " + "[" * 3000 + "]" * 3000 + "\n", ["nested too deeply"]),
    ("control-char", "title: bell\x07here\n", ["line 2", "control character U+0007", "Remove it"]),
    ("c1-control", "title: caf\x81\n", ["control character U+0081", "Remove it"]),
]


@pytest.mark.parametrize(("front", "words"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_front_matter_warns_and_keeps_the_post(build_site: BuildSite, front: str, words: list[str]) -> None:
    built = jekyll_site(build_site, {POST: f"---\n{front}---\nThe body survives.\n"})
    assert_reported(built, POST, *words, level="WARNING")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    page = soup(built, OUT)  # front matter ignored: the file name gives date, slug and title
    assert "The body survives." in page.get_text()
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Bad"
    assert not (built.root / "PWNED").exists() and not (built.root / "docs" / "PWNED").exists()


def test_duplicate_keys_warn_and_the_last_value_wins(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: First\ntitle: Second\n---\nbody\n"})
    assert_reported(built, POST, "duplicate front-matter key 'title'", "the last value is used", "remove the others")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Second"  # type: ignore[union-attr]


def test_missing_closing_line(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Never closed\nThe body.\n"})
    assert_reported(built, POST, "no closing '---' line", "add one after the last key")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists(OUT)


def test_empty_file_is_published_with_a_warning(build_site: BuildSite) -> None:
    """Decision: Jekyll publishes an empty post silently; we publish it too, and warn."""
    built = jekyll_site(build_site, {POST: ""})
    assert_reported(built, POST, "is empty", "Write the post or delete it")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Bad"  # type: ignore[union-attr]


def test_only_front_matter_is_a_post_without_body(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Only a title\n---\n"})
    assert_clean(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Only a title"  # type: ignore[union-attr]


def test_dashes_inside_the_body_stay_in_the_body(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Dashes\n---\nBefore the rule.\n\n---\n\nAfter: the rule.\n"})
    assert_clean(built)
    text = soup(built, OUT).get_text()
    assert "Before the rule." in text and "After: the rule." in text


def test_anchors_and_aliases_resolve(build_site: BuildSite) -> None:
    front = "base: &who {name: Ada}\nauthor: *who\ntitle: &t Anchored title\ndescription: *t\n"
    built = jekyll_site(build_site, {POST: f"---\n{front}---\nbody\n"})
    assert_clean(built)
    page = soup(built, OUT)
    assert page.h1.get_text(strip=True) == "Anchored title"  # type: ignore[union-attr]
    assert "Ada" in page.get_text()


def test_alias_bomb_builds_quickly(build_site: BuildSite) -> None:
    """'Billion laughs': aliases are shared references; nothing may expand them (4.7 million items)."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    start = time.monotonic()
    built = jekyll_site(build_site, {POST: "---\n" + "\n".join(lines) + "\ntitle: Bomb\n---\nbody\n"})
    assert time.monotonic() - start < 60
    assert_clean(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Bomb"  # type: ignore[union-attr]


def test_huge_values_are_kept(build_site: BuildSite) -> None:
    title = "Long " + "word " * 200_000  # a 1 MB title
    built = jekyll_site(build_site, {POST: f"---\ntitle: {title}\ndescription: {'d' * 500_000}\n---\nbody\n"})
    assert_clean(built)
    assert_good_posts(built)
    assert soup(built, OUT).h1.get_text(strip=True) == title.strip()  # type: ignore[union-attr]
