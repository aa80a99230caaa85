"""Python-Markdown extensions that make Python-Markdown read a Jekyll post the way kramdown does.

``kramdown_extensions()`` lists what the plugin adds to ``markdown_extensions`` for a Jekyll tree
(``with_kramdown``; polax renders those pages with its own Markdown instance):
built-ins and pymdown-extensions where they already behave like kramdown, and the small extensions in
this package where nothing does (see README, "Markdown like kramdown").
"""

from __future__ import annotations

from typing import Any

from .kramdown import KramdownExtension, gfm_header_id, reindent_lists

__all__ = ["KramdownExtension", "with_kramdown", "gfm_header_id", "kramdown_extensions", "reindent_lists"]


# kramdown (with Jekyll's settings) writes the characters themselves, not entities.
TYPOGRAPHIC_CHARACTERS = {
    "left-single-quote": "\u2018",
    "right-single-quote": "\u2019",
    "left-double-quote": "\u201c",
    "right-double-quote": "\u201d",
    "left-angle-quote": "\u00ab",
    "right-angle-quote": "\u00bb",
    "ndash": "\u2013",
    "mdash": "\u2014",
    "ellipsis": "\u2026",
}


def kramdown_extensions() -> list[tuple[str, dict[str, Any]]]:
    """(extension name, config) pairs, in the order they are added."""
    return [
        ("abbr", {}),
        ("attr_list", {}),
        ("def_list", {}),
        ("footnotes", {}),
        ("md_in_html", {}),
        ("tables", {}),
        ("smarty", {"smart_angled_quotes": True, "substitutions": TYPOGRAPHIC_CHARACTERS}),
        ("pymdownx.superfences", {}),
        ("pymdownx.tilde", {"subscript": False}),
        ("pymdownx.tasklist", {}),
        ("mkdocs_polax.markdown.kramdown", {}),
    ]


def with_kramdown(extensions: list[Any], configs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The user's ``markdown_extensions`` and ``mdx_configs`` plus the kramdown set (names already
    there keep the user's settings); ``pymdownx.superfences`` replaces ``fenced_code``, which it
    supersedes. New lists: the arguments are left as they are."""
    out = list(extensions)
    out_configs = dict(configs)
    names = [e if isinstance(e, str) else type(e).__module__ for e in out]
    for name, settings in kramdown_extensions():
        if name in names:
            continue
        out.append(name)
        names.append(name)
        if settings:
            out_configs[name] = settings
    if "fenced_code" in names:
        out = [e for e in out if e != "fenced_code"]
    return out, out_configs
