#!/usr/bin/env python3
"""Build seed-shaped blogs of 100 / 1,000 / 10,000 posts with polax and with plain MkDocs, side by side.

Every build reads the same generated Jekyll tree (``benchmarks/out/<n>/blog``, see ``generate.py``):

- ``floor``: plain MkDocs on the same Markdown, the cost MkDocs itself sets. Posts are kept out of the
  nav (``not_in_nav: /_posts/``: a nav listing every post is rendered on every page, which is
  quadratic), the ``search`` plugin on, and the cheapest standard theme (``mkdocs``; pass
  ``--floor-theme readthedocs`` to compare).
- ``polax``: the polax plugin and theme with the ``search`` plugin: posts, paginated listings,
  category/tag/archive/author pages, and whatever the plugin writes (feeds, sitemap, SEO...). Its
  posts' Markdown is converted in worker processes (the default ``workers: 0``, one per CPU).
- ``polax-1``: the same with ``workers: 1``: everything in MkDocs' one process, like the floor.
- ``jekyll`` (when ``jekyll`` is on PATH): Debian's Jekyll 4.3 with jekyll-feed, jekyll-seo-tag,
  jekyll-sitemap and jekyll-paginate on the same tree, its disk cache off.
- ``material`` (when mkdocs-material is installed): Material's ``blog`` plugin on the same post files
  copied under ``docs/blog/posts`` (front matter gains ``categories: [<category>]``).

Each build runs in its own process; time is wall clock, CPU time is the process's user + system
time (steadier than wall clock on a shared machine), peak RSS is its ``ru_maxrss`` (``os.wait4``), output is the bytes and files of the site folder. The table gives every figure as a
ratio to the floor at the same size. ``--repeat N`` runs each build N times (interleaved) and reports
medians. The serve figure starts ``mkdocs serve`` on a free local port for the 1,000-post blog, edits
one post, and times from the file save to the new text answered over HTTP.

    python benchmarks/run.py                     # 100, 1000, 10000 posts; every tool found
    python benchmarks/run.py --sizes 100,1000 --repeat 3
    python benchmarks/run.py --smoke             # ~50 posts, polax + floor, no serve: CI's check
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

OUT = HERE / "out"
PY = sys.executable
STAMP_VERSION = "5"  # bump when generate.py changes what it writes

POLAX_YML = """\
site_name: Polax Benchmark Blog
site_url: https://example.com/
docs_dir: blog
site_dir: site-polax
theme: polax
plugins:
  - search
  - polax
"""

FLOOR_YML = """\
site_name: Polax Benchmark Blog
site_url: https://example.com/
docs_dir: blog
site_dir: site-floor
theme: {theme}
not_in_nav: |
  /_posts/
plugins:
  - search
"""

MATERIAL_YML = """\
site_name: Polax Benchmark Blog
site_url: https://example.com/
docs_dir: material
site_dir: site-material
theme: material
plugins:
  - search
  - blog
"""


@dataclass
class Run:
    tool: str
    posts: int
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    out_bytes: int = 0
    out_files: int = 0
    error: str = ""

    @property
    def time(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def cpu_time(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def rss_mb(self) -> float:
        return statistics.median(self.rss_kib) / 1024 if self.rss_kib else float("nan")


# -- the blogs ------------------------------------------------------------------------------------
def prepare(n: int, with_material: bool) -> Path:
    """``out/<n>/`` with the Jekyll tree, the MkDocs configs and (optionally) Material's tree."""
    root = OUT / str(n)
    stamp = root / "generated.txt"
    if not stamp.is_file() or stamp.read_text() != STAMP_VERSION:
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        generate(root / "blog", n)
        stamp.write_text(STAMP_VERSION)
    (root / "polax.yml").write_text(POLAX_YML)
    # the same build in MkDocs' own process only (no Markdown worker processes): CPU is comparable
    serial = POLAX_YML.replace("site-polax", "site-polax-1").replace("  - polax\n", "  - polax:\n      workers: 1\n")
    (root / "polax-1.yml").write_text(serial)
    if with_material and not (root / "material" / "blog" / "posts").is_dir():
        material_tree(root / "blog", root / "material")
    (root / "material.yml").write_text(MATERIAL_YML)
    return root


def material_tree(blog: Path, dest: Path) -> None:
    """The same posts for Material's blog plugin: ``docs/blog/posts``, plus a ``categories`` list."""
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    posts = tmp / "blog" / "posts"
    posts.mkdir(parents=True)
    (tmp / "index.md").write_text("# Polax Benchmark Blog\n\nSee [the blog](blog/index.md).\n")
    (tmp / "blog" / "index.md").write_text("# Blog\n")
    shutil.copytree(blog / "assets", tmp / "assets")
    for src in sorted((blog / "_posts").iterdir()):
        text = src.read_text(encoding="utf-8")
        head, sep, rest = text[4:].partition("\n---\n")
        category = next(line.split(":", 1)[1].strip() for line in head.splitlines() if line.startswith("category:"))
        (posts / src.name).write_text(f"---\n{head}\ncategories:\n  - {category}{sep}{rest}", encoding="utf-8")
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)


