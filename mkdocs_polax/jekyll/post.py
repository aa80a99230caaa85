"""The normalised post: what templates, listings, feeds and SEO read, whatever the front matter spelled.

Jekyll themes name the same things differently (``post-image``, ``image``, ``image.path``,
``header.image``, ``cover``; ``author`` as a name, a list or a key into ``_data/authors.yml``).
``make_post`` maps them all onto one :class:`Post`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_date
from .errors import Problem
from .site import Document
from .slugify import slugify

IMAGE_KEYS = ("post-image", "post_image", "image", "header", "cover", "thumbnail", "featured_image")
ALT_KEYS = ("post-img-alt", "post_img_alt", "image-alt", "image_alt")


@dataclass
class Author:
    """An author: ``key`` is the slug used in URLs; the rest comes from ``_data/authors.yml``."""

    key: str
    name: str
    url: str | None = None
    avatar: str | None = None
    bio: str | None = None
    twitter: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Post:
    """One post or page as every output of polax sees it."""

    source: str
    kind: str  # post, page or doc
    title: str
    url: str  # Jekyll's URL, with its leading '/': '/blog/tiktok-for-ecommerce'
    id: str
    date: dt.datetime | None
    last_modified_at: dt.datetime | None
    description: str | None
    image: str | None
    image_alt: str | None
    authors: list[Author]
    categories: list[str]
    tags: list[str]
    layout: str | None
    draft: bool
    meta: dict[str, Any]
    href: str = ""  # where the page is served, relative to the site root (MkDocs' page.url)
    excerpt: str | None = None  # plain text, set once the body is rendered
    excerpt_html: str | None = None
    reading_time: int | None = None  # minutes, set once the body is rendered

    @property
    def author(self) -> Author | None:
        return self.authors[0] if self.authors else None

    @property
    def summary(self) -> str | None:
        """Description, else the excerpt: what meta tags and cards show."""
        return self.description or self.excerpt


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def image_of(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """The hero image and its alt text, from whichever key the theme used."""
    image: str | None = None
    alt: str | None = None
    for key in IMAGE_KEYS:
        value = data.get(key)
        if isinstance(value, dict):
            image = _text(value.get("path") or value.get("image") or value.get("url") or value.get("src"))
            alt = alt or _text(value.get("alt"))
        else:
            image = _text(value)
        if image:
            break
    for key in ALT_KEYS:
        alt = alt or _text(data.get(key))
    return image, alt


def authors_of(value: Any, data_authors: dict[str, Any]) -> list[Author]:
    """``author``/``authors``: a name, a list of names, a mapping, or keys into ``_data/authors.yml``."""
    items: list[Any]
    if value is None:
        items = []
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    out: list[Author] = []
    for item in items:
        if isinstance(item, dict):
            name = _text(item.get("name")) or _text(item.get("login")) or "Anonymous"
            out.append(_author(slugify(name) or "author", name, item))
            continue
        text = _text(item)
        if not text:
            continue
        known = data_authors.get(text)
        if isinstance(known, dict):
            name = _text(known.get("name")) or _text(known.get("display_name")) or text
            out.append(_author(slugify(text) or "author", name, known))
        else:
            out.append(Author(key=slugify(text) or "author", name=text))
    return out


def _author(key: str, name: str, info: dict[str, Any]) -> Author:
    avatar = _text(info.get("avatar") or info.get("picture") or info.get("image"))
    twitter = _text(info.get("twitter"))
    known = {"name", "display_name", "avatar", "picture", "image", "bio", "url", "uri", "twitter", "login"}
    return Author(
        key=key,
        name=name,
        url=_text(info.get("url") or info.get("uri")),
        avatar=avatar,
        bio=_text(info.get("bio") or info.get("description")),
        twitter=twitter.lstrip("@") if twitter else None,
        extra={k: v for k, v in info.items() if k not in known},
    )


def meta_with_aliases(data: dict[str, Any]) -> dict[str, Any]:
    """Every front-matter key as written, plus ``post_image`` for ``post-image`` and the like."""
    meta = dict(data)
    for key, value in data.items():
        alias = key.replace("-", "_")
        if alias != key and alias not in meta:
            meta[alias] = value
    return meta


def make_post(doc: Document, data_authors: dict[str, Any], problems: list[Problem] | None = None) -> Post:
    """Map one Jekyll document onto the normalised :class:`Post`."""
    data = doc.data
    image, alt = image_of(data)
    modified: dt.datetime | None = None
    raw_modified = data.get("last_modified_at")
    if raw_modified is not None and doc.date is not None:
        try:
            modified, _ = parse_date(raw_modified, doc.date.tzinfo or dt.timezone.utc)
        except (ValueError, OverflowError):
            if problems is not None:
                problems.append(
                    Problem(
                        doc.source,
                        f"{raw_modified!r} is not a date; it is ignored. Write it as YYYY-MM-DD",
                        key="last_modified_at",
                    )
                )
    author_value = data.get("author") if data.get("author") is not None else data.get("authors")
    title = doc.title
    return Post(
        source=doc.source,
        kind=doc.kind,
        title=title,
        url=doc.url,
        id=doc.id,
        date=doc.date,
        last_modified_at=modified,
        description=_text(data.get("description")),
        image=image,
        image_alt=alt,
        authors=authors_of(author_value, data_authors),
        categories=[str(c) for c in data.get("categories") or []]
        if doc.kind != "page"
        else _page_list(data, "category", "categories"),
        tags=[str(t) for t in data.get("tags") or []] if doc.kind != "page" else _page_list(data, "tag", "tags"),
        layout=_text(data.get("layout")),
        draft=doc.draft,
        meta=meta_with_aliases(data),
    )


def _page_list(data: dict[str, Any], singular: str, plural: str) -> list[str]:
    value = data.get(singular) if data.get(singular) is not None else data.get(plural)
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if singular in data else value.split()
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]
