"""The example site, built once per test session into a temporary folder (theme and browser tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, Built, run_build

EXAMPLE = ROOT / "example-site"


def build_example(tmp: Path, *, theme: str | None = None) -> Built:
    """Copy example-site to ``tmp`` (optionally switching its theme) and build it with --strict."""
    root = tmp / "example-site"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site", "tools"))
    if theme is not None:
        cfg = root / "mkdocs.yml"
        text = cfg.read_text(encoding="utf-8")
        start = text.index("theme:")
        end = text.index("markdown_extensions:")
        cfg.write_text(text[:start] + f"theme:\n  name: {theme}\n" + text[end:], encoding="utf-8")
    built = run_build(root, "--strict")
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_example(tmp_path_factory.mktemp("example"))
