"""``python -m mkdocs_polax check-urls OLD NEW_SITE_DIR``: the build's URL check for a site that is
already built (by polax or anything else). Exit code 0 when every old URL answers, 1 when any is
missing, 2 when OLD or NEW_SITE_DIR cannot be read."""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .migrate import MigrateError, hostfiles
from .migrate.check import check, missing_message, write_report
from .migrate.resolve import SiteFiles
from .migrate.sources import read_old_site
from .migrate.suggest import NewPage

_REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']\s*\d+\s*;\s*url=([^"']+)["']""", re.I)
_OG_TITLE = re.compile(r"""<meta\s+property=["']og:title["']\s+content=["']([^"']*)["']""", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def read_built_site(site_dir: Path) -> tuple[SiteFiles, list[NewPage]]:
    """A built site's files, its meta-refresh redirect pages, its ``_redirects`` rules, and its pages
    (URL and title: ``og:title``, else ``<title>``) for suggestions."""
    files: list[str] = []
    redirect_pages: dict[str, str] = {}
    pages: list[NewPage] = []
    for dirpath, dirnames, names in os.walk(site_dir):
        dirnames.sort()
        for name in sorted(names):
            rel = Path(dirpath, name).relative_to(site_dir).as_posix()
            files.append(rel)
            if not name.endswith((".html", ".htm")):
                continue
            head = Path(dirpath, name).read_bytes()[:16384].decode("utf-8", "replace")
            refresh = _REFRESH.search(head)
            if refresh:
                redirect_pages[rel] = html.unescape(refresh.group(1).strip())
                continue
            title = _OG_TITLE.search(head) or _TITLE.search(head)
            url = "/" + (rel[: -len("index.html")] if name == "index.html" else rel)
            pages.append(NewPage(url, html.unescape(title.group(1)).strip() if title else "", rel))
    rules: dict[str, str] = {}
    netlify = site_dir / "_redirects"
    if netlify.is_file():
        rules = hostfiles.parse_redirects_file(netlify.read_text(encoding="utf-8", errors="replace"))
    return SiteFiles(files, redirect_pages, rules), pages


def check_urls(args: argparse.Namespace) -> int:
    site_dir = Path(args.new_site_dir)
    if not site_dir.is_dir():
        print(f"check-urls: {site_dir} is not a folder; give the new site's built folder (site_dir)", file=sys.stderr)
        return 2
    try:
        old = read_old_site(Path(args.old))
    except MigrateError as exc:
        print(f"check-urls: {exc}", file=sys.stderr)
        return 2
    site, pages = read_built_site(site_dir)
    result = check(old, site, pages, old_base=args.baseurl, site_base=(args.site_url or "").rstrip("/"))
    for item in result.missing:
        print(missing_message(result, item))
    print(result.summary())
    if args.report:
        write_report(result, Path(args.report))
        print(f"report: {args.report}")
    return 1 if result.missing else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_polax", description="mkdocs-polax tools")
    commands = parser.add_subparsers(dest="command", required=True)
    urls = commands.add_parser(
        "check-urls",
        help="check that every URL of an old site still answers in a new built site",
        description="Resolve every URL of OLD (a built site folder, sitemap.xml, Atom/RSS feed or text file of "
        "URLs) against NEW_SITE_DIR as a static host would; exit 1 when any is missing.",
    )
    urls.add_argument("old", help="the old site's folder, sitemap.xml, feed, or a text file of URLs or paths")
    urls.add_argument("new_site_dir", help="the new site's built folder")
    urls.add_argument("--baseurl", default=None, help="the old site's base path (default: guessed)")
    urls.add_argument("--report", default=None, help="write the JSON report here")
    urls.add_argument(
        "--site-url", default=None, help="the new site's URL, so that redirects to it are followed and checked"
    )
    args = parser.parse_args(argv)
    return check_urls(args)


if __name__ == "__main__":
    sys.exit(main())
