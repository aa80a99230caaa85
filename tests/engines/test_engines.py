"""polax on every maintained MkDocs 1.x engine: MkDocs 1.6.1 (the test venv), ProperDocs 1.6.x
(``properdocs build``) and mkdocs-ng 1.8.x (``mkdocs build``), each in its own venv (tests/engines/
support.py). The example site and every corpus in ../shared/corpora build to the same files on each,
compared file by file against MkDocs 1.6.1 (timestamps aside: see support.py); ``serve`` answers
extensionless URLs and rebuilds an edited post on each; the internals polax touches
(mkdocs_polax/compat.py) work on each; an engine polax cannot run on gets one line, no traceback.
Needs PyPI (as CI has); the venvs are kept in .venv-engines/ between runs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_polax.engines import MKDOCS_2_MESSAGE
from tests.conftest import FIXTURES, ROOT, shared_or_skip
from tests.core.test_serve import fetch, serving, wait_for
from tests.engines.support import (
    MKDOCS_2_SPEC,
    MKDOCS_NG_SPEC,
    PROPERDOCS_SPEC,
    Engine,
    Window,
    differences,
    engine_venv,
    module_version,
    pip,
    site_files,
)

pytestmark = pytest.mark.engines

ENGINES = ["MkDocs", "ProperDocs", "mkdocs-ng"]
SITES = ["example-site", "lanyon", "jekyll-feed-fixtures", "jekyll-release-posts"]
STARTED = dt.datetime.now(dt.timezone.utc)


def ng_python() -> Path:
    # pip installs MkDocs 1.6.1 (polax's dependency) over mkdocs-ng's files; mkdocs-ng's own
    # advice then applies: reinstall it (README "Engines" gives users the same two commands).
    python = engine_venv(
        "mkdocs-ng",
        [["-c", "CONSTRAINTS", MKDOCS_NG_SPEC, "-e", str(ROOT)], ["--force-reinstall", "--no-deps", MKDOCS_NG_SPEC]],
    )
    if not module_version(python, "mkdocs").startswith("1.8."):  # an interrupted run left MkDocs over it
        pip(python, "--force-reinstall", "--no-deps", MKDOCS_NG_SPEC)
    return python


@pytest.fixture(scope="session")
def engines() -> dict[str, Engine]:
    properdocs = engine_venv("properdocs", [["-c", "CONSTRAINTS", PROPERDOCS_SPEC, "-e", str(ROOT)]])
    ng = ng_python()
    found = {
        "MkDocs": Engine("MkDocs", Path(sys.executable), "mkdocs", module_version(Path(sys.executable), "mkdocs")),
        "ProperDocs": Engine("ProperDocs", properdocs, "properdocs", module_version(properdocs, "properdocs")),
        "mkdocs-ng": Engine("mkdocs-ng", ng, "mkdocs", module_version(ng, "mkdocs")),
    }
    for engine in found.values():
        where = subprocess.run(
            [str(engine.python), "-c", "import mkdocs_polax; print(mkdocs_polax.__file__)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert Path(where.strip()).resolve() == (ROOT / "mkdocs_polax" / "__init__.py").resolve(), engine
    return found


def test_engine_releases(engines: dict[str, Engine]) -> None:
    assert engines["MkDocs"].version == "1.6.1"
    assert engines["ProperDocs"].version.startswith("1.6.")
    assert engines["mkdocs-ng"].version.startswith("1.8.")


def copy_site(name: str, dest: Path) -> tuple[Path, tuple[str, ...]]:
    """The site's folder (mkdocs.yml inside) and the build flags it is built with."""
    if name == "example-site":
        shutil.copytree(ROOT / "example-site", dest, ignore=shutil.ignore_patterns("site"))
        return dest, ("--strict",)
    shared = shared_or_skip()
    shutil.copytree(shared / "corpora" / name, dest / "docs")
    for path in (dest / "docs").rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    # with the search plugin: jekyll-release-posts (102 posts) then takes the worker-process path, search
    # entries included (compat.search_indexer), on every engine
    (dest / "mkdocs.yml").write_text(
        f"site_name: {name}\ndocs_dir: docs\ntheme: polax\nplugins:\n  - search\n  - polax\n"
    )
    return dest, ()


