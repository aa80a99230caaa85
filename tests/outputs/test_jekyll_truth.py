"""The outputs fixture (tests/fixtures/outputs/src) against what Jekyll 4.3 with jekyll-feed, jekyll-seo-tag,
jekyll-redirect-from and jekyll-sitemap wrote for it (tests/fixtures/outputs/reference, made with
../shared/tools/jekyll_reference.py; the posts that call ``{% seo %}`` show jekyll-seo-tag's tags)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, Built, run_build, shared_or_skip
from tests.outputs.support import canonical, json_ld, meta, parity_script, parse_feed

SRC = FIXTURES / "outputs" / "src"
REFERENCE = FIXTURES / "outputs" / "reference" / "_site"
SEO_TAGS = [
    "og:title",
    "og:description",
    "description",
    "og:url",
    "og:site_name",
    "og:image",
    "og:type",
    "og:locale",
    "article:published_time",
    "twitter:card",
    "twitter:image",
    "twitter:title",
    "twitter:site",
    "author",
]
JSON_LD_KEYS = ["@type", "headline", "url", "datePublished", "dateModified", "image", "mainEntityOfPage", "author"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("outputs-truth")
    shutil.copytree(SRC, root / "docs")
    for path in (root / "docs").rglob("*.md"):  # jekyll-seo-tag's Liquid tag: polax puts the tags in <head>
        path.write_text(path.read_text(encoding="utf-8").replace("{% seo %}", ""), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Outputs fixture\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n", encoding="utf-8"
    )
    result = run_build(root, "--strict")
    assert result.returncode == 0, result.log
    return result


def test_feeds_sitemap_redirects_robots_match_jekyll(built: Built) -> None:
    report = parity_script().compare(REFERENCE, built.site)
    assert len(report.lines) >= 12, report.lines  # 2 feeds, sitemap, redirects.json, 8 redirect pages, robots
    assert not report.misses, "\n".join(report.lines)
    for feed in ("feed.xml", "feed/news.xml"):
        parse_feed(built.site / feed)


def test_every_redirect_page_where_jekyll_wrote_it(built: Built) -> None:
    for rel in ("old-tiktok.html", "2021/11/01/news-one.html", "news/one/index.html", "xmas.html", "team.html"):
        assert built.exists(rel), rel
        ours = BeautifulSoup(built.read(rel), "html.parser").find("link", rel="canonical")
        theirs = BeautifulSoup((REFERENCE / rel).read_text(encoding="utf-8"), "html.parser").find(
            "link", rel="canonical"
        )
        assert ours is not None and theirs is not None and ours["href"] == theirs["href"]


def test_sitemap_leaves_out_what_jekyll_left_out(built: Built) -> None:
    text = built.read("sitemap.xml")
    for absent in ("/pretty/path/", "/hidden/", "/moved/", "/relmove/", "404.html", "/xmas<", "old-tiktok"):
        assert absent not in text, absent
    assert "<loc>https://blog.example/news/news-one/</loc>\n<lastmod>2022-01-05T10:00:00+00:00</lastmod>" in text


def _seo(html: str) -> tuple[dict[str, list[str]], dict[str, Any]]:
    soup = BeautifulSoup(html, "html.parser")
    tags = {key: meta(soup, key) for key in SEO_TAGS}
    tags["canonical"] = canonical(soup)
    [data] = json_ld(soup)
    return tags, {k: data.get(k) for k in JSON_LD_KEYS}


@pytest.mark.parametrize("rel", ["blog/tiktok-for-ecommerce.html", "news/news-one/index.html"])
def test_seo_tags_as_jekyll_seo_tag(built: Built, rel: str) -> None:
    ours_tags, ours_ld = _seo(built.read(rel))
    ref_tags, ref_ld = _seo((REFERENCE / rel).read_text(encoding="utf-8"))
    assert ours_tags == ref_tags
    assert ours_ld == ref_ld


def test_reference_is_committed() -> None:
    assert (REFERENCE / "feed.xml").is_file() and Path(REFERENCE.parent / "outputs.tsv").is_file()


def test_url_parity_with_jekyll(built: Built) -> None:
    """Every file Jekyll wrote is there; a page turned into a redirect keeps its title."""
    tool = shared_or_skip() / "tools" / "url_parity.py"
    tsv = REFERENCE.parent / "outputs.tsv"
    proc = subprocess.run(["python3", str(tool), str(tsv), str(built.site)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
