"""What the polax theme writes: every field of a post and a listing, read back from the built
example site (one build per session) and from small sites built for one case."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import BuildSite, Built

POST = "blog/core-web-vitals-for-shops.html"


def soup(built: Built, rel: str) -> BeautifulSoup:
    return BeautifulSoup(built.read(rel), "html.parser")


def target(built: Built, page: str, href: str) -> Path:
    """The file a relative link on ``page`` lands on (folders serve index.html)."""
    url = unquote(urljoin("http://x/" + page, href).split("#")[0].removeprefix("http://x/"))
    path = built.site / url
    return path / "index.html" if url.endswith("/") or url == "" or path.is_dir() else path


def tag(node: object) -> Tag:
    assert isinstance(node, Tag), node
    return node


def test_post_header_fields(example: Built) -> None:
    s = soup(example, POST)
    h1 = s.find_all("h1")
    assert [h.get_text(strip=True) for h in h1] == ["Core Web Vitals for Shop Owners"]
    time = tag(s.select_one(".post-header time"))
    assert time["datetime"] == "2025-03-11T09:00:00+00:00"
    assert time.get_text(strip=True) == "March 11, 2025"
    author = tag(s.select_one(".post-authors a"))
    assert author.get_text(strip=True) == "Ada Lovell"
    assert target(example, POST, str(author["href"])) == example.site / "author/ada/index.html"
    assert target(example, POST, str(author["href"])).is_file()
    category = tag(s.select_one(".post-header .eyebrow a"))
    assert category.get_text(strip=True) == "Engineering"
    assert target(example, POST, str(category["href"])).is_file()
    assert "min read" in tag(s.select_one(".reading-time")).get_text()
    assert tag(s.select_one(".post-description")).get_text(strip=True).startswith("LCP, INP and CLS")
    # The author's avatar from _data/authors.yml, sized.
    avatar = tag(s.select_one(".post-meta .avatar img"))
    assert avatar["width"] == "96" and avatar["height"] == "96"


def test_hero_image_attributes(example: Built) -> None:
    img = tag(soup(example, POST).select_one("figure.cover img"))
    assert img["alt"] == "Green gradient with dark bar chart shapes"
    assert (img["width"], img["height"]) == ("640", "360")
    assert img["loading"] == "eager" and img["decoding"]
    assert target(example, POST, str(img["src"])).is_file()
    # An SVG hero gets its size from the SVG's own width/height.
    svg = tag(soup(example, "blog/small-team-big-launch.html").select_one("figure.cover img"))
    assert (svg["width"], svg["height"]) == ("1200", "675")


def test_tags_link_to_existing_pages(example: Built) -> None:
    s = soup(example, POST)
    tags = s.select(".post-tags a")
    assert [a.get_text(strip=True) for a in tags] == ["#performance", "#seo"]
    for a in tags:
        assert target(example, POST, str(a["href"])).is_file(), a


def test_body_renders_with_typography_pieces(example: Built) -> None:
    s = soup(example, POST)
    body = tag(s.select_one(".prose"))
    assert body.find("pre") and body.find("dl") and body.select(".footnote")
    assert body.find("h2", id="the-three-numbers")
    table_post = soup(example, "blog/tiktok-for-ecommerce.html").select_one(".prose")
    assert tag(table_post).find("table") and tag(table_post).find("blockquote")


def test_previous_next_and_related(example: Built) -> None:
    s = soup(example, POST)
    prev = tag(s.select_one(".post-nav a[rel=prev]"))
    nxt = tag(s.select_one(".post-nav a[rel=next]"))
    assert prev.select_one(".post-nav__title").get_text(strip=True) == "Product Photos on a Budget"  # type: ignore[union-attr]
    assert nxt.select_one(".post-nav__title").get_text(strip=True) == "Choosing a Colour Palette for Your Brand"  # type: ignore[union-attr]
    for a in (prev, nxt):
        assert target(example, POST, str(a["href"])).is_file()
    related = [a.get_text(strip=True) for a in s.select(".related .card__title a")]
    # Shares the Engineering category with the Jekyll post, and the 'seo' tag with the local SEO one.
    # Only posts that share something: a category counts more than a tag.
    assert related == ["Moving Our Blog from Jekyll to MkDocs", "A Local SEO Checklist for Independent Shops"]
    # The oldest post has no previous post; the newest no next.
    oldest = soup(example, "blog/tiktok-for-ecommerce.html")
    assert not oldest.select(".post-nav a[rel=prev]") and oldest.select(".post-nav a[rel=next]")


def test_share_links_need_no_script(example: Built) -> None:
    s = soup(example, POST)
    links = [str(a["href"]) for a in s.select(".share a")]
    assert any(h.startswith("https://bsky.app/") for h in links)
    assert any(h.startswith("mailto:?subject=Core%20Web%20Vitals") for h in links)
    assert all("polax.co.uk" in h for h in links)
    scripts = [str(x.get("src", "")) for x in s.find_all("script")]
    assert all(not re.match(r"^(https?:)?//", src) for src in scripts), scripts


def test_author_box(example: Built) -> None:
    box = tag(soup(example, POST).select_one(".author-box"))
    assert "Founder of Polax Studio" in box.get_text()


def test_blog_index_cards_and_pagination(example: Built) -> None:
    s = soup(example, "index.html")
    cards = s.select(".card")
    assert len(cards) == 5  # _config.yml: paginate: 5
    first = cards[0]
    assert tag(first.select_one(".card__title a")).get_text(strip=True) == "Newsletter Design Basics"
    assert tag(first.select_one("time"))["datetime"] == "2025-10-21T09:00:00+01:00"
    assert tag(first.select_one(".eyebrow a")).get_text(strip=True) == "Design"
    assert "One column, one message" in tag(first.select_one(".card__excerpt")).get_text()
    img = tag(first.select_one("img"))
    assert img["width"] and img["height"] and img["loading"] and img["decoding"]
    for a in s.select(".card a"):
        assert target(example, "index.html", str(a["href"])).is_file(), a
    # paginate_path: /page:num/ keeps Jekyll's /page2/ and /page3/.
    assert example.exists("page2/index.html") and example.exists("page3/index.html")
    assert not example.exists("page4/index.html")
    pages = [str(a["href"]) for a in s.select(".pagination a")]
    assert "page2/" in pages and "page3/" in pages
    last = soup(example, "page3/index.html")
    assert len(last.select(".card")) == 2
    assert tag(last.select_one(".pagination a[rel=prev]"))["href"] == "../page2/"
    assert not last.select(".pagination a[rel=next]")


def test_group_pages(example: Built) -> None:
    cat = soup(example, "category/design/index.html")
    assert tag(cat.find("h1")).get_text(strip=True) == "Category: Design"
    assert len(cat.select(".card")) == 4
    assert "4 posts" in tag(cat.select_one(".listing-count")).get_text()
    tagged = soup(example, "tag/seo/index.html")
    assert len(tagged.select(".card")) == 2
    author = soup(example, "author/noor/index.html")
    assert tag(author.find("h1")).get_text(strip=True) == "Posts by Noor Haddad"
    assert "Marketing lead" in tag(author.select_one(".listing-lead")).get_text()
    archive = soup(example, "archive/2025/index.html")
    assert tag(archive.find("h1")).get_text(strip=True) == "Posts from 2025"
    assert len(archive.select(".card")) == 5 and example.exists("archive/2025/page/2/index.html")
    months = [h.get_text(strip=True) for h in archive.select(".archive-month > h2")]
    assert months == ["October 2025", "September 2025", "August 2025", "July 2025", "June 2025"]


def test_site_chrome(example: Built) -> None:
    s = soup(example, POST)
    assert tag(s.select_one("a.skip-link"))["href"] == "#content"
    assert s.find("main", id="content")
    nav = [a.get_text(strip=True) for a in s.select(".site-nav a")]
    assert nav == ["About", "Contact"]  # pages only: never a list of every post
    assert tag(s.select_one(".site-brand"))["href"] == ".."
    assert s.select_one(".theme-toggle") and s.select_one("#search form")
    assert "polax.co.uk/feed.xml" in str(s.find("head"))  # the SEO/feed engineer's head tags come through
    # No request leaves the site: stylesheets and scripts are local.
    for node in s.find_all(["link", "script"]):
        ref = str(node.get("href") or node.get("src") or "")
        if node.name == "link" and node.get("rel") not in (["stylesheet"], ["icon"]):
            continue
        assert not re.match(r"^(https?:)?//", ref), ref
    nf = soup(example, "404.html")
    assert tag(nf.find("h1")).get_text(strip=True) == "Page not found"
    assert tag(nf.select_one(".not-found a"))["href"] == "/"
    assert all(str(x["href"]).startswith("/") for x in nf.select("link[rel=stylesheet]"))


def test_search_index_written_for_the_theme_script(example: Built) -> None:
    assert example.exists("search/search_index.json") and example.exists("js/polax.js")
    assert "searchIndex" not in example.read("js/polax.js")  # our own script, not lunr's worker
    assert "interaction time" in example.read("search/search_index.json")


HOSTILE_POST = """---
title: '<script>alert("t")</script> & co'
date: 2024-03-01
description: '"><img src=x onerror=alert(1)>'
post-image: 'javascript:alert(1)'
post-img-alt: '" onerror="alert(2)'
category: '<b>cat</b>'
author: '<i>mallory</i>'
tags: ['"><svg onload=alert(3)>']
---
Body.
"""
DATA_IMAGE_POST = """---
title: Data image
date: 2024-03-02
post-image: 'data:text/html,<script>alert(4)</script>'
post-img-alt: ok
---
Body two.
"""


def test_hostile_front_matter_is_escaped(build_site: BuildSite) -> None:
    built = build_site(
        {
            "docs/_config.yml": "title: T\npermalink: /:title/\n",
            "docs/_posts/2024-03-01-hostile.md": HOSTILE_POST,
            "docs/_posts/2024-03-02-data.md": DATA_IMAGE_POST,
        },
        mkdocs_yml="site_name: T\nsite_url: https://example.com/\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n",
    )
    assert built.returncode == 0, built.log
    pages = [p for p in built.files() if p.endswith(".html")]
    for rel in pages:
        html = built.read(rel)
        assert "<script>alert" not in html, rel
        assert "<img src=x" not in html and "<svg onload" not in html, rel
        assert "<b>cat</b>" not in html and "<i>mallory</i>" not in html, rel
        assert 'onerror="alert' not in html, rel
        assert not re.search(r"""(src|href)=["']?\s*(javascript|data):""", html, re.I), rel
    post = built.read("hostile/index.html")
    s = BeautifulSoup(post, "html.parser")
    assert tag(s.find("h1")).get_text() == '<script>alert("t")</script> & co'
    assert not s.select("figure.cover")  # a javascript: image is dropped, not emitted
    assert tag(s.select_one(".post-authors a")).get_text() == "<i>mallory</i>"
    data = BeautifulSoup(built.read("data/index.html"), "html.parser")
    assert not data.select("figure.cover")


