"""Encodings: nothing is lost, every surprise is named with its line and the fix."""

from __future__ import annotations

import codecs

import pytest

from tests.badinput.support import (
    assert_clean,
    assert_good_posts,
    assert_nothing_outside,
    assert_reported,
    assert_strict_fails,
    jekyll_site,
    soup,
)
from tests.conftest import BuildSite

POST = "_posts/2021-05-05-enc.md"
OUT = "2021/05/05/enc.html"
TEXT = "---\ntitle: Café crème – “quoted”\n---\nNaïve body — costs €5.\n"


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_and_windows_1252_are_read_without_loss(build_site: BuildSite, codec: str) -> None:
    text = TEXT if codec == "cp1252" else "---\ntitle: Café crème\n---\nNaïve body.\n"
    built = jekyll_site(build_site, {POST: text.encode(codec)})
    assert_reported(
        built, POST, "line 2: not valid utf-8 (byte 0xe9)", "read as Windows-1252", "Save the file as UTF-8"
    )
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    page = soup(built, OUT)
    title = text.split("title: ")[1].split("\n")[0]
    assert page.h1.get_text(strip=True) == title  # type: ignore[union-attr]
    assert text.split("---\n")[2].strip() in page.get_text()


def test_encoding_key_reads_latin1_silently(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: TEXT.encode("cp1252")}, config="encoding: cp1252\n")
    assert_clean(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Café crème – “quoted”"  # type: ignore[union-attr]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE], ids=["le", "be"])
def test_utf16_with_bom_is_decoded_and_named(build_site: BuildSite, bom: bytes) -> None:
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    built = jekyll_site(build_site, {POST: bom + TEXT.encode(codec)})
    assert_reported(built, POST, "is UTF-16", "save it as UTF-8")
    assert_strict_fails(built)
    assert_good_posts(built)
    page = soup(built, OUT)
    assert page.h1.get_text(strip=True) == "Café crème – “quoted”"  # type: ignore[union-attr]


def test_utf8_bom_is_skipped_and_named(build_site: BuildSite) -> None:
    """The lead's decision: a UTF-8 BOM is read past (as Jekyll does) but named, so --strict fails."""
    built = jekyll_site(build_site, {POST: codecs.BOM_UTF8 + TEXT.encode()})
    assert_reported(built, POST, "UTF-8 byte-order mark (BOM)", "ignored")
    assert_strict_fails(built)
    assert soup(built, OUT).h1.get_text(strip=True) == "Café crème – “quoted”"  # type: ignore[union-attr]


def test_crlf_line_ends_are_fine(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: TEXT.replace("\n", "\r\n").encode()})
    assert_clean(built)
    page = soup(built, OUT)
    assert page.h1.get_text(strip=True) == "Café crème – “quoted”"  # type: ignore[union-attr]
    assert "\r" not in built.read(OUT)


def test_nul_bytes_are_removed_and_named(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {POST: b"---\ntitle: N\x00ul\n---\nbo\x00dy\n"})
    assert_reported(built, POST, "line 2: contains NUL bytes", "removed")
    assert_strict_fails(built)
    assert "\x00" not in built.read(OUT)
    assert soup(built, OUT).h1.get_text(strip=True) == "Nul"  # type: ignore[union-attr]


def test_mojibake_is_named_with_its_lines(build_site: BuildSite) -> None:
    garbled = TEXT.encode().decode("cp1252", errors="replace")  # 'CafÃ© crÃ¨me'
    built = jekyll_site(build_site, {POST: garbled})
    assert_reported(built, POST, "line 2, 4", "mojibake", "fix_mojibake: true")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert "CafÃ©" in soup(built, OUT).h1.get_text()  # type: ignore[union-attr]  # source text kept as written


def test_config_in_latin1_is_named(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {}, config="title: Café\nurl: https://example.com\n".encode("latin-1"))
    assert_reported(built, "_config.yml", "not valid utf-8", "Save the file as UTF-8", level="WARNING")
    assert_strict_fails(built)
    assert_good_posts(built)
