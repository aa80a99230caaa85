"""Every use of MkDocs beyond its public plugin API (``mkdocs.plugins``, ``mkdocs.config``,
``mkdocs.structure``), kept here so that a change in the next engine (MkDocs 1.6.1, ProperDocs,
mkdocs-ng) breaks one place. ``tests/engines`` builds and serves on each engine.

- ``serve_extensionless``: wraps the dev server's request handler (``LiveReloadServer._serve_request``,
  ``.root``, ``.mount_path``) so that ``/blog/post`` answers from ``blog/post.html``;
- ``normalize_url``: the function behind the themes' ``url`` filter (``mkdocs.utils``), for the
  Python ``image()`` helper to resolve URLs exactly as the template macro does;
- ``rebuild_in_place``: wraps the serve command's ``build`` (``mkdocs.commands.serve.build``) so that
  serve's rebuilds keep the site folder (``dirty=True``, MkDocs' own ``--dirty``) and polax renders
  only what an edit changed; MkDocs' warning about dirty builds (``mkdocs.commands.build``'s logger)
  is dropped for them;
- ``search_indexer``, ``put_search_entries``, ``only_readers_of_content``: MkDocs' own search plugin's
  ``SearchIndex`` (its ``_entries``) and the plugin collection's ``events``, so that worker processes
  make the posts' search entries (see ``content.convert_all``) exactly as the plugin would;
- ``compact_search_index``, ``write_compact_index``: swap the search plugin's ``search_index`` (set in
  its ``on_pre_build``) for a ``SearchIndex`` subclass that keeps each page's entries as compressed JSON
  and lets polax write ``search_index.json`` piece by piece (see ``search_json``); the plugin's own
  ``on_post_build`` then writes a stub that polax replaces;
- ``page_builder``, ``quiet_skipped_pages``, ``engine_loggers``: the engine's own page step
  (``commands.build._build_page``, called as its build loop calls it), its "Page skipped" info line
  and its loggers, for the pages rendered in forked processes (see ``parallel``);
- ``render_nothing``: ``Page.render`` (and its private ``_title_from_render``) for the pages whose body
  polax converts itself, so that MkDocs does not make a Markdown instance to convert their empty text;
- ``LiveReloadServer`` and ``TemplateContext``: the types of ``on_serve``'s and
  ``on_page_context``'s arguments.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.contrib.search.search_index import SearchIndex
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import TemplateContext

from . import search_json
from .serve import extensionless_target

__all__ = [
    "CompactSearchIndex",
    "LiveReloadServer",
    "TemplateContext",
    "compact_search_index",
    "engine_loggers",
    "normalize_url",
    "only_readers_of_content",
    "page_builder",
    "put_search_entries",
    "quiet_skipped_pages",
    "render_nothing",
    "rebuild_in_place",
    "search_indexer",
    "serve_extensionless",
    "write_compact_index",
]


def serve_extensionless(server: LiveReloadServer) -> None:
    """Wrap the server's request handler so that ``/x`` falls back to ``x.html``."""
    original: Callable[..., Iterable[bytes] | None] = server._serve_request

    def serve_request(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        raw = environ.get("PATH_INFO", "")
        path = raw.encode("latin-1").decode("utf-8", "ignore")
        target = extensionless_target(server.root, server.mount_path, path)
        if target is not None:
            environ = dict(environ, PATH_INFO=target.encode("utf-8").decode("latin-1"))
        return original(environ, start_response)

    server._serve_request = serve_request  # type: ignore[method-assign]


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def rebuild_in_place() -> bool:
    """Make ``mkdocs serve``'s rebuilds keep the site folder, as ``mkdocs serve --dirty`` does, so that
    polax renders only the pages an edit changed (its files answer MkDocs' ``is_modified``). The first
    build has run already. False when the engine's serve command has no module-level ``build``
    (nothing changes: every rebuild renders every page)."""
    try:
        from mkdocs.commands import serve as serve_command
    except ImportError:  # pragma: no cover - every MkDocs 1.x engine has it
        return False
    real = getattr(serve_command, "build", None)
    if real is None or getattr(real, "polax_in_place", False):
        return real is not None
    original: Callable[..., None] = real

    def build(config: Any, *, serve_url: str | None = None, dirty: bool = False) -> None:
        # MkDocs warns that a dirty build may leave navigation stale; polax renders every page again
        # whenever anything but a body changed, so the warning would be wrong (and fatal with --strict).
        quiet = _DropDirtyWarning()
        logger: logging.Logger = _build_module().log  # ProperDocs' is "properdocs.commands.build"
        logger.addFilter(quiet)
        try:
            original(config, serve_url=serve_url, dirty=True)
        finally:
            logger.removeFilter(quiet)

    build.polax_in_place = True  # type: ignore[attr-defined]
    serve_command.build = build  # type: ignore[attr-defined]
    return True


def _mkdocs_search(config: Any) -> Any | None:
    """MkDocs' own ``search`` plugin (not Material's, nor another one), when it is on."""
    plugin = config.plugins.get("search") if hasattr(config.plugins, "get") else None
    if plugin is None or type(plugin).__module__.split(".")[-2:] != ["contrib", "search"]:
        return None
    return plugin


def search_indexer(config: Any) -> Callable[[str, list[dict[str, Any]], str, str], list[dict[str, Any]]] | None:
    """A function (picklable by fork) that gives the entries MkDocs' search plugin makes for a page
    from its body HTML, toc tokens, URL and title; None without that plugin."""
    plugin = _mkdocs_search(config)
    if plugin is None:
        return None
    settings = dict(plugin.config)

    def index(content: str, toc_tokens: list[dict[str, Any]], url: str, title: str) -> list[dict[str, Any]]:
        from types import SimpleNamespace

        from mkdocs.contrib.search.search_index import SearchIndex
        from mkdocs.structure.toc import get_toc

        search = SearchIndex(**settings)
        page = SimpleNamespace(content=content, url=url, title=title, toc=get_toc(toc_tokens))  # type: ignore[arg-type]
        search.add_entry_from_context(page)  # type: ignore[arg-type]
        return list(search._entries)

    return index


def put_search_entries(config: Any, url: str, entries: list[dict[str, Any]]) -> bool:
    """Replace the entry the search plugin just made for page ``url`` (from an empty body) with the
    page's real ``entries``; False (nothing changed) if its last entry is not that one."""
    plugin = _mkdocs_search(config)
    made = getattr(getattr(plugin, "search_index", None), "_entries", None)
    if not isinstance(made, list) or not made or made[-1].get("location") != url or made[-1].get("text"):
        return False
    made[-1:] = entries
    return True


def only_readers_of_content(
    config: Any, allowed: set[int], events_read: tuple[str, ...] = ("page_content", "page_context")
) -> bool:
    """True when every handler of ``on_page_content`` and ``on_page_context`` (or of ``events_read``)
    belongs to a plugin in ``allowed`` (ids of plugin objects): nothing else reads a page's body then."""
    events = getattr(config.plugins, "events", None)
    if not isinstance(events, dict):
        return False
    for name in events_read:
        for handler in events.get(name, []):
            if id(getattr(handler, "__self__", None)) not in allowed:
                return False
    return True


def search_plugin_id(config: Any) -> int | None:
    plugin = _mkdocs_search(config)
    return id(plugin) if plugin is not None else None


class CompactSearchIndex(SearchIndex):
    """MkDocs' ``SearchIndex`` with each page's entries kept as compressed JSON (``search_json``)."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        self.pages: list[bytes] = []
        self.last_url: str | None = None

    def add_entry_from_context(self, page: Any) -> None:
        self._entries = []
        super().add_entry_from_context(page)
        self.pages.append(search_json.encode_entries(self._entries))
        self._entries = []
        self.last_url = page.url

    def generate_search_index(self) -> str:
        """What the search plugin writes in its ``on_post_build``: the index without entries, which
        ``write_compact_index`` then replaces with the whole one."""
        return search_json.dumps({"config": self.config, "docs": []})

    def replace_last(self, url: str, blob: bytes) -> bool:
        """The entries of the page just indexed (from an empty body) replaced by ``blob``."""
        if not self.pages or self.last_url != url:
            return False
        self.pages[-1] = blob
        return True


def compact_search_index(config: Any, allowed: set[int]) -> CompactSearchIndex | None:
    """Put a ``CompactSearchIndex`` in MkDocs' own search plugin, when nothing but the plugins in
    ``allowed`` acts after pages are built (another could read the index or its file before polax
    writes it) and no index is prebuilt; None (nothing changed) otherwise. Call before any page."""
    plugin = _mkdocs_search(config)
    index = getattr(plugin, "search_index", None)
    if plugin is None or type(index) is not SearchIndex or index._entries:
        return None
    if plugin.config.get("prebuild_index") or not only_readers_of_content(config, allowed, ("post_build",)):
        return None
    compact = CompactSearchIndex(**index.config)
    plugin.search_index = compact
    return compact


def write_compact_index(config: Any, index: CompactSearchIndex) -> None:
    """Write ``search/search_index.json`` from ``index``, where the search plugin put it (after it)."""
    path = os.path.join(config.site_dir, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        search_json.write_index(out, index.config, index.pages)


def _build_module() -> Any:
    # ProperDocs aliases ``mkdocs.*`` to its own modules: this is the build module of the running engine
    from mkdocs.commands import build

    return build


def page_builder(config: Any, nav: Any, env: Any, files: Any) -> Callable[[Any], None]:
    """A function that renders one page with the theme and writes it, as the engine's build loop does
    (``mkdocs build``: not dirty, drafts left out)."""
    from mkdocs.structure.files import InclusionLevel

    build = _build_module()
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)

    def build_page(page: Any) -> None:
        build._build_page(page, config, doc_files, nav, env, False, excluded=page.file.inclusion.is_excluded())

    return build_page


class _DropSkipped(logging.Filter):
    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.lines = {f"Page skipped: '{uri}'. Generated empty output." for uri in uris}

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.lines


def quiet_skipped_pages(uris: set[str]) -> Callable[[], None]:
    """Drop the engine's info line for pages of ``uris`` that render to nothing (another process writes
    them); returns the function that stops dropping them."""
    logger: logging.Logger = _build_module().log
    quiet = _DropSkipped(uris)
    logger.addFilter(quiet)
    return lambda: logger.removeFilter(quiet)


def engine_loggers() -> list[logging.Logger]:
    """The loggers whose handlers print and count (``--strict``) the build's messages."""
    names = {"mkdocs", _build_module().log.name.split(".")[0]}
    return [logging.getLogger(name) for name in sorted(names)]


def render_nothing(page: Any) -> None:
    """What MkDocs' ``page.render`` gives for an empty text, without making the Markdown instance it
    makes for every page (~0.3 ms with the kramdown set): for pages whose body polax converts itself
    and hands MkDocs as empty text (the body is put back in ``on_page_content``)."""
    from mkdocs.structure.toc import get_toc

    def render(config: Any, files: Any) -> None:
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render
