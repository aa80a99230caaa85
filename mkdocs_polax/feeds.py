"""Writes the Atom feeds jekyll-feed wrote (``/feed.xml``, ``/feed/<category>.xml``,
``/feed/<collection>.xml``, ``/feed/by_tag/<tag>.xml``) and a JSON Feed 1.1 (``/feed.json``).

Entry ids are Jekyll's ``post.id`` made absolute, exactly as jekyll-feed 0.17 wrote them, so that
subscribers do not see old posts again as new after the move.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .jekyll.post import Post
from .webtext import absolute_url, absolutize_html, cdata, safe_href, strip_html, xml_escape, xml_safe, xmlschema

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
_TAG_NAME = re.compile(r"^[a-zA-Z0-9_]+$")


@dataclass
class FeedItem:
    """One post or collection document as a feed sees it: the normalised post and its rendered body."""

    post: Post
    collection: str  # 'posts' for posts
    content_html: str = ""


@dataclass
class FeedSettings:
    """jekyll-feed's settings: ``_config.yml``'s ``feed:`` merged with the plugin's ``feed`` options."""

    path: str = "/feed.xml"
    posts_limit: int = 10
    excerpt_only: bool = False
    categories: list[str] = field(default_factory=list)
    # collection -> (path or None, categories); 'posts' is always there
    collections: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    tags: bool = False
    tags_only: list[str] | None = None
    tags_except: list[str] = field(default_factory=list)
    tags_path: str = "/feed/by_tag/"


@dataclass
class FeedSite:
    """What the feed header says about the site."""

    base: str  # site_url without the trailing slash ('' when unknown)
    title: str | None
    description: str | None = None
    author: Any = None  # _config.yml's author: a name or a mapping
    lang: str | None = None
    data_authors: Mapping[str, Any] = field(default_factory=dict)
    xsl: bool = False  # the site has /feed.xslt.xml
    generator_version: str = ""


@dataclass
class FeedSpec:
    """One feed to write."""

    path: str  # with leading '/'
    collection: str = "posts"
    category: str | None = None
    tag: str | None = None

    @property
    def dest(self) -> str:
        return self.path.lstrip("/")


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def feed_settings(jekyll_feed: Any, options: Mapping[str, Any]) -> FeedSettings:
    """``_config.yml``'s ``feed:`` as jekyll-feed reads it, then the mkdocs.yml options that were set.

    ``options`` holds the plugin's ``feed`` options; ``None`` means "not set in mkdocs.yml".
    """
    raw: dict[str, Any] = dict(jekyll_feed) if isinstance(jekyll_feed, dict) else {}
    for key in ("path", "posts_limit", "excerpt_only", "categories", "collections"):
        if options.get(key) is not None:
            raw[key] = options[key]
    path = raw.get("path")
    settings = FeedSettings(
        path="/" + str(path).lstrip("/") if path else "/feed.xml",
        posts_limit=_int(raw.get("posts_limit"), 10),
        excerpt_only=bool(raw.get("excerpt_only")),
    )
    collections: dict[str, tuple[str | None, list[str]]] = {}
    given = raw.get("collections")
    if isinstance(given, list):
        for name in given:
            collections[str(name)] = (None, [])
    elif isinstance(given, dict):
        for name, meta in given.items():
            meta = meta if isinstance(meta, dict) else {}
            p = meta.get("path")
            collections[str(name)] = ("/" + str(p).lstrip("/") if p else None, _str_list(meta.get("categories")))
    posts_path, posts_cats = collections.get("posts", (None, []))
    settings.path = posts_path or settings.path
    settings.categories = posts_cats or _str_list(raw.get("categories"))
    collections["posts"] = (settings.path, settings.categories)
    settings.collections = collections
    tags = raw.get("tags")
    if tags:
        settings.tags = True
        if isinstance(tags, dict):
            only = tags.get("only")
            settings.tags_only = _str_list(only) if only is not None else None
            settings.tags_except = _str_list(tags.get("except"))
            settings.tags_path = str(tags.get("path") or settings.tags_path)
    return settings


def jekyll_id(post: Post) -> str:
    """Jekyll's ``post.id`` (``File.join(File.dirname(url), slug)``), as the reader computes it."""
    return post.id


def _int(value: Any, default: int) -> int:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else default
    except (TypeError, ValueError):
        return default


def feed_specs(settings: FeedSettings, items: Iterable[FeedItem]) -> list[FeedSpec]:
    """Every feed jekyll-feed would write: one per collection, one per listed category, one per tag."""
    specs: list[FeedSpec] = []
    for name, (path, categories) in settings.collections.items():
        prefix = "/feed" if name == "posts" else f"/feed/{name}"
        for category in categories:
            specs.append(FeedSpec(f"{prefix}/{category}.xml", name, category=category))
        specs.append(FeedSpec(path or f"{prefix}.xml", name))
    if settings.tags:
        all_tags: list[str] = []
        for item in items:
            if item.collection == "posts" and not item.post.draft:
                all_tags.extend(t for t in item.post.tags if t not in all_tags)
        pool = [t for t in (settings.tags_only if settings.tags_only is not None else all_tags)]
        for tag in pool:
            if tag in settings.tags_except or not _TAG_NAME.match(tag):
                continue  # jekyll-feed keeps tag feed paths simple
            specs.append(FeedSpec(f"{settings.tags_path.rstrip('/')}/{tag}.xml", tag=tag))
    return specs


