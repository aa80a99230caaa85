"""The URL check itself: every URL of the old site, mapped onto the new site by path, resolved as a
static host resolves it, with a suggestion for each one that no longer answers; and its report."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .resolve import KEPT, MISSING, REDIRECTED, SiteFiles
from .sources import OldSite, common_base, strip_base
from .suggest import NewPage, Suggester


@dataclass(frozen=True)
class UrlResult:
    """One old URL: ``path`` is its path in the new site (None when it is outside the old base path)."""

    original: str
    path: str | None
    status: str
    served: str | None = None
    target: str | None = None
    suggestion: NewPage | None = None
    dead_end: bool = False  # a redirect to a path of the new site that answers nothing


@dataclass
class CheckResult:
    source: Path
    kind: str
    old_base: str
    results: list[UrlResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def missing(self) -> list[UrlResult]:
        return [r for r in self.results if r.status == MISSING]

    def summary(self) -> str:
        base = f" (old base path {self.old_base})" if self.old_base else ""
        return (
            f"URL check of {len(self.results)} old URLs from {self.source}{base}: kept {self.count(KEPT)}, "
            f"redirected {self.count(REDIRECTED)}, missing {self.count(MISSING)}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "source": str(self.source),
            "kind": self.kind,
            "old_base_path": self.old_base,
            "summary": {s: self.count(s) for s in (KEPT, REDIRECTED, MISSING)},
            "urls": [
                {
                    "old": r.original,
                    "path": r.path,
                    "status": r.status,
                    "served": r.served,
                    "target": r.target,
                    "dead_end": r.dead_end,
                    "suggestion": (
                        {"url": r.suggestion.url, "title": r.suggestion.title, "source": r.suggestion.source}
                        if r.suggestion
                        else None
                    ),
                }
                for r in self.results
            ],
        }


def _normal_base(base: str | None) -> str:
    text = (base or "").strip().strip("/")
    return "/" + text if text else ""


def choose_base(old: OldSite, site: SiteFiles, given: str | None, hints: Iterable[str | None] = ()) -> str:
    """The old site's base path: ``given`` when set; else, of '' (none), the hints (``_config.yml``'s
    ``baseurl``, the feed's own link) and the folder every old URL shares (or one above it), the one
    under which most old URLs answer (the shortest on a tie). A built folder has none: its files are the site root."""
    if given is not None:
        return _normal_base(given)
    if old.kind == "folder":
        return ""
    shared = common_base(u.path for u in old.urls)  # '/a/b': '/a' and '/a/b' are candidates
    ancestors = {"/".join(shared.split("/")[:i]) for i in range(2, shared.count("/") + 2)} if shared else set()
    options = {"", *(_normal_base(h) for h in hints), _normal_base(old.base_hint), *ancestors}

    def answered(base: str) -> int:
        count = 0
        for url in old.urls:
            path = strip_base(url.path, base)
            if path is not None and site.resolve(path).status != MISSING:
                count += 1
        return count

    return max(sorted(options, key=lambda b: (len(b), b)), key=answered)


def site_path(target: str, site_base: str) -> str | None:
    """The path under the new site's root that a redirect target names, or None when it leaves the
    site (another host). ``site_base`` is ``site_url`` without its trailing slash ('' when unset)."""
    parts = urlsplit(target)
    if not parts.scheme and not parts.netloc:
        path = parts.path if parts.path.startswith("/") else None
    elif site_base and (target == site_base or target.startswith(site_base + "/")):
        path = parts.path or "/"
    else:
        return None
    if path is None:
        return None
    return strip_base(path, urlsplit(site_base).path if site_base else "")


def check(
    old: OldSite,
    site: SiteFiles,
    pages: Iterable[NewPage],
    *,
    old_base: str | None = None,
    hints: Iterable[str | None] = (),
    site_base: str = "",
) -> CheckResult:
    base = choose_base(old, site, old_base, hints)
    suggester = Suggester(pages)
    result = CheckResult(old.source, old.kind, base)
    for url in old.urls:
        path = strip_base(url.path, base)
        if path is None:
            result.results.append(UrlResult(url.original, None, MISSING))
            continue
        found = site.resolve(path)
        status, dead_end = found.status, False
        if status == REDIRECTED and found.target is not None:
            inside = site_path(found.target, site_base)
            if inside is not None and site.resolve(inside).status == MISSING:
                status, dead_end = MISSING, True  # the redirect leads nowhere
        suggestion = suggester.suggest(path) if status == MISSING and not dead_end else None
        result.results.append(UrlResult(url.original, path, status, found.served, found.target, suggestion, dead_end))
    return result


def missing_message(result: CheckResult, item: UrlResult) -> str:
    """The warning for one missing URL, with the one-step fix when a page matches."""
    where = f"'{item.original}' (from {result.source.name})"
    if item.path is None:
        return (
            f"URL check: {where} is outside the old site's base path {result.old_base}; set the polax option "
            "check_urls_baseurl to the old site's baseurl"
        )
    if item.dead_end:
        return (
            f"URL check: {where} is redirected (by {item.served or 'a host rule'}) to {item.target}, which "
            "answers nothing in the new site; correct the redirect_to, or restore that page"
        )
    if item.suggestion is not None:
        page = item.suggestion
        named = f"'{page.title}'" if page.title else page.url
        source = f" ({page.source})" if page.source else ""
        return (
            f"URL check: {where} no longer answers (no file, page or redirect at {item.path}); the page {named}"
            f"{source} is now at {page.url}: add 'redirect_from: {item.path}' to its front matter"
        )
    return (
        f"URL check: {where} no longer answers (no file, page or redirect at {item.path}) and no page of the new "
        "site has its slug or title; restore it, or add its path to the redirect_from of the page that replaces it"
    )


def write_report(result: CheckResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
