"""seo.py's rules as plain functions: titles, canonical URLs, JSON-LD types, switches."""

from __future__ import annotations

import datetime as dt

from mkdocs_polax.feeds import FeedSpec, feed_settings, feed_specs
from mkdocs_polax.jekyll.post import Author
from mkdocs_polax.redirects import redirect_from_list, redirect_to_value
from mkdocs_polax.seo import SeoPage, canonical_url, head_html, json_ld, page_title, site_from_config

SITE = site_from_config({"twitter": "@handle", "logo": "/logo.png"}, "https://ex.com", "Site", Author("a", "Ann"))
DATE = dt.datetime(2020, 1, 2, tzinfo=dt.timezone.utc)


def test_titles() -> None:
    assert page_title(SeoPage(url="/p/", title="Post"), SITE) == "Post | Site"
    assert page_title(SeoPage(url="/", title="Home", is_home=True), SITE) == "Site"
    assert page_title(SeoPage(url="/x/", title=None), SITE) == "Site"
    assert (
        page_title(SeoPage(url="/page3/", title="Blog", page_number=3, pages=4), SITE) == "Page 3 of 4 for Blog | Site"
    )
    custom = site_from_config({"seo_paginator_message": "%<current>s/%<total>s: "}, "", "Site", None)
    assert page_title(SeoPage(url="/page2/", title="Blog", page_number=2, pages=4), custom) == "2/4: Blog | Site"


def test_canonical() -> None:
    assert canonical_url(SeoPage(url="/a/index.html", title="A"), SITE) == "https://ex.com/a/"
    assert (
        canonical_url(SeoPage(url="/a", title="A", meta={"canonical_url": "https://o.org/a"}), SITE)
        == "https://o.org/a"
    )


def test_json_ld_types() -> None:
    assert json_ld(SeoPage(url="/", title="Home", is_home=True), SITE)["@type"] == "WebSite"
    assert json_ld(SeoPage(url="/about/", title="About"), SITE)["@type"] == "WebSite"  # jekyll-seo-tag's rule
    assert json_ld(SeoPage(url="/guide/", title="Guide"), SITE)["@type"] == "WebPage"
    post = json_ld(SeoPage(url="/p/", title="P", date=DATE, is_post=True), SITE)
    assert post["@type"] == "BlogPosting" and post["author"] == {"@type": "Person", "name": "Ann"}
    assert post["publisher"]["logo"]["url"] == "https://ex.com/logo.png" and post["publisher"]["name"] == "Site"
    typed = json_ld(SeoPage(url="/p/", title="P", meta={"seo": {"type": "Article"}}), SITE)
    assert typed["@type"] == "Article"


def test_switches() -> None:
    assert head_html(SeoPage(url="/p/", title="P", meta={"seo": False}), SITE, "FEEDS") == "FEEDS"
    html = head_html(SeoPage(url="/p/", title="P", meta={"noindex": True}), SITE)
    assert '<meta name="robots" content="noindex">' in html and '<meta name="twitter:site" content="@handle">' in html


def test_redirect_values() -> None:
    assert redirect_from_list({"redirect_from": "/a/"}) == ["/a/"]
    assert redirect_from_list({"redirect_from": ["/a/", None, "", "b"]}) == ["/a/", "b"]
    assert redirect_from_list({}) == []
    assert redirect_to_value({"redirect_to": ["https://x/", "https://y/"]}) == "https://x/"
    assert redirect_to_value({"redirect_to": None}) is None


def test_feed_settings_and_specs() -> None:
    settings = feed_settings(
        {"path": "atom.xml", "categories": ["news"], "collections": {"docs": {"path": "/d.xml", "categories": ["c"]}}},
        {"posts_limit": 5, "path": None},
    )
    assert settings.path == "/atom.xml" and settings.posts_limit == 5
    assert sorted(s.path for s in feed_specs(settings, [])) == [
        "/atom.xml",
        "/d.xml",
        "/feed/docs/c.xml",
        "/feed/news.xml",
    ]
    assert feed_specs(feed_settings(None, {}), []) == [FeedSpec("/feed.xml")]
    listed = feed_settings({"collections": ["docs"]}, {"collections": ["recipes"]})
    assert sorted(listed.collections) == ["posts", "recipes"]
