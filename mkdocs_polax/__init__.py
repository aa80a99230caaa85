"""mkdocs-polax: build a Jekyll blog with MkDocs, every post at its Jekyll URL."""

from __future__ import annotations

from .engines import MKDOCS, MKDOCS_2_MESSAGE, Engine, check_running_engine, engine_problem

__version__ = "0.1.0"

__all__ = ["MKDOCS_2_MESSAGE", "__version__", "check_host"]


def check_host(version: str) -> None:
    """Stop with a clear message on a host without MkDocs 1.x's plugin API (MkDocs 2)."""
    problem = engine_problem(Engine(MKDOCS, version))
    if problem:
        raise SystemExit(problem)


# Before any module that imports MkDocs: on an engine polax cannot run on, one line, no traceback.
check_running_engine()
