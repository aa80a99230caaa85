"""The smallest site of issue 2: a five-line mkdocs.yml and the seed post in docs/_posts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, Built, run_build


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(FIXTURES / "seed", root, dirs_exist_ok=True)
    # No --strict here: the seed post holds mojibake, which is (rightly) a warning.
    return run_build(root)


def test_post_at_jekylls_path(seed: Built) -> None:
    assert seed.returncode == 0, seed.log
    assert seed.exists("blog/tiktok-for-ecommerce.html")
    assert not any(f.startswith("_posts") for f in seed.files())


def test_post_page_shows_everything(seed: Built) -> None:
    soup = BeautifulSoup(seed.read("blog/tiktok-for-ecommerce.html"), "html.parser")
    h1 = soup.find_all("h1")
    assert [h.get_text(strip=True) for h in h1] == ["TikTok for eCommerce: how to use it to increase sales"]
    time = soup.find("time")
    assert time is not None and time["datetime"].startswith("2021-10-28")
    assert "Daniel Granger" in soup.get_text()
    hero = soup.find("img", alt="Influencer recording a TikTok")
    assert hero is not None and hero["src"].endswith("assets/images/blog/tiktok-for-ecommerce.jpg")
    link = next(a for a in soup.find_all("a") if a.get_text(strip=True) == "Business Tips")
    target = (seed.site / "blog" / link["href"]).resolve()
    target = target / "index.html" if link["href"].endswith("/") else target
    assert target.is_file(), f"category link {link['href']} points nowhere"
    assert "Business Tips" in target.read_text(encoding="utf-8")
    assert "Why it matters" in soup.get_text()


def test_listing_links_to_the_post(seed: Built) -> None:
    soup = BeautifulSoup(seed.read("index.html"), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert any(
        h.rstrip("/").endswith("blog/tiktok-for-ecommerce.html") or h.endswith("blog/tiktok-for-ecommerce")
        for h in hrefs
    ), hrefs


def test_summary_line(seed: Built) -> None:
    assert "1 posts, 0 pages" in seed.log


def test_strict_build_of_a_clean_post(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "seed", tmp_path, dirs_exist_ok=True)
    post = tmp_path / "docs/_posts/2021-10-28-tiktok-for-ecommerce.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Â", ""), encoding="utf-8")
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert built.exists("blog/tiktok-for-ecommerce.html")
