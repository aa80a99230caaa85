"""Builds the SEO tags of every page's ``<head>`` (what jekyll-seo-tag wrote): title, description,
canonical link, Open Graph, Twitter card and JSON-LD, plus the feeds' autodiscovery links.

Everything is assembled here in Python with escaping, never in a template: a title holding
``"><script>`` or ``</script>`` stays text in an attribute and in the JSON-LD block.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .jekyll.post import Author
from .webtext import absolute_url, safe_href, strip_html, xml_safe, xmlschema

TITLE_SEPARATOR = " | "
_HOME_OR_ABOUT = re.compile(r"^/(about/)?(index\.html?)?$")


@dataclass
class SeoSite:
    """Site-wide settings: ``_config.yml`` (``title``, ``description``, ``twitter``, ``logo``, ``author``, ``lang``)."""

    base: str  # site_url without the trailing slash
    title: str | None
    description: str | None = None
    locale: str | None = None
    twitter: str | None = None  # the site's handle, without '@'
    logo: str | None = None
    author: Author | None = None
    facebook: Mapping[str, Any] = field(default_factory=dict)
    verifications: Mapping[str, str] = field(default_factory=dict)
    paginator_message: str = "Page %(current)s of %(total)s for "


@dataclass
class SeoPage:
    """One page as its SEO tags see it."""

    url: str  # Jekyll URL with leading '/' (the canonical address), or an MkDocs URL made so
    title: str | None
    is_home: bool = False
    is_post: bool = False
    description: str | None = None
    image: str | None = None
    image_alt: str | None = None
    date: dt.datetime | None = None
    modified: dt.datetime | None = None
    authors: list[Author] = field(default_factory=list)
    meta: Mapping[str, Any] = field(default_factory=dict)
    prev_url: str | None = None
    next_url: str | None = None
    page_number: int = 1  # of a paginated listing
    pages: int = 1


def site_from_config(
    raw: Mapping[str, Any], base: str, site_name: str, site_author: Author | None, site_description: str | None = None
) -> SeoSite:
    """The site-wide settings jekyll-seo-tag read from ``_config.yml``; mkdocs.yml's ``site_name`` and
    ``site_description`` win over ``title`` and ``description``."""
    twitter = raw.get("twitter")
    handle = twitter.get("username") if isinstance(twitter, dict) else twitter
    handle = handle or raw.get("twitter_username")
    title = site_name or raw.get("title") or raw.get("name")  # MkDocs' site_name wins, as in the theme
    locale = raw.get("locale") or raw.get("lang")
    verifications = raw.get("webmaster_verifications")
    if not isinstance(verifications, dict):
        verifications = {"google": raw["google_site_verification"]} if raw.get("google_site_verification") else {}
    return SeoSite(
        base=base,
        title=_clean(title),
        description=_clean(site_description or raw.get("description")),
        locale=str(locale) if locale else None,
        twitter=str(handle).lstrip("@") if handle else None,
        logo=str(raw["logo"]) if isinstance(raw.get("logo"), str) and raw["logo"] else None,
        author=site_author,
        facebook=raw["facebook"] if isinstance(raw.get("facebook"), dict) else {},
        verifications={str(k): str(v) for k, v in verifications.items() if v},
        paginator_message=_paginator_message(raw.get("seo_paginator_message")),
    )


def _paginator_message(value: Any) -> str:
    """``seo_paginator_message`` (Ruby's ``%<current>s``/``%<total>s``) as a Python format string."""
    if not isinstance(value, str) or not value:
        return "Page %(current)s of %(total)s for "
    text = value.replace("%", "%%").replace("%%<current>s", "%(current)s").replace("%%<total>s", "%(total)s")
    try:
        text % {"current": 1, "total": 1}
    except (ValueError, TypeError, KeyError):
        return "Page %(current)s of %(total)s for "
    return text


def _clean(value: Any) -> str | None:
    """jekyll-seo-tag's ``format_string``: tags stripped, white space folded; None when empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = xml_safe(strip_html(str(value)))
    return text or None


def _attr(value: str) -> str:
    return html.escape(xml_safe(value), quote=True)


def enabled(meta: Mapping[str, Any]) -> bool:
    """``seo: false`` in front matter turns the tags off for that page."""
    return meta.get("seo") is not False


def page_title(page: SeoPage, site: SeoSite) -> str:
    """``Post title | Site title``; the site title alone on the home page or an untitled page;
    ``Page 2 of 5 for ...`` in front on later pages of a listing (jekyll-seo-tag's paginator message)."""
    own = _clean(page.title)
    if page.is_home or not own or own == site.title:
        title = site.title or own or ""
    else:
        title = own + TITLE_SEPARATOR + site.title if site.title else own
    if page.page_number > 1:
        title = site.paginator_message % {"current": page.page_number, "total": page.pages} + title
    return title


def canonical_url(page: SeoPage, site: SeoSite) -> str:
    given = page.meta.get("canonical_url")
    if isinstance(given, str) and given.strip() and safe_href(given) is not None:  # no javascript:/data:
        return absolute_url(site.base, given)
    return re.sub(r"/index\.html$", "/", absolute_url(site.base, page.url))


def image_url(page: SeoPage, site: SeoSite) -> str | None:
    if not page.image or safe_href(page.image) is None:  # no javascript:/data: images
        return None
    return absolute_url(site.base, page.image)


def _author(page: SeoPage, site: SeoSite) -> Author | None:
    return page.authors[0] if page.authors else site.author


def _schema_type(page: SeoPage) -> str:
    seo = page.meta.get("seo")
    if isinstance(seo, dict) and isinstance(seo.get("type"), str):
        return str(seo["type"])
    if page.is_home or _HOME_OR_ABOUT.match(page.url):
        return "WebSite"
    return "BlogPosting" if page.date is not None else "WebPage"


def json_ld(page: SeoPage, site: SeoSite) -> dict[str, Any]:
    """jekyll-seo-tag's JSON-LD object: ``BlogPosting`` for posts, ``WebSite`` home, ``WebPage`` else."""
    kind = _schema_type(page)
    canonical = canonical_url(page, site)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "url": canonical}
    headline = _clean(page.title) or site.title
    if headline:
        data["headline"] = headline
    description = _clean(page.description) or site.description
    if description:
        data["description"] = description
    if kind == "WebSite" and site.title:
        data["name"] = site.title
    if page.date is not None:
        data["datePublished"] = xmlschema(page.date)
        data["dateModified"] = xmlschema(page.modified or page.date)
    author = _author(page, site)
    if author is not None and author.name:
        who: dict[str, Any] = {"@type": "Person", "name": author.name}
        if author.url:
            who["url"] = author.url
        data["author"] = who
    image = image_url(page, site)
    if image:
        data["image"] = image
    if kind in ("BlogPosting", "CreativeWork"):
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
    if site.logo:
        publisher: dict[str, Any] = {
            "@type": "Organization",
            "logo": {"@type": "ImageObject", "url": absolute_url(site.base, site.logo)},
        }
        if site.title:
            publisher["name"] = site.title  # the site publishes (jekyll-seo-tag put the author's name here)
        data["publisher"] = publisher
    return {k: data[k] for k in sorted(data)}


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element that nothing can break out of: ``<``, ``>``, ``&`` and the
    line separators are written as ``\\u`` escapes, so ``</script>`` in a title stays text."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return xml_safe(text)


def head_html(page: SeoPage, site: SeoSite, feeds: str = "") -> str:
    """The tags for ``<head>`` (without ``<title>``, which :func:`page_title` gives the theme)."""
    if not enabled(page.meta):
        return feeds
    tags: list[str] = ["<!-- SEO tags by mkdocs-polax -->"]

    def meta(attr: str, key: str, value: str | None) -> None:
        if value:
            tags.append(f'<meta {attr}="{key}" content="{_attr(value)}">')

    title = _clean(page.title) or site.title
    description = _clean(page.description) or site.description
    author = _author(page, site)
    canonical = canonical_url(page, site)
    image = image_url(page, site)
    meta("property", "og:title", title)
    meta("name", "author", author.name if author else None)
    locale = page.meta.get("locale") or site.locale or page.meta.get("lang") or "en_US"
    meta("property", "og:locale", str(locale).replace("-", "_"))
    meta("name", "description", description)
    meta("property", "og:description", description)
    if site.base or page.meta.get("canonical_url"):  # jekyll-seo-tag too needs the site's URL for these
        tags.append(f'<link rel="canonical" href="{_attr(canonical)}">')
        meta("property", "og:url", canonical)
    meta("property", "og:site_name", site.title)
    if image:
        meta("property", "og:image", image)
        meta("property", "og:image:alt", _clean(page.image_alt))
    if page.date is not None:
        meta("property", "og:type", "article")
        meta("property", "article:published_time", xmlschema(page.date))
        meta("property", "article:modified_time", xmlschema(page.modified or page.date))
    else:
        meta("property", "og:type", "website")
    if page.prev_url:
        tags.append(f'<link rel="prev" href="{_attr(absolute_url(site.base, page.prev_url))}">')
    if page.next_url:
        tags.append(f'<link rel="next" href="{_attr(absolute_url(site.base, page.next_url))}">')
    if image:
        twitter = page.meta.get("twitter")
        card = twitter.get("card") if isinstance(twitter, dict) else None
        meta("name", "twitter:card", str(card) if card else "summary_large_image")
        meta("property", "twitter:image", image)
        meta("name", "twitter:image:alt", _clean(page.image_alt))
    else:
        meta("name", "twitter:card", "summary")
    meta("property", "twitter:title", title)
    if site.twitter:
        meta("name", "twitter:site", "@" + site.twitter)
    if author is not None and author.twitter:
        meta("name", "twitter:creator", "@" + author.twitter.lstrip("@"))
    for key, prop in (("admins", "fb:admins"), ("publisher", "article:publisher"), ("app_id", "fb:app_id")):
        value = site.facebook.get(key)
        meta("property", prop, str(value) if value else None)
    for key, name in (
        ("google", "google-site-verification"),
        ("bing", "msvalidate.01"),
        ("yandex", "yandex-verification"),
        ("baidu", "baidu-site-verification"),
        ("facebook", "facebook-domain-verification"),
    ):
        meta("name", name, site.verifications.get(key))
    if noindex(page.meta):
        tags.append('<meta name="robots" content="noindex">')
    tags.append(f'<script type="application/ld+json">{script_json(json_ld(page, site))}</script>')
    if feeds:
        tags.append(feeds)
    return "\n".join(tags)


def noindex(meta: Mapping[str, Any]) -> bool:
    """``noindex: true`` (or ``robots: noindex``) in front matter."""
    robots = meta.get("robots")
    return meta.get("noindex") is True or (isinstance(robots, str) and "noindex" in robots.lower())
