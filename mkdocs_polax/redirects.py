"""Writes the redirect pages of ``redirect_from``/``redirect_to`` and ``/redirects.json``, at exactly
the paths jekyll-redirect-from 0.16 wrote them, so that old URLs keep working after the move."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .jekyll.errors import JekyllError
from .jekyll.permalink import check_dest, check_url, sanitize_url, url_to_dest
from .seo import script_json
from .webtext import absolute_url, safe_href, xml_escape


@dataclass
class Redirectable:
    """A page or post that may carry ``redirect_from``/``redirect_to``."""

    source: str  # its source file, for messages
    url: str  # its Jekyll URL
    dest: str  # its output file
    meta: Mapping[str, Any]


@dataclass
class RedirectPage:
    """One page to write: a redirect from ``from_url`` (written at ``dest``) to ``to_url``."""

    from_url: str
    dest: str
    to_url: str
    source: str
    replaces_page: bool = False  # redirect_to: the page itself becomes the redirect
    title: str | None = None  # the page's title, kept in <title> when the page itself redirects


@dataclass
class RedirectPlan:
    pages: list[RedirectPage] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # redirects.json
    problems: list[str] = field(default_factory=list)


def redirect_from_list(meta: Mapping[str, Any]) -> list[str]:
    """``redirect_from`` as a list (a string is one path; empty items dropped), as Redirectable does."""
    value = meta.get("redirect_from")
    items = value if isinstance(value, list) else [value]
    return [str(v) for v in items if v is not None and str(v).strip()]


def redirect_to_value(meta: Mapping[str, Any]) -> str | None:
    """``redirect_to``: a string, or the first item of a list."""
    value = meta.get("redirect_to")
    if isinstance(value, list):
        value = next((v for v in value if v is not None), None)
    return str(value) if value is not None and str(value).strip() else None


def _target(base: str, to: str) -> str:
    """jekyll-redirect-from's target: an http(s) URL as given, anything else through ``absolute_url``."""
    if to.lower().startswith(("http://", "https://")):
        return to
    return absolute_url(base, to)


def plan(items: Iterable[Redirectable], outputs: Mapping[str, str], base: str) -> RedirectPlan:
    """Every redirect page to write and the ``redirects.json`` mapping.

    ``outputs`` maps every output file of the site to its source: a redirect that would overwrite one
    is dropped with a message naming both files (the real page wins).
    """
    result = RedirectPlan()
    taken: dict[str, str] = {}
    for item in items:
        for raw in redirect_from_list(item.meta):
            origin = "/" + raw.lstrip("/") if not raw.startswith("/") else raw
            try:
                check_url(origin, item.source, key="redirect_from")
                url = sanitize_url(origin)
                dest = check_dest(url_to_dest(url, ".html", page=True), item.source)
            except JekyllError as exc:
                result.problems.append(str(exc))
                continue
            other = outputs.get(dest) or taken.get(dest)
            if other is not None:
                result.problems.append(
                    f"{item.source}: redirect_from '{raw}' would write {dest}, which {other} already writes; "
                    f"{other} wins and no redirect is written there. Remove '{raw}' from redirect_from "
                    "or move the other page"
                )
                continue
            to = _target(base, item.url)
            taken[dest] = f"{item.source} (redirect_from)"
            result.pages.append(RedirectPage(origin, dest, to, item.source))
            result.mapping[origin] = to
        to_raw = redirect_to_value(item.meta)
        if to_raw is not None:
            if safe_href(to_raw) is None:
                result.problems.append(
                    f"{item.source}: redirect_to '{to_raw}' is not an http(s) or site URL; the page is written as it is"
                )
                continue
            to = _target(base, to_raw)
            title = item.meta.get("title")
            result.pages.append(
                RedirectPage(
                    item.url, item.dest, to, item.source, replaces_page=True, title=str(title) if title else None
                )
            )
            result.mapping[item.url] = to
    return result


def redirect_html(to_url: str, title: str | None = None) -> str:
    """jekyll-redirect-from's ``redirect.html`` layout, with every value escaped for its place.

    A page that redirects itself (``redirect_to``) keeps its title in ``<title>``, so that the old
    page still says what it was.
    """
    href = xml_escape(to_url)
    head_title = f"{xml_escape(title)} &ndash; Redirecting&hellip;" if title else "Redirecting&hellip;"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        f"  <title>{head_title}</title>\n"
        f'  <link rel="canonical" href="{href}">\n'
        f"  <script>location={script_json(to_url)}</script>\n"
        f'  <meta http-equiv="refresh" content="0; url={href}">\n'
        '  <meta name="robots" content="noindex">\n'
        "  <h1>Redirecting&hellip;</h1>\n"
        f'  <a href="{href}">Click here if you are not redirected.</a>\n'
        "</html>\n"
    )


def redirects_json(mapping: Mapping[str, str]) -> str:
    """``/redirects.json``: old path -> absolute target, compact like Ruby's ``to_json``."""
    return json.dumps(dict(mapping), ensure_ascii=False, separators=(",", ":"))


def json_enabled(jekyll_raw: Mapping[str, Any]) -> bool:
    """``redirect_from: {json: false}`` in ``_config.yml`` turns ``/redirects.json`` off."""
    setting = jekyll_raw.get("redirect_from")
    return not (isinstance(setting, dict) and setting.get("json") is False)
