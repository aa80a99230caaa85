"""Feed, SEO and sitemap settings: _config.yml's jekyll-feed keys, mkdocs.yml options winning, front matter."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.conftest import BuildSite
from tests.outputs.support import SITEMAP_SCHEMA, canonical, meta, parse_feed

YML = "site_name: Options\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n"


def _posts(n: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for i in range(1, n + 1):
        cat = "news" if i % 2 else "notes"
        files[f"docs/_posts/2020-01-{i:02d}-post-{i}.md"] = (
            f"---\ntitle: Post {i}\ncategory: {cat}\ntags: [t{i % 3}]\n---\nBody {i} with [a link](../x/).\n"
        )
    return files


def _entries(path: str) -> list[str]:
    root = ET.parse(path).getroot()
    return [
        e.findtext("{http://www.w3.org/2005/Atom}title") or "" for e in root.iter("{http://www.w3.org/2005/Atom}entry")
    ]


def test_jekyll_feed_settings_from_config(build_site: BuildSite) -> None:
    config = (
        "url: https://example.com\n"
        "show_drafts: true\n"
        "feed:\n  path: /atom.xml\n  posts_limit: 2\n  excerpt_only: true\n  categories: [news]\n  tags: true\n"
    )
    files = {"docs/_config.yml": config, **_posts(5), "docs/_drafts/a-draft.md": "---\ntitle: Draft\n---\nNo.\n"}
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    assert not built.exists("feed.xml")
    assert _entries(str(built.site / "atom.xml")) == ["Post 5", "Post 4"]  # no draft, limit 2
    assert "<content" not in built.read("atom.xml")  # excerpt_only
    assert _entries(str(built.site / "feed/news.xml")) == ["Post 5", "Post 3"]
    assert _entries(str(built.site / "feed/by_tag/t1.xml")) == ["Post 4", "Post 1"]
    for path in ("atom.xml", "feed/news.xml", "feed/by_tag/t1.xml"):
        parse_feed(built.site / path)
    news = ET.parse(built.site / "feed/news.xml").getroot()
    assert news.findtext("{http://www.w3.org/2005/Atom}title") == "Options | News"
    soup = BeautifulSoup(built.read("news/2020/01/01/post-1.html"), "html.parser")
    assert soup.find("link", type="application/atom+xml")["href"] == "https://example.com/atom.xml"


def test_mkdocs_options_win(build_site: BuildSite) -> None:
    config = "url: https://example.com\nfeed:\n  posts_limit: 2\n  excerpt_only: true\n"
    yml = YML.replace(
        "  - polax\n",
        "  - polax:\n      feed:\n        posts_limit: 4\n        excerpt_only: false\n        json_path: ''\n",
    )
    built = build_site({"docs/_config.yml": config, **_posts(5)}, mkdocs_yml=yml)
    assert built.returncode == 0, built.log
    assert len(_entries(str(built.site / "feed.xml"))) == 4
    text = built.read("feed.xml")
    assert "<content" in text and 'href="https://example.com/news/2020/01/x/"' in text  # links made absolute
    assert not built.exists("feed.json")


def test_switches_off(build_site: BuildSite) -> None:
    yml = YML.replace(
        "  - polax\n", "  - polax:\n      feed:\n        enabled: false\n      seo: false\n      sitemap: false\n"
    )
    built = build_site({"docs/_config.yml": "url: https://example.com\n", **_posts(1)}, mkdocs_yml=yml)
    assert built.returncode == 0, built.log
    assert not built.exists("feed.xml") and not built.exists("feed.json") and not built.exists("robots.txt")
    soup = BeautifulSoup(built.read("news/2020/01/01/post-1.html"), "html.parser")
    assert not meta(soup, "og:title") and not soup.find("link", type="application/atom+xml")


def test_front_matter_seo_noindex_sitemap(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = {
        "docs/_config.yml": "url: https://example.com\ntitle: Site\n",
        **_posts(1),
        "docs/quiet.md": "---\ntitle: Quiet\nseo: false\n---\nq\n",
        "docs/hidden.md": "---\ntitle: Hidden\nnoindex: true\n---\nh\n",
        "docs/unlisted.md": "---\ntitle: Unlisted\nsitemap: false\n---\nu\n",
        "docs/canon.md": "---\ntitle: Canon\ncanonical_url: https://other.example/c/\n---\nc\n",
        "docs/404.md": "---\ntitle: Not found\npermalink: /404.html\n---\nnf\n",
        "docs/robots.txt": "User-agent: *\nDisallow:\n",
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    quiet = BeautifulSoup(built.read("quiet.html"), "html.parser")
    assert not meta(quiet, "og:title") and not quiet.find_all("script", type="application/ld+json")
    hidden = BeautifulSoup(built.read("hidden.html"), "html.parser")
    assert meta(hidden, "robots") == ["noindex"]
    assert canonical(BeautifulSoup(built.read("canon.html"), "html.parser")) == ["https://other.example/c/"]
    SITEMAP_SCHEMA.validate(str(built.site / "sitemap.xml"))
    sitemap = built.read("sitemap.xml")
    assert "quiet.html" in sitemap and "hidden" not in sitemap and "unlisted" not in sitemap
    assert "404.html" not in sitemap and "<loc>https://example.com/news/2020/01/01/post-1.html</loc>" in sitemap
    assert built.read("robots.txt") == "User-agent: *\nDisallow:\n"  # the site's own robots.txt wins


def test_home_title_and_website_json_ld(build_site: BuildSite) -> None:
    built = build_site({"docs/_config.yml": "url: https://example.com\n", **_posts(2)}, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert canonical(soup) == ["https://example.com/"]
    [data] = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    assert data["@type"] == "WebSite" and data["name"] == "Options"
    post = BeautifulSoup(built.read("notes/2020/01/02/post-2.html"), "html.parser")
    assert meta(post, "og:title") == ["Post 2"]


def test_mkdocs_site_with_a_blog(build_site: BuildSite) -> None:
    """No _config.yml: MkDocs pages keep their URLs and get tags, the sitemap lists them with the posts."""
    files: dict[str, str | bytes] = {
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs/guide/setup.md": "---\ndescription: How to set up\n---\n# Setup\n\nSteps.\n",
        "docs/_posts/2021-10-28-hello.md": "---\ntitle: Hello\npermalink: /blog/hello\n---\nHi.\n",
    }
    yml = "site_name: Docs\nsite_url: https://docs.example/\ntheme: polax\nplugins:\n  - polax\n"
    built = build_site(files, mkdocs_yml=yml)
    assert built.returncode == 0, built.log
    setup = BeautifulSoup(built.read("guide/setup/index.html"), "html.parser")
    assert canonical(setup) == ["https://docs.example/guide/setup/"]
    assert meta(setup, "description") == ["How to set up"]
    SITEMAP_SCHEMA.validate(str(built.site / "sitemap.xml"))
    sitemap = built.read("sitemap.xml")
    for loc in ("https://docs.example/", "https://docs.example/guide/setup/", "https://docs.example/blog/hello"):
        assert f"<loc>{loc}</loc>" in sitemap
    [entry] = parse_feed(built.site / "feed.xml").entries
    assert entry.id == "https://docs.example/blog/hello" and entry.link == "https://docs.example/blog/hello"


def test_without_site_url(build_site: BuildSite) -> None:
    """No site_url and no url: no sitemap (it needs absolute URLs), no canonical; feeds still written."""
    built = build_site(_posts(1), mkdocs_yml="site_name: Bare\ntheme: polax\nplugins:\n  - polax\n")
    assert built.returncode == 0, built.log
    assert not built.exists("sitemap.xml") and not built.exists("robots.txt")
    soup = BeautifulSoup(built.read("news/2020/01/01/post-1.html"), "html.parser")
    assert not canonical(soup) and meta(soup, "og:title") == ["Post 1"]
    [entry] = parse_feed(built.site / "feed.xml").entries
    assert entry.link == "/news/2020/01/01/post-1.html"


def test_twitter_and_publisher_from_config(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = {
        "docs/_config.yml": "url: https://example.com\ntwitter:\n  username: '@polax'\nlogo: /img/logo.png\nlang: en-GB\n",
        "docs/_data/authors.yml": "dan:\n  name: Daniel Granger\n  twitter: '@dan'\n  url: https://dan.example/\n",
        "docs/_posts/2021-10-28-x.md": "---\ntitle: X\nauthor: dan\nimage: /img/x.jpg\nlast_modified_at: 2022-01-01\n---\nx\n",
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    soup = BeautifulSoup(built.read("2021/10/28/x.html"), "html.parser")
    assert meta(soup, "twitter:site") == ["@polax"] and meta(soup, "twitter:creator") == ["@dan"]
    assert meta(soup, "og:locale") == ["en_GB"]
    assert meta(soup, "article:modified_time") == ["2022-01-01T00:00:00+00:00"]
    [data] = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    assert data["author"] == {"@type": "Person", "name": "Daniel Granger", "url": "https://dan.example/"}
    assert data["publisher"]["logo"]["url"] == "https://example.com/img/logo.png"
    assert data["dateModified"] == "2022-01-01T00:00:00+00:00"
    [entry] = parse_feed(built.site / "feed.xml").entries
    assert entry.updated.startswith("2022-01-01") and entry.author == "Daniel Granger"
    feed = ET.parse(built.site / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"


def test_collection_feeds(build_site: BuildSite) -> None:
    config = (
        "url: https://example.com\n"
        "collections:\n  recipes:\n    output: true\n"
        "feed:\n  collections:\n    recipes:\n      categories: [soup]\n"
    )
    files: dict[str, str | bytes] = {
        "docs/_config.yml": config,
        **_posts(1),
        "docs/_recipes/leek.md": "---\ntitle: Leek soup\ndate: 2020-02-01\ncategories: [soup]\n---\nLeeks.\n",
        "docs/_recipes/cake.md": "---\ntitle: Cake\ndate: 2020-03-01\n---\nCake.\n",
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    assert _entries(str(built.site / "feed/recipes.xml")) == ["Cake", "Leek soup"]
    assert _entries(str(built.site / "feed/recipes/soup.xml")) == ["Leek soup"]
    assert _entries(str(built.site / "feed.xml")) == ["Post 1"]
    root = ET.parse(built.site / "feed/recipes/soup.xml").getroot()
    assert root.findtext("{http://www.w3.org/2005/Atom}title") == "Options | Recipes | Soup"
    [entry] = parse_feed(built.site / "feed/recipes/soup.xml").entries
    assert entry.id == "https://example.com/recipes/leek" and entry.link == "https://example.com/recipes/leek.html"
