"""redirect_from / redirect_to pages and /redirects.json, at jekyll-redirect-from's paths."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuildSite

YML = "site_name: Redirects\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n"
CONFIG = "url: https://example.com\npermalink: pretty\n"
POST = "---\ntitle: Moved post\nredirect_from:\n  - /old/\n  - /older.html\n  - oldest\n  - /a/b/c\n---\nHello.\n"
GONE = "---\ntitle: Gone\nredirect_to: https://elsewhere.example/new?a=1&b=2\n---\nGone.\n"
ABOUT = "---\ntitle: About\npermalink: /about/\n---\nAbout us.\n"


def _target(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    link = soup.find("link", rel="canonical")
    anchor = soup.find("a")
    assert refresh is not None and link is not None and anchor is not None
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    url = str(link["href"])
    assert str(refresh["content"]) == f"0; url={url}" and anchor["href"] == url
    return url


@pytest.fixture
def files() -> dict[str, str | bytes]:
    return {
        "docs/_config.yml": CONFIG,
        "docs/_posts/2020-01-02-moved.md": POST,
        "docs/gone.md": GONE,
        "docs/about.md": ABOUT,
    }


def test_redirect_pages_and_json(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    to = "https://example.com/2020/01/02/moved/"
    # jekyll-redirect-from's paths: /x/ -> x/index.html, /x -> x.html, /x.html -> x.html
    for path in ("old/index.html", "older.html", "oldest.html", "a/b/c.html"):
        assert _target(built.read(path)) == to, path
    assert _target(built.read("gone/index.html")) == "https://elsewhere.example/new?a=1&b=2"
    mapping = json.loads(built.read("redirects.json"))
    assert mapping == {
        "/old/": to,
        "/older.html": to,
        "/oldest": to,
        "/a/b/c": to,
        "/gone/": "https://elsewhere.example/new?a=1&b=2",
    }
    sitemap = built.read("sitemap.xml")
    assert "gone" not in sitemap and "old" not in sitemap and "<loc>https://example.com/about/</loc>" in sitemap
    feed = built.read("feed.xml")
    assert "<id>https://example.com/2020/01/02/moved</id>" in feed


def test_collision_with_a_page_warns_and_page_wins(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    files["docs/_posts/2020-01-02-moved.md"] = "---\ntitle: Moved\nredirect_from: /about/\n---\nHi.\n"
    built = build_site(files, mkdocs_yml=YML, strict=False)
    assert built.returncode == 0, built.log
    assert "_posts/2020-01-02-moved.md: redirect_from '/about/' would write about/index.html" in built.log
    assert "about.md" in built.log
    assert "About us." in built.read("about/index.html")
    assert "/about/" not in json.loads(built.read("redirects.json"))
    strict = build_site(files, mkdocs_yml=YML, strict=True)
    assert strict.returncode != 0


def test_unsafe_redirect_to_is_refused(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    files["docs/gone.md"] = "---\ntitle: Gone\nredirect_to: javascript:alert(1)\n---\nStill here.\n"
    built = build_site(files, mkdocs_yml=YML, strict=False)
    assert built.returncode == 0, built.log
    assert "gone.md: redirect_to 'javascript:alert(1)'" in built.log
    assert "Still here." in built.read("gone/index.html")
    assert "javascript" not in built.read("redirects.json")


def test_hostile_target_stays_inert(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    files["docs/gone.md"] = (
        "---\ntitle: Gone\nredirect_to: 'https://x.example/\"></script><script>alert(1)</script>'\n---\n"
    )
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    html = built.read("gone/index.html")
    soup = BeautifulSoup(html, "html.parser")
    [script] = soup.find_all("script")  # the target did not open a second one
    code = script.string or ""
    assert code.startswith("location=") and html.count("</script>") == 1
    assert json.loads(code.removeprefix("location=")) == 'https://x.example/"></script><script>alert(1)</script>'
    assert _target(html) == 'https://x.example/"></script><script>alert(1)</script>'


def test_json_off_and_own_file_wins(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    files["docs/_config.yml"] = CONFIG + "redirect_from:\n  json: false\n"
    built = build_site(files, mkdocs_yml=YML)
    assert built.returncode == 0, built.log
    assert not built.exists("redirects.json") and built.exists("old/index.html")


def test_redirects_switch_off(build_site: BuildSite, files: dict[str, str | bytes]) -> None:
    built = build_site(files, mkdocs_yml=YML.replace("  - polax\n", "  - polax:\n      redirects: false\n"))
    assert built.returncode == 0, built.log
    assert not built.exists("redirects.json") and not built.exists("old/index.html")
    assert "Gone." in built.read("gone/index.html")
