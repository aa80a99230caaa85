"""Hostile content in every field that reaches a reader: the built site carries it as inert text.

One site (``hostile_site/``) is built once for the module; each test reads one kind of output.
Raw HTML in a Markdown body is the author's own and passes through, as in Jekyll; everything from
front matter is escaped, and front-matter URLs with ``javascript:``/``data:`` are dropped.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.badinput.support import html_files, inert_problems, is_script_url, soup
from tests.conftest import Built, run_build

SITE = Path(__file__).resolve().parent / "hostile_site"
HOSTILE = "_posts/2021-05-05-hostile.md"
TITLE = (
    '<script>alert("XSS-title")</script> "><img src=x onerror=alert(\'XSS-attr\')> '
    "{{ 7 | times: 6 }} {% if true %}LIQUID-RAN{% endif %}"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(SITE, root, dirs_exist_ok=True)
    return run_build(root)  # not --strict: the javascript: redirect_to is warned (tested below)


def post_path(built: Built) -> str:
    return next(f for f in built.files() if f.endswith("/2021/05/05/hostile.html"))


def test_build_has_no_traceback_and_writes_every_post(built: Built) -> None:
    assert built.returncode == 0 and "Traceback" not in built.log, built.log
    for rel in ("2021/05/06/data.html", "2021/05/07/redirect.html", "2021/05/08/style.html", "2021/05/09/tab.html"):
        assert built.exists(rel), rel
    assert post_path(built).startswith('<script>alert("xss-cat")</script>/')  # Jekyll's :categories, a folder name
    assert not [p for p in built.root.iterdir() if p.name not in ("docs", "site", "mkdocs.yml")]


def test_no_script_handler_or_script_url_from_content_in_any_page(built: Built) -> None:
    assert len(html_files(built)) > 8
    assert inert_problems(built, "XSS") == []


def test_titles_are_text_everywhere(built: Built) -> None:
    page = soup(built, post_path(built))
    assert page.h1 is not None and page.h1.get_text(strip=True) == TITLE
    assert TITLE in page.title.get_text()  # type: ignore[union-attr]
    for rel in ("index.html", "archive/2021/index.html"):
        assert TITLE in soup(built, rel).get_text(), rel


def test_liquid_in_front_matter_is_text_not_template(built: Built) -> None:
    """'{{ }}' and '{% %}' in a title print as written; a body's Liquid sees the title as data."""
    page = soup(built, post_path(built))
    assert "{{ 7 | times: 6 }}" in page.h1.get_text()  # type: ignore[union-attr]
    assert "LIQUID-RAN{% endif %}" in page.h1.get_text()  # type: ignore[union-attr]
    body = page.find(string=re.compile("The title again through Liquid"))
    assert body is not None and "<script>" in body  # '| escape' made it text; it is not an element


def test_code_blocks_show_markup_as_text(built: Built) -> None:
    page = soup(built, post_path(built))
    codes = " ".join(c.get_text() for c in page.find_all("code"))
    assert '<script>alert("XSS-code")</script>' in codes
    assert '<img src=x onerror=alert("XSS-inline")>' in codes


def test_raw_html_in_a_markdown_body_passes_through_as_in_jekyll(built: Built) -> None:
    bold = [b.get_text() for b in soup(built, post_path(built)).find_all("b")]
    assert "raw author HTML" in bold


def test_front_matter_urls_with_script_or_data_schemes_are_dropped(built: Built) -> None:
    pages = ["2021/05/06/data.html", "2021/05/08/style.html", "2021/05/09/tab.html", "about/index.html"]
    for rel in [post_path(built), *pages]:
        page = soup(built, rel)
        for tag in page.find_all(["img", "a", "link", "source", "meta"]):
            for attr in ("src", "href", "srcset", "content"):
                value = str(tag.get(attr) or "")
                assert not is_script_url(value), (rel, str(tag)[:120])
        hero = [img for img in page.find_all("img") if "a.png" in str(img.get("src", ""))]
        for img in hero:  # the '" style=...' image stays one attribute value, percent-encoded or escaped
            assert img.get("style") is None and img.get("onerror") is None


