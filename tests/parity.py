"""Compare a built site with Jekyll's ``outputs.tsv`` (the rule of ../shared/tools/url_parity.py)."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path


def fold(text: str) -> str:
    """Letters and digits only, case folded, after dropping tags and entities."""
    return re.sub(r"[\W_]+", "", re.sub(r"<[^>]+>", " ", html.unescape(text)).casefold())


def parity(tsv: Path, site: Path) -> tuple[dict[str, list[int]], list[str]]:
    """Per kind (post, page, static): [matched, total]; and the misses."""
    got = {"post": [0, 0], "page": [0, 0], "static": [0, 0]}
    misses: list[str] = []
    with open(tsv, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            kind, out = row["kind"], site / row["output"]
            got[kind][1] += 1
            ok = out.is_file()
            if ok and kind != "static" and fold(row["title"]):
                ok = fold(row["title"]) in fold(out.read_text(encoding="utf-8", errors="replace"))
                if not ok:
                    misses.append(f"{row['source']}: {row['output']} lacks its title {row['title']!r}")
            elif not ok:
                misses.append(f"{kind} {row['source'] or '-'}: {row['output']} missing")
            got[kind][0] += ok
    return got, misses
