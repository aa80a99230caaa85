"""What a ``mkdocs serve`` rebuild must render again after an edit, and what it can keep.

A page's output depends on its own source and on the *skeleton* of the site: every document's front
matter and URL (titles, dates, categories... on cards, navigation, neighbours and related posts), the
Jekyll and MkDocs configuration, data files and the theme's templates. While the skeleton is the same
as in the previous build, only documents whose file changed are rendered again; the others keep their
output, and their body, excerpt and reading time are taken from the previous build (feeds, cards and
the search index need them). When the skeleton changed, or an edit changed what a card shows (the
excerpt, the reading time), every page is rendered again. No MkDocs import: the plugin is the glue.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Record:
    """One document as the previous build left it."""

    signature: tuple[int, int] | None  # the source file's (mtime_ns, size)
    content: str  # body HTML as the page showed it
    toc_tokens: list[dict[str, Any]]
    anchors: set[str]
    excerpt: str | None
    excerpt_html: str | None
    reading_time: int | None

    def card(self) -> tuple[Any, ...]:
        """What other pages show of this document (cards, feeds' summaries)."""
        return (self.excerpt, self.excerpt_html, self.reading_time)


def file_signature(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def tree_signature(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[str, int, int]]:
    """(path, mtime, size) of every file under the given folders or files."""
    out: list[tuple[str, int, int]] = []
    for base in paths:
        root = Path(os.path.abspath(base))  # serve gives mkdocs.yml's path relative, then absolute
        found = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for p in found:
            sig = file_signature(p)
            if sig is not None:
                out.append((str(p), *sig))
    return out


def skeleton_hash(parts: Iterable[object]) -> str:
    """A digest of everything but the documents' bodies. ``parts`` are plain data (repr-stable)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class Incremental:
    """The memory of one ``mkdocs serve`` process, kept across its rebuilds."""

    records: dict[str, Record] = field(default_factory=dict)  # src_uri -> record
    skeleton: str | None = None
    dests: set[str] = field(default_factory=set)  # files the previous build wrote for documents/listings
    search_index: dict[str, Any] | None = None  # the previous build's whole search index
    # decisions for the build in progress
    fast: bool = False
    rerender_all: bool = True
    changed: set[str] = field(default_factory=set)

    def begin(self, skeleton: str, signatures: dict[str, tuple[int, int] | None]) -> None:
        """A build starts: keep what it may keep. ``signatures``: src_uri -> source signature."""
        self.fast = self.skeleton == skeleton and bool(self.records)
        self.skeleton = skeleton
        self.rerender_all = not self.fast
        self.changed = {
            uri
            for uri, sig in signatures.items()
            if sig is None or (rec := self.records.get(uri)) is None or rec.signature != sig
        }
        if not self.fast:
            self.records = {uri: rec for uri, rec in self.records.items() if uri in signatures}

    def is_modified(self, uri: str | None) -> bool:
        """Render this page (``None``: a listing page, whose content is all cards) in this build?"""
        if self.rerender_all:
            return True
        return uri is not None and uri in self.changed

    def kept(self, uri: str) -> Record | None:
        """The previous build's record of a document this build does not render again."""
        if uri in self.changed:
            return None
        return self.records.get(uri)

    def rendered(self, uri: str, record: Record) -> None:
        """A document was rendered: remember it, and render everything when what others show of it
        changed (only possible while pages are still being read: see ``cards_changed``)."""
        old = self.records.get(uri)
        self.records[uri] = record
        if self.fast and (old is None or old.card() != record.card()):
            self.rerender_all = True

    def merge_search(self, new: dict[str, Any], rendered: set[str], existing: set[str]) -> dict[str, Any]:
        """MkDocs' search index after a build that rendered only ``rendered`` (page URLs): its entries,
        plus the previous build's for pages that still exist and were not rendered."""
        if self.rerender_all or self.search_index is None:
            self.search_index = new
            return new
        docs = [d for d in new.get("docs", []) if isinstance(d, dict)]
        for entry in self.search_index.get("docs", []):
            page = str(entry.get("location", "")).split("#", 1)[0]
            if page not in rendered and page in existing:
                docs.append(entry)
        merged = {**new, "docs": docs}
        self.search_index = merged
        return merged


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
