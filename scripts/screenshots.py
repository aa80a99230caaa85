"""Screenshots of the example site (phone and desktop, a post and the blog index) for the README.

    python scripts/screenshots.py [--site example-site/site] [--out docs/screenshots] [--build]

Builds nothing unless ``--build`` is given; serves the site from a local http.server and drives
Debian's Chromium (``/usr/bin/chromium``) with Playwright. No browser is downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
SHOTS = [
    # name, path, width, height, colour scheme, full page
    ("post-desktop", "blog/jekyll-to-mkdocs.html", 1366, 900, "light", False),
    ("post-phone", "blog/jekyll-to-mkdocs.html", 375, 812, "light", False),
    ("listing-desktop", "", 1366, 900, "light", False),
    ("listing-phone", "", 375, 812, "light", False),
    ("post-desktop-dark", "blog/core-web-vitals-for-shops.html", 1366, 900, "dark", False),
    ("listing-phone-dark", "", 375, 812, "dark", False),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection as a page closes


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free local port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "example-site" / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--build", action="store_true", help="build the example site first")
    args = parser.parse_args(argv)
    if args.build:
        cfg = ROOT / "example-site" / "mkdocs.yml"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(cfg)], check=True)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} has no index.html: build the site first (--build)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path, width, height, scheme, full in SHOTS:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    device_scale_factor=1,
                    color_scheme=scheme,  # type: ignore[arg-type]
                )
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                out = args.out / f"{name}.png"
                page.screenshot(path=str(out), full_page=full)
                context.close()
                print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {out.stat().st_size // 1024} KB")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