@pytest.fixture(scope="session")
def builds(engines: dict[str, Engine], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every site built by every engine: ``(site, engine) -> site_dir``."""
    out: dict[tuple[str, str], Path] = {}
    for site in SITES:
        for name, engine in engines.items():
            root, flags = copy_site(site, tmp_path_factory.mktemp(f"{name}-{site}") / "site-src")
            proc = subprocess.run(
                engine.command("build", "-f", str(root / "mkdocs.yml"), *flags),
                capture_output=True,
                text=True,
                cwd=root,
                env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"},
            )
            log = proc.stdout + proc.stderr
            assert proc.returncode == 0 and "Traceback" not in log, f"{name} on {site}:\n{log}"
            out[site, name] = root / "site"
    return out


@pytest.mark.parametrize("engine", ["ProperDocs", "mkdocs-ng"])
@pytest.mark.parametrize("site", SITES)
def test_same_files_on_every_engine(builds: dict[tuple[str, str], Path], site: str, engine: str) -> None:
    reference = builds[site, "MkDocs"]
    files = site_files(reference)
    assert sum(rel.endswith(".html") for rel in files) >= 5, sorted(files)
    window = Window(STARTED - dt.timedelta(minutes=1), dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1))
    diff = differences(reference, builds[site, engine], window)
    assert not diff, f"{engine} differs from MkDocs 1.6.1 on {site}:\n" + "\n".join(diff[:20])


@pytest.mark.parametrize("name", ENGINES)
def test_serve_on_every_engine(engines: dict[str, Engine], tmp_path: Path, name: str) -> None:
    shutil.copytree(FIXTURES / "seed", tmp_path, dirs_exist_ok=True)
    (tmp_path / "docs/_config.yml").write_text("title: Seed\n", encoding="utf-8")  # a Jekyll tree
    post = tmp_path / "docs/_posts/2021-10-28-tiktok-for-ecommerce.md"
    with serving(tmp_path, env={"DISABLE_MKDOCS_2_WARNING": "true"}, engine=engines[name].command()) as base:
        status, body = fetch(base + "blog/tiktok-for-ecommerce")
        assert status == 200 and "TikTok for eCommerce" in body, (name, status)
        assert fetch(base + "blog/tiktok-for-ecommerce.html")[0] == 200
        assert fetch(base + "blog/no-such-post")[0] == 404
        assert "livereload" in body  # the browser reloads on its own
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("Why it matters", f"Edited under {name}"), encoding="utf-8")
        assert wait_for(base + "blog/tiktok-for-ecommerce", f"Edited under {name}"), f"{name}: edit not rebuilt"
    # the rebuild rendered the edited post alone (compat.rebuild_in_place works on this engine)
    log = "".join(p.read_text(errors="replace") for p in tmp_path.glob("serve-*.log"))
    assert "Rebuilding 1 changed pages; the others are kept" in log, f"{name}:\n{log[-3000:]}"
    # the engine's warning about dirty builds is dropped for polax's rebuilds (its logger, not MkDocs')
    assert "'dirty' build" not in log, f"{name}:\n{log[-3000:]}"


# What mkdocs_polax/compat.py takes from each engine, run inside that engine's venv.
COMPAT_PROBE = textwrap.dedent(
    """
    import os, sys
    if sys.argv[1] == "properdocs":
        import properdocs.replacement  # what `properdocs` does first: mkdocs.* imports are properdocs.*
    from mkdocs_polax.compat import LiveReloadServer, TemplateContext, normalize_url, rebuild_in_place
    from mkdocs_polax.compat import serve_extensionless

    root = sys.argv[2]
    os.makedirs(os.path.join(root, "blog"))
    with open(os.path.join(root, "blog", "post.html"), "w") as f:
        f.write("<p>the post</p>")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=root, mount_path="/")
    try:
        serve_extensionless(server)
        answers = []
        environ = {"PATH_INFO": "/blog/post", "REQUEST_METHOD": "GET", "QUERY_STRING": ""}
        body = b"".join(server._serve_request(environ, lambda status, headers: answers.append(status)) or [])
        assert answers and answers[0].startswith("200"), answers
        assert b"the post" in body, body
    finally:
        server.server_close()
    assert normalize_url("img/a.png", base="..") == "../img/a.png"
    assert normalize_url("https://x.org/a.png", base="..") == "https://x.org/a.png"
    assert TemplateContext is not None
    from mkdocs.commands import serve as serve_command
    assert rebuild_in_place() and getattr(serve_command.build, "polax_in_place", False)
    print("compat ok on", sys.modules["mkdocs"].__name__, sys.modules["mkdocs"].__version__)
    """
)


@pytest.mark.parametrize("name", ENGINES)
def test_compat_module_on_every_engine(engines: dict[str, Engine], tmp_path: Path, name: str) -> None:
    engine = engines[name]
    proc = subprocess.run(
        [str(engine.python), "-c", COMPAT_PROBE, engine.module, str(tmp_path / "root")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"{name}:\n{proc.stdout}\n{proc.stderr}"
    assert proc.stdout.strip() == f"compat ok on {engine.module} {engine.version}"


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


@pytest.fixture
def ng_overwritten(engines: dict[str, Engine]) -> Iterator[Engine]:
    """mkdocs-ng's venv as `pip install mkdocs-ng mkdocs-polax` leaves it: MkDocs 1.6.1 over its files."""
    engine = engines["mkdocs-ng"]
    pip(engine.python, "--force-reinstall", "--no-deps", "mkdocs==1.6.1")
    try:
        yield engine
    finally:
        pip(engine.python, "--force-reinstall", "--no-deps", MKDOCS_NG_SPEC)


