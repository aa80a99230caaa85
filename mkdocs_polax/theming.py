"""Which templates escape by default.

MkDocs' Jinja environment does not autoescape. polax's own templates (the ``polax`` theme and the
``templates/material`` ones that let ``theme: material`` host the blog) are escaped by default, so that nothing from front matter can
become markup; a ``custom_dir`` override keeps MkDocs' usual behaviour (no autoescape).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
MATERIAL_DIR = Path(__file__).resolve().parent / "templates" / "material"  # post/listing under Material


def polax_theme_dir() -> Path:
    """The installed ``polax`` theme: ``theme/`` in a checkout, ``mkdocs_polax/theme`` in a wheel."""
    spec = importlib.util.find_spec("mkdocs_polax.theme")  # what the 'mkdocs.themes' entry point names
    if spec is not None and spec.origin:
        return Path(spec.origin).resolve().parent
    return THEME_DIR


def autoescape_for(dirs: list[str]) -> Callable[[str | None], bool]:
    """Jinja's ``autoescape`` callable: True for ``.html`` templates that resolve to polax's own folders."""
    own = {os.path.realpath(polax_theme_dir()), os.path.realpath(MATERIAL_DIR)}
    search = [os.path.realpath(d) for d in dirs]
    cache: dict[str, bool] = {}

    def decide(name: str | None) -> bool:
        if not name or not name.endswith(".html"):
            return False
        if name not in cache:
            cache[name] = False
            for d in search:
                if os.path.isfile(os.path.join(d, name)):
                    cache[name] = d in own
                    break
        return cache[name]

    return decide
