"""Draw the example site's images (hero pictures and avatars) with the standard library alone.

Run from the repository root: ``python example-site/tools/make_images.py``. The PNGs are soft
gradients with a few shapes, small enough to commit; avatars are SVG initials.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"

# slug -> (top-left colour, bottom-right colour, shape colour, motif)
HEROES: dict[str, tuple[str, str, str, str]] = {
    "tiktok-for-ecommerce": ("#ff5f6d", "#ffc371", "#ffffff", "circles"),
    "email-list-from-zero": ("#2b5876", "#4e4376", "#f5d76e", "waves"),
    "product-photos-on-a-budget": ("#f7971e", "#ffd200", "#3a1c71", "rings"),
    "core-web-vitals-for-shops": ("#11998e", "#38ef7d", "#0b3d2e", "bars"),
    "choosing-a-colour-palette": ("#8e2de2", "#4a00e0", "#ffd6f0", "circles"),
    "jekyll-to-mkdocs": ("#0f2027", "#2c5364", "#7dd3fc", "grid"),
    "writing-product-descriptions": ("#ee9ca7", "#ffdde1", "#7a2941", "waves"),
    "local-seo-checklist": ("#134e5e", "#71b280", "#fef3c7", "rings"),
    "accessible-forms": ("#c94b4b", "#4b134f", "#fde68a", "bars"),
    "pricing-pages-that-convert": ("#1d976c", "#93f9b9", "#064e3b", "grid"),
}

SVG_HEROES: dict[str, tuple[str, str, str]] = {
    "small-team-big-launch": ("#0ea5e9", "#6366f1", "#fef9c3"),
    "newsletter-design-basics": ("#f43f5e", "#f59e0b", "#fff7ed"),
}

AVATARS: dict[str, tuple[str, str]] = {
    "ada": ("AL", "#7c3aed"),
    "sam": ("SP", "#0d9488"),
    "noor": ("NH", "#db2777"),
}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _inside(motif: str, x: int, y: int, w: int, h: int) -> float:
    """How much of the shape colour covers pixel (x, y): 0 to about 0.35."""
    u, v = x / w, y / h
    if motif == "circles":
        for cx, cy, r in ((0.72, 0.38, 0.22), (0.3, 0.7, 0.12), (0.88, 0.82, 0.07)):
            if (u - cx) ** 2 * (w / h) ** 2 + (v - cy) ** 2 < r * r:
                return 0.28
        return 0.0
    if motif == "waves":
        for k in range(3):
            line = 0.55 + 0.12 * k + 0.06 * math.sin(u * 9 + k)
            if abs(v - line) < 0.018:
                return 0.35
        return 0.0
    if motif == "rings":
        d = math.hypot((u - 0.65) * w / h, v - 0.5)
        return 0.3 if int(d * 14) % 2 == 0 and d < 0.45 else 0.0
    if motif == "bars":
        col = int(u * 10)
        height = 0.25 + 0.5 * abs(math.sin(col * 1.7))
        return 0.3 if col % 2 == 0 and v > 1 - height and col > 3 else 0.0
    if motif == "grid":
        return 0.22 if (x // 24) % 2 == (y // 24) % 2 and u > 0.5 else 0.0
    return 0.0


def png(path: Path, w: int, h: int, c1: str, c2: str, c3: str, motif: str) -> None:
    a, b, s = _rgb(c1), _rgb(c2), _rgb(c3)
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            px = _mix(a, b, (x / w + y / h) / 2)
            cover = _inside(motif, x, y, w, h)
            if cover:
                px = _mix(px, s, cover)
            rows.extend(px)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    body = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(body)


def svg_hero(path: Path, c1: str, c2: str, c3: str) -> None:
    path.write_text(
        f"""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{c1}"/><stop offset="1" stop-color="{c2}"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/>
<g fill="{c3}" fill-opacity=".3"><circle cx="880" cy="250" r="170"/><circle cx="360" cy="520" r="90"/><rect x="120" y="120" width="160" height="160" rx="28"/></g>
</svg>
""",
        encoding="utf-8",
    )


def avatar(path: Path, initials: str, colour: str) -> None:
    path.write_text(
        f"""<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<circle cx="48" cy="48" r="48" fill="{colour}"/>
<text x="48" y="60" text-anchor="middle" font-family="system-ui,sans-serif" font-size="36" font-weight="700" fill="#fff">{initials}</text>
</svg>
""",
        encoding="utf-8",
    )


def main() -> None:
    (OUT / "blog").mkdir(parents=True, exist_ok=True)
    (OUT / "authors").mkdir(parents=True, exist_ok=True)
    for slug, (c1, c2, c3, motif) in HEROES.items():
        png(OUT / "blog" / f"{slug}.png", 640, 360, c1, c2, c3, motif)
    for slug, (c1, c2, c3) in SVG_HEROES.items():
        svg_hero(OUT / "blog" / f"{slug}.svg", c1, c2, c3)
    for key, (initials, colour) in AVATARS.items():
        avatar(OUT / "authors" / f"{key}.svg", initials, colour)
    png(OUT / "diagram.png", 480, 200, "#e0e7ff", "#fce7f3", "#4338ca", "bars")


if __name__ == "__main__":
    main()
