"""Helpers for the output tests: the parity script as a module, and readers for feeds and head tags."""

from __future__ import annotations

import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import feedparser
import xmlschema
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, ROOT

SITEMAP_SCHEMA = xmlschema.XMLSchema(str(FIXTURES / "sitemaps" / "sitemap.xsd"))


def parity_script() -> ModuleType:
    """``scripts/outputs_parity.py``, imported so that the tests and the script share one comparison."""
    name = "outputs_parity"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "outputs_parity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def parse_feed(path: Path) -> Any:
    """The feed parsed by feedparser, after checking that it is well-formed XML (no bozo)."""
    ET.parse(path)  # raises on anything not well-formed
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def head(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    assert soup.head is not None
    return soup


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    """Every ``content`` of ``<meta name=key>`` or ``<meta property=key>``."""
    found = soup.find_all("meta", attrs={"name": key}) + soup.find_all("meta", attrs={"property": key})
    return [str(m["content"]) for m in found]


def canonical(soup: BeautifulSoup) -> list[str]:
    return [str(link["href"]) for link in soup.find_all("link", rel="canonical")]


def json_ld(soup: BeautifulSoup) -> list[Any]:
    return [json.loads(s.string or "") for s in soup.find_all("script", type="application/ld+json")]
