"""Pygments lexers looked up once per build instead of once per code block.

``pymdownx.highlight`` (under ``pymdownx.superfences``) calls ``pygments.lexers.get_lexer_by_name``
for every fenced block: a scan of Pygments' table of ~600 lexers and a new lexer, ~0.6 ms a block,
12% of the Markdown time of a blog with code in its posts. Lexers keep no state between texts (Pygments
reuses them itself), so the lookup is cached by name and options; options that cannot key a cache
(lists, dicts) go to Pygments every time. ``tests/perf/test_lexer_cache.py`` checks the HTML is the same.
"""

from __future__ import annotations

import functools
from typing import Any

import pymdownx.highlight as _highlight
from pygments.lexer import Lexer

_original = _highlight.get_lexer_by_name


@functools.lru_cache(maxsize=512)
def _cached(name: str, options: frozenset[tuple[str, Any]]) -> Lexer:
    lexer: Lexer = _original(name, **dict(options))
    return lexer


def get_lexer_by_name(_alias: str, **options: Any) -> Lexer:
    try:
        return _cached(_alias, frozenset(options.items()))
    except TypeError:  # an option value that is not hashable
        lexer: Lexer = _original(_alias, **options)
        return lexer


def install() -> None:
    """Make ``pymdownx.highlight`` use the cached lookup (once per process)."""
    _highlight.get_lexer_by_name = get_lexer_by_name