def test_one_post_blog(build_site: BuildSite) -> None:
    built = build_site(
        {
            "docs/_config.yml": "title: T\npaginate: 2\n",
            "docs/_posts/2024-01-01-only.md": "---\ntitle: Only post\ncategory: Solo\n---\nJust one.\n",
        },
        mkdocs_yml="site_name: T\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n",
    )
    assert built.returncode == 0, built.log
    s = BeautifulSoup(built.read("index.html"), "html.parser")
    assert [a.get_text(strip=True) for a in s.select(".card__title a")] == ["Only post"]
    assert not s.select(".pagination") and not s.select(".cover")
    post = BeautifulSoup(built.read("solo/2024/01/01/only.html"), "html.parser")
    assert not post.select(".post-nav") and not post.select(".related") and not post.select(".share")


def test_blog_without_posts(build_site: BuildSite) -> None:
    empty = build_site(
        {"docs/_config.yml": "title: T\n", "docs/about.md": "---\ntitle: About\n---\nNo posts yet.\n"},
        mkdocs_yml="site_name: T\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n",
    )
    assert empty.returncode == 0, empty.log
    listing = BeautifulSoup(empty.read("index.html"), "html.parser")
    assert "No posts here yet." in listing.get_text()


@pytest.mark.parametrize("mode", ["dark", "light"])
def test_theme_options(build_site: BuildSite, mode: str) -> None:
    yml = f"""site_name: Opts
docs_dir: docs
theme:
  name: polax
  accent: "#d9480f"
  color_mode: {mode}
  show_share_links: false
  related_posts: 0
  date_format: "%d/%m/%Y"
  social:
    - name: GitHub
      url: https://github.com/example
    - name: Evil
      url: "javascript:alert(1)"
  strings:
    min_read: "minutes"
plugins:
  - polax
"""
    built = build_site(
        {
            "docs/_config.yml": "title: T\n",
            "docs/_posts/2024-05-06-a.md": "---\ntitle: A\ntags: [x]\n---\nText.\n",
            "docs/_posts/2024-05-07-b.md": "---\ntitle: B\ntags: [x]\n---\nText.\n",
        },
        mkdocs_yml=yml,
    )
    assert built.returncode == 0, built.log
    html = built.read("2024/05/07/b.html")
    s = BeautifulSoup(html, "html.parser")
    assert tag(s.find("html"))["data-theme"] == mode
    assert not s.select(".theme-toggle")  # a fixed mode has no toggle
    assert "--accent:#d9480f" in html
    assert not s.select(".share") and not s.select(".related")
    assert tag(s.select_one(".post-header time")).get_text() == "07/05/2024"
    assert "minutes" in tag(s.select_one(".reading-time")).get_text()
    social = [str(a["href"]) for a in s.select(".social-links a")]
    assert social == ["https://github.com/example"]
    assert not s.select("#search")  # no search plugin, no search box


