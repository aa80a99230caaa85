"""Hostile titles and descriptions: feeds stay well-formed, JSON-LD valid and inert, attributes closed."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuildSite, Built
from tests.outputs.support import json_ld, meta, parse_feed

POST = (
    "---\n"
    'title: "Quote \\" \' & <b>bold</b> ]]> </script><script>alert(1)</script> &lt;/script&gt;&lt;script&gt;alert(6)&lt;/script&gt; \\x01end"\n'
    "description: '\"><script>alert(2)</script> </script> ]]> & \\x0b done &lt;/script&gt;&lt;b&gt;'\n"
    "tags: ['\"/><VADER>', ']]>']\n"
    "image: '/img/a\"b.png'\n"
    "image_alt: '\"><script>alert(3)</script>'\n"
    "---\n"
    "Body with ]]> and \x0b a control character, and <span>inline html</span>.\n"
)
CONFIG = (
    "url: https://example.com\n"
    "title: Hostile\n"
    "twitter:\n  username: '\"><script>alert(4)</script>'\n"
    "author: '</script><script>alert(5)</script>'\n"
)


@pytest.fixture
def hostile(build_site: BuildSite) -> Built:
    built = build_site(
        {"docs/_config.yml": CONFIG, "docs/_posts/2024-01-02-hostile.md": POST},
        mkdocs_yml="site_name: Hostile\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n",
        strict=False,
    )
    assert built.returncode == 0, built.log
    return built


def test_feeds_stay_well_formed(hostile: Built) -> None:
    parsed = parse_feed(hostile.site / "feed.xml")
    [entry] = parsed.entries
    assert "]]>" in entry.title and "\x01" not in entry.title
    body = entry.content[0].value
    assert "]]&gt;" in body and "\x0b" not in body and "<span>inline html</span>" in body
    assert {t.term for t in entry.tags} == {'"/><VADER>', "]]>"}
    data = json.loads(hostile.read("feed.json"))
    assert "]]>" in data["items"][0]["title"]


def test_json_ld_valid_and_inert(hostile: Built) -> None:
    html = hostile.read("2024/01/02/hostile.html")
    soup = BeautifulSoup(html, "html.parser")
    [data] = json_ld(soup)
    assert data["@type"] == "BlogPosting"
    # Entities in front matter decode to a real '</script>' in the text: it must stay inside the JSON.
    assert "</script><script>alert(6)</script>" in data["headline"] and "</script><b>" in data["description"]
    # No script element other than the JSON-LD holds what the post author wrote.
    for script in soup.find_all("script"):
        text = script.string or ""
        assert "alert" not in text or script.get("type") == "application/ld+json", str(script)
    assert html.count("</script>") == len(soup.find_all("script"))
    # Tags are stripped from descriptions, as jekyll-seo-tag does; what is left is text in an attribute.
    assert meta(soup, "og:description") == ['"> ]]> & \\x0b done </script><b>']
    assert meta(soup, "og:image:alt") == ['">']
    assert meta(soup, "twitter:site")[0].startswith("@")


def test_attributes_stay_closed(hostile: Built) -> None:
    soup = BeautifulSoup(hostile.read("2024/01/02/hostile.html"), "html.parser")
    assert len(soup.find_all("meta", attrs={"property": "og:title"})) == 1
    assert meta(soup, "og:image") == ["https://example.com/img/a%22b.png"]
    assert not soup.find_all(attrs={"onerror": True})