# -- building -------------------------------------------------------------------------------------
def commands(root: Path, floor_theme: str) -> dict[str, tuple[list[str], Path]]:
    (root / "floor.yml").write_text(FLOOR_YML.format(theme=floor_theme))
    mkdocs = [PY, "-m", "mkdocs", "build", "-f"]
    return {
        "floor": ([*mkdocs, "floor.yml"], root / "site-floor"),
        "polax": ([*mkdocs, "polax.yml"], root / "site-polax"),
        "polax-1": ([*mkdocs, "polax-1.yml"], root / "site-polax-1"),
        "jekyll": (
            ["jekyll", "build", "--source", "blog", "--destination", "site-jekyll", "--disable-disk-cache"],
            root / "site-jekyll",
        ),
        "material": ([*mkdocs, "material.yml"], root / "site-material"),
    }


def timed(cmd: list[str], cwd: Path, log: Path, timeout: float) -> tuple[float, float, int, int]:
    """Run ``cmd``; return (wall seconds, CPU seconds, exit code, peak RSS in KiB) of that process."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, code, usage.ru_maxrss


def folder_size(path: Path) -> tuple[int, int]:
    total = count = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            count += 1
    return total, count


def build(run: Run, cmd: list[str], root: Path, site: Path, timeout: float, keep: bool) -> None:
    shutil.rmtree(site, ignore_errors=True)
    log = root / f"{run.tool}.log"
    seconds, cpu, code, rss = timed(cmd, root, log, timeout)
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        run.error = f"exit {code} after {seconds:.1f}s; {log}:\n" + "\n".join(tail)
        return
    run.seconds.append(seconds)
    run.cpu.append(cpu)
    run.rss_kib.append(rss)
    run.out_bytes, run.out_files = folder_size(site)
    if not keep:
        shutil.rmtree(site, ignore_errors=True)


# -- serving --------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def serve_latency(root: Path, config: str, post: Path, path: str, extra: list[str], timeout: float = 300) -> float:
    """Seconds from saving an edit of ``post`` to ``mkdocs serve`` answering ``path`` with the edit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{path}"
    log_path = root / f"serve-{Path(config).stem}{''.join(extra)}.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "-f", config, "-a", f"127.0.0.1:{port}", *extra],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    original = post.read_bytes()
    try:
        deadline = time.monotonic() + timeout
        while fetch(url) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve never answered {url}; see {log_path}")
            time.sleep(0.2)
        time.sleep(1.0)  # let the file watcher settle after the first build
        marker = f"polax-bench-edit-{time.time_ns()}"
        with post.open("ab") as f:
            f.write(f"\n\nEdited: {marker}\n".encode())
        start = time.perf_counter()
        while True:
            body = fetch(url)
            if body is not None and marker in body:
                return time.perf_counter() - start
            waited = time.perf_counter() - start
            if proc.poll() is not None or waited > 120 or (waited > 2 and b"error happened" in log_path.read_bytes()):
                raise RuntimeError(f"the edit never showed at {url}; see {log_path}")
            time.sleep(0.02)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        post.write_bytes(original)


def serve_figures(n: int, floor_theme: str) -> dict[str, float | str]:
    root = prepare(n, with_material=False)
    commands(root, floor_theme)  # writes floor.yml
    posts = sorted((root / "blog" / "_posts").iterdir())
    post = posts[len(posts) // 2]
    slug = next(
        line.split("/blog/", 1)[1].strip()
        for line in post.read_text(encoding="utf-8").splitlines()
        if line.startswith("permalink:")
    )
    figures: dict[str, float | str] = {}
    for tool, config, path in (
        ("polax", "polax.yml", f"/blog/{slug}"),
        ("floor", "floor.yml", f"/_posts/{post.stem}/"),
    ):
        for extra in ([], ["--dirty"]):
            name = " ".join([tool, *extra])
            try:
                figures[name] = serve_latency(root, config, post, path, extra)
            except RuntimeError as exc:
                figures[name] = str(exc)
    return figures


# -- report ---------------------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem = f"{mem_kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        mem = "unknown RAM"
    versions = []
    for dist in ("mkdocs", "mkdocs-material"):
        try:
            from importlib.metadata import version

            versions.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001
            pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {', '.join(versions)}"
    )


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b and b == b and a == a else "-"


