"""The check's pure parts (``migrate/check.py``): the old base path and redirect targets."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.migrate.check import check, site_path
from mkdocs_polax.migrate.resolve import SiteFiles
from mkdocs_polax.migrate.sources import OldSite, OldUrl


def test_site_path() -> None:
    assert site_path("/x/", "") == "/x/"
    assert site_path("https://d.org/x/", "https://d.org") == "/x/"
    assert site_path("https://d.org/sub/x/", "https://d.org/sub") == "/x/"
    assert site_path("https://e.org/x/", "https://d.org") is None
    assert site_path("//cdn.org/x", "") is None
    assert site_path("https://d.org/x/", "") is None


segment = st.text(alphabet="abcdef-é", min_size=1, max_size=6)
files = st.sets(st.lists(segment, min_size=1, max_size=3).map(lambda s: "/".join(s) + ".html"), min_size=1, max_size=8)


@given(files, st.lists(segment, max_size=2), st.sampled_from(["https://old.example.org", "http://x.net", ""]))
def test_old_urls_under_any_base_and_host_are_found(names: set[str], base: list[str], host: str) -> None:
    prefix = "".join("/" + b for b in base)
    urls = [OldUrl(f"{host}{prefix}/{quote(n)}", f"{prefix}/{quote(n)}") for n in sorted(names)]
    result = check(OldSite(Path("sitemap.xml"), "sitemap", urls), SiteFiles(names), [])
    assert result.count("missing") == 0, result.summary()
    assert all(r.served in names for r in result.results)
