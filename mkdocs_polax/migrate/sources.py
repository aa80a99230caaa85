"""The URLs an old site published, read from its built folder (Jekyll's ``_site/``), its
``sitemap.xml``, its Atom or RSS feed, or a text file of URLs or paths (one a line)."""

from __future__ import annotations

import os
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from . import MigrateError

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_ATOM_NS = "{http://www.w3.org/2005/Atom}"
# Files a built folder holds that are the host's or the generator's, never URLs of the site: hosts
# read _redirects, _headers and .htaccess as their own configuration and do not serve them.
_NOT_PUBLISHED = {".DS_Store", ".jekyll-metadata", "Thumbs.db", ".nojekyll", "_redirects", "_headers", ".htaccess"}


@dataclass(frozen=True)
class OldUrl:
    """One URL of the old site: as it was written (``original``) and its path (``path``, with the
    old site's base path still in front; percent-escapes kept as written)."""

    original: str
    path: str


@dataclass
class OldSite:
    """What the old site published: its URLs, the kind of file they came from, and the base path
    its own links name (a feed's ``<link>``), when the file says."""

    source: Path
    kind: str  # folder | sitemap | atom | rss | text
    urls: list[OldUrl]
    base_hint: str | None = None


def url_path(value: str) -> str:
    """The path of a URL or site path, without query or fragment: ``https://h/x/?a#b`` -> ``/x/``."""
    value = value.strip()
    parts = urlsplit(value)
    path = parts.path if (parts.scheme or parts.netloc) else value.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    return path


def _unique(urls: Iterable[OldUrl]) -> list[OldUrl]:
    seen: set[str] = set()
    out = []
    for url in urls:
        if url.path not in seen:
            seen.add(url.path)
            out.append(url)
    return out


def read_folder(folder: Path) -> list[OldUrl]:
    """Every file of a built site as the URL a static host serves it at (``a/index.html`` -> ``/a/``)."""
    urls = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name in _NOT_PUBLISHED:
                continue
            rel = Path(dirpath, name).relative_to(folder).as_posix()
            if rel.startswith(".git/"):
                continue
            path = "/" + rel
            if name == "index.html":
                path = path[: -len("index.html")]
            urls.append(OldUrl(path, quote(path)))  # as a browser asks for it: a file named 100%.html is /100%25.html
    return urls


