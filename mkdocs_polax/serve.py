"""``mkdocs serve`` answers Jekyll's extensionless URLs (``/blog/post`` from ``blog/post.html``),
as ``jekyll serve``, GitHub Pages and Netlify do. The rule is here; hooking it into the dev server
(an engine internal) is ``compat.serve_extensionless``."""

from __future__ import annotations

import os
import posixpath


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
