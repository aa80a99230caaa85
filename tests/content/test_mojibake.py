"""Mojibake in the seed post (``platforms,Â  offering``): a warning naming file and line; with
``fix_mojibake: true`` the output reads ``platforms,\\u00a0 offering`` and the source is untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_polax.content import fix_mojibake_text, has_mojibake, repair_lines
from tests.conftest import FIXTURES, Built, run_build

POST = "blog/tiktok-for-ecommerce.html"
SOURCE = "_posts/2021-10-28-tiktok-for-ecommerce.md"


def _seed(root: Path, options: str = "") -> Built:
    shutil.copytree(FIXTURES / "seed", root, dirs_exist_ok=True)
    if options:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8").replace("  - polax\n", f"  - polax:\n      {options}\n")
        config.write_text(text, encoding="utf-8")
    return run_build(root)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _seed(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _seed(tmp_path_factory.mktemp("seed-fixed"), "fix_mojibake: true")


def test_warning_names_file_and_line(plain: Built) -> None:
    assert plain.returncode == 0, plain.log
    warnings = [line for line in plain.log.splitlines() if line.startswith("WARNING") and "mojibake" in line]
    assert len(warnings) == 1
    assert f"{SOURCE}: line 12:" in warnings[0] and "fix_mojibake: true" in warnings[0]
    # Without the option, the text is left as written.
    assert "platforms,Â  offering" in plain.read(POST)


def test_fix_mojibake_repairs_output_only(fixed: Built) -> None:
    assert fixed.returncode == 0, fixed.log
    page = fixed.read(POST)
    assert "platforms,\u00a0 offering" in page and "Â" not in page
    assert not [line for line in fixed.log.splitlines() if line.startswith("WARNING") and "mojibake" in line]
    assert "repaired mojibake" in fixed.log
    source = (fixed.root / "docs" / SOURCE).read_text(encoding="utf-8")
    assert "platforms,Â  offering" in source


def test_mojibake_fails_strict(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "seed", tmp_path, dirs_exist_ok=True)
    assert run_build(tmp_path, "--strict").returncode != 0


def _win1252(byte: int) -> str:
    """Windows-1252, with Latin-1 for its five undefined bytes (as editors and the reader do)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


WORDS = ["café", "naïve", "über", "señor", "it\u2019s", "\u201cquoted\u201d", "a\u00a0b", "x \u2014 y", "plain", "and"]


@settings(deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_repair_undoes_latin1_mojibake(words: list[str]) -> None:
    """Blog text (accents, curly quotes, dashes, no-break spaces) saved as UTF-8, read once as
    Windows-1252: detected, and repaired to what the author wrote."""
    text = " ".join(words)
    damaged = "".join(_win1252(b) for b in text.encode("utf-8"))
    if damaged != text:
        assert has_mojibake(damaged)
    assert fix_mojibake_text(damaged) == text
    assert not has_mojibake(text)


@given(st.lists(st.text(alphabet="abcÂé \u00a0", max_size=8), min_size=1, max_size=8), st.integers(1, 5))
def test_repair_lines_touches_only_named_lines(lines: list[str], first: int) -> None:
    text = "\n".join(lines)
    out = repair_lines(text, [first], first).split("\n")
    assert out[1:] == lines[1:] and len(out) == len(lines)
