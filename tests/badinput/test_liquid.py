"""Liquid in bodies: includes cannot read files outside the source; a broken tag is a warning naming
the file and line; values from front matter are data, never templates."""

from __future__ import annotations

from pathlib import Path

from tests.badinput.support import assert_good_posts, assert_reported, assert_strict_fails, jekyll_site, soup
from tests.conftest import BuildSite

POST = "_posts/2021-05-05-liquid.md"


def test_includes_cannot_read_outside_the_source(build_site: BuildSite, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET\n")
    body = "A {% include ../../secret.txt %} B {% include_relative ../../secret.txt %} C\n"
    built = jekyll_site(build_site, {POST: f"---\ntitle: Liquid\n---\n{body}"})
    assert_reported(built, POST, "line 4", "invalid file name for the include tag: '../../secret.txt'", "no '..'")
    assert_strict_fails(built)
    assert_good_posts(built)
    for rel in built.files():
        assert "TOP SECRET" not in (built.site / rel).read_text(errors="ignore"), rel


def test_an_include_linked_outside_the_source_is_refused(build_site: BuildSite, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET\n")
    (tmp_path / "docs" / "_includes").mkdir(parents=True)
    (tmp_path / "docs" / "_includes" / "evil.html").symlink_to(tmp_path / "secret.txt")
    built = jekyll_site(build_site, {POST: "---\ntitle: Liquid\n---\nA {% include evil.html %} B\n"})
    assert_reported(built, POST, "could not find the included file 'evil.html'")
    assert_strict_fails(built)
    for rel in built.files():
        assert "TOP SECRET" not in (built.site / rel).read_text(errors="ignore"), rel


def test_a_broken_tag_names_the_file_and_line(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: "---\ntitle: Liquid\n---\nfine\n\n{% if %}\n"})
    assert_reported(built, POST, "line 6", "Liquid")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert built.exists("2021/05/05/liquid.html")


def test_front_matter_values_are_data_not_templates(build_site: BuildSite) -> None:
    """A title holding Liquid prints as written, also where a body prints it through Liquid."""
    front = 'title: "{{ site.title }} {% assign x = 1 %}"\ndescription: "{{ 6 | times: 7 }}"\n'
    body = "T={{ page.title }} D={{ page.description }}\n"
    built = jekyll_site(build_site, {POST: f"---\n{front}---\n{body}"})
    assert built.returncode == 0, built.log
    page = soup(built, "2021/05/05/liquid.html")
    assert page.h1.get_text(strip=True) == "{{ site.title }} {% assign x = 1 %}"  # type: ignore[union-attr]
    text = page.get_text()
    assert "T={{ site.title }} {% assign x = 1 %}" in text and "D={{ 6 | times: 7 }}" in text
    assert "42" not in text
