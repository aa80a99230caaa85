"""Permalink templates, URL -> output path (trailing-slash rule), escaping, and the guarantee that no
permalink leads outside the site folder."""

from __future__ import annotations

import datetime as dt
import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.jekyll.errors import JekyllError
from mkdocs_polax.jekyll.permalink import (
    add_permalink_suffix,
    check_dest,
    check_url,
    escape_path,
    fill_from_drop,
    fill_from_hash,
    sanitize_url,
    url_placeholders_for_document,
    url_to_dest,
)
from mkdocs_polax.jekyll.slugify import slugify


@pytest.mark.parametrize(
    ("url", "ext", "page", "dest"),
    [
        ("/blog/tiktok-for-ecommerce", ".html", False, "blog/tiktok-for-ecommerce.html"),
        ("/x/", ".html", False, "x/index.html"),
        ("/x.html", ".html", False, "x.html"),
        ("/", ".html", True, "index.html"),
        ("/x/", ".xml", True, "x/index.xml"),
        ("/atom.xml", ".xml", True, "atom.xml"),
        ("/feed.xml", ".html", False, "feed.xml.html"),
        ("/business%20tips/a.html", ".html", False, "business tips/a.html"),
    ],
)
def test_url_to_dest(url: str, ext: str, page: bool, dest: str) -> None:
    assert url_to_dest(url, ext, page=page) == dest


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("a/../b", "/a/b"), ("//x//y/", "/x/y/"), ("./a/./b", "/a/b"), ("", "/"), ("/x/..", "/x/")],
)
def test_sanitize_url(raw: str, clean: str) -> None:
    """URL#sanitize_url: '..' becomes '/', './' goes, runs of '/' are squeezed."""
    assert sanitize_url(raw) == clean


def test_escape_path_like_addressable() -> None:
    assert escape_path("business tips") == "business%20tips"
    assert escape_path("Ünïcödé-Title!-(yes)") == "%C3%9Cn%C3%AFc%C3%B6d%C3%A9-Title!-(yes)"
    assert escape_path("plain/path-1.2") == "plain/path-1.2"


def placeholders(**over: object) -> dict[str, object]:
    base: dict[str, object] = dict(
        date=dt.datetime(2021, 1, 5, 16, 7, 9, tzinfo=dt.timezone.utc),
        slug=None,
        basename_without_ext="2021-01-05-hello-world",
        categories=["A B", "c.d"],
        collection="posts",
        cleaned_relative_path="/2021-01-05-hello-world",
        output_ext=".html",
        slugify=slugify,
    )
    base.update(over)
    return base


def test_every_document_placeholder() -> None:
    drop = url_placeholders_for_document(**placeholders())  # type: ignore[arg-type]
    template = "/:categories/:year/:month/:day/:i_month/:i_day/:short_year/:hour/:minute/:second/:y_day/:week/:w_day/:short_day/:long_day/:short_month/:long_month/:w_year"
    assert (
        fill_from_drop(template, drop, "x.md")
        == "/a%20b/c.d/2021/01/05/1/5/21/16/07/09/005/01/2/Tue/Tuesday/Jan/January/2021"
    )
    assert (
        fill_from_drop("/:slugified_categories/:title:output_ext", drop, "x.md")
        == "/a-b/c-d/2021-01-05-hello-world.html"
    )
    assert (
        fill_from_drop("/:collection/:path/:name/:slug", drop, "x.md")
        == "/posts//2021-01-05-hello-world/2021-01-05-hello-world/2021-01-05-hello-world"
    )
    # ':title_' falls back to ':title' and keeps the underscore (URL#generate_url_from_drop)
    assert fill_from_drop("/:title_/x", drop, "x.md") == "/2021-01-05-hello-world_/x"


def test_unknown_placeholder_names_file_and_key() -> None:
    drop = url_placeholders_for_document(**placeholders())  # type: ignore[arg-type]
    with pytest.raises(JekyllError) as err:
        fill_from_drop("/:basename/", drop, "_posts/x.md")
    assert err.value.file == "_posts/x.md" and err.value.key == "permalink"


def test_page_hash_leaves_unknown_placeholders() -> None:
    assert (
        fill_from_hash("/:path/:basename:output_ext", {"path": "/docs", "basename": "a", "output_ext": ".html"})
        == "//docs/a.html"
    )
    assert fill_from_hash("/:title/", {"path": "", "basename": "a", "output_ext": ".html"}) == "/:title/"


def test_permalink_suffix() -> None:
    assert add_permalink_suffix("/:path/:basename", "pretty") == "/:path/:basename/"
    assert add_permalink_suffix("/:path/:basename", "date") == "/:path/:basename:output_ext"
    assert add_permalink_suffix("/:path/:basename", "/:year/:title/") == "/:path/:basename/"
    assert add_permalink_suffix("/:path/:basename", "/:title.html") == "/:path/:basename"


@pytest.mark.parametrize(
    "bad", ["/../etc/passwd", "/%2e%2e/x", "/%252e%252e/x", "\\windows\\x", "C:/x", "/a/..", "..", "/a/%2E%2E/b"]
)
def test_escaping_permalinks_refused(bad: str) -> None:
    with pytest.raises(JekyllError) as err:
        check_url(bad, "_posts/evil.md")
    assert err.value.file == "_posts/evil.md" and err.value.key == "permalink"


@given(st.text(), st.sampled_from([".html", ".xml", ""]), st.booleans())
def test_never_outside_the_site(raw: str, ext: str, page: bool) -> None:
    """Whatever a permalink says: refused, or an output path that stays inside the site folder."""
    try:
        check_url(raw, "f.md")
        url = sanitize_url(raw)
        check_url(url, "f.md")
        dest = check_dest(url_to_dest(url, ext, page=page), "f.md")
    except JekyllError:
        return
    norm = posixpath.normpath(dest)
    assert not norm.startswith("../") and norm != ".." and not norm.startswith("/")
    assert "\\" not in dest
    assert check_dest(dest, "f.md") == dest  # idempotent


def test_post_id_like_ruby_file_dirname() -> None:
    """post.id joins File.dirname(url) and the slug; Ruby's dirname ignores a trailing slash."""
    from pathlib import Path

    from mkdocs_polax.jekyll.site import Document

    def doc(url: str, slug: str) -> Document:
        d = Document(
            "post", f"_posts/2020-01-01-{slug}.md", Path("x"), "posts", {"slug": slug}, "", 1, ".md", ".html", True
        )
        d.url = url
        return d

    assert doc("/news/2020/01/01/x/", "x").id == "/news/2020/01/01/x"
    assert doc("/2020/01/01/x.html", "x").id == "/2020/01/01/x"
    assert doc("/blog/tiktok-for-ecommerce", "tiktok-for-ecommerce").id == "/blog/tiktok-for-ecommerce"
    assert doc("/", "home").id == "/home"
