"""The new page an old URL most likely became: the one whose URL slug or title matches the old
URL's slug (``/2019/05/my-post.html`` -> a page at ``/blog/my-post/`` or titled "My post"), so the
owner can add ``redirect_from`` to it in one step. No match, no guess: a deleted post suggests nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from ..jekyll.slugify import slugify

_EXTENSIONS = (".html", ".htm", ".md", ".markdown", ".php", ".aspx", ".asp")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class NewPage:
    """A page of the new site: its URL path (from the site root), title and source file ('' if unknown)."""

    url: str
    title: str
    source: str = ""


def slug_of(path: str) -> str:
    """The slug an URL path ends with: ``/2020/04/01/whats-jekyll/`` and ``/x/whats-jekyll.html`` ->
    ``whats-jekyll`` (``index.html`` names its folder)."""
    segments = [s for s in unquote(path).split("/") if s]
    if segments and segments[-1].lower() in ("index.html", "index.htm"):
        segments.pop()
    if not segments:
        return ""
    last = segments[-1]
    for ext in _EXTENSIONS:
        if last.lower().endswith(ext):
            last = last[: -len(ext)]
            break
    return last


def match_key(text: str) -> str:
    """Slug and title compared alike: Jekyll's ``latin`` slug without a ``YYYY-MM-DD-`` prefix, and
    without hyphens (``What's Jekyll?`` and ``whats-jekyll`` are one key, as are ``a-b`` and ``ab``)."""
    key = (slugify(_DATE_PREFIX.sub("", text.strip()), "latin") or "").replace("-", "")
    return "" if _NUMBER.match(key) else key


def _numbers(path: str) -> set[str]:
    return {s for s in path.split("/") if _NUMBER.match(s)}


class Suggester:
    """Index of the new site's pages by URL slug and by title, built once per check."""

    def __init__(self, pages: Iterable[NewPage]) -> None:
        self.by_slug: dict[str, list[NewPage]] = {}
        self.by_title: dict[str, list[NewPage]] = {}
        for page in pages:
            slug = match_key(slug_of(page.url))
            if slug:
                self.by_slug.setdefault(slug, []).append(page)
            title = match_key(page.title)
            if title:
                self.by_title.setdefault(title, []).append(page)

    def suggest(self, old_path: str) -> NewPage | None:
        """The best page for ``old_path``: same slug before same title; among equals, the one whose
        URL shares most of the old URL's numbers (its date), then the shortest URL."""
        key = match_key(slug_of(old_path))
        if not key:
            return None
        numbers = _numbers(old_path)
        for found in (self.by_slug.get(key), self.by_title.get(key)):
            pages = [p for p in found or [] if p.url != old_path]
            if pages:
                return min(pages, key=lambda p: (-len(numbers & _numbers(p.url)), len(p.url), p.url))
        return None
