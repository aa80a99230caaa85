"""smarty's inline pass, replaced by polax's faster one: the HTML stays the same (speed, issue 6)."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_polax.markdown import TYPOGRAPHIC_CHARACTERS
from mkdocs_polax.markdown.kramdown import guard_smarty

_CONFIG = {"smarty": {"smart_angled_quotes": True, "substitutions": TYPOGRAPHIC_CHARACTERS}}
_PIECES = ["'", '"', "-", "--", "---", ".", "...", "<<", ">>", "<", ">", " ", "\n", "\n\n", "a", "s", "70s"]
_PIECES += [
    "'80s",
    "\"'",
    "'\"",
    "s ",
    "\t",
    "\u2014",
    "&ndash;",
    "x'",
    "['",
    "{'",
    "<i>'</i>",
    "it's",
    "*x*",
    "`c'd`",
    "&nbsp;",
    "&mdash;",
    "(",
    "[",
    "]",
    "1",
    "\u2013",
    "# ",
    "- ",
    "> ",
    "<b>",
]


def _md(guarded: bool) -> markdown.Markdown:
    md = markdown.Markdown(extensions=["smarty", "tables"], extension_configs=_CONFIG)
    if guarded:
        guard_smarty(md)
    return md


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_guarded_smarty_writes_the_same_html(text: str) -> None:
    assert _md(True).convert(text) == _md(False).convert(text)


def test_the_kramdown_extension_installs_the_guard() -> None:
    md = markdown.Markdown(extensions=["smarty", "mkdocs_polax.markdown.kramdown"], extension_configs=_CONFIG)
    assert type(md.treeprocessors["smarty"]).__name__ == "FastSmartyTreeprocessor"
    html = md.convert('"Don\'t" -- wait... <<no>> plain *text*')
    assert html == "<p>\u201cDon\u2019t\u201d \u2013 wait\u2026 \u00abno\u00bb plain <em>text</em></p>"
