"""Static-host resolution (``migrate/resolve.py``): the rules in a table, then properties."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.migrate.resolve import KEPT, MISSING, REDIRECTED, SiteFiles, candidates, normalize

SITE = SiteFiles(
    [
        "index.html",
        "about/index.html",
        "blog/post.html",
        "feed.xml",
        "café/index.html",
        "a b.html",
        "Upper/index.html",
        "old/index.html",
        "x",
        "x.html",
    ],
    redirect_pages={"old/index.html": "https://example.com/new/"},
    rules={"/gone/": "/here/", "/legacy.html": "https://example.com/l/"},
)


@pytest.mark.parametrize(
    ("path", "status", "served"),
    [
        ("/", KEPT, "index.html"),
        ("/index.html", KEPT, "index.html"),
        ("/about/", KEPT, "about/index.html"),
        ("/about", KEPT, "about/index.html"),  # hosts answer /x with x/index.html (via /x/)
        ("/about/index.html", KEPT, "about/index.html"),
        ("/blog/post", KEPT, "blog/post.html"),  # extensionless, as GitHub Pages and Netlify serve
        ("/blog/post.html", KEPT, "blog/post.html"),
        ("/blog/post/", MISSING, None),  # a trailing slash means a folder's index.html
        ("/feed.xml", KEPT, "feed.xml"),
        ("/caf%C3%A9/", KEPT, "café/index.html"),  # percent-escapes decoded
        ("/café/", KEPT, "café/index.html"),
        ("/a%20b.html", KEPT, "a b.html"),
        ("/a%20b", KEPT, "a b.html"),
        ("/upper/", MISSING, None),  # case as served on Linux hosts
        ("/Upper/", KEPT, "Upper/index.html"),
        ("//about//", KEPT, "about/index.html"),
        ("/blog/../about/", KEPT, "about/index.html"),
        ("/../about/", MISSING, None),  # leaves the site
        ("/x", KEPT, "x"),  # the file itself before x.html
        ("/old/", REDIRECTED, "old/index.html"),
        ("/old", REDIRECTED, "old/index.html"),
        ("/gone/", REDIRECTED, None),  # a host rule
        ("/gone", REDIRECTED, None),
        ("/legacy", REDIRECTED, None),
        ("/nothing", MISSING, None),
        ("/%FF", MISSING, None),
    ],
)
def test_static_host_rules(path: str, status: str, served: str | None) -> None:
    found = SITE.resolve(path)
    assert (found.status, found.served) == (status, served)


def test_redirect_targets() -> None:
    assert SITE.resolve("/old/").target == "https://example.com/new/"
    assert SITE.resolve("/gone").target == "/here/"


segment = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\%?#"), min_size=1, max_size=8
).filter(lambda s: s not in (".", ".."))
rel_file = st.lists(segment, min_size=1, max_size=4).map("/".join)


@given(st.sets(rel_file, min_size=1, max_size=12), st.data())
def test_every_written_file_answers_at_its_own_path(files: set[str], data: st.DataObject) -> None:
    site = SiteFiles(files)
    chosen = data.draw(st.sampled_from(sorted(files)))
    for request in ("/" + chosen, "/" + quote(chosen)):
        found = site.resolve(request)
        assert found.status == KEPT and found.served == chosen


@given(st.sets(rel_file, min_size=1, max_size=12), rel_file)
def test_served_file_is_always_a_file_of_the_site_and_a_candidate(files: set[str], request: str) -> None:
    site = SiteFiles(files)
    found = site.resolve("/" + request)
    if found.status == KEPT:
        assert found.served in files
        clean = normalize("/" + request)
        assert clean is not None and found.served in candidates(clean)
    else:
        assert found.status == MISSING
        assert not any(c in files for c in candidates(normalize("/" + request) or "/"))


@given(st.lists(segment, min_size=1, max_size=4).map("/".join))
def test_folder_index_answers_with_and_without_slash(folder: str) -> None:
    site = SiteFiles({folder + "/index.html"})
    for request in ("/" + folder + "/", "/" + folder, "/" + quote(folder) + "/", "/" + folder + "/index.html"):
        assert site.resolve(request).served == folder + "/index.html"


@given(st.text(max_size=30))
def test_normalize_never_leaves_the_root(path: str) -> None:
    clean = normalize("/" + path)
    if clean is not None:
        assert clean.startswith("/")
        assert "/../" not in clean + "/" and "//" not in clean


def test_an_escaped_replacement_character_is_a_name_like_any_other() -> None:
    """U+FFFD written as UTF-8 escapes is a real file name (hypothesis found it); escapes that are not
    UTF-8 still answer nothing."""
    site = SiteFiles({"\ufffd", "caf\u00e9.html"})
    assert site.resolve("/%EF%BF%BD").served == "\ufffd"
    assert site.resolve("/\ufffd").served == "\ufffd"
    assert site.resolve("/caf%C3%A9").served == "caf\u00e9.html"
    assert site.resolve("/caf%E9").status == MISSING
