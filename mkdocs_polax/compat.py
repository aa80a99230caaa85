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
- ``LiveReloadServer`` and ``TemplateContext``: the types of ``on_serve``'s and
  ``on_page_context``'s arguments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.livereload import LiveReloadServer
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import TemplateContext

from .serve import extensionless_target

__all__ = [
    "LiveReloadServer",
    "TemplateContext",
    "normalize_url",
    "only_readers_of_content",
    "put_search_entries",
    "rebuild_in_place",
    "search_indexer",
    "serve_extensionless",
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
        logger = logging.getLogger("mkdocs.commands.build")
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
