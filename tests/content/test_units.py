"""Pure functions of the content pipeline: properties that hold for any input."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_polax.content import excerpt_html, plain_text
from mkdocs_polax.jekyll.config import read_config
from mkdocs_polax.jekyll.site import read_site
from mkdocs_polax.liquid import JekyllLiquid
from mkdocs_polax.liquid.filters import (
    absolute_url_of,
    array_to_sentence_string,
    relative_url_of,
    ruby_inspect,
    sort,
    xml_escape,
)
from mkdocs_polax.markdown import gfm_header_id, kramdown_extensions, reindent_lists
from mkdocs_polax.markdown.kramdown import literal_braces

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)


@given(st.lists(TEXT, max_size=6))
def test_header_ids_are_unique_and_clean(titles: list[str]) -> None:
    used: dict[str, int] = {}
    ids = [gfm_header_id(t, used) for t in titles]
    assert len(set(ids)) == len(ids)
    for i in ids:
        assert not re.search(r"[^\w\-]", i)


def test_header_ids_examples() -> None:
    used: dict[str, int] = {}
    got = [gfm_header_id(t, used) for t in ["Hello World!", "Hello World!", "what’s new in 2.0?", "Ünïcode"]]
    assert got == ["hello-world", "hello-world-1", "whats-new-in-20", "ünïcode"]


@given(TEXT)
def test_xml_escape_is_inert(text: str) -> None:
    out = xml_escape(text)
    assert not re.search(r"[<>\"']", out)
    assert (
        re.sub(
            r"&(lt|gt|quot|apos|amp);",
            lambda m: {"lt": "<", "gt": ">", "quot": '"', "apos": "'", "amp": "&"}[m.group(1)],
            out,
        )
        == text
    )


@given(st.text(alphabet="abc/._- é?#", min_size=1, max_size=20), st.sampled_from(["", "/blog", "/blog/"]))
def test_relative_url_is_site_absolute(path: str, baseurl: str) -> None:
    out = relative_url_of(path, baseurl)
    assert out.startswith("/") and " " not in out
    assert out.startswith(baseurl.rstrip("/") + "/") or out == baseurl.rstrip("/") or not baseurl


@given(st.text(alphabet="abc/", max_size=10))
def test_absolute_url_prefixes_site(path: str) -> None:
    assert absolute_url_of(path, "https://example.org", "/b").startswith("https://example.org/b")
    assert absolute_url_of("https://x.org/" + path, "https://example.org", "/b") == "https://x.org/" + path


@given(st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=5))
def test_array_to_sentence_string_keeps_every_item(items: list[str]) -> None:
    out = array_to_sentence_string(items)
    for item in items:
        assert item in out
    if len(items) > 2:
        assert out.endswith(f", and {items[-1]}")


@given(st.lists(st.one_of(st.none(), st.integers(-5, 5)), max_size=8), st.sampled_from(["first", "last"]))
def test_sort_property_puts_nils_where_asked(values: list[int | None], nils: str) -> None:
    items = [{"n": v} for v in values]
    out = [i["n"] for i in sort(items, "n", nils)]
    present = [v for v in out if v is not None]
    assert present == sorted(present)
    missing = len(out) - len(present)
    if missing:
        assert all(v is None for v in (out[:missing] if nils == "first" else out[len(present) :]))


def test_ruby_inspect() -> None:
    assert ruby_inspect({"a": [1, None, "x"]}) == '{"a"=>[1, nil, "x"]}'


@given(
    st.lists(st.sampled_from(["text", "more words", "# Title", "    code", "> quote", "| a | b |", ""]), max_size=12)
)
def test_reindent_leaves_text_without_lists_alone(lines: list[str]) -> None:
    assert reindent_lists(lines) == lines


@settings(deadline=None)
@given(st.lists(st.sampled_from(["apple", "pear", "leek"]), min_size=1, max_size=4), st.integers(1, 3))
def test_two_space_lists_nest(items: list[str], depth: int) -> None:
    """A list indented 2 spaces per level (kramdown) nests ``depth`` levels deep in Python-Markdown."""
    lines = [("  " * d) + f"- {item}" for d in range(depth) for item in items]
    names = [n for n, _ in kramdown_extensions()]
    html = markdown.markdown("\n".join(lines), extensions=names, extension_configs=dict(kramdown_extensions()))
    assert html.count("<ul>") == depth
    assert html.count("<li>") == depth * len(items)


@given(TEXT)
def test_plain_text_has_no_markup(text: str) -> None:
    fragment = f"<p>{text.replace('<', '&lt;')}</p><div><b>x</b></div>"
    out = plain_text(fragment)
    assert "<p>" not in out and "<b>" not in out


def test_plain_text_spaces_blocks_not_inline_tags() -> None:
    assert plain_text("<p>First <em>para</em>.</p><p>Second&amp;</p>") == "First para. Second&"


def test_excerpt_is_the_first_paragraph() -> None:
    assert excerpt_html("<h2>T</h2><p>One <em>two</em></p><p>three</p>") == "<p>One <em>two</em></p>"


def test_an_unexpected_error_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    """Whatever goes wrong inside a drop, the page's text comes back with a problem naming the file."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: T\n")
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\nBefore {{ page.content }} after\n")
    site = read_site(tmp_path, read_config(tmp_path))

    def broken(doc: object) -> str:
        raise RuntimeError("disk on fire")

    liquid = JekyllLiquid(site, content_of=broken, excerpt_of=broken, markdownify=str, smartify=str)
    [doc] = site.posts
    out, problems = liquid.render(doc)
    assert out == doc.body
    assert [p.file for p in problems] == ["_posts/2024-01-01-a.md"] and "disk on fire" in problems[0].message


def test_colon_less_attribute_lists_stay_text_as_in_kramdown() -> None:
    assert literal_braces(["## Setup {#setup .big}"]) == ["## Setup \\{#setup .big}"]
    assert literal_braces(["## A heading {#custom-id}"]) == ["## A heading {#custom-id}"]
    assert literal_braces(["[a](b){.cls} and `{.x}`"]) == ["[a](b)\\{.cls} and `{.x}`"]
    assert literal_braces(["Para {: .ok}", "    code {.z}"]) == ["Para {: .ok}", "    code {.z}"]


def test_list_marker_inside_a_fenced_block_in_a_list_is_code() -> None:
    lines = ["- step", "  ```", "  - not an item", "  ```", "- next"]
    assert reindent_lists(lines) == ["-   step", "    ```", "    - not an item", "    ```", "", "-   next"]
