"""Writes ``/sitemap.xml`` and ``/robots.txt`` as jekyll-sitemap 1.4 did: every post and page URL,
absolute, with ``lastmod``; no ``sitemap: false`` pages, redirects, 404 page or feeds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .seo import noindex
from .webtext import absolute_url, xml_escape, xmlschema

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
    'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


@dataclass
class SitemapEntry:
    loc: str  # absolute
    lastmod: dt.datetime | None = None


def listed(url: str, meta: Mapping[str, Any]) -> bool:
    """Whether a page goes in the sitemap: not ``sitemap: false``, not a redirect, not 404, not noindex."""
    if meta.get("sitemap") is False or noindex(meta):
        return False
    if meta.get("redirect_to"):
        return False
    return url not in ("/404.html", "/404/", "/404")


def loc(base: str, url: str) -> str:
    """jekyll-sitemap's ``<loc>``: ``/index.html`` becomes ``/``, made absolute."""
    return absolute_url(base, url.replace("/index.html", "/"))


def sitemap_xml(entries: Iterable[SitemapEntry], xsl: str | None = None) -> str:
    """The sitemap document (sitemaps.org 0.9), one ``<url>`` per distinct ``loc``, in the order given."""
    out = [_HEADER]
    if xsl:
        out.insert(1, f'<?xml-stylesheet type="text/xsl" href="{xml_escape(xsl)}"?>\n')
    seen: set[str] = set()
    for entry in entries:
        if entry.loc in seen:
            continue
        seen.add(entry.loc)
        out.append(f"<url>\n<loc>{xml_escape(entry.loc)}</loc>\n")
        if entry.lastmod is not None:
            out.append(f"<lastmod>{xmlschema(entry.lastmod)}</lastmod>\n")
        out.append("</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def robots_txt(base: str) -> str:
    """jekyll-sitemap's ``robots.txt``: one ``Sitemap:`` line."""
    return f"Sitemap: {absolute_url(base, '/sitemap.xml')}\n"


def has_sitemap_line(text: str) -> bool:
    return re.search(r"^\s*sitemap\s*:", text, re.I | re.M) is not None
