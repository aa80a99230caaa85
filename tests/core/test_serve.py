"""`mkdocs serve` previews the blog: extensionless URLs answer 200, edits are rebuilt, and drafts and
future posts appear in serve only when asked (like `jekyll serve --drafts/--future`)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import FIXTURES, run_build, write_tree


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        err.close()
        return err.code, ""
    except (urllib.error.URLError, ConnectionError, OSError):
        return 0, ""


@contextmanager
def serving(root: Path, env: dict[str, str] | None = None, engine: list[str] | None = None) -> Iterator[str]:
    """``<engine> serve`` on ``root/mkdocs.yml`` (``engine`` defaults to this venv's ``python -m mkdocs``)."""
    port = free_port()
    log_path = root / f"serve-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                *(engine or [sys.executable, "-m", "mkdocs"]),
                "serve",
                "-f",
                str(root / "mkdocs.yml"),
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if fetch(base)[0] in (200, 404):
                break
            if proc.poll() is not None:
                raise AssertionError(log_path.read_text(errors="replace"))
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def wait_for(url: str, needle: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if status == 200 and needle in body:
            return True
        time.sleep(0.25)
    return False


def seed_tree(root: Path) -> Path:
    shutil.copytree(FIXTURES / "seed", root, dirs_exist_ok=True)
    return root / "docs/_posts/2021-10-28-tiktok-for-ecommerce.md"


def test_extensionless_url_and_live_rebuild(tmp_path: Path) -> None:
    post = seed_tree(tmp_path)
    with serving(tmp_path) as base:
        status, body = fetch(base + "blog/tiktok-for-ecommerce")
        assert status == 200 and "TikTok for eCommerce" in body
        assert fetch(base + "blog/tiktok-for-ecommerce.html")[0] == 200
        assert fetch(base + "blog/no-such-post")[0] == 404
        post.write_text(
            post.read_text(encoding="utf-8").replace("Why it matters", "Freshly edited heading"), encoding="utf-8"
        )
        assert wait_for(base + "blog/tiktok-for-ecommerce", "Freshly edited heading"), "edit was not rebuilt"
        # the live-reload script is injected, so the browser reloads on its own
        assert "livereload" in fetch(base + "blog/tiktok-for-ecommerce")[1]


EXTRA = {
    "docs/_drafts/work-in-progress.md": "---\ntitle: Work in progress\npermalink: /blog/wip\n---\nDraft.\n",
    "docs/_posts/2099-01-01-from-the-future.md": "---\ntitle: From the future\npermalink: /blog/future\n---\nLater.\n",
}


def test_drafts_and_future_only_when_asked(tmp_path: Path) -> None:
    seed_tree(tmp_path)
    write_tree(tmp_path, EXTRA)
    with serving(tmp_path) as base:
        assert fetch(base + "blog/wip")[0] == 404
        assert fetch(base + "blog/future")[0] == 404
    with serving(tmp_path, env={"POLAX_DRAFTS": "1", "POLAX_FUTURE": "1"}) as base:
        assert fetch(base + "blog/wip")[0] == 200
        assert fetch(base + "blog/future")[0] == 200
    # The same switches never publish drafts or future posts with `mkdocs build`.
    built = run_build(tmp_path, env={"POLAX_DRAFTS": "1", "POLAX_FUTURE": "1"})
    assert built.returncode == 0, built.log
    assert not built.exists("blog/wip.html") and not built.exists("blog/future.html")


def test_drafts_option_in_mkdocs_yml(tmp_path: Path) -> None:
    seed_tree(tmp_path)
    write_tree(tmp_path, EXTRA)
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  - polax\n", "  - polax:\n      drafts: true\n"))
    with serving(tmp_path) as base:
        assert fetch(base + "blog/wip")[0] == 200
        assert fetch(base + "blog/future")[0] == 404
