"""theme: material hosts the same blog: every post at the same path as under polax, with its hero
image, date, author and categories shown, and every listing page written."""

from __future__ import annotations

from pathlib import Path

import material as mkdocs_material  # noqa: F401 - a test dependency: the host under test
import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Built
from tests.theme.conftest import build_example


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_example(tmp_path_factory.mktemp("material"), theme="material")


def html_pages(built: Built) -> set[str]:
    return {p for p in built.files() if p.endswith(".html")}


def test_same_pages_as_polax(material: Built, example: Built) -> None:
    polax_pages = {p for p in html_pages(example)}
    material_pages = html_pages(material)
    posts = {p for p in polax_pages if p.startswith("blog/")}
    assert len(posts) == 12
    assert posts <= material_pages
    listings = {p for p in polax_pages if p.split("/")[0] in ("category", "tag", "archive", "author", "page2", "page3")}
    assert listings and listings <= material_pages
    assert "index.html" in material_pages


def test_post_shows_hero_date_author_categories(material: Built) -> None:
    s = BeautifulSoup(material.read("blog/core-web-vitals-for-shops.html"), "html.parser")
    assert "md-header" in str(s)  # Material's own page around the post
    h1 = s.find("h1")
    assert isinstance(h1, Tag) and h1.get_text(strip=True) == "Core Web Vitals for Shop Owners"
    hero = s.select_one(".polax-hero img")
    assert isinstance(hero, Tag)
    assert hero["alt"] == "Green gradient with dark bar chart shapes" and hero["width"] == "640"
    assert Path(material.site / "assets/images/blog/core-web-vitals-for-shops.png").is_file()
    meta = s.select_one(".polax-meta")
    assert isinstance(meta, Tag)
    text = meta.get_text(" ", strip=True)
    assert "Ada Lovell" in text and "March 11, 2025" in text and "Engineering" in text
    time = meta.find("time")
    assert isinstance(time, Tag) and time["datetime"] == "2025-03-11T09:00:00+00:00"
    links = {str(a["href"]) for a in meta.find_all("a")}
    assert "../author/ada/" in links and "../category/engineering/" in links
    assert [a.get_text(strip=True) for a in s.select(".polax-tags a")] == ["performance", "seo"]


def test_listing_pages(material: Built) -> None:
    s = BeautifulSoup(material.read("index.html"), "html.parser")
    titles = [a.get_text(strip=True) for a in s.select(".polax-excerpt h2 a")]
    assert len(titles) == 5 and titles[0] == "Newsletter Design Basics"
    assert s.select(".md-pagination a[href='page2/']")
    cat = BeautifulSoup(material.read("category/design/index.html"), "html.parser")
    h1 = cat.find("h1")
    assert isinstance(h1, Tag) and h1.get_text(strip=True) == "Category: Design"
    assert len(cat.select(".polax-excerpt")) == 4
