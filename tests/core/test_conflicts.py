"""Two sources, one output path; permalinks that would leave the site; listing URLs a Jekyll site
already used (jekyll-archives, category_dir)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BuildSite

CONFIG = {"docs/_config.yml": "title: T\n"}
YML = "site_name: T\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n"


def post(title: str, permalink: str, date: str = "2021-01-01") -> str:
    return f"---\ntitle: {title}\ndate: {date}\npermalink: {permalink}\n---\nBody of {title}.\n"


def test_duplicate_permalinks_warn_name_both_and_keep_jekylls_winner(build_site: BuildSite) -> None:
    files = {
        **CONFIG,
        "docs/_posts/2021-01-01-first.md": post("First", "/same/", "2021-01-01"),
        "docs/_posts/2021-02-01-second.md": post("Second", "/same/", "2021-02-01"),
    }
    strict = build_site(files, mkdocs_yml=YML)
    assert strict.returncode != 0
    line = next(ln for ln in strict.log.splitlines() if "same/index.html" in ln)
    assert "_posts/2021-01-01-first.md" in line and "_posts/2021-02-01-second.md" in line and "wins" in line
    lenient = build_site(files, mkdocs_yml=YML, strict=False)
    assert lenient.returncode == 0
    # Jekyll writes posts in date order, so the later post is the file that remains.
    assert "Second" in lenient.read("same/index.html")


def test_a_post_wins_over_a_page_like_in_jekyll(build_site: BuildSite) -> None:
    files = {
        **CONFIG,
        "docs/about.md": "---\ntitle: About page\npermalink: /about/\n---\nPage.\n",
        "docs/_posts/2021-01-01-about.md": post("About post", "/about/"),
    }
    built = build_site(files, mkdocs_yml=YML, strict=False)
    assert "About post" in built.read("about/index.html")
    assert "about.md" in built.log and "2021-01-01-about.md" in built.log


def test_escaping_permalinks_are_errors_and_write_nothing_outside(build_site: BuildSite, tmp_path: Path) -> None:
    files = {
        **CONFIG,
        "docs/_posts/2021-01-01-evil.md": post("Evil", "/../../outside/pwned/"),
        "docs/_posts/2021-01-02-encoded.md": post("Encoded", "/%2e%2e/%2e%2e/pwned2/"),
        "docs/_posts/2021-01-03-good.md": post("Good", "/good/"),
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode != 0
    for name in ("2021-01-01-evil.md", "2021-01-02-encoded.md"):
        line = next(ln for ln in built.log.splitlines() if name in ln)
        assert "permalink" in line and "leave the site folder" in line
    lenient = build_site(files, mkdocs_yml=YML, strict=False)
    assert lenient.exists("good/index.html")
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert not [p for p in written if "pwned" in p], written
    assert "Traceback" not in lenient.log


def test_jekyll_archives_paths_are_kept(build_site: BuildSite) -> None:
    files = {
        "docs/_config.yml": "title: T\njekyll-archives:\n  permalinks:\n    category: /categories/:name/\n    tag: /tags/:name/\n    year: /:year/\n",
        "docs/_posts/2021-01-01-a.md": "---\ntitle: A\ncategory: Business Tips\ntags: [Growth]\n---\nx\n",
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    assert built.exists("categories/business-tips/index.html")
    assert built.exists("tags/growth/index.html")
    assert built.exists("2021/index.html")


def test_category_dir(build_site: BuildSite) -> None:
    files = {
        "docs/_config.yml": "title: T\ncategory_dir: blog/category/\n",
        "docs/_posts/2021-01-01-a.md": "---\ntitle: A\ncategory: News\n---\nx\n",
    }
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    assert built.exists("blog/category/news/index.html")
