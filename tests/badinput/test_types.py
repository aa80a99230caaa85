"""Wrong types in front matter and in _config.yml."""

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

POST = "_posts/2021-05-05-typed.md"


def test_category_as_a_list_gives_both(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Typed\ncategory: [Big, small]\n---\nbody\n"})
    assert_clean(built)
    assert built.exists("big/small/2021/05/05/typed.html")  # Jekyll's :categories, lower-cased
    assert built.exists("category/big/index.html") and built.exists("category/small/index.html")


def test_nested_lists_of_categories_are_flattened(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Typed\ncategories: [[a, b], [c, [a]]]\n---\nbody\n"})
    assert_clean(built)
    assert built.exists("a/b/c/2021/05/05/typed.html")


def test_category_as_a_number_is_its_text(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Typed\ncategory: 42\n---\nbody\n"})
    assert_clean(built)
    assert built.exists("42/2021/05/05/typed.html") and built.exists("category/42/index.html")


@pytest.mark.parametrize(
    ("tags", "expected"),
    [("foo bar baz", ["foo", "bar", "baz"]), ("foo, bar", ["foo,", "bar"]), ("[foo bar, baz]", ["foo bar", "baz"])],
    ids=["spaces", "commas", "list"],
)
def test_tags_as_a_string_split_on_spaces_as_in_jekyll(build_site: BuildSite, tags: str, expected: list[str]) -> None:
    """Jekyll splits a tags string on white space only: 'foo, bar' is the tags 'foo,' and 'bar'."""
    built = jekyll_site(build_site, {POST: f"---\ntitle: Typed\ntags: {tags}\n---\nbody\n"})
    assert_clean(built)
    listed = [a.get_text(strip=True) for a in soup(built, "2021/05/05/typed.html").select("a[href*='tag/']")]
    assert set(expected) <= {t.lstrip("#") for t in listed}, listed


@pytest.mark.parametrize("key", ["categories", "tags", "category", "tag"])
def test_a_mapping_of_categories_or_tags_is_refused_with_a_warning(build_site: BuildSite, key: str) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: Typed\n{key}: {{a: 1}}\n---\nbody\n"})
    assert_reported(built, POST, "not a mapping", "it is ignored", f"Write {key}: [a, b]", key=key)
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists("2021/05/05/typed.html")


@pytest.mark.parametrize("value", ["[a, b]", "{text: x}"], ids=["list", "mapping"])
def test_a_title_that_is_not_text(build_site: BuildSite, value: str) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: {value}\n---\nbody\n"})
    assert_reported(built, POST, "must be text", "Quote it", key="title")
    assert_strict_fails(built)
    assert soup(built, "2021/05/05/typed.html").h1.get_text(strip=True) == "Typed"  # type: ignore[union-attr]


@pytest.mark.parametrize(("value", "kind"), [("42", "int 42"), ("[a, b]", "list"), ("{a: b}", "dict")])
def test_permalink_that_is_not_text_is_an_error_and_the_default_url_is_used(
    build_site: BuildSite, value: str, kind: str
) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: Typed\npermalink: {value}\n---\nbody\n"})
    assert_reported(built, POST, "must be a string such as '/blog/my-post/'", kind, key="permalink", level="ERROR")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists("2021/05/05/typed.html")


@pytest.mark.parametrize("value", ['"false"', "'no'", '"0"'])
def test_published_as_a_string_publishes_as_jekyll_does(build_site: BuildSite, value: str) -> None:
    built = jekyll_site(build_site, {POST: f"---\ntitle: Typed\npublished: {value}\n---\nbody\n"})
    assert_reported(built, POST, "Jekyll treats any string as true", "Write published: false", key="published")
    assert_strict_fails(built)
    assert built.exists("2021/05/05/typed.html")


def test_published_false_hides_the_post(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Typed\npublished: false\n---\nbody\n"})
    assert_clean(built)
    assert not built.exists("2021/05/05/typed.html")
    assert_good_posts(built)


def test_author_of_odd_shapes_never_breaks(build_site: BuildSite) -> None:
    front = "title: Typed\nauthor: {name: [1, 2]}\nimage: [a, b]\ndescription: {a: 1}\nlayout: [post]\n"
    built = jekyll_site(build_site, {POST: f"---\n{front}---\nbody\n"})
    assert "Traceback" not in built.log
    assert built.returncode == 0, built.log
    assert built.exists("2021/05/05/typed.html")


# _config.yml: every wrong type stops the build before anything is written, naming the key and the type.
CONFIG_TYPES = [
    ("paginate: five\n", "paginate", "a whole number of posts per page", "str 'five'"),
    ("paginate: 0\n", "paginate", "1 or more", ""),
    ("url: 5\n", "url", "a string such as 'https://example.com'", "int 5"),
    ("baseurl: [a]\n", "baseurl", "a string such as '/blog'", "list"),
    ("permalink: 7\n", "permalink", "a style name", "int 7"),
    ("exclude: node_modules\n", "exclude", "a list of paths", "str"),
    ("exclude: [1, {a: b}]\n", "exclude", "a list of paths", "1"),
    ("include: .htaccess\n", "include", "a list of paths", "str"),
    ("future: maybe\n", "future", "true or false", "str 'maybe'"),
    ("defaults: {a: 1}\n", "defaults", "a list of {scope, values} sets", "dict"),
    ("defaults: [{values: 3}]\n", "defaults", "'values' (a mapping)", ""),
    ("collections: 5\n", "collections", "a mapping of collection names", "int 5"),
    ("markdown_ext: 5\n", "markdown_ext", "a comma-separated string", "int 5"),
    ("encoding: klingon\n", "encoding", "unknown encoding 'klingon'", ""),
    ("timezone: 3\n", "timezone", "an IANA time zone name", "int 3"),
]


@pytest.mark.parametrize(
    ("config", "key", "expected", "got"), CONFIG_TYPES, ids=[c[1] + "-" + c[0][:12] for c in CONFIG_TYPES]
)
def test_config_key_of_the_wrong_type(build_site: BuildSite, config: str, key: str, expected: str, got: str) -> None:
    built = jekyll_site(build_site, {}, config=config)
    line = assert_reported(built, "_config.yml", expected, got, key=key, level="ERROR")
    assert "Aborted with a BuildError" in built.log and built.returncode != 0, line
    assert not built.site.exists() or not list(built.site.rglob("*.html"))
    assert_nothing_outside(built)


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ("- a\n- b\n", ["must be a mapping of settings", "not a list"]),
        ("just words\n", ["must be a mapping of settings", "not a str"]),
        ("title: [oops\n", ["invalid YAML (line 2", "Fix the YAML syntax"]),
        (
            "title: !!python/object/apply:os.system ['touch PWNED']\n",
            ["'!!python/object/apply:os.system'", "not allowed"],
        ),
    ],
    ids=["list", "scalar", "bad-yaml", "python-tag"],
)
def test_config_that_is_not_a_mapping(build_site: BuildSite, config: str, words: list[str]) -> None:
    built = jekyll_site(build_site, {}, config=config)
    assert_reported(built, "_config.yml", *words, level="ERROR")
    assert built.returncode != 0 and "Aborted with a BuildError" in built.log
    assert not (built.root / "PWNED").exists()


def test_empty_config_is_jekylls_defaults(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {}, config="")
    assert_clean(built)
    assert_good_posts(built)


def test_duplicate_config_keys_warn(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {}, config="title: A\ntitle: B\n")
    assert_reported(built, "_config.yml", "duplicate key 'title'", "the last value is used", level="WARNING")
    assert_strict_fails(built)
    assert_good_posts(built)


def test_missing_config_builds_an_mkdocs_site_with_its_posts(build_site: BuildSite) -> None:
    """No _config.yml: an MkDocs site; every _posts folder still gives posts at Jekyll's URLs."""
    built = jekyll_site(build_site, {"index.md": "# Home\n"}, config=None)
    assert_clean(built)
    assert_good_posts(built)
    assert built.exists("index.html")


def test_paginate_option_of_the_wrong_type_in_mkdocs_yml(build_site: BuildSite) -> None:
    yml = "site_name: T\ntheme: polax\nplugins:\n  - polax:\n      paginate: five\n"
    built = build_site({"docs/_config.yml": "title: x\n", "docs/index.md": "hi\n"}, mkdocs_yml=yml)
    assert built.returncode != 0
    assert "paginate" in built.log and "Traceback" not in built.log
