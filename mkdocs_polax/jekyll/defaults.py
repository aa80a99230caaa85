"""Front-matter ``defaults`` (Jekyll's FrontmatterDefaults): which sets apply to a path and type."""

from __future__ import annotations

import re
from typing import Any


def deep_merge(base: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """``Utils.deep_merge_hashes``: nested mappings merged, everything else from ``other``."""
    out = dict(base)
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _sanitize(path: object) -> str:
    if not isinstance(path, str) or not path:
        return ""
    if path.startswith("/"):
        path = path[1:]
    return path


def _strip_collections_dir(path: str, collections_dir: str) -> str:
    if not collections_dir:
        return path
    slashed = collections_dir if collections_dir.endswith("/") else collections_dir + "/"
    return path[len(slashed) :] if path.startswith(slashed) else path


def applies(
    scope: dict[str, Any], path: str, kind: str, collections_dir: str = "", all_paths: list[str] | None = None
) -> bool:
    """``applies_type?`` and ``applies_path?`` for one scope (globs match as Jekyll's Dir.glob)."""
    scope_type = scope.get("type")
    if scope_type is not None and str(scope_type) != kind:
        return False
    rel = scope.get("path")
    if not isinstance(rel, str) or not rel:
        return True
    if "*" in rel:
        pattern = _sanitize(rel)
        # Dir.glob(scope) lists files and folders; the path is in scope if it starts with one.
        for candidate in all_paths or [path]:
            if _glob_match(candidate, pattern) and path.startswith(_strip_collections_dir(candidate, collections_dir)):
                return True
        return False
    return path.startswith(_strip_collections_dir(rel, collections_dir))


def _glob_match(candidate: str, pattern: str) -> bool:
    """Dir.glob semantics: ``*`` stays inside one folder, ``**/`` crosses folders."""
    regex = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif pattern[i] == "*":
            regex += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(pattern[i])
            i += 1
    return re.fullmatch(regex, candidate) is not None


def _has_precedence(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    if old is None:
        return True
    new_path, old_path = _sanitize(new.get("path")), _sanitize(old.get("path"))
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    if "type" in new:
        return True
    return "type" not in old


def defaults_for(
    sets: list[dict[str, Any]], path: str, kind: str, collections_dir: str = "", all_paths: list[str] | None = None
) -> dict[str, Any]:
    """``FrontmatterDefaults#all``: the merged values of every set whose scope applies."""
    result: dict[str, Any] = {}
    old_scope: dict[str, Any] | None = None
    for s in sets:
        scope = s["scope"]
        if not applies(scope, path, kind, collections_dir, all_paths):
            continue
        if _has_precedence(old_scope, scope):
            result = deep_merge(result, s["values"])
            old_scope = scope
        else:
            result = deep_merge(s["values"], result)
    return result
