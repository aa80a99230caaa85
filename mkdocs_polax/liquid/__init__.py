"""Jekyll's Liquid on python-liquid: the tags, filters and ``site``/``page`` objects Jekyll 4.3 gives
templates. ``JekyllLiquid`` is built once per build and renders one document at a time."""

from __future__ import annotations

from .drops import DocumentDrop, LiquidTime, SiteDrop, read_data_dir
from .engine import JekyllEnvironment, JekyllLiquid
from .filters import FILTERS
from .tags import JEKYLL_TAGS

__all__ = [
    "FILTERS",
    "JEKYLL_TAGS",
    "DocumentDrop",
    "JekyllEnvironment",
    "JekyllLiquid",
    "LiquidTime",
    "SiteDrop",
    "read_data_dir",
]
