"""Every use of MkDocs beyond its public plugin API (``mkdocs.plugins``, ``mkdocs.config``,
``mkdocs.structure``), kept here so that a change in the next engine (MkDocs 1.6.1, ProperDocs,
mkdocs-ng) breaks one place. ``tests/engines`` builds and serves on each engine.

- ``serve_extensionless``: wraps the dev server's request handler (``LiveReloadServer._serve_request``,
  ``.root``, ``.mount_path``) so that ``/blog/post`` answers from ``blog/post.html``;
- ``normalize_url``: the function behind the themes' ``url`` filter (``mkdocs.utils``), for the
  Python ``image()`` helper to resolve URLs exactly as the template macro does;
- ``LiveReloadServer`` and ``TemplateContext``: the types of ``on_serve``'s and
  ``on_page_context``'s arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.livereload import LiveReloadServer
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import TemplateContext

from .serve import extensionless_target

__all__ = ["LiveReloadServer", "TemplateContext", "normalize_url", "serve_extensionless"]


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
