"""Whether a URL answers in a built site, decided the way static hosts (GitHub Pages, Netlify,
Cloudflare Pages, nginx with ``try_files $uri $uri.html $uri/index.html``) decide it.

The rules, in order, for a path under the site's root:

1. percent-escapes are decoded (``/caf%C3%A9/`` is the file ``café/index.html``), ``//`` is one ``/``,
   ``.`` segments go, and a ``..`` that would leave the site answers nothing;
2. a path ending in ``/`` is that folder's ``index.html``;
3. any other path ``/x`` is the file ``x``, else ``x.html``, else ``x/index.html`` (hosts answer the
   last with a redirect to ``/x/`` and then the page: it still answers);
4. names are compared exactly: Linux hosts serve ``/About/`` only if a folder ``About`` exists;
5. a file that is a redirect page (``redirect_from``/``redirect_to``) answers as a redirect, and so
   does a path a host rule redirects (``_redirects``, ``.htaccess``, nginx ``map``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

KEPT = "kept"
REDIRECTED = "redirected"
MISSING = "missing"


@dataclass(frozen=True)
class Resolution:
    """How a host answers one path: ``status`` is kept, redirected or missing; ``served`` is the
    file that answers (under the site folder), ``target`` where a redirect sends the reader."""

    status: str
    served: str | None = None
    target: str | None = None


def normalize(path: str) -> str | None:
    """A request path as the host reads it: decoded, ``//`` folded, dot segments removed; None when
    it leaves the site root or decodes to nothing sensible. Keeps a trailing ``/``."""
    try:
        decoded = unquote(path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None  # escapes that are not UTF-8: no file of the site has such a name
    if "\x00" in decoded:
        return None
    parts: list[str] = []
    for segment in decoded.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                return None
            parts.pop()
            continue
        parts.append(segment)
    trailing = decoded.endswith("/") or decoded.endswith("/.") or decoded.endswith("/..") or not parts
    return "/" + "/".join(parts) + ("/" if trailing and parts else "")


def candidates(path: str) -> list[str]:
    """The files a host tries for a normalised path, in order (paths relative to the site root)."""
    rel = path.lstrip("/")
    if not rel or path.endswith("/"):
        return [rel + "index.html"]
    return [rel, rel + ".html", rel + "/index.html"]


class SiteFiles:
    """The files of a built site, the redirect pages among them (file -> target), and the host's
    redirect rules (normalised path -> target)."""

    def __init__(
        self,
        files: Iterable[str],
        redirect_pages: Mapping[str, str] | None = None,
        rules: Mapping[str, str] | None = None,
    ) -> None:
        self.files = set(files)
        self.redirect_pages = dict(redirect_pages or {})
        self.rules: dict[str, str] = {}
        for source, target in (rules or {}).items():
            key = normalize(source)
            if key is not None:
                self.rules.setdefault(key, target)

    @classmethod
    def from_dir(
        cls, site_dir: Path, redirect_pages: Mapping[str, str] | None = None, rules: Mapping[str, str] | None = None
    ) -> SiteFiles:
        files = []
        for dirpath, _dirs, names in os.walk(site_dir):
            for name in names:
                files.append(Path(dirpath, name).relative_to(site_dir).as_posix())
        return cls(files, redirect_pages, rules)

    def resolve(self, path: str) -> Resolution:
        """How the host answers ``path`` (relative to the site's root, percent-escapes as requested)."""
        clean = normalize(path)
        if clean is None:
            return Resolution(MISSING)
        for candidate in candidates(clean):
            if candidate in self.files:
                target = self.redirect_pages.get(candidate)
                if target is not None:
                    return Resolution(REDIRECTED, candidate, target)
                return Resolution(KEPT, candidate)
        for key in _rule_keys(clean):
            target = self.rules.get(key)
            if target is not None:
                return Resolution(REDIRECTED, None, target)
        return Resolution(MISSING)


def _rule_keys(path: str) -> list[str]:
    """A host rule for ``/x/`` also answers ``/x`` and ``/x/index.html`` (hosts fold them), and one for
    ``/x.html`` answers ``/x`` (extensionless URLs)."""
    if path.endswith("/"):
        return [path, path + "index.html", path.rstrip("/") or "/"]
    keys = [path, path + "/", path + ".html"]
    if path.endswith("/index.html"):
        keys.append(path[: -len("index.html")])
    if path.endswith(".html"):
        keys.append(path[: -len(".html")])
    return keys
