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

__all__ = ["LiveReloadServer", "TemplateContext", "normalize_url", "rebuild_in_place", "serve_extensionless"]


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
