"""``mkdocs serve`` answers Jekyll's extensionless URLs (``/blog/post`` from ``blog/post.html``),
as ``jekyll serve``, GitHub Pages and Netlify do."""

from __future__ import annotations

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