def test_mkdocs_ng_overwritten_by_mkdocs_gets_one_line(ng_overwritten: Engine, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "seed", tmp_path, dirs_exist_ok=True)
    proc = subprocess.run(
        ng_overwritten.command("build", "-f", str(tmp_path / "mkdocs.yml")), capture_output=True, text=True
    )
    line = one_line_error(proc)
    assert line.startswith(f"mkdocs-ng {ng_overwritten.version} is installed, but its 'mkdocs' package"), line
    assert "MkDocs 1.6.1" in line and "pip install --force-reinstall --no-deps mkdocs-ng" in line
    assert not (tmp_path / "site").exists()


def test_mkdocs_2_gets_one_line(tmp_path: Path) -> None:
    # MkDocs 2's pre-release, with polax beside it (pip keeps them apart: polax needs mkdocs<2).
    python = engine_venv("mkdocs-2", [[MKDOCS_2_SPEC], ["--no-deps", "-e", str(ROOT)]])
    version = module_version(python, "mkdocs")
    assert version.startswith("2."), version
    # Loading polax (as anything reading its 'mkdocs.plugins' entry point does) stops in one line.
    proc = subprocess.run([str(python), "-c", "import mkdocs_polax.plugin"], capture_output=True, text=True)
    assert one_line_error(proc) == MKDOCS_2_MESSAGE.format(version=version)
    # MkDocs 2 itself never loads a plugin: on a mkdocs.yml it stops before polax is imported
    # (README "Engines" quotes this).
    shutil.copytree(FIXTURES / "seed", tmp_path, dirs_exist_ok=True)
    proc = subprocess.run([str(python.parent / "mkdocs"), "build"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode != 0
    assert "Found mkdocs.yml config, but mkdocs 2.0 pre-release is installed" in proc.stderr, proc.stderr
    assert "mkdocs_polax" not in proc.stderr
