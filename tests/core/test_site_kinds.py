"""Both ways an existing Jekyll repository is built, and an MkDocs site that adds a blog."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES, run_build, write_tree
from tests.parity import parity

RULES = FIXTURES / "jekyll-rules"


def test_jekyll_tree_as_docs_dir(tmp_path: Path) -> None:
    shutil.copytree(RULES / "base", tmp_path / "blog")
    (tmp_path / "mkdocs.yml").write_text("site_name: B\ndocs_dir: blog\ntheme: polax\nplugins:\n  - polax\n")
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert not parity(RULES / "reference" / "default.tsv", built.site)[1]


def test_mkdocs_yml_at_the_root_of_the_jekyll_repository(tmp_path: Path) -> None:
    """MkDocs refuses docs_dir = the config file's folder; the `source: .` option is the way through."""
    shutil.copytree(RULES / "base", tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: B\ndocs_dir: _posts\ntheme: polax\nplugins:\n  - polax:\n      source: .\n"
    )
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert not parity(RULES / "reference" / "default.tsv", built.site)[1]
    # Neither mkdocs.yml nor the site folder itself is published.
    assert "mkdocs.yml" not in built.files()
    assert not any(f.startswith("site/") for f in built.files())
    # A second build does not pick up the first build's output.
    again = run_build(tmp_path, "--strict")
    assert again.returncode == 0, again.log
    assert not any(f.startswith("site/") for f in again.files())


def test_source_that_is_not_a_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {"docs/index.md": "# Hi\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: B\ntheme: polax\nplugins:\n  - polax:\n      source: nowhere\n")
    built = run_build(tmp_path)
    assert built.returncode != 0
    assert "option 'source'" in built.log and "nowhere" in built.log and "Traceback" not in built.log


DOCS = {
    "docs/index.md": "# Welcome\n\nHome of the docs.\n",
    "docs/guide/install.md": "# Install\n\nSee [usage](usage.md).\n",
    "docs/guide/usage.md": "---\ntitle: Using it\n---\n# Usage\n",
    "docs/reference.md": "# Reference\n",
    "docs/img/logo.png": b"\x89PNG\r\n",
}


def _paths(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_adding_polax_to_an_mkdocs_site_changes_no_page_path(tmp_path: Path) -> None:
    plain, blog = tmp_path / "plain", tmp_path / "blog"
    write_tree(plain, {**DOCS, "mkdocs.yml": "site_name: D\ntheme: mkdocs\n"})
    before = run_build(plain, "--strict")
    assert before.returncode == 0, before.log
    post = "---\ntitle: Release 1.0\ndate: 2024-05-01\ncategory: News\n---\nWe shipped.\n"
    write_tree(
        blog,
        {
            **DOCS,
            "docs/_posts/2024-05-01-release.md": post,
            "docs/blog/posts/second.md": "---\ntitle: Second\ndate: 2024-06-01\n---\nMore.\n",
            "mkdocs.yml": "site_name: D\ntheme: mkdocs\nplugins:\n  - search\n  - polax:\n      posts_dir: blog/posts\n",
        },
    )
    after = run_build(blog, "--strict")
    assert after.returncode == 0, after.log
    old = _paths(before.site) - {"404.html"}
    new = _paths(after.site)
    assert old <= new, old - new
    # The posts are where Jekyll's default permalink puts them, not in the docs' navigation.
    assert after.exists("news/2024/05/01/release.html")
    assert after.exists("2024/06/01/second.html")
    # Under another host theme the post still gets its header and polax's head tags.
    release = after.read("news/2024/05/01/release.html")
    assert "<h1>Release 1.0</h1>" in release and 'property="og:title"' in release
    index = after.read("index.html")
    assert "Release 1.0" not in index.split("<body", 1)[1].split("Welcome", 1)[0]
    # Page titles and the nav are as before.
    assert "Using it" in after.read("guide/usage/index.html")
    assert (after.site / "img/logo.png").read_bytes() == b"\x89PNG\r\n"


def test_a_page_permalink_moves_it_in_an_mkdocs_site(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "docs/index.md": "# Home\n",
            "docs/about.md": "---\ntitle: About us\npermalink: /about-us/\n---\nHello\n",
            "mkdocs.yml": "site_name: D\ntheme: polax\nplugins:\n  - polax\n",
        },
    )
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert built.exists("about-us/index.html") and not built.exists("about/index.html")
    assert "About us" in built.read("about-us/index.html")


def test_front_matter_is_escaped_under_another_host_theme(tmp_path: Path) -> None:
    evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    write_tree(
        tmp_path,
        {
            "docs/index.md": "# Home\n",
            "docs/_posts/2024-01-01-evil.md": f"---\ntitle: '{evil}'\ncategory: '{evil}'\nauthor: '{evil}'\npost-img-alt: '{evil}'\npost-image: /x.png\n---\nBody\n",
            "mkdocs.yml": "site_name: D\ntheme: mkdocs\nplugins:\n  - polax\n",
        },
    )
    built = run_build(tmp_path)
    assert built.returncode == 0, built.log
    pages = [f for f in built.files() if f.endswith(".html")]
    post = [f for f in pages if f.endswith("2024/01/01/evil.html")]
    assert len(post) == 1, pages
    assert any(f.startswith("category/") for f in pages)
    for rel in pages:
        text = built.read(rel)
        assert "<script>alert(2)</script>" not in text and "<img src=x onerror" not in text, rel
