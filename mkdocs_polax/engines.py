"""Which MkDocs 1.x engine is running polax, and whether polax can run on it.

polax runs on MkDocs 1.6.1 and on its maintained drop-ins: ProperDocs 1.6.x (its own ``properdocs``
package; it aliases ``mkdocs`` to itself) and mkdocs-ng 1.8.x (installs the ``mkdocs`` package
itself). This module imports no MkDocs code: it must work, and say what is wrong, on an engine that
polax cannot load on (MkDocs 2, or a ``mkdocs`` folder that two distributions have written over).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

MKDOCS = "MkDocs"
PROPERDOCS = "ProperDocs"
MKDOCS_NG = "mkdocs-ng"

# (lowest, first unsupported) release of each engine; the tests build on each (tests/engines).
SUPPORTED: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    MKDOCS: ((1, 6), (2, 0)),
    PROPERDOCS: ((1, 6), (2, 0)),
    MKDOCS_NG: ((1, 7), (2, 0)),
}

INSTALL_INSTEAD = (
    "Install MkDocs 1.6 ('pip install \"mkdocs<2\"') or one of its maintained drop-ins: "
    "ProperDocs ('pip install properdocs', then 'properdocs build') or mkdocs-ng ('pip install mkdocs-ng')."
)

MKDOCS_2_MESSAGE = (
    "mkdocs-polax is a plugin and theme for MkDocs 1.x, and MkDocs {version} has no plugin system. " + INSTALL_INSTEAD
)


@dataclass(frozen=True)
class Engine:
    """The engine at work: its name, the version its ``mkdocs`` module reports, and, when the
    ``mkdocs-ng`` distribution is installed, that distribution's version."""

    name: str
    version: str
    ng_dist: str | None = None


def _release(version: str) -> tuple[int, int] | None:
    """``(major, minor)`` of a version such as ``1.6.1`` or ``2.0.dev6``; ``None`` when unreadable."""
    match = re.match(r"(\d+)(?:\.(\d+))?", version.strip())
    if match is None:
        return None
    return int(match[1]), int(match[2] or 0)


def engine_problem(engine: Engine) -> str | None:
    """One line saying why polax cannot run on ``engine`` and what to install, or ``None``."""
    if engine.ng_dist is not None and engine.name == MKDOCS and engine.version != engine.ng_dist:
        return (
            f"mkdocs-ng {engine.ng_dist} is installed, but its 'mkdocs' package has been overwritten by "
            f"MkDocs {engine.version} (pip installs MkDocs as a dependency of plugins, mkdocs-polax included): "
            "run 'pip install --force-reinstall --no-deps mkdocs-ng'."
        )
    name = MKDOCS_NG if engine.ng_dist is not None and engine.name == MKDOCS else engine.name
    release = _release(engine.version)
    if release is None or name not in SUPPORTED:
        return None  # an unusual version string: let the engine try
    low, high = SUPPORTED[name]
    if name == MKDOCS and release >= high:
        return MKDOCS_2_MESSAGE.format(version=engine.version)
    if release >= high:
        return (
            f"mkdocs-polax supports {name} {low[0]}.{low[1]} up to {high[0]}.0, and {name} {engine.version} "
            f'is installed: pip install "{_dist(name)}<{high[0]}".'
        )
    if release < low:
        return (
            f"mkdocs-polax needs {name} {low[0]}.{low[1]} or later, and {name} {engine.version} is installed: "
            f'pip install -U "{_dist(name)}>={low[0]}.{low[1]},<{high[0]}".'
        )
    return None


def _dist(name: str) -> str:
    return {MKDOCS: "mkdocs", PROPERDOCS: "properdocs", MKDOCS_NG: "mkdocs-ng"}[name]


def _dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def running_engine() -> Engine | None:
    """The engine whose ``mkdocs`` module this process imports (``None`` when there is none)."""
    mkdocs = sys.modules.get("mkdocs")
    if mkdocs is None:
        try:
            import mkdocs
        except ImportError:
            return None
    version = str(getattr(mkdocs, "__version__", ""))
    properdocs = sys.modules.get("properdocs")
    if properdocs is not None and mkdocs is properdocs:
        return Engine(PROPERDOCS, version)
    return Engine(MKDOCS, version, _dist_version("mkdocs-ng"))


def check_running_engine() -> None:
    """Stop with one line (no traceback) when polax cannot run on the engine that loads it."""
    engine = running_engine()
    problem = engine_problem(engine) if engine is not None else None
    if problem:
        raise SystemExit(problem)
