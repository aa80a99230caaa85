#!/usr/bin/env python3
"""Compare every post body polax renders with Jekyll's rendering of the same source.

Usage: python scripts/body_parity.py [CORPUS_DIR ...]
  Default: every corpus in ../shared/corpora, compared with ../shared/reference/<corpus>/_site.
Each corpus is copied, built with polax (``mkdocs build --strict``, in this process so that the
body HTML of each post can be read from the plugin), and each post's body is compared with the
``<main id="ref-body">`` Jekyll wrote: its headings, link targets, image sources, code blocks and
text must all be present. Prints ``bodies: <corpus> N/M`` per corpus and each difference; exits 1
on any miss or build warning.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BASE = "http://polax.invalid"


@dataclass
class Body:
    """What a reader must find in a post body."""

    headings: list[str]
    links: list[str]
    images: list[str]
    code: list[str]
    text: list[str]


@dataclass
class Result:
    corpus: str
    matched: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", html.unescape(text))
    # Decorations that are not the author's text: footnote back-links and their variation selector.
    text = text.replace("\ufe0e", "").replace("\u21a9", " ")
    return text.split()


def _url(href: str, page_url: str) -> str:
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "javascript:")) or urlsplit(href).scheme:
        return href
    full = urljoin(BASE + page_url, href)
    parts = urlsplit(full)
    path = parts.path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html") and not page_url.endswith(".html"):
        path = path[: -len(".html")]
    out = path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return out


_BLOCKS = re.compile(r"^(p|li|h[1-6]|pre|td|th|div|blockquote|dt|dd|br|tr|table|ul|ol|dl|figure|hr|main|sup)$")


def _text(fragment: Tag | BeautifulSoup) -> str:
    """The text a reader sees: block boundaries are spaces, inline markup (code spans) is not."""
    for el in fragment.find_all(_BLOCKS):
        el.insert_before(" ")
        el.insert_after(" ")
    return fragment.get_text("")


def extract(fragment: Tag | BeautifulSoup, page_url: str) -> Body:
    headings = [" ".join(_words(h.get_text())) for h in fragment.find_all(re.compile(r"^h[1-6]$"))]
    links = [_url(str(a.get("href")), page_url) for a in fragment.find_all("a") if a.get("href") is not None]
    links = [u for u in links if not u.startswith("#fnref") and not u.startswith("#fn:")]
    images = [_url(str(i.get("src")), page_url) for i in fragment.find_all("img") if i.get("src")]
    code = [" ".join(_words(p.get_text())) for p in fragment.find_all("pre")]
    code = [c for c in code if c]
    text = _words(_text(fragment))
    return Body(headings, links, images, code, text)


def compare(jekyll: Body, polax: Body) -> list[str]:
    """What Jekyll's body has that polax's lacks."""
    misses: list[str] = []
    for name, label in (("headings", "heading"), ("links", "link"), ("images", "image"), ("code", "code block")):
        have = list(getattr(polax, name))
        for item in getattr(jekyll, name):
            if item in have:
                have.remove(item)
            else:
                misses.append(f"{label} {item!r} missing")
    if jekyll.text != polax.text:
        # Report the first place the word sequences part.
        i = next((k for k, (a, b) in enumerate(zip(jekyll.text, polax.text, strict=False)) if a != b), None)
        if i is None:
            i = min(len(jekyll.text), len(polax.text))
        want = " ".join(jekyll.text[max(0, i - 5) : i + 8])
        got = " ".join(polax.text[max(0, i - 5) : i + 8])
        misses.append(f"text differs at word {i}: Jekyll {want!r} / polax {got!r}")
    return misses


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_bodies(config_file: Path) -> tuple[dict[str, tuple[Any, str]], list[str]]:
    """Build with polax in this process: {source: (Document, body HTML)} of every post, and warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Collect()
    mk_log = logging.getLogger("mkdocs")
    mk_log.addHandler(handler)
    try:
        config = load_config(str(config_file))
        config.plugins["polax"].keep_bodies = True  # type: ignore[attr-defined]  # read below, after the build
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        plugin: Any = config.plugins["polax"]
        bodies = {doc.source: (doc, plugin.rendered.get(uri, "")) for uri, doc in plugin.docs.items()}
    finally:
        mk_log.removeHandler(handler)
    return bodies, handler.messages


def compare_corpus(corpus: Path, reference: Path) -> Result:
    result = Result(corpus.name)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(corpus, root / "docs")
        config = root / "mkdocs.yml"
        config.write_text(f"site_name: {corpus.name}\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n")
        bodies, result.warnings = build_bodies(config)
    for source, (doc, body_html) in sorted(bodies.items()):
        if doc.kind != "post":
            continue
        result.total += 1
        ref_file = reference / "_site" / doc.dest
        if not ref_file.is_file():
            result.misses.append(f"{source}: Jekyll wrote no {doc.dest}")
            continue
        ref = BeautifulSoup(ref_file.read_text(encoding="utf-8"), "html.parser")
        main = ref.find("main", id="ref-body")
        if not isinstance(main, Tag):
            # A post without a layout: the body is all that follows the reference stamps.
            for stamp in ref.find_all(["meta", "title"]):
                stamp.decompose()
            main = ref
        url = "/" + posixpath.dirname(doc.dest) + "/" if doc.dest.endswith("index.html") else "/" + doc.dest
        jekyll = extract(main, url)
        polax = extract(BeautifulSoup(body_html, "html.parser"), url)
        misses = compare(jekyll, polax)
        if misses:
            result.misses.extend(f"{source}: {m}" for m in misses)
        else:
            result.matched += 1
    return result


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.ERROR)
    corpora = [Path(a) for a in argv] or sorted(p for p in (SHARED / "corpora").iterdir() if p.is_dir())
    ok = True
    for corpus in corpora:
        reference = SHARED / "reference" / corpus.name
        result = compare_corpus(corpus, reference)
        for miss in result.misses:
            print(f"  {miss}")
        for warning in result.warnings:
            print(f"  warning: {warning}")
        print(f"bodies: {result.corpus} {result.matched}/{result.total}")
        ok = ok and not result.misses and not result.warnings and result.total > 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
