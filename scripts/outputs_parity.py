#!/usr/bin/env python3
"""Compares the feeds, sitemap, redirects and robots.txt of a built site with what Jekyll's plugins
(jekyll-feed, jekyll-sitemap, jekyll-redirect-from) wrote for the same source.

Usage:
    outputs_parity.py REFERENCE_SITE SITE_DIR          # one site: Jekyll's _site and ours
    outputs_parity.py --corpora SHARED_DIR              # build every corpus in SHARED_DIR/corpora

Prints one line per check and exits 1 on any miss.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def check(self, ok: bool, line: str) -> None:
        self.lines.append(("ok    " if ok else "MISS  ") + line)
        if not ok:
            self.misses.append(line)


def atom_feeds(site: Path) -> dict[str, ET.Element]:
    """Every ``.xml`` file of ``site`` whose root is an Atom ``<feed>``, by path."""
    found = {}
    for path in sorted(site.rglob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        if root.tag == ATOM + "feed":
            found[path.relative_to(site).as_posix()] = root
    return found


def entry_pairs(root: ET.Element) -> set[tuple[str, str]]:
    pairs = set()
    for entry in root.iter(ATOM + "entry"):
        ident = (entry.findtext(ATOM + "id") or "").strip()
        link = entry.find(ATOM + "link")
        pairs.add((ident, link.get("href", "") if link is not None else ""))
    return pairs


def made_by_jekyll_feed(root: ET.Element) -> bool:
    gen = root.find(ATOM + "generator")
    return gen is not None and gen.get("uri") == "https://jekyllrb.com/"


def sitemap_locs(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {(e.text or "").strip() for e in ET.parse(path).getroot().iter(SITEMAP + "loc")}


def redirect_target(text: str) -> str | None:
    m = re.search(r'<link rel="canonical" href="([^"]*)"', text)
    return m.group(1) if m else None


def compare(reference: Path, site: Path) -> Report:
    """All checks for one site: ``reference`` is Jekyll's ``_site``, ``site`` ours."""
    report = Report()
    for rel, root in atom_feeds(reference).items():
        ours_path = site / rel
        if not ours_path.is_file():
            report.check(False, f"feed {rel}: missing")
            continue
        # jekyll-feed's feeds come from feeds.py; a site's own feed template (Liquid) from the content pipeline.
        origin = "jekyll-feed" if made_by_jekyll_feed(root) else "the site's own template"
        try:
            ours = ET.parse(ours_path).getroot()
        except ET.ParseError as exc:
            report.check(False, f"feed {rel}: not well-formed ({exc})")
            continue
        want, got = entry_pairs(root), entry_pairs(ours)
        report.check(
            want == got,
            f"feed {rel} ({origin}): (id, link) pairs {len(want & got)}/{len(want)} same"
            + (f", missing {sorted(want - got)[:3]}, extra {sorted(got - want)[:3]}" if want != got else ""),
        )
    ref_map = reference / "sitemap.xml"
    if ref_map.is_file():
        want_locs, got_locs = sitemap_locs(ref_map), sitemap_locs(site / "sitemap.xml")
        report.check(
            want_locs <= got_locs,
            f"sitemap.xml: locs {len(want_locs & got_locs)}/{len(want_locs)} present"
            + (f", missing {sorted(want_locs - got_locs)[:3]}" if not want_locs <= got_locs else ""),
        )
    ref_json = reference / "redirects.json"
    if ref_json.is_file():
        want_map = json.loads(ref_json.read_text(encoding="utf-8"))
        ours_json = site / "redirects.json"
        got_map = json.loads(ours_json.read_text(encoding="utf-8")) if ours_json.is_file() else {}
        report.check(want_map == got_map, f"redirects.json: {len(want_map)} redirects, same: {want_map == got_map}")
        for origin, target in want_map.items():
            rel = origin.lstrip("/") + ("index.html" if origin.endswith("/") else "")
            rel = rel if rel.endswith(".html") else rel + ".html"
            page = site / rel
            target_got = redirect_target(page.read_text(encoding="utf-8")) if page.is_file() else None
            report.check(target_got == target, f"redirect page {rel}: -> {target_got}")
    ref_robots = reference / "robots.txt"
    if ref_robots.is_file():
        ours_robots = site / "robots.txt"
        want_line = ref_robots.read_text(encoding="utf-8").strip()
        got_text = ours_robots.read_text(encoding="utf-8") if ours_robots.is_file() else ""
        report.check(want_line in got_text.splitlines(), f"robots.txt: {want_line!r} present")
    return report


def build_corpus(shared: Path, corpus: str, work: Path) -> Path:
    """A copy of the corpus as docs_dir, with an mkdocs.yml beside it, built with ``mkdocs build``."""
    root = work / corpus
    shutil.copytree(shared / "corpora" / corpus, root / "docs")
    (root / "mkdocs.yml").write_text(
        f"site_name: {corpus}\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n", encoding="utf-8"
    )
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], check=True)
    return root / "site"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reference", nargs="?", type=Path)
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--corpora", type=Path, help="the shared folder (corpora/ and reference/)")
    args = parser.parse_args()
    failed = False
    if args.corpora:
        with tempfile.TemporaryDirectory() as tmp:
            for corpus in sorted(p.name for p in (args.corpora / "corpora").iterdir() if p.is_dir()):
                site = build_corpus(args.corpora, corpus, Path(tmp))
                report = compare(args.corpora / "reference" / corpus / "_site", site)
                print(f"== {corpus}")
                print("\n".join(report.lines))
                failed |= bool(report.misses)
    else:
        if args.reference is None or args.site is None:
            parser.error("give REFERENCE_SITE and SITE_DIR, or --corpora SHARED_DIR")
        report = compare(args.reference, args.site)
        print("\n".join(report.lines))
        failed = bool(report.misses)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