def _parse_xml(path: Path, what: str) -> ET.Element:
    data = path.read_bytes()
    if b"<!ENTITY" in data:
        # No sitemap or feed declares entities; expanding them could take any amount of memory.
        raise MigrateError(
            f"{path}: declares XML entities (<!ENTITY>), which sitemaps and feeds never need; remove them"
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        line, col = exc.position
        raise MigrateError(
            f"{path}: is not well-formed XML (line {line}, column {col + 1}: {exc.msg}), so its {what} "
            "cannot be read. Fix the file, or give the old site's folder or a text list of URLs instead"
        ) from exc


def read_sitemap(path: Path, root: ET.Element) -> list[OldUrl]:
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        raise MigrateError(
            f"{path}: is a sitemap index (it lists other sitemaps, not pages). Point check_urls_from at one "
            "of the sitemaps it names"
        )
    urls = []
    for number, loc in enumerate(root.iter(f"{_SITEMAP_NS}loc"), start=1):
        text = (loc.text or "").strip()
        if not text:
            raise MigrateError(f"{path}: <url> number {number} has an empty <loc>. Give each <url> its address")
        urls.append(OldUrl(text, url_path(text)))
    if not urls:
        raise MigrateError(f"{path}: this sitemap lists no <url><loc>; it holds no URL to check")
    return urls


def read_atom(path: Path, root: ET.Element) -> tuple[list[OldUrl], str | None]:
    urls = []
    for entry in root.iter(f"{_ATOM_NS}entry"):
        href = None
        for link in entry.findall(f"{_ATOM_NS}link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link.get("href")
                break
        if href is None:
            raise MigrateError(
                f"{path}: an Atom <entry> ({_text(entry, _ATOM_NS + 'id') or 'without id'}) has no "
                '<link rel="alternate" href="...">, so its page URL is unknown'
            )
        urls.append(OldUrl(href, url_path(href)))
    base = None
    for link in root.findall(f"{_ATOM_NS}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            base = url_path(link.get("href", ""))
    return urls, base


def read_rss(path: Path, root: ET.Element) -> tuple[list[OldUrl], str | None]:
    urls = []
    for item in root.iter("item"):
        link = _text(item, "link") or (_text(item, "guid") if _is_link(_text(item, "guid")) else None)
        if not link:
            raise MigrateError(f"{path}: an RSS <item> ({_text(item, 'title') or 'untitled'}) has no <link>")
        urls.append(OldUrl(link, url_path(link)))
    channel_link = _text(root.find("channel"), "link")
    return urls, url_path(channel_link) if channel_link else None


def _text(element: ET.Element | None, tag: str) -> str | None:
    if element is None:
        return None
    found = element.find(tag)
    return (found.text or "").strip() or None if found is not None else None


def _is_link(value: str | None) -> bool:
    return bool(value) and value is not None and value.startswith(("http://", "https://", "/"))


def read_text(path: Path) -> list[OldUrl]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MigrateError(f"{path}: is not UTF-8 text (byte {exc.start}); save the URL list as UTF-8") from exc
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " " in line or "\t" in line:
            raise MigrateError(
                f"{path}:{number}: '{line[:80]}' is not one URL or path. Put one URL or path on each line "
                "(encode spaces as %20)"
            )
        urls.append(OldUrl(line, url_path(line)))
    return urls


def read_old_site(source: Path) -> OldSite:
    """Read ``source``, whichever of the four kinds it is; a bad file raises :class:`MigrateError`."""
    if source.is_dir():
        return OldSite(source, "folder", read_folder(source))
    if not source.is_file():
        raise MigrateError(f"{source}: no such file or folder")
    head = source.read_bytes()[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    looks_xml = head.startswith(b"<") or source.suffix.lower() in (".xml", ".atom", ".rss")
    if not looks_xml:
        return OldSite(source, "text", _unique(read_text(source)))
    root = _parse_xml(source, "URLs")
    if root.tag in (f"{_SITEMAP_NS}urlset", f"{_SITEMAP_NS}sitemapindex"):
        return OldSite(source, "sitemap", _unique(read_sitemap(source, root)))
    if root.tag == f"{_ATOM_NS}feed":
        urls, base = read_atom(source, root)
        return OldSite(source, "atom", _unique(urls), base)
    if root.tag == "rss":
        urls, base = read_rss(source, root)
        return OldSite(source, "rss", _unique(urls), base)
    raise MigrateError(
        f"{source}: is XML but neither a sitemap (<urlset>), an Atom feed (<feed>) nor an RSS feed (<rss>) "
        f"(its root element is <{root.tag}>). Give the old site's sitemap.xml, feed, folder or a text list of URLs"
    )


def strip_base(path: str, base: str) -> str | None:
    """``path`` relative to the site's base path (``/blog/x/`` under ``/blog`` -> ``/x/``); None when
    the path is not under it."""
    base = "/" + base.strip("/") if base.strip("/") else ""
    if not base:
        return path
    if path == base:
        return "/"
    if path.startswith(base + "/"):
        return path[len(base) :]
    return None


def common_base(paths: Iterable[str]) -> str:
    """The folder all ``paths`` share (``/blog`` for ``/blog/a/`` and ``/blog/b.html``), or ''."""
    folders = [posixpath.dirname(p) if not p.endswith("/") else p.rstrip("/") for p in paths]
    if not folders:
        return ""
    prefix = posixpath.commonpath(["/" + f.lstrip("/") for f in folders])
    return "" if prefix == "/" else prefix