def test_author_fields_are_text_and_links_are_safe(built: Built) -> None:
    text = soup(built, post_path(built)).get_text()
    assert '<script>alert("XSS-author")</script>' in text or "author/hostile" in built.read(post_path(built))
    author_page = soup(built, "author/hostile/index.html")
    assert '<script>alert("XSS-author")</script>' in author_page.get_text()
    for a in author_page.find_all("a"):
        assert not str(a.get("href", "")).lower().startswith(("javascript:", "data:"))


def _json_ld(built: Built, rel: str) -> list[Any]:
    raw = built.read(rel)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    return [json.loads(b) for b in blocks]


def test_json_ld_parses_and_holds_the_text(built: Built) -> None:
    blocks = _json_ld(built, post_path(built))
    assert blocks, "no JSON-LD on the post"
    dumped = json.dumps(blocks)
    assert "XSS-author" in dumped  # the author name is there, as data
    for block in blocks:
        for key in ("url", "image", "mainEntityOfPage"):
            value = json.dumps(block.get(key, ""))
            assert "javascript:" not in value.lower() and "data:" not in value.lower(), block


def test_atom_feed_is_well_formed_and_carries_text(built: Built) -> None:
    raw = built.read("feed.xml")
    root = ET.fromstring(raw)  # well-formed XML, whatever the titles held
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:entry", ns) is not None
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert any("{{ 7 | times: 6 }}" in t for t in titles), titles
    for element in root.iter():
        assert element.tag.split("}")[-1] != "script"
        for attr in ("href", "url", "src"):
            assert not is_script_url(element.get(attr, "")), ET.tostring(element)[:200]
        if element.tag.endswith("uri"):
            assert not is_script_url(element.text or "")


def test_json_feed_parses_and_its_urls_are_safe(built: Built) -> None:
    feed = json.loads(built.read("feed.json"))
    for item in feed["items"]:
        for key in ("url", "image", "banner_image", "external_url"):
            assert not is_script_url(str(item.get(key, ""))), item
        for author in item.get("authors", []):
            assert not is_script_url(str(author.get("url", ""))), author
    assert any("{{ 7 | times: 6 }}" in item.get("title", "") for item in feed["items"])


def test_sitemap_is_well_formed_with_site_urls_only(built: Built) -> None:
    root = ET.fromstring(built.read("sitemap.xml"))
    locs = [e.text or "" for e in root.iter() if e.tag.endswith("loc")]
    assert locs and all(loc.startswith("https://example.com/") for loc in locs), locs
    assert all(" " not in loc and "<" not in loc and '"' not in loc for loc in locs), locs


def test_search_index_is_json(built: Built) -> None:
    index = json.loads(built.read("search/search_index.json"))
    assert any("{{ 7 | times: 6 }}" in d.get("title", "") for d in index["docs"])


def test_redirect_to_javascript_is_not_followed(built: Built) -> None:
    assert "redirect_to 'javascript:alert(\"XSS-redirect-to\")' is not an http(s) or site URL" in built.log
    page = soup(built, "2021/05/07/redirect.html")
    assert not page.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}) or "javascript" not in str(
        page.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    )


def test_redirect_from_a_hostile_path_stays_inside_and_inert(built: Built) -> None:
    pages = [f for f in built.files() if f.startswith("old/")]
    assert pages, sorted(built.files())
    for rel in pages:  # jekyll-redirect-from's page: one script, the target URL percent-encoded in it
        scripts = [s.get_text() for s in soup(built, rel).find_all("script")]
        assert all(re.fullmatch(r'location="https://example\.com/[^"<>\\\s]*"', s) for s in scripts), scripts


def test_no_script_runs_in_a_browser(built: Built) -> None:
    """Chromium opens every page and searches for the hostile words: no dialog ever opens."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, need, serve

    need(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with serve(built.site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for rel in html_files(built):
            page.goto(base + "/".join(map(_quote, rel.split("/"))), wait_until="load")
        page.goto(base, wait_until="load")
        page.click(".search-toggle")
        results = []
        for word in ("alert", "script", "XSS", "onerror"):
            page.locator("#search-input").fill(word)
            page.locator(".search-results a").first.wait_for()
            results.append(page.locator(".search-results").inner_text())
        browser.close()
    assert dialogs == []
    assert any("<script>" in r for r in results), results  # found, and shown as text


def _quote(segment: str) -> str:
    from urllib.parse import quote

    return quote(segment, safe="")
