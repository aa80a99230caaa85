"""kramdown-isms: each post of ``tests/fixtures/kramdown/src`` rendered by polax against Jekyll's
rendering of it (``tests/fixtures/kramdown/ref``): the body-parity rules, then the exact structure
(ids, attributes, nesting) that links, styles and scripts depend on."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import FIXTURES
from tests.content.support import body_parity

REF = FIXTURES / "kramdown" / "ref" / "_site"


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, str]]:
    root = tmp_path_factory.mktemp("kramdown")
    shutil.copytree(FIXTURES / "kramdown" / "src", root / "docs")
    (root / "mkdocs.yml").write_text("site_name: k\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n")
    built, warnings = body_parity().build_bodies(root / "mkdocs.yml")
    assert warnings == []
    return dict(built)


def _pair(bodies: dict[str, tuple[Any, str]], slug: str) -> tuple[Tag, BeautifulSoup]:
    [(doc, html)] = [v for k, v in bodies.items() if k.endswith(f"-{slug}.md")]
    ref = BeautifulSoup((REF / doc.dest).read_text(encoding="utf-8"), "html.parser")
    main = ref.find("main", id="ref-body")
    assert isinstance(main, Tag)
    return main, BeautifulSoup(html, "html.parser")


SLUGS = [
    "ial",
    "lists",
    "fences",
    "notes",
    "tables",
    "headers",
    "html",
    "typography",
    "math",
    "excerpt",
    "gfm",
    "mixed",
    "more",
]


@pytest.mark.parametrize("slug", SLUGS)
def test_body_matches_jekyll(bodies: dict[str, tuple[Any, str]], slug: str) -> None:
    bp = body_parity()
    jekyll, polax = _pair(bodies, slug)
    assert bp.compare(bp.extract(jekyll, "/"), bp.extract(polax, "/")) == []


def _attrs(soup: Tag | BeautifulSoup, selector: str) -> dict[str, Any]:
    el = soup.select_one(selector)
    assert el is not None, selector
    return {k: (" ".join(v) if isinstance(v, list) else v) for k, v in el.attrs.items()}


def test_ial_and_ald(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "ial")
    for selector in (
        'a[href="https://example.com/a"]',
        'a[href="https://example.com/b"]',
        "p#intro",
        "p.warning",
        "em.hl",
        "strong.loud",
        "img",
        "h2#custom-id",
        "h3.fancy",
        "blockquote.pull",
        "ul.compact",
    ):
        assert _attrs(polax, selector) == _attrs(jekyll, selector), selector
    assert "{:" not in polax.get_text()


def _shape(el: Tag | BeautifulSoup) -> list[str]:
    """Nesting of lists: ``ul>li>ul>li`` paths of every list item."""
    out = []
    for li in el.find_all("li"):
        path = [p.name for p in reversed(list(li.parents)) if p.name in ("ul", "ol", "li")]
        out.append(">".join([*path, "li"]) + ":" + " ".join(li.find(string=True, recursive=False) or []))
    return out


def test_nested_lists_two_space_indent(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "lists")
    assert [s.split(":")[0] for s in _shape(polax)] == [s.split(":")[0] for s in _shape(jekyll)]


def test_header_ids_as_kramdown(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "headers")
    ids = [h.get("id") for h in jekyll.find_all(["h2", "h3"])]
    assert [h.get("id") for h in polax.find_all(["h2", "h3"])] == ids
    assert "hello-world-1" in ids and "whats-new-in-20" in ids


def test_fences_keep_code_and_language(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "fences")
    assert [p.get_text() for p in polax.find_all("pre")] == [p.get_text() for p in jekyll.find_all("pre")]
    # The fence inside the list item stays inside it.
    assert polax.select_one("li pre") is not None


def test_footnotes_abbreviations_definitions(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "notes")
    assert [s.get("id") for s in polax.find_all("sup")] == [s.get("id") for s in jekyll.find_all("sup")]
    assert [li.get("id") for li in polax.select("li[id^=fn]")] == [li.get("id") for li in jekyll.select("li[id^=fn]")]
    assert _attrs(polax, "abbr") == _attrs(jekyll, "abbr")
    assert [(t.name, t.get_text()) for t in polax.select("dl > *")] == [
        (t.name, t.get_text()) for t in jekyll.select("dl > *")
    ]


def test_table_alignment(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "tables")

    def aligns(soup: Tag | BeautifulSoup) -> list[str]:
        return [str(c.get("style", "")).replace(" ", "").rstrip(";") for c in soup.find_all(["th", "td"])]

    assert aligns(polax) == aligns(jekyll)


def test_markdown_in_html_blocks(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "html")
    assert polax.select_one("div.box strong") is not None
    raw = polax.select_one("div.raw")
    assert raw is not None and "**markdown**" in raw.get_text()
    assert polax.select_one("div.raw strong") is None and jekyll.select_one("div.raw strong") is None


def test_typography_and_line_breaks(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "typography")
    assert polax.get_text().split() == jekyll.get_text().split()
    assert len(polax.find_all("br")) == len(jekyll.find_all("br")) == 2


def test_math_left_intact(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "math")
    text = polax.get_text()
    assert r"\(a_1 + b_2\)" in text and r"\[\sum_{i=1}^n x_i = y_*\]" in text
    assert polax.find("em") is None and jekyll.find("em") is None


def test_inline_code_classes(bodies: dict[str, tuple[Any, str]]) -> None:
    jekyll, polax = _pair(bodies, "tables")
    assert _attrs(polax, "td code") == _attrs(jekyll, "td code")


def test_excerpt_separator_kept_in_body(bodies: dict[str, tuple[Any, str]]) -> None:
    _, polax = _pair(bodies, "excerpt")
    assert "<!-- more -->" in str(polax)


def test_gfm_extras_toc_and_block_extensions(bodies: dict[str, tuple[Any, str]]) -> None:
    """Jekyll's kramdown reads GFM: ~~strike~~, task lists; and kramdown's ``{:toc}``, ``{::comment}``,
    ``{::nomarkdown}``."""
    jekyll, polax = _pair(bodies, "gfm")
    assert [d.get_text() for d in polax.find_all("del")] == [d.get_text() for d in jekyll.find_all("del")]

    def boxes(soup: Tag | BeautifulSoup) -> list[bool]:
        return [box.has_attr("checked") for box in soup.select("li.task-list-item input[type=checkbox]")]

    assert boxes(polax) == boxes(jekyll) == [False, True]
    toc = [a.get("href") for a in jekyll.select("#markdown-toc a")]
    assert [a.get("href") for a in polax.select(".toc a")] == toc == ["#strike-and-tasks", "#second-heading"]
    assert "<!-- This is a hidden comment. -->" in str(polax)
    assert "{::" not in polax.get_text() and "{:toc}" not in polax.get_text()
    assert polax.find("span", string="**not markdown**") is not None


def test_reference_fixture_is_complete() -> None:
    assert sorted(p.parent.name for p in REF.rglob("index.html")) == sorted(SLUGS)
    assert Path(FIXTURES / "kramdown" / "ref" / "outputs.tsv").is_file()
