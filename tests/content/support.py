"""Helpers for the content tests: build a fixture tree with polax (as a subprocess or in this process)
and read bodies back; the comparison rules are the body-parity script's own."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import FIXTURES, ROOT, Built, run_build


def body_parity() -> ModuleType:
    """``scripts/body_parity.py`` as a module (scripts/ is not a package)."""
    name = "polax_body_parity"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "body_parity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def build_fixture(fixture: str, root: Path, *args: str, options: str = "") -> Built:
    """Copy ``tests/fixtures/<fixture>/src`` to ``root/docs`` and build it with polax."""
    shutil.copytree(FIXTURES / fixture / "src", root / "docs")
    plugin = "  - polax" + (f":\n      {options}" if options else "")
    (root / "mkdocs.yml").write_text(f"site_name: {fixture}\ndocs_dir: docs\ntheme: polax\nplugins:\n{plugin}\n")
    return run_build(root, *args)


_LI = re.compile(r'<li id="([^"]+)">(.*?)</li>\n(?=<li id=|</ul>)', re.S)


def cases(html: str) -> dict[str, str]:
    """``<li id="case">output</li>`` lines of a Liquid fixture page."""
    return dict(_LI.findall(html))
