"""A real browser on the built example site: Debian's Chromium driven by Playwright, the site served
by a local http.server. In CI (CI=true) a missing browser or tool fails the run; locally it skips."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, Built
from tests.theme.conftest import build_example

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = ROOT / "node_modules"


def need(condition: bool, what: str) -> None:
    """Skip locally, fail in CI, when a tool the browser suite needs is missing."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI (scripts/setup.sh installs it)")
    pytest.skip(f"{what} is not installed (run scripts/setup.sh)")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser closing a connection mid-image is not an error of the site


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_example(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def base_url(site: Built) -> Iterator[str]:
    with serve(site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    need(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Playwright's Python package")
        raise
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that a reader would notice: console errors, failed or foreign requests."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.host = urlsplit(base_url).netloc
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # ERR_ABORTED: the reader navigated on while an image was still loading; not the site's fault.
        page.on(
            "requestfailed",
            lambda r: self.failed.append(f"{r.url} {r.failure}") if "ERR_ABORTED" not in str(r.failure) else None,
        )
        page.on("response", lambda r: self.failed.append(f"{r.url} {r.status}") if r.status >= 400 else None)
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).netloc != self.host and not url.startswith(("data:", "blob:", "about:")):
            self.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    def assert_clean(self, where: str) -> None:
        assert not self.errors, f"{where}: console errors {self.errors}"
        assert not self.failed, f"{where}: failed requests {self.failed}"
        assert not self.foreign, f"{where}: requests to other hosts {self.foreign}"


@pytest.fixture
def open_page(browser: Any, base_url: str) -> Iterator[Any]:
    """``open_page(path, width=1366, scheme="light", js=True) -> (page, watch)``; contexts are closed after the test."""
    contexts: list[Any] = []

    def _open(path: str, width: int = 1366, scheme: str = "light", js: bool = True) -> tuple[Any, Watch]:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=scheme, java_script_enabled=js
        )
        contexts.append(context)
        page = context.new_page()
        watch = Watch(page, base_url)
        page.goto(base_url + path, wait_until="load")
        return page, watch

    yield _open
    for c in contexts:
        c.close()


def vnu_command() -> list[str]:
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    need(java is not None, "Java (default-jre-headless)")
    need(jar.is_file(), "vnu-jar (npm install)")
    return [str(java), "-jar", str(jar)]
