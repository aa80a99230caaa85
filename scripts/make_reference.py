#!/usr/bin/env python3
"""Rebuilds the Jekyll reference outputs the tests compare against (needs Debian's ``jekyll``).

For each permalink variant, copies ``tests/fixtures/jekyll-rules/base`` with ``permalink:`` set,
runs ``../shared/tools/jekyll_reference.py`` on it and keeps Jekyll's ``outputs.tsv`` as
``tests/fixtures/jekyll-rules/reference/<variant>.tsv``.

Usage: python scripts/make_reference.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "tests" / "fixtures" / "jekyll-rules"
TOOL = ROOT.parent / "shared" / "tools" / "jekyll_reference.py"

# variant name -> the permalink line added to _config.yml (None: Jekyll's default, 'date')
VARIANTS: dict[str, str | None] = {
    "default": None,
    "pretty": "pretty",
    "ordinal": "ordinal",
    "weekdate": "weekdate",
    "none": "none",
    "custom": "/:categories/:year/:i_month/:i_day/:short_year/:hour-:minute-:second/:title/",
    "slug": "/blog/:slug:output_ext",
    "slugified": "/:slugified_categories/:y_day/:name/",
}


def variant_tree(dest: Path, permalink: str | None) -> None:
    shutil.copytree(RULES / "base", dest, symlinks=True)
    if permalink is not None:
        cfg = dest / "_config.yml"
        cfg.write_text(cfg.read_text() + f'permalink: "{permalink}"\n')


def main() -> int:
    out_dir = RULES / "reference"
    out_dir.mkdir(exist_ok=True)
    for name, permalink in VARIANTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src"
            variant_tree(src, permalink)
            subprocess.run([sys.executable, str(TOOL), str(src), str(Path(tmp) / "out")], check=True)
            shutil.copy(Path(tmp) / "out" / "outputs.tsv", out_dir / f"{name}.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
