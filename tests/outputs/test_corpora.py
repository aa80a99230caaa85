"""Feeds, sitemap, redirects and robots.txt of every corpus in ../shared against what Jekyll's plugins wrote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Built, run_build, shared_or_skip
from tests.outputs.support import SITEMAP_SCHEMA, parity_script, parse_feed

CORPORA = ["jekyll-feed-fixtures", "jekyll-release-posts", "lanyon"]


@pytest.fixture(scope="module", params=CORPORA)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Built]:
    shared = shared_or_skip()
    name = str(request.param)
    root = tmp_path_factory.mktemp(name)
    shutil.copytree(shared / "corpora" / name, root / "docs")
    (root / "mkdocs.yml").write_text(
        f"site_name: {name}\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n", encoding="utf-8"
    )
    built = run_build(root)
    assert built.returncode == 0, built.log
    return name, built


def _reference(name: str) -> Path:
    return shared_or_skip() / "reference" / name


def test_every_jekyll_output_matches(corpus: tuple[str, Built]) -> None:
    """Same feed paths with the same (entry id, link) pairs, every sitemap <loc>, redirects, robots.txt."""
    name, built = corpus
    report = parity_script().compare(_reference(name) / "_site", built.site)
    assert report.lines, "nothing compared"
    assert not report.misses, "\n".join(report.lines)


def test_url_parity_files(corpus: tuple[str, Built]) -> None:
    """Jekyll's url_parity tool finds every file Jekyll wrote, feeds and redirect pages included."""
    name, built = corpus
    tool = shared_or_skip() / "tools" / "url_parity.py"
    proc = subprocess.run(
        ["python3", str(tool), str(_reference(name) / "outputs.tsv"), str(built.site)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_feeds_parse_without_bozo(corpus: tuple[str, Built]) -> None:
    name, built = corpus
    feeds = [p for p in built.site.rglob("*.xml") if p.name != "sitemap.xml" and "xslt" not in p.name]
    ours = [p for p in feeds if "mkdocs-polax" in p.read_text(encoding="utf-8")[:600]]
    assert ours, f"{name}: no feed written"
    for path in ours:
        parsed = parse_feed(path)
        assert parsed.version == "atom10"
        for entry in parsed.entries:
            assert entry.id.startswith("http") and entry.link.startswith("http")


def test_sitemap_valid_against_schema(corpus: tuple[str, Built]) -> None:
    _, built = corpus
    SITEMAP_SCHEMA.validate(str(built.site / "sitemap.xml"))
    assert not built.exists("sitemap.xml.gz"), "MkDocs' own sitemap copy is left behind"
    text = built.read("sitemap.xml")
    assert "404.html" not in text and "feed.xml" not in text and "{%" not in text