def table(runs: list[Run]) -> str:
    lines = [
        "| posts | build | time | time / floor | CPU time | CPU / floor | peak RSS | RSS / floor | output | output / floor | files |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    floors = {r.posts: r for r in runs if r.tool == "floor"}
    for r in runs:
        f = floors.get(r.posts)
        if r.error:
            lines.append(f"| {r.posts:,} | {r.tool} | failed | | | | | | | | |")
            continue
        lines.append(
            f"| {r.posts:,} | {r.tool} | {r.time:.2f} s | {ratio(r.time, f.time) if f else '-'} "
            f"| {r.cpu_time:.2f} s | {ratio(r.cpu_time, f.cpu_time) if f else '-'} "
            f"| {r.rss_mb:.0f} MB | {ratio(r.rss_mb, f.rss_mb) if f else '-'} "
            f"| {r.out_bytes / 1e6:.1f} MB | {ratio(r.out_bytes, f.out_bytes) if f else '-'} | {r.out_files:,} |"
        )
    return "\n".join(lines)


def linearity(runs: list[Run]) -> list[str]:
    out = []
    by = {(r.tool, r.posts): r for r in runs if not r.error and r.seconds}
    sizes = sorted({r.posts for r in runs})
    for small, big in zip(sizes, sizes[1:], strict=False):
        for tool in ("floor", "polax", "polax-1", "jekyll", "material"):
            a, b = by.get((tool, small)), by.get((tool, big))
            if a and b:
                out.append(
                    f"- {tool}, {small:,} -> {big:,} posts ({big / small:.0f}x): time {ratio(b.time, a.time)}, "
                    f"CPU {ratio(b.cpu_time, a.cpu_time)}, "
                    f"output {ratio(b.out_bytes, a.out_bytes)}, peak RSS {ratio(b.rss_mb, a.rss_mb)}"
                )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated post counts (default 100,1000,10000)")
    ap.add_argument("--repeat", type=int, default=1, help="builds per tool and size; medians are reported")
    ap.add_argument("--smoke", action="store_true", help="about 50 posts, polax and floor only, no serve")
    ap.add_argument(
        "--tools",
        default="floor,polax,polax-1,jekyll,material",
        help="which builds (floor always runs); polax-1 is polax with workers: 1 (one process)",
    )
    ap.add_argument("--floor-theme", default="mkdocs", choices=("mkdocs", "readthedocs"))
    ap.add_argument("--serve-size", type=int, default=1000, help="posts of the serve figure's blog; 0 skips it")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before one build is killed")
    ap.add_argument("--keep-sites", action="store_true", help="keep the built site folders under benchmarks/out")
    args = ap.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    tools = ["floor", *[t for t in args.tools.split(",") if t and t != "floor"]]
    if args.smoke:
        sizes, tools, args.repeat, args.serve_size = [50], ["floor", "polax"], 1, 0
    if "jekyll" in tools and not shutil.which("jekyll"):
        print("jekyll is not installed: skipping it")
        tools.remove("jekyll")
    if "material" in tools and importlib.util.find_spec("material") is None:
        print("mkdocs-material is not installed: skipping it")
        tools.remove("material")

    print(f"machine: {machine()}")
    runs: list[Run] = []
    for n in sizes:
        root = prepare(n, with_material="material" in tools)
        cmds = commands(root, args.floor_theme)
        size_runs = [Run(tool, n) for tool in tools]
        for rep in range(args.repeat):
            # Rotate the order each round so that no tool always runs first (cold caches) or last.
            order = size_runs[rep % len(size_runs) :] + size_runs[: rep % len(size_runs)]
            for run in order:
                if run.error:
                    continue
                cmd, site = cmds[run.tool]
                print(f"  {n:>6,} posts  {run.tool:<8} round {rep + 1}/{args.repeat} ...", end=" ", flush=True)
                build(run, cmd, root, site, args.timeout, args.keep_sites)
                print("FAILED" if run.error else f"{run.seconds[-1]:.2f} s", flush=True)
        runs += size_runs

    serve: dict[str, float | str] = {}
    if args.serve_size:
        print(f"  serve: editing one post of the {args.serve_size:,}-post blog ...", flush=True)
        serve = serve_figures(args.serve_size, args.floor_theme)

    lines = [
        f"Ran {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}; "
        f"floor theme `{args.floor_theme}`; median of {args.repeat} run(s).",
        "",
        table(runs),
    ]
    lin = linearity(runs)
    if lin:
        lines += ["", "Growth with posts:", *lin]
    if serve:
        lines.append("")
        for tool, value in serve.items():
            text = f"{value:.2f} s" if isinstance(value, float) else f"failed: {value}"
            flag = " --dirty" if tool.endswith("--dirty") else ""
            lines.append(
                f"- `mkdocs serve{flag}` ({tool.split()[0]}), {args.serve_size:,} posts, one post saved -> new page served: {text}"
            )
    report = "\n".join(lines)
    print()
    print(report)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.md").write_text(report + "\n")
    data = [asdict(r) | {"time": r.time, "cpu_time": r.cpu_time, "rss_mb": r.rss_mb} for r in runs]
    (OUT / "results.json").write_text(json.dumps({"runs": data, "serve": serve}, indent=1))
    failed = [r for r in runs if r.error]
    for r in failed:
        print(f"\n{r.tool} at {r.posts:,} posts failed: {r.error}", file=sys.stderr)
    # Jekyll and Material are guests: only the floor and polax failing fails the run.
    return 1 if any(r.tool in ("floor", "polax", "polax-1") for r in failed) else 0


if __name__ == "__main__":
    sys.exit(main())
