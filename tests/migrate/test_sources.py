"""Reading what an old site published (``migrate/sources.py``) and mapping its URLs by path."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.migrate import MigrateError
from mkdocs_polax.migrate.sources import common_base, read_old_site, strip_base, url_path

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://old.example.org/blog/</loc></url>
<url><loc>https://old.example.org/blog/2020/01/02/hello/</loc><lastmod>2020-01-02</lastmod></url>
<url><loc>https://old.example.org/blog/about.html</loc></url>
</urlset>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<link href="https://old.example.org/feed.xml" rel="self" type="application/atom+xml"/>
<link href="https://old.example.org/blog/" rel="alternate" type="text/html"/>
<id>https://old.example.org/feed.xml</id><title>Old</title>
<entry><title>Hello</title><link href="https://old.example.org/blog/2020/01/02/hello/" rel="alternate"/>
<id>https://old.example.org/blog/2020/01/02/hello</id></entry>
</feed>
"""
RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Old</title><link>https://old.example.org/blog/</link>
<item><title>Hello</title><link>https://old.example.org/blog/2020/01/02/hello/</link></item>
<item><title>Caf&#233;</title><guid>https://old.example.org/blog/caf%C3%A9.html</guid></item>
</channel></rss>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_lists_every_file_as_served(tmp_path: Path) -> None:
    for rel in (
        "index.html",
        "about/index.html",
        "2020/post.html",
        "feed.xml",
        "public/a b.css",
        ".DS_Store",
        "_redirects",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    old = read_old_site(tmp_path)
    assert old.kind == "folder"
    assert sorted(u.path for u in old.urls) == ["/", "/2020/post.html", "/about/", "/feed.xml", "/public/a%20b.css"]


def test_sitemap(tmp_path: Path) -> None:
    old = read_old_site(write(tmp_path, "sitemap.xml", SITEMAP))
    assert old.kind == "sitemap"
    assert [u.path for u in old.urls] == ["/blog/", "/blog/2020/01/02/hello/", "/blog/about.html"]
    assert old.urls[1].original == "https://old.example.org/blog/2020/01/02/hello/"


def test_atom_feed_and_its_base(tmp_path: Path) -> None:
    old = read_old_site(write(tmp_path, "atom.xml", ATOM))
    assert (old.kind, [u.path for u in old.urls], old.base_hint) == ("atom", ["/blog/2020/01/02/hello/"], "/blog/")


def test_rss_feed_link_or_guid(tmp_path: Path) -> None:
    old = read_old_site(write(tmp_path, "rss.xml", RSS))
    assert old.kind == "rss"
    assert [u.path for u in old.urls] == ["/blog/2020/01/02/hello/", "/blog/caf%C3%A9.html"]


def test_text_list_of_urls_and_paths(tmp_path: Path) -> None:
    text = "# old URLs\nhttps://old.example.org/a/?x=1#top\n/b.html\n\nc/\n/b.html\n"
    old = read_old_site(write(tmp_path, "urls.txt", text))
    assert (old.kind, [u.path for u in old.urls]) == ("text", ["/a/", "/b.html", "/c/"])


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("sitemap.xml", SITEMAP.replace("</urlset>", ""), "is not well-formed XML (line"),
        ("feed.xml", ATOM.replace("</entry>", "<entry>"), "is not well-formed XML"),
        ("rss.xml", RSS.replace("<link>https://old.example.org/blog/2020/01/02/hello/</link>", ""), "has no <link>"),
        ("index.xml", '<?xml version="1.0"?><html><p/></html>', "neither a sitemap"),
        ("empty.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', "lists no"),
        (
            "idx.xml",
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>x</loc></sitemap>'
            "</sitemapindex>",
            "sitemap index",
        ),
        ("urls.txt", "/a/\n/b c/\n", "urls.txt:2:"),
        ("lol.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>', "<!ENTITY>"),
    ],
)
def test_bad_file_is_one_clear_error_naming_it(tmp_path: Path, name: str, text: str, says: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(MigrateError) as caught:
        read_old_site(path)
    assert str(path) in str(caught.value) and says in str(caught.value)


def test_missing_source(tmp_path: Path) -> None:
    with pytest.raises(MigrateError, match="no such file"):
        read_old_site(tmp_path / "nope.xml")


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("https://h.org/x/y/?q=1#f", "/x/y/"),
        ("https://h.org", "/"),
        ("/x#f", "/x"),
        ("x/y.html?z", "/x/y.html"),
        ("//cdn.h.org/a.css", "/a.css"),
    ],
)
def test_url_path(value: str, path: str) -> None:
    assert url_path(value) == path


def test_strip_base() -> None:
    assert strip_base("/blog/x/", "/blog/") == "/x/"
    assert strip_base("/blog", "blog") == "/"
    assert strip_base("/blogger/x", "/blog") is None
    assert strip_base("/x", "") == "/x"


path_segment = st.text(alphabet="abcxyz-_.0123456789", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))


@given(st.lists(path_segment, max_size=3).map(lambda s: "/" + "/".join(s)), st.lists(path_segment, max_size=4))
def test_strip_base_undoes_a_base_prefix(base: str, rest: list[str]) -> None:
    path = "/" + "/".join(rest)
    joined = base.rstrip("/") + path
    assert strip_base(joined, base) == path


@given(st.lists(st.lists(path_segment, min_size=1, max_size=4).map(lambda s: "/" + "/".join(s)), min_size=1))
def test_common_base_is_a_prefix_of_every_path(paths: list[str]) -> None:
    base = common_base(paths)
    assert all(strip_base(p, base) is not None for p in paths)