def select(spec: FeedSpec, items: Iterable[FeedItem], limit: int) -> list[FeedItem]:
    """The entries of one feed: its collection (or tag), its category, no drafts, newest first."""
    chosen = []
    for item in items:
        post = item.post
        if post.draft or post.date is None:
            continue
        if spec.tag is not None:
            if item.collection != "posts" or spec.tag not in post.tags:
                continue
        elif item.collection != spec.collection:
            continue
        if spec.category is not None and spec.category not in post.categories:
            continue
        chosen.append(item)
    chosen.sort(key=lambda i: (i.post.date, i.post.source), reverse=True)
    return chosen[: max(0, limit)]


def feed_title(site: FeedSite, spec: FeedSpec) -> str | None:
    title = site.title
    if title is None:
        return None
    if spec.collection != "posts":
        title += " | " + spec.collection.capitalize()
    if spec.category:
        title += " | " + spec.category.capitalize()
    return title


def _author_fields(post: Post, site: FeedSite) -> tuple[str, str | None, str | None]:
    """(name, email, uri) of an entry's author: the post's, else the site's (jekyll-feed's rule)."""
    author = post.author
    if author is not None:
        email = author.extra.get("email")
        return author.name, str(email) if email else None, safe_href(author.url) if author.url else None
    value = site.author
    if isinstance(value, str) and isinstance(site.data_authors.get(value), dict):
        value = site.data_authors[value]
    if isinstance(value, dict):
        name = value.get("name")
        email = value.get("email")
        uri = value.get("uri")
        return (str(name) if name else "", str(email) if email else None, str(uri) if uri else None)
    return (str(value) if value else "", None, None)


def _image_url(post: Post, base: str) -> str | None:
    if not post.image or safe_href(post.image) is None:  # no javascript:/data: images
        return None
    return post.image if "://" in post.image else absolute_url(base, post.image)


def _excerpt_only(post: Post, settings: FeedSettings) -> bool:
    own = post.meta.get("feed")
    if isinstance(own, dict) and own.get("excerpt_only") is not None:
        return bool(own["excerpt_only"])
    return settings.excerpt_only


def entry_xml(item: FeedItem, site: FeedSite, settings: FeedSettings) -> str:
    post = item.post
    link = absolute_url(site.base, post.url)
    title = xml_escape(strip_html(post.title))
    assert post.date is not None
    updated = post.last_modified_at or post.date
    lang = post.meta.get("lang")
    out = [f'<entry xml:lang="{xml_escape(str(lang))}">' if lang else "<entry>"]
    out.append(f'<title type="html">{title}</title>')
    out.append(f'<link href="{xml_escape(link)}" rel="alternate" type="text/html" title="{title}" />')
    out.append(f"<published>{xmlschema(post.date)}</published>")
    out.append(f"<updated>{xmlschema(updated)}</updated>")
    out.append(f"<id>{xml_escape(absolute_url(site.base, jekyll_id(post)))}</id>")
    if not _excerpt_only(post, settings):
        page_url = absolute_url(site.base, post.href) if post.href else link
        body = absolutize_html(item.content_html.strip(), page_url)
        out.append(f'<content type="html" xml:base="{xml_escape(link)}">{cdata(body)}</content>')
    name, email, uri = _author_fields(post, site)
    out.append(f"<author><name>{xml_escape(name)}</name>")
    if email:
        out.append(f"<email>{xml_escape(email)}</email>")
    if uri:
        out.append(f"<uri>{xml_escape(uri)}</uri>")
    out.append("</author>")
    for term in [*post.categories, *post.tags]:
        out.append(f'<category term="{xml_escape(term)}" />')
    summary = strip_html(post.summary or "")
    if summary:
        out.append(f'<summary type="html">{cdata(summary)}</summary>')
    image = _image_url(post, site.base)
    if image:
        out.append(f'<media:thumbnail xmlns:media="{MEDIA_NS}" url="{xml_escape(image)}" />')
        out.append(f'<media:content medium="image" url="{xml_escape(image)}" xmlns:media="{MEDIA_NS}" />')
    out.append("</entry>")
    return "".join(out)


def _newest(items: list[FeedItem], now: dt.datetime | None) -> dt.datetime:
    dates = [i.post.last_modified_at or i.post.date for i in items if i.post.date is not None]
    known = [d for d in dates if d is not None]
    if known:
        return max(known)
    return now or dt.datetime.now(dt.timezone.utc)