def test_custom_dir_overrides_a_partial_and_a_block(build_site: BuildSite) -> None:
    yml = "site_name: C\ndocs_dir: docs\ntheme:\n  name: polax\n  custom_dir: overrides\nplugins:\n  - polax\n"
    built = build_site(
        {
            "docs/_config.yml": "title: T\n",
            "docs/_posts/2024-05-06-a.md": "---\ntitle: A\n---\nText.\n",
            "overrides/partials/extend_head.html": '<meta name="x-custom" content="yes">\n',
            "overrides/main.html": '{% extends "base.html" %}\n{% block footer %}<footer>My footer</footer>{% endblock %}\n',
        },
        mkdocs_yml=yml,
    )
    assert built.returncode == 0, built.log
    html = built.read("2024/05/06/a.html")
    assert '<meta name="x-custom" content="yes">' in html
    assert "<footer>My footer</footer>" in html and "site-footer" not in html


def test_mkdocs_site_with_nav_sections_and_a_blog(build_site: BuildSite) -> None:
    yml = """site_name: Docs and blog
docs_dir: docs
theme: polax
nav:
  - Home: index.md
  - Guide:
      - Install: guide/install.md
      - Use: guide/use.md
plugins:
  - polax:
      blog_url: /blog/
"""
    built = build_site(
        {
            "docs/index.md": "# Welcome\n\nHello.\n",
            "docs/guide/install.md": "# Install\n\npip install.\n",
            "docs/guide/use.md": "# Use\n\nRun it.\n",
            "docs/_posts/2024-02-03-news.md": "---\ntitle: News\n---\nFresh news.\n",
        },
        mkdocs_yml=yml,
    )
    assert built.returncode == 0, built.log
    s = BeautifulSoup(built.read("guide/install/index.html"), "html.parser")
    nav = [(a.get_text(strip=True), a.get("aria-current")) for a in s.select(".site-nav a")]
    # The theme links the blog index (not a nav entry: MkDocs' nav cannot name a generated page).
    assert nav[0] == ("Blog", None) and ("Install", "page") in nav and ("Use", None) in nav
    blog = BeautifulSoup(built.read("blog/index.html"), "html.parser")
    assert [a.get_text(strip=True) for a in blog.select(".card__title a")] == ["News"]
    post = BeautifulSoup(built.read("2024/02/03/news.html"), "html.parser")
    assert tag(post.find("h1")).get_text(strip=True) == "News"
