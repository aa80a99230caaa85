"""Every permalink style and placeholder, slugs, time zones, nested _posts, drafts/future/published,
defaults scopes, include/exclude, collections and static copying: built with the real mkdocs and
compared with what Jekyll 4.3 wrote for the same tree (tests/fixtures/jekyll-rules/reference, made by
scripts/make_reference.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_build
from tests.parity import parity

RULES = FIXTURES / "jekyll-rules"
VARIANTS = {
    "default": None,
    "pretty": "pretty",
    "ordinal": "ordinal",
    "weekdate": "weekdate",
    "none": "none",
    "custom": "/:categories/:year/:i_month/:i_day/:short_year/:hour-:minute-:second/:title/",
    "slug": "/blog/:slug:output_ext",
    "slugified": "/:slugified_categories/:y_day/:name/",
}
MKDOCS_YML = "site_name: Rules\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n"


def make_tree(root: Path, permalink: str | None) -> None:
    shutil.copytree(RULES / "base", root / "docs", symlinks=True)
    if permalink is not None:
        cfg = root / "docs" / "_config.yml"
        cfg.write_text(cfg.read_text() + f'permalink: "{permalink}"\n')
    (root / "mkdocs.yml").write_text(MKDOCS_YML)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_outputs_as_jekyll(tmp_path: Path, variant: str) -> None:
    make_tree(tmp_path, VARIANTS[variant])
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    got, misses = parity(RULES / "reference" / f"{variant}.tsv", built.site)
    assert not misses, "\n".join(misses)
    assert got["post"][1] == 10 and got["page"][1] == 8


def test_what_jekyll_does_not_publish_is_not_written(tmp_path: Path) -> None:
    make_tree(tmp_path, None)
    built = run_build(tmp_path, "--strict")
    files = built.files()
    for absent in ("private.html", "backup.md~", ".secret/file.txt", "Gemfile", "_drafts/a-draft.md"):
        assert absent not in files
    assert not any("future" in f for f in files), "a future-dated post was published"
    assert not any("unpublished" in f for f in files), "a published: false post was written"
    assert not any("not-a-post" in f for f in files), "a _posts file without a date was published"
    assert not any(f.startswith("_posts/") or f.startswith("_config") for f in files)
    # Static files are copied unchanged, README.md without front matter included.
    assert built.read("README.md") == "# Readme without front matter\n"
    assert (built.site / "assets/img/pic.png").read_bytes() == b"PNG"
    # The summary line goes through MkDocs' logger.
    assert "[polax]" in built.log or "mkdocs_polax" in built.log
    assert "10 posts" in built.log and "1 future" in built.log and "1 unpublished" in built.log


def test_future_and_drafts_when_configured(tmp_path: Path) -> None:
    make_tree(tmp_path, None)
    cfg = tmp_path / "docs" / "_config.yml"
    cfg.write_text(cfg.read_text() + "future: true\nshow_drafts: true\n")
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert built.exists("2099/01/01/future.html")
    drafts = [f for f in built.files() if f.endswith("a-draft.html")]
    assert len(drafts) == 1, built.files()


def test_defaults_scope_values_reach_the_post(tmp_path: Path) -> None:
    make_tree(tmp_path, None)
    built = run_build(tmp_path, "--strict")
    news = built.read("news/2018/05/06/news-item.html")
    assert "Newsroom" in news  # defaults (path: news, type: posts) gave the author
    other = built.read("blog/tiktok-for-ecommerce.html")
    assert "Newsroom" not in other