def atom_feed(
    spec: FeedSpec, items: list[FeedItem], site: FeedSite, settings: FeedSettings, now: dt.datetime | None = None
) -> str:
    """The Atom document of one feed, entries as given (see :func:`select`).

    ``<updated>`` is the newest entry's date rather than the build time, so that a rebuild with no
    new post leaves the feed unchanged.
    """
    self_url = absolute_url(site.base, spec.path)
    home = absolute_url(site.base, "/")
    lang = f' xml:lang="{xml_escape(site.lang)}"' if site.lang else ""
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    if site.xsl:
        out.append(f'<?xml-stylesheet type="text/xml" href="{xml_escape(absolute_url(site.base, "/feed.xslt.xml"))}"?>')
    out.append(f'<feed xmlns="{ATOM_NS}"{lang}>')
    version = f' version="{xml_escape(site.generator_version)}"' if site.generator_version else ""
    out.append(f'<generator uri="https://pypi.org/project/mkdocs-polax/"{version}>mkdocs-polax</generator>')
    out.append(f'<link href="{xml_escape(self_url)}" rel="self" type="application/atom+xml" />')
    hreflang = f' hreflang="{xml_escape(site.lang)}"' if site.lang else ""
    out.append(f'<link href="{xml_escape(home)}" rel="alternate" type="text/html"{hreflang} />')
    out.append(f"<updated>{xmlschema(_newest(items, now))}</updated>")
    out.append(f"<id>{xml_escape(self_url)}</id>")
    title = feed_title(site, spec)
    if title:
        out.append(f'<title type="html">{xml_escape(title)}</title>')
    if site.description:
        out.append(f"<subtitle>{xml_escape(site.description)}</subtitle>")
    if site.author:
        value = site.author
        if isinstance(value, dict):
            out.append(f"<author><name>{xml_escape(str(value.get('name') or ''))}</name>")
            if value.get("email"):
                out.append(f"<email>{xml_escape(str(value['email']))}</email>")
            if value.get("uri"):
                out.append(f"<uri>{xml_escape(str(value['uri']))}</uri>")
            out.append("</author>")
        else:
            out.append(f"<author><name>{xml_escape(str(value))}</name></author>")
    out.extend(entry_xml(item, site, settings) for item in items)
    out.append("</feed>\n")
    return "".join(out)


def json_feed(
    items: list[FeedItem], site: FeedSite, settings: FeedSettings, json_path: str, atom_path: str | None = None
) -> str:
    """A JSON Feed 1.1 of the same posts as the main Atom feed (same ids, same links)."""
    feed: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": xml_safe(site.title or ""),
        "home_page_url": absolute_url(site.base, "/"),
        "feed_url": absolute_url(site.base, json_path),
    }
    if site.description:
        feed["description"] = xml_safe(site.description)
    if site.lang:
        feed["language"] = site.lang
    site_name, _, site_uri = _author_fields_site(site)
    if site_name:
        feed["authors"] = [{"name": site_name, **({"url": site_uri} if site_uri else {})}]
    entries = []
    for item in items:
        post = item.post
        assert post.date is not None
        link = absolute_url(site.base, post.url)
        entry: dict[str, Any] = {
            "id": absolute_url(site.base, jekyll_id(post)),
            "url": link,
            "title": xml_safe(strip_html(post.title)),
            "date_published": xmlschema(post.date),
            "date_modified": xmlschema(post.last_modified_at or post.date),
        }
        if _excerpt_only(post, settings):
            entry["content_text"] = xml_safe(strip_html(post.summary or ""))
        else:
            page_url = absolute_url(site.base, post.href) if post.href else link
            entry["content_html"] = xml_safe(absolutize_html(item.content_html.strip(), page_url))
        summary = strip_html(post.summary or "")
        if summary:
            entry["summary"] = xml_safe(summary)
        image = _image_url(post, site.base)
        if image:
            entry["image"] = image
        name, _, uri = _author_fields(post, site)
        if name:
            entry["authors"] = [{"name": xml_safe(name), **({"url": uri} if uri else {})}]
        terms = [xml_safe(t) for t in [*post.categories, *post.tags]]
        if terms:
            entry["tags"] = terms
        if post.meta.get("lang"):
            entry["language"] = str(post.meta["lang"])
        entries.append(entry)
    feed["items"] = entries
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _author_fields_site(site: FeedSite) -> tuple[str, str | None, str | None]:
    value = site.author
    if isinstance(value, dict):
        name = value.get("name")
        uri = value.get("uri") or value.get("url")
        return (str(name) if name else "", None, str(uri) if uri else None)
    return (str(value) if value else "", None, None)


def autodiscovery(site: FeedSite, atom_path: str | None, json_path: str | None) -> str:
    """``<link rel="alternate">`` tags that let browsers and readers find the feeds (jekyll-feed's ``feed_meta``)."""
    out = []
    title = xml_escape(site.title or "")
    if atom_path:
        href = xml_escape(absolute_url(site.base, atom_path))
        out.append(f'<link type="application/atom+xml" rel="alternate" href="{href}" title="{title}" />')
    if json_path:
        href = xml_escape(absolute_url(site.base, json_path))
        out.append(f'<link type="application/feed+json" rel="alternate" href="{href}" title="{title}" />')
    return "\n".join(out)
