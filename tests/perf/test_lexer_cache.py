"""Pygments lexers cached by name and options (``mkdocs_polax.markdown.lexers``, speed, issue 6): code
blocks highlight to the same HTML as with a lexer made for each block."""

from __future__ import annotations

import markdown
import pymdownx.highlight as highlight
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_polax.markdown import lexers, with_kramdown

LANGS = ["python", "py", "js", "javascript", "ruby", "bash", "console", "pycon", "html+jinja", "text", "nosuchlang", ""]
CODE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)


def _convert(text: str) -> str:
    exts, configs = with_kramdown([], {})
    return str(markdown.Markdown(extensions=exts, extension_configs=configs).convert(text))


def _blocks(blocks: list[tuple[str, str, str]]) -> str:
    return "\n\n".join(f"```{lang}{opts}\n{code}\n```" for lang, opts, code in blocks)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(LANGS), st.sampled_from(["", ' hl_lines="1"', ' linenums="2"']), CODE), max_size=5
    )
)
def test_the_same_html_as_a_new_lexer_per_block(blocks: list[tuple[str, str, str]]) -> None:
    text = _blocks(blocks)
    highlight.get_lexer_by_name = lexers._original
    try:
        expected = _convert(text)
    finally:
        lexers.install()
    assert _convert(text) == expected
    assert _convert(text) == expected  # from the cache this time


def test_a_block_is_looked_up_once() -> None:
    lexers._cached.cache_clear()
    _convert(_blocks([("python", "", "print(1)")] * 5 + [("ruby", "", "puts 1")]))
    info = lexers._cached.cache_info()
    assert info.misses == 2 and info.hits == 4
    assert highlight.get_lexer_by_name is lexers.get_lexer_by_name
