"""MkDocs search's ``search_index.json``, written a page at a time.

MkDocs' search plugin keeps every entry as a dict and, at the end of the build, makes the whole index
one string (``json.dumps(..., sort_keys=True, separators=(",", ":"))``), then one bytes object of it.
At 10,000 posts that is ~100 MB of entries (twice that once a curly quote makes a text two bytes a
character) and ~220 MB more for a moment. Here each page's entries are kept as their JSON text,
compressed, and the file is written from them piece by piece: the same bytes, a fraction of the memory.
No MkDocs import: ``compat.CompactSearchIndex`` plugs this into MkDocs' own ``SearchIndex``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from typing import Any, BinaryIO

_COMPACT = {"sort_keys": True, "separators": (",", ":"), "default": str}


def dumps(value: Any) -> str:
    """JSON exactly as MkDocs' search plugin writes it."""
    return json.dumps(value, **_COMPACT)  # type: ignore[arg-type]


def encode_entries(entries: Iterable[dict[str, Any]]) -> bytes:
    """A page's entries as the JSON text they have inside the index's ``docs`` list, compressed."""
    return zlib.compress(",".join(dumps(e) for e in entries).encode("ascii"), 1)


def decode_entries(blob: bytes) -> list[dict[str, Any]]:
    text = zlib.decompress(blob).decode("ascii")
    found: list[dict[str, Any]] = json.loads(f"[{text}]")
    return found


def write_index(out: BinaryIO, config: dict[str, Any], pages: Iterable[bytes]) -> None:
    """``{"config": ..., "docs": [...]}`` as ``json.dumps`` makes it (``config`` sorts before ``docs``)."""
    out.write(b'{"config":' + dumps(config).encode("ascii") + b',"docs":[')
    first = True
    for blob in pages:
        text = zlib.decompress(blob)
        if not text:
            continue
        if not first:
            out.write(b",")
        out.write(text)
        first = False
    out.write(b"]}")
