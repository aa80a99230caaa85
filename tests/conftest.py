"""Shared fixtures: build real sites with the real ``mkdocs`` into ``tmp_path`` and read what it wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Built:
    """The result of one ``mkdocs build``: exit code, log, and the site folder."""

    root: Path
    site: Path
    returncode: int
    log: str

    def read(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return (self.site / rel).is_file()

    def files(self) -> set[str]:
        return {p.relative_to(self.site).as_posix() for p in self.site.rglob("*") if p.is_file()}


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                textwrap.dedent(content).lstrip("\n") if content.startswith("\n") else content, encoding="utf-8"
            )


def run_build(root: Path, *args: str, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> Built:
    cmd = [*MKDOCS, "build", "-f", str(root / config), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env={**os.environ, **(env or {})})
    site_dir = root / "site"
    return Built(root, site_dir, proc.returncode, proc.stdout + proc.stderr)


BuildSite = Callable[..., Built]


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """``build_site(files, mkdocs_yml=..., strict=True)``: write a site into tmp_path and build it."""

    def _build(
        files: dict[str, str | bytes],
        mkdocs_yml: str = "site_name: Test\nsite_url: https://example.com/\ntheme: polax\nplugins:\n  - polax\n",
        strict: bool = True,
        args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> Built:
        write_tree(tmp_path, {"mkdocs.yml": mkdocs_yml, **files})
        return run_build(tmp_path, *(("--strict",) if strict else ()), *args, env=env)

    return _build


def shared_or_skip() -> Path:
    """../shared (corpora and Jekyll's outputs): tests that need it skip, saying why, when it is absent."""
    if not (SHARED / "corpora").is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared is missing in CI")
        pytest.skip("../shared (corpora and Jekyll's reference outputs) is not beside the checkout")
    return SHARED
