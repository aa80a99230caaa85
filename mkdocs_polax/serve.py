"""``mkdocs serve`` answers Jekyll's extensionless URLs (``/blog/post`` from ``blog/post.html``),
as ``jekyll serve``, GitHub Pages and Netlify do."""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.livereload import LiveReloadServer


def extensionless_target(root: str, mount_path: str, path: str) -> str | None:
    """The request path to serve instead of ``path``, or ``None`` to serve ``path`` as it is."""
    if path.endswith("/") or not (path + "/").startswith(mount_path):
        return None
    rel = posixpath.normpath("/" + path[len(mount_path) :]).lstrip("/")
    if not rel or posixpath.splitext(rel)[1] and os.path.isfile(os.path.join(root, rel)):
        return None
    if os.path.exists(os.path.join(root, rel)):
        return None
    if os.path.isfile(os.path.join(root, rel + ".html")):
        return path + ".html"
    return None


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
    build has run already. MkDocs' serve command calls its module's ``build``; that name is wrapped
    here, the one place that knows it. False when the engine has no such function (nothing changes)."""
    try:
        from mkdocs.commands import serve as serve_command
    except ImportError:  # pragma: no cover - every MkDocs 1.x has it
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
