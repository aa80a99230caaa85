"""Engine virtualenvs and the file-by-file comparison of two builds.

Each drop-in engine gets its own venv under ``.venv-engines/`` in the checkout (git-ignored, reused
while its stamp matches): the engine from PyPI, polax editable from the checkout, and every other
package pinned to the version the test venv has (a constraints file from ``pip freeze``), so that a
difference between two builds is the engine's, not a library's. MkDocs 1.6.1 itself is the test venv.

"Timestamps aside" means: a date-time (ISO 8601 or RFC 822) that falls within the minutes the
builds ran is the build time (``site.time``, e.g. lanyon's ``atom.xml``) and compares equal to any
other such date-time; every other byte of every file must match. The one engine difference
normalised on top is the ``search`` plugin's ``config`` in ``search/search_index.json`` (mkdocs-ng
writes a ``stop_words`` key that MkDocs 1.6.1 does not have): its ``docs`` must match exactly.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

CACHE = Path(os.environ.get("POLAX_ENGINES_DIR", ROOT / ".venv-engines"))

# The engines tested, and the releases: README "Engines" quotes these.
PROPERDOCS_SPEC = "properdocs>=1.6.7,<1.7"
MKDOCS_NG_SPEC = "mkdocs-ng>=1.8.0,<1.9"
MKDOCS_2_SPEC = "mkdocs==2.0.dev6"  # MkDocs 2's pre-release on PyPI: polax must refuse it in one line


@dataclass(frozen=True)
class Engine:
    """An engine's command line (``[python, -m, module]``) and what it reports as its version."""

    name: str
    python: Path
    module: str
    version: str

    def command(self, *args: str) -> list[str]:
        return [str(self.python), "-m", self.module, *args]


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc


def pip(python: Path, *args: str) -> None:
    run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args])


def module_version(python: Path, module: str) -> str:
    return run([str(python), "-c", f"import {module}; print({module}.__version__)"]).stdout.strip()


@contextmanager
def locked() -> Iterator[None]:
    """One process at a time creates or changes the engine venvs."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def constraints() -> Path:
    """The test venv's packages (MkDocs 1.6.1, Markdown, Pygments, ...) as pip constraints."""
    frozen = run([sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"]).stdout
    lines = [
        line
        for line in frozen.splitlines()
        if "==" in line and " @ " not in line and not line.lower().startswith(("mkdocs-polax", "mkdocs_polax"))
    ]
    path = CACHE / "constraints.txt"
    path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    return path


def _stamp(spec: list[str], cons: Path) -> str:
    digest = hashlib.sha256()
    for part in (sys.version, *spec, cons.read_text(), (ROOT / "pyproject.toml").read_text()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def engine_venv(name: str, steps: list[list[str]]) -> Path:
    """A venv at ``.venv-engines/<name>`` made by running ``pip install`` with each argument list of
    ``steps`` in order (the word ``CONSTRAINTS`` stands for the test venv's pins). Reused while
    nothing it was made from changed."""
    with locked():
        cons = constraints()
        home = CACHE / name
        python = home / "bin" / "python"
        stamp = _stamp([" ".join(step) for step in steps], cons)
        if python.is_file() and (home / "polax-stamp").is_file() and (home / "polax-stamp").read_text() == stamp:
            return python
        shutil.rmtree(home, ignore_errors=True)
        venv.create(home, with_pip=True)
        for step in steps:
            pip(python, *(str(cons) if arg == "CONSTRAINTS" else arg for arg in step))
        (home / "polax-stamp").write_text(stamp)
        return python


# -- comparing two builds ------------------------------------------------------------------------

_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
_RFC822 = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} (?:[+-]\d{4}|GMT|UTC|Z)"
)
BUILD_TIME = "<build time>"
TEXT = (".html", ".xml", ".json", ".txt", ".css", ".js", ".svg", ".webmanifest", ".md")


@dataclass(frozen=True)
class Window:
    """The minutes the builds ran (UTC): a date-time inside is the build time."""

    start: dt.datetime
    end: dt.datetime

    def holds(self, when: dt.datetime) -> bool:
        if when.tzinfo is None:
            when = when.astimezone()  # a naive time is the machine's local time
        return self.start <= when <= self.end


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


def without_build_time(text: str, window: Window) -> str:
    """``text`` with every date-time inside ``window`` replaced by ``<build time>``."""

    def iso(match: re.Match[str]) -> str:
        when = _iso(match[0])
        return BUILD_TIME if when is not None and window.holds(when) else match[0]

    def rfc822(match: re.Match[str]) -> str:
        when = _rfc822(match[0])
        return BUILD_TIME if when is not None and window.holds(when) else match[0]

    return _RFC822.sub(rfc822, _ISO.sub(iso, text))


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _search_index(data: bytes, reference: bytes) -> str:
    got, ref = json.loads(data), json.loads(reference)
    config = {k: v for k, v in got.get("config", {}).items() if k in ref.get("config", {})}
    return json.dumps({"config": config, "docs": got.get("docs")}, indent=1, sort_keys=True)


def normalised(rel: str, data: bytes, reference: bytes, window: Window) -> str | bytes:
    if rel.endswith("search/search_index.json"):
        return _search_index(data, reference)
    if rel.endswith(TEXT):
        return without_build_time(data.decode("utf-8", "replace"), window)
    return data


def first_difference(a: str, b: str) -> str:
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if x != y:
            return f"line {n}: {x[:160]!r} != {y[:160]!r}"
    return f"lengths {len(a)} != {len(b)}"


def differences(reference: Path, other: Path, window: Window) -> list[str]:
    """What differs between two built sites: missing or extra files, then each file whose contents
    differ (timestamps aside), with its first differing line."""
    ref, got = site_files(reference), site_files(other)
    out = [f"missing: {rel}" for rel in sorted(ref.keys() - got.keys())]
    out += [f"extra: {rel}" for rel in sorted(got.keys() - ref.keys())]
    for rel in sorted(ref.keys() & got.keys()):
        want = normalised(rel, ref[rel], ref[rel], window)
        have = normalised(rel, got[rel], ref[rel], window)
        if want != have:
            detail = first_difference(want, have) if isinstance(want, str) and isinstance(have, str) else "bytes"
            out.append(f"differs: {rel} ({detail})")
    return out
