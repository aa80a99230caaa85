"""Packaging: the wheel holds the theme as an importable package; `pip install .` and `pip install -e .`
in a clean venv both build a site; ProperDocs and mkdocs-ng (MkDocs 1.x drop-ins) build it too;
MkDocs 2 gets a clear message. Needs PyPI (as CI has)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from mkdocs_polax import MKDOCS_2_MESSAGE, check_host
from tests.conftest import FIXTURES, ROOT


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "polax"
    # Build from a copy of the tracked sources, as a clean clone would be.
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for rel in files:
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)], cwd=out)
    return next(out.glob("mkdocs_polax-*.whl"))


def test_wheel_holds_the_theme_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "mkdocs_polax/theme/__init__.py",
        "mkdocs_polax/theme/mkdocs_theme.yml",
        "mkdocs_polax/theme/main.html",
        "mkdocs_polax/theme/post.html",
        "mkdocs_polax/templates/generic/post.html",
        "mkdocs_polax/plugin.py",
        "mkdocs_polax/jekyll/site.py",
    ):
        assert needed in names, needed
    # every subpackage of mkdocs_polax (pyproject lists them one by one) is in the wheel
    for init in (ROOT / "mkdocs_polax").rglob("__init__.py"):
        rel = init.relative_to(ROOT).as_posix()
        assert rel in names, f"{rel} is missing from the wheel: add its package to pyproject.toml"
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "polax = mkdocs_polax.plugin:PolaxPlugin" in meta
    assert "polax = mkdocs_polax.theme" in meta


def build_seed(python: Path, tmp: Path, command: list[str]) -> Path:
    site = tmp / "seed"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(FIXTURES / "seed", site)
    run([str(python), *command, "build", "-f", str(site / "mkdocs.yml")], cwd=site)
    out = site / "site" / "blog" / "tiktok-for-ecommerce.html"
    assert out.is_file() and "TikTok for eCommerce" in out.read_text(encoding="utf-8")
    return site


def test_clean_venv_install_editable_and_drop_ins(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]

    # pip install . (not editable): the theme is a package inside site-packages.
    run([*pip, str(wheel)], cwd=tmp_path)
    where = run([str(py), "-c", "import mkdocs_polax.theme as t; print(t.__file__)"], cwd=tmp_path).stdout
    assert "site-packages" in where
    build_seed(py, tmp_path, ["-m", "mkdocs"])

    # ProperDocs runs MkDocs 1.x plugins and themes under its own name.
    run([*pip, "properdocs"], cwd=tmp_path)
    build_seed(py, tmp_path, ["-m", "properdocs"])

    # mkdocs-ng is a drop-in that installs the `mkdocs` module itself.
    run([*pip, "mkdocs-ng"], cwd=tmp_path)
    version = run([str(py), "-c", "import mkdocs; print(mkdocs.__version__)"], cwd=tmp_path).stdout.strip()
    assert not version.startswith("1.6"), version
    build_seed(py, tmp_path, ["-m", "mkdocs"])

    # pip install -e . : the theme comes from the checkout's theme/ folder.
    run([*pip, "-e", str(ROOT)], cwd=tmp_path)
    where = run([str(py), "-c", "import mkdocs_polax.theme as t; print(t.__file__)"], cwd=tmp_path).stdout
    assert Path(where.strip()).resolve() == (ROOT / "theme" / "__init__.py").resolve()
    build_seed(py, tmp_path, ["-m", "mkdocs"])


def test_mkdocs_2_gets_a_clear_message() -> None:
    check_host("1.6.1")
    check_host("1.8.0")
    with pytest.raises(SystemExit) as err:
        check_host("2.0.0")
    assert str(err.value) == MKDOCS_2_MESSAGE.format(version="2.0.0")
    assert "no plugin system" in str(err.value) and "properdocs" in str(err.value).lower()
