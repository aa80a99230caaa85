"""Permalinks that collide, try to leave the site, or are no good as file names; symbolic links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.badinput.support import (
    CANARY,
    assert_clean,
    assert_good_posts,
    assert_nothing_outside,
    assert_reported,
    assert_strict_fails,
    jekyll_site,
    soup,
)
from tests.conftest import BuildSite

POST = "_posts/2021-05-05-linked.md"
PAGE = "page.md"


def permalinked(permalink: str, page: bool = False) -> dict[str, str | bytes]:
    quoted = "'" + permalink.replace("'", "''") + "'"
    return {(PAGE if page else POST): f"---\ntitle: Linked\npermalink: {quoted}\n---\nbody\n"}


def test_duplicate_permalinks_name_both_files_and_the_winner(build_site: BuildSite) -> None:
    other = "_posts/2021-05-06-other.md"
    built = jekyll_site(
        build_site,
        {
            POST: "---\ntitle: First\npermalink: /same/\n---\nbody\n",
            other: "---\ntitle: Second\npermalink: /same/\n---\nbody\n",
        },
    )
    line = assert_reported(built, other, POST, "writes same/index.html", f"{other} wins", "another permalink")
    assert line.startswith("WARNING")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert soup(built, "same/index.html").h1.get_text(strip=True) == "Second"  # type: ignore[union-attr]


def test_page_and_post_on_one_path(build_site: BuildSite) -> None:
    built = jekyll_site(build_site, {"about.md": "---\ntitle: About\npermalink: /2020/01/01/good-one.html\n---\nx\n"})
    assert_reported(built, "about.md", "_posts/2020-01-01-good-one.md", "wins")
    assert_strict_fails(built)
    assert_good_posts(built)


ESCAPES = [
    ("dotdot", f"/../../{CANARY}", "contains '..'"),
    ("deep-dotdot", f"/a/../../../../../{CANARY}", "contains '..'"),
    ("percent", f"/%2e%2e/%2e%2e/{CANARY}", "contains '..'"),
    ("percent-upper", f"/%2E%2E/%2E%2E/{CANARY}", "contains '..'"),
    ("double-percent", f"/%252e%252e/%252e%252e/{CANARY}", "contains '..'"),
    ("backslash", f"\\..\\..\\{CANARY}", "contains a backslash"),
    ("encoded-backslash", f"/..%5c..%5c{CANARY}", "contains a backslash"),
    ("drive", f"C:/{CANARY}", "starts with a drive letter"),
    ("slash-drive", f"/c:/{CANARY}", "starts with a drive letter"),
    ("nul", f"/a%00/{CANARY}", "NUL"),
    ("control", "/a\tb/", "control character"),
]


@pytest.mark.parametrize("page", [False, True], ids=["post", "page"])
@pytest.mark.parametrize(("permalink", "words"), [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_permalink_leaving_the_site_is_refused(build_site: BuildSite, permalink: str, words: str, page: bool) -> None:
    built = jekyll_site(build_site, permalinked(permalink, page))
    src = PAGE if page else POST
    assert_reported(built, src, words, "Use a path such as" if "control" not in words else "Remove it", key="permalink")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    assert not any(CANARY in f for f in built.files())  # skipped, not written elsewhere


@pytest.mark.parametrize(
    ("permalink", "out"),
    [
        (f"{'/tmp' if os.name != 'nt' else 'C:'}/{CANARY}", f"tmp/{CANARY}"),
        ("//evil.example.com/x.html", "evil.example.com/x.html"),
        ("/./a/./b/", "a/b/index.html"),
        ("/.../x/", "x/index.html"),
        ("/café/日本/", "café/日本/index.html"),
        ("/a b/", "a b/index.html"),
        ("/", "index.html"),
    ],
    ids=["absolute", "protocol-relative", "dot-segments", "three-dots", "non-ascii", "space", "root"],
)
def test_permalinks_that_stay_inside(build_site: BuildSite, permalink: str, out: str) -> None:
    built = jekyll_site(build_site, permalinked(permalink))
    assert_clean(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    assert soup(built, out).h1.get_text(strip=True) == "Linked"  # type: ignore[union-attr]


@pytest.mark.parametrize("permalink", ["/x.html?a=1", "/x/#top"], ids=["query", "fragment"])
def test_query_strings_and_fragments_are_named(build_site: BuildSite, permalink: str) -> None:
    """Decision: written where Jekyll writes it (the '?'/'#' in the file name), with a warning."""
    built = jekyll_site(build_site, permalinked(permalink))
    assert_reported(built, POST, "holds '?' or '#'", "Remove them", key="permalink", level="WARNING")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)


@pytest.mark.parametrize(
    ("permalink", "words"),
    [("/" + "a" * 300 + "/", "too long for a file system"), ("/" + "d/" * 80, "folders deep")],
    ids=["long-name", "deep"],
)
def test_permalinks_no_file_system_takes(build_site: BuildSite, permalink: str, words: str) -> None:
    for page in (False, True):
        built = jekyll_site(build_site, permalinked(permalink, page))
        assert_reported(built, PAGE if page else POST, words, "Shorten the permalink", key="permalink", level="ERROR")
        assert_strict_fails(built)
        assert_good_posts(built)
        assert_nothing_outside(built)


def test_long_non_ascii_permalink_within_limits(build_site: BuildSite) -> None:
    name = "日本語" * 28  # 252 bytes in UTF-8: the longest name a file system takes
    built = jekyll_site(build_site, permalinked(f"/{name}/"))
    assert_clean(built)
    assert built.exists(f"{name}/index.html")


def _symlinked(build_site: BuildSite, tmp_path: Path, links: dict[str, str]) -> tuple[Path, object]:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "2021-01-01-secret.md").write_text("---\ntitle: SECRET\n---\nTOP SECRET\n")
    docs = tmp_path / "docs"
    for rel, target in links.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("OUTSIDE", str(outside)), path)
    return outside, jekyll_site(build_site, {})


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
@pytest.mark.parametrize(
    ("rel", "target"),
    [
        ("_posts/2021-01-01-secret.md", "OUTSIDE/2021-01-01-secret.md"),
        ("_posts/more", "OUTSIDE"),
        ("blog/_posts", "OUTSIDE"),
        ("about.md", "OUTSIDE/2021-01-01-secret.md"),
        ("assets/passwd.txt", "/etc/passwd"),
        ("_posts/2021-03-03-gone.md", "/nonexistent/gone.md"),
    ],
    ids=["post", "folder-in-posts", "posts-folder", "page", "static", "dangling"],
)
def test_symlinks_outside_the_source_are_skipped(build_site: BuildSite, tmp_path: Path, rel: str, target: str) -> None:
    _, built = _symlinked(build_site, tmp_path, {rel: target})
    line = assert_reported(built, rel, "is a symbolic link to", "outside the site source", "it is skipped")  # type: ignore[arg-type]
    assert_strict_fails(built)  # type: ignore[arg-type]
    assert_good_posts(built)  # type: ignore[arg-type]
    assert len([ln for ln in built.log.splitlines() if ln == line]) == 1  # type: ignore[attr-defined]
    for f in built.site.rglob("*"):  # type: ignore[attr-defined]
        if f.is_file():
            text = f.read_text(errors="ignore")
            assert "TOP SECRET" not in text and "root:x:0" not in text, f


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_symlink_inside_the_source_is_followed(build_site: BuildSite, tmp_path: Path) -> None:
    _, built = _symlinked(build_site, tmp_path, {"_posts/2021-02-02-alias.md": "2020-01-01-good-one.md"})
    assert_clean(built)  # type: ignore[arg-type]
    assert built.exists("2021/02/02/alias.html")  # type: ignore[attr-defined]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_symlink_loops_stop_the_build_before_mkdocs_walks_them(build_site: BuildSite, tmp_path: Path) -> None:
    """Two links to folders above them would keep MkDocs' own walk of docs_dir busy for ever."""
    _, built = _symlinked(build_site, tmp_path, {"loop": ".", "_posts/again": ".."})
    line = assert_reported(built, "_posts/again", "a folder that holds it (a loop)", "Remove the links loop")  # type: ignore[arg-type]
    assert line.startswith("ERROR")
    assert "Aborted with a BuildError" in built.log  # type: ignore[attr-defined]
    assert not built.site.exists()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("permalink", "words"),
    [("/" + "a" * 300 + "/", "too long for a file system"), ("/%2e%2e/x/", "contains '..'"), ("'/a\\tb/'", "control")],
    ids=["too-long", "dotdot", "control"],
)
def test_mkdocs_site_page_permalinks_are_checked_too(build_site: BuildSite, permalink: str, words: str) -> None:
    """No _config.yml: an MkDocs site whose pages may move with 'permalink'; the same checks apply."""
    value = permalink if permalink.startswith("'") else f"'{permalink}'"
    value = value.replace("\\t", "\t") if "\\t" in value else value
    built = build_site({"docs/index.md": "# Home\n", "docs/page.md": f"---\npermalink: {value}\n---\n# Page\n"})
    assert_reported(built, "page.md", words, key="permalink", level="ERROR")
    assert_strict_fails(built)
    assert built.exists("page/index.html")  # it keeps its MkDocs URL
    assert_nothing_outside(built)


def test_redirect_from_leaving_the_site_is_refused(build_site: BuildSite) -> None:
    front = f"title: Moved\nredirect_from: ['/../../{CANARY}', '/%2e%2e/{CANARY}', '/old-place/']\n"
    built = jekyll_site(build_site, {POST: f"---\n{front}---\nbody\n"})
    assert_reported(built, POST, "contains '..'", key="redirect_from")
    assert_strict_fails(built)
    assert_good_posts(built)
    assert_nothing_outside(built)
    assert built.exists("old-place/index.html") and built.exists("2021/05/05/linked.html")
    assert not any(CANARY in f for f in built.files())
