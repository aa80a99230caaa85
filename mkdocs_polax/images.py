"""Pixel sizes of the site's images, read from the files' headers once per image.

The theme gives every hero and card image its ``width`` and ``height`` so that the browser
reserves the space before the image arrives (no layout shift). PNG, GIF, JPEG, WebP and SVG are
read with the standard library; anything else, or a remote URL, has no size and the theme falls
back to a CSS ``aspect-ratio``.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import unquote, urlsplit

Size = tuple[int, int]

_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
_ATTR = re.compile(rb"""\b(width|height|viewBox)\s*=\s*["']([^"']*)["']""")
_NUMBER = re.compile(rb"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def image_size(data: bytes) -> Size | None:
    """(width, height) of an image from its first bytes, or None when the format is not known."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24 and data[12:16] == b"IHDR":
        w, h = struct.unpack(">II", data[16:24])
        return _valid(w, h)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        w, h = struct.unpack("<HH", data[6:10])
        return _valid(w, h)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:2] == b"\xff\xd8":
        return _jpeg(data)
    head = data[:4096].lstrip()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) or b"<svg" in head:
        return _svg(data)
    return None


def _valid(w: int, h: int) -> Size | None:
    return (w, h) if w > 0 and h > 0 else None


def _webp(data: bytes) -> Size | None:
    kind = data[12:16]
    if kind == b"VP8 " and len(data) >= 30:
        w, h = struct.unpack("<HH", data[26:30])
        return _valid(w & 0x3FFF, h & 0x3FFF)
    if kind == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return _valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if kind == b"VP8X" and len(data) >= 30:
        return _valid(int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1)
    return None


def _jpeg(data: bytes) -> Size | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            i += 1 if marker == 0xFF else 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        # SOF0..SOF15 hold the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return _valid(w, h)
        i += 2 + length
    return None


def _svg(data: bytes) -> Size | None:
    root = _SVG_ROOT.search(data[:65536])
    if root is None:
        return None
    attrs = {m.group(1).decode(): m.group(2) for m in _ATTR.finditer(root.group(0))}
    w, h = _number(attrs.get("width")), _number(attrs.get("height"))
    if w and h:
        return _valid(round(w), round(h))
    box = (attrs.get("viewBox") or b"").replace(b",", b" ").split()
    if len(box) == 4:
        try:
            bw, bh = float(box[2]), float(box[3])
        except ValueError:
            return None
        return _valid(round(bw), round(bh))
    return None


def _number(value: bytes | None) -> float | None:
    if value is None:
        return None
    m = _NUMBER.match(value)
    return float(m.group(1)) if m else None


class ImageSizes:
    """Sizes of images named by site URLs (``/assets/x.png``), read from the source tree and cached."""

    def __init__(self, *roots: Path) -> None:
        self.roots = [r.resolve() for r in roots]
        self._cache: dict[str, Size | None] = {}

    def __call__(self, url: str | None) -> Size | None:
        if not url:
            return None
        if url not in self._cache:
            self._cache[url] = self._read(url)
        return self._cache[url]

    def _read(self, url: str) -> Size | None:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        rel = unquote(parts.path).lstrip("/")
        if not rel:
            return None
        for root in self.roots:
            path = (root / rel).resolve()
            if root not in path.parents or not path.is_file():
                continue
            try:
                with path.open("rb") as fh:
                    head = fh.read(65536)
            except OSError:
                return None
            return image_size(head)
        return None
