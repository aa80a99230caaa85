"""Scale: a 5 MB post, 10,000 tags, 10,000 categories, deep folders. One site, built once; every
listing page is written (cost grows with the number of pages, never with their square)."""

from __future__ import annotations

import time

import pytest

from tests.badinput.support import GOOD_OUTPUTS, GOOD_POSTS, assert_reported, soup
from tests.conftest import Built, run_build, write_tree

N = 10_000
PARAGRAPH = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 12 + "\n\n"
ABOVE = "/".join(f"d{i}" for i in range(50))  # 50 folders above _posts: 50 categories
BELOW = "/".join(f"n{i}" for i in range(100))  # 100 folders inside _posts: no effect on the URL
POSTS = {
    "_posts/2021-01-01-big.md": "---\ntitle: Big\n---\n" + PARAGRAPH * (5_000_000 // len(PARAGRAPH)) + "THE END\n",
    "_posts/2021-01-02-tags.md": "---\ntitle: Tags\ntags: [" + ", ".join(f"tag{i}" for i in range(N)) + "]\n---\nx\n",
    "_posts/2021-01-03-cats.md": (
        "---\ntitle: Cats\npermalink: /cats/\ncategories: [" + ", ".join(f"cat{i}" for i in range(N)) + "]\n---\nx\n"
    ),
    "_posts/2021-01-04-cats-in-url.md": (
        "---\ntitle: Cats in URL\ncategories: [" + ", ".join(f"c{i}" for i in range(N)) + "]\n---\nx\n"
    ),
    f"{ABOVE}/_posts/2021-01-05-deep-above.md": "---\ntitle: Deep above\n---\nx\n",
    f"_posts/{BELOW}/2021-01-06-deep-below.md": "---\ntitle: Deep below\n---\nx\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, float]:
    root = tmp_path_factory.mktemp("scale")
    files: dict[str, str | bytes] = {"_config.yml": "title: Scale\n", **GOOD_POSTS, **POSTS}
    yml = "site_name: Scale\nsite_url: https://example.com/\ntheme: polax\nplugins:\n  - polax\n"
    write_tree(root, {"mkdocs.yml": yml, **{f"docs/{k}": v for k, v in files.items()}})
    start = time.monotonic()
    result = run_build(root, "--strict")
    return result, time.monotonic() - start


def test_builds_in_linear_time(built: tuple[Built, float]) -> None:
    site, seconds = built
    assert "Traceback" not in site.log, site.log[-3000:]
    # About 20,000 listing pages at a few milliseconds each; quadratic work would take hours.
    assert seconds < 600, seconds
    for rel in GOOD_OUTPUTS:
        assert site.exists(rel)


def test_five_megabyte_post_is_whole(built: tuple[Built, float]) -> None:
    site, _ = built
    html = site.read("2021/01/01/big.html")
    assert len(html) > 5_000_000 and "THE END" in html


def test_ten_thousand_tags_each_get_a_page(built: tuple[Built, float]) -> None:
    site, _ = built
    assert site.exists("2021/01/02/tags.html")
    pages = [f for f in site.files() if f.startswith("tag/") and f.endswith("/index.html")]
    assert len(pages) == N
    assert "Tags" in soup(site, "tag/tag9999/index.html").get_text()


def test_ten_thousand_categories_each_get_a_page(built: tuple[Built, float]) -> None:
    site, _ = built
    assert site.exists("cats/index.html")
    assert site.exists("category/cat9999/index.html")
    assert len([f for f in site.files() if f.startswith("category/cat")]) == N


def test_ten_thousand_categories_in_a_url_are_refused_by_name(built: tuple[Built, float]) -> None:
    """Jekyll's :categories would make a path no file system takes; the post is skipped with an error."""
    site, _ = built
    assert_reported(site, "_posts/2021-01-04-cats-in-url.md", "too long for a file system", key="permalink")
    assert site.returncode != 0 and "Aborted with 1 errors" in site.log  # --strict: the one error
    assert not any(f.endswith("cats-in-url.html") for f in site.files())


def test_deep_folders_above_and_inside_posts(built: tuple[Built, float]) -> None:
    site, _ = built
    assert site.exists(f"{ABOVE}/2021/01/05/deep-above.html")
    assert site.exists("2021/01/06/deep-below.html")
