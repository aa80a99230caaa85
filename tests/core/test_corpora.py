"""URL parity with Jekyll on every corpus in ../shared/corpora: every post, page and file Jekyll wrote
is written at the same path (posts and pages holding their title), by ../shared/tools/url_parity.py's
rule. Anything below 100% fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED, Built, run_build, shared_or_skip
from tests.parity import parity

CORPORA = ["lanyon", "jekyll-feed-fixtures", "jekyll-release-posts"]


def build_corpus(root: Path, corpus: str) -> Built:
    shared = shared_or_skip()
    shutil.copytree(shared / "corpora" / corpus, root / "docs")
    for path in (root / "docs").rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    (root / "mkdocs.yml").write_text(f"site_name: {corpus}\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n")
    return run_build(root)


@pytest.mark.parametrize("corpus", CORPORA)
def test_url_parity_is_total(tmp_path: Path, corpus: str) -> None:
    built = build_corpus(tmp_path, corpus)
    assert built.returncode == 0, built.log
    assert "Traceback" not in built.log
    got, misses = parity(SHARED / "reference" / corpus / "outputs.tsv", built.site)
    assert not misses, "\n".join(misses)
    # The shared tool itself agrees (it prints the figure quoted in notes).
    tool = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "url_parity.py"),
            str(SHARED / "reference" / corpus / "outputs.tsv"),
            str(built.site),
        ],
        capture_output=True,
        text=True,
    )
    assert tool.returncode == 0, tool.stdout
    assert all(matched == total for matched, total in got.values())
