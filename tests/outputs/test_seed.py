"""The seed post's SEO tags, feed entry and sitemap URL, under the polax theme and under Material."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES, Built, run_build
from tests.outputs.support import SITEMAP_SCHEMA, canonical, head, json_ld, meta, parse_feed

POST = "blog/tiktok-for-ecommerce.html"
URL = "https://polax.co.uk/blog/tiktok-for-ecommerce"
IMAGE = "https://polax.co.uk/assets/images/blog/tiktok-for-ecommerce.jpg"
TITLE = "TikTok for eCommerce: how to use it to increase sales"


@pytest.fixture(scope="module", params=["polax", "material"])
def seed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp(f"seed-{request.param}")
    shutil.copytree(FIXTURES / "seed", root, dirs_exist_ok=True)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("theme: polax", f"theme: {request.param}")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    built = run_build(root)  # not --strict: the seed post holds mojibake, rightly a warning
    assert built.returncode == 0, built.log
    return built


def test_head_of_seed_post(seed: Built) -> None:
    soup = head(seed.read(POST))
    assert canonical(soup) == [URL]
    assert meta(soup, "og:url") == [URL]
    assert meta(soup, "og:image") == [IMAGE]
    assert meta(soup, "og:image:alt") == ["Influencer recording a TikTok"]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:title") == [TITLE]
    assert meta(soup, "article:published_time") == ["2021-10-28T00:00:00+00:00"]
    assert meta(soup, "twitter:card") == ["summary_large_image"]
    assert meta(soup, "description") == ["One-paragraph summary used for meta tags and listings."]
    assert soup.title is not None and soup.title.get_text().startswith(TITLE)
    [data] = json_ld(soup)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == TITLE
    assert data["url"] == URL and data["mainEntityOfPage"] == {"@type": "WebPage", "@id": URL}
    assert data["image"] == IMAGE
    assert data["author"] == {"@type": "Person", "name": "Daniel Granger"}
    assert data["datePublished"] == "2021-10-28T00:00:00+00:00"
    feeds = {link["type"]: link["href"] for link in soup.find_all("link", rel="alternate") if link.get("type")}
    assert feeds == {
        "application/atom+xml": "https://polax.co.uk/feed.xml",
        "application/feed+json": "https://polax.co.uk/feed.json",
    }


def test_feed_has_seed_entry(seed: Built) -> None:
    parsed = parse_feed(seed.site / "feed.xml")
    [entry] = parsed.entries
    assert entry.id == "https://polax.co.uk/blog/tiktok-for-ecommerce"
    assert entry.link == URL
    assert entry.title == TITLE
    assert entry.author == "Daniel Granger"
    assert [t.term for t in entry.tags] == ["Business Tips"]
    assert entry.media_thumbnail[0]["url"] == IMAGE
    assert entry.summary == "One-paragraph summary used for meta tags and listings."
    body = entry.content[0].value
    assert "Why it matters" in body
    # Links in the content are absolute: a reader shows them away from the site.
    assert 'href="https://polax.co.uk/blog/' in body or 'href="https://polax.co.uk/blog"' in body


def test_json_feed_has_seed_item(seed: Built) -> None:
    data = json.loads(seed.read("feed.json"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    [item] = data["items"]
    assert item["id"] == "https://polax.co.uk/blog/tiktok-for-ecommerce" and item["url"] == URL
    assert item["image"] == IMAGE and item["title"] == TITLE


def test_sitemap_and_robots(seed: Built) -> None:
    SITEMAP_SCHEMA.validate(str(seed.site / "sitemap.xml"))
    text = seed.read("sitemap.xml")
    assert f"<loc>{URL}</loc>\n<lastmod>2021-10-28T00:00:00+00:00</lastmod>" in text
    assert "{%" not in text and not seed.exists("sitemap.xml.gz")
    assert seed.read("robots.txt") == "Sitemap: https://polax.co.uk/sitemap.xml\n"


def test_one_of_each_head_tag(seed: Built) -> None:
    """The theme's own description/canonical tags give way to polax's: no duplicates."""
    soup = head(seed.read(POST))
    assert len(soup.find_all("title")) == 1
    assert len(soup.find_all("meta", attrs={"name": "description"})) == 1
    assert len(canonical(soup)) == 1
