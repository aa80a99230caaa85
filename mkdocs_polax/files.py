"""MkDocs ``File`` objects for what Jekyll would write: pages at Jekyll's URLs, static files copied."""

from __future__ import annotations

from typing import Protocol
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .jekyll.permalink import unescape_path
from .jekyll.site import Document, StaticFile


def mkdocs_url(jekyll_url: str, dest: str | None = None) -> str:
    """MkDocs' form of a Jekyll URL: no leading slash, percent-encoded once, ``./`` for the root.

    An extensionless URL (``/blog/post``) is given as the file it is served from
    (``blog/post.html``): MkDocs takes a last segment without a dot for a folder, and would make
    every relative link on that page one level too deep.
    """
    path = unescape_path(jekyll_url).lstrip("/")
    last = path.rsplit("/", 1)[-1]
    if path and not path.endswith("/") and "." not in last and dest:
        path = dest
    return quote(path, safe="/!$&'()*+,;=:@~") or "./"


class _Rebuilt(Protocol):
    def is_modified(self, uri: str | None) -> bool: ...


def page_url(file_url: str) -> str:
    """What MkDocs' ``Page.url`` gives for a file's ``url``: ``''`` for the site's root."""
    return "" if file_url in (".", "./") else file_url


class _Rebuildable(File):
    """A page whose rendering under serve polax decides (``polax_rebuild``), else MkDocs."""

    polax_rebuild: _Rebuilt | None = None

    def _rebuild_key(self) -> str | None:
        """What ``polax_rebuild`` is asked about: None for a listing page (all cards)."""
        return None

    def is_modified(self) -> bool:
        if self.polax_rebuild is not None:
            return self.polax_rebuild.is_modified(self._rebuild_key())
        return super().is_modified()


class PageFile(_Rebuildable):
    """A Jekyll post, page or document that MkDocs renders through the theme (Markdown or HTML)."""

    polax_doc: Document

    def _rebuild_key(self) -> str | None:
        return self.src_uri

    def is_documentation_page(self) -> bool:
        return True

    def is_static_page(self) -> bool:
        return False


class ListingFile(_Rebuildable):
    """A listing page polax makes (blog index, category, tag, archive, author): all cards."""


class StaticCopy(File):
    """A file copied unchanged, whatever its extension (a README.md without front matter too)."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return True


def page_file(doc: Document, source_dir: str, config: MkDocsConfig, in_nav: bool) -> PageFile:
    f = PageFile(
        doc.source,
        source_dir,
        config.site_dir,
        False,
        dest_uri=doc.dest,
        inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
    )
    f.polax_doc = doc
    f.url = mkdocs_url(doc.url, doc.dest)
    return f


def static_file(item: StaticFile, source_dir: str, config: MkDocsConfig) -> StaticCopy:
    f = StaticCopy(
        item.source, source_dir, config.site_dir, False, dest_uri=item.dest, inclusion=InclusionLevel.NOT_IN_NAV
    )
    f.url = mkdocs_url("/" + item.dest)
    return f


def generated_page(config: MkDocsConfig, src_uri: str, jekyll_url: str, dest: str) -> ListingFile:
    """A page polax makes (listing, category, tag, archive, author): never in the nav."""
    f = ListingFile.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    assert isinstance(f, ListingFile)
    f.dest_uri = dest
    f.url = mkdocs_url(jekyll_url, dest)
    return f
