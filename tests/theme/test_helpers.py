"""The theme's Python helpers on their own: image sizes from file headers, related posts, the
pagination window and month runs of a listing page."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.images import ImageSizes, image_size
from mkdocs_polax.index import RELATED_WINDOW, build_index
from mkdocs_polax.jekyll.post import Post
from mkdocs_polax.listings import View

sizes = st.integers(min_value=1, max_value=65535)


def png(w: int, h: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def jpeg(w: int, h: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, h, w, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


@given(sizes, sizes)
def test_png_gif_jpeg_sizes(w: int, h: int) -> None:
    assert image_size(png(w, h)) == (w, h)
    assert image_size(b"GIF89a" + struct.pack("<HH", w, h) + b"\x00" * 8) == (w, h)
    assert image_size(jpeg(w, h)) == (w, h)


@given(st.integers(min_value=1, max_value=16384), st.integers(min_value=1, max_value=16384))
def test_webp_lossless_and_extended(w: int, h: int) -> None:
    bits = (w - 1) | ((h - 1) << 14)
    vp8l = b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f" + bits.to_bytes(4, "little")
    assert image_size(vp8l) == (w, h)
    vp8x = b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x00" * 8 + (w - 1).to_bytes(3, "little") + (h - 1).to_bytes(3, "little")
    assert image_size(vp8x) == (w, h)


def test_svg_sizes_and_unknown_data() -> None:
    assert image_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px"></svg>') == (120, 80)
    assert image_size(b'<?xml version="1.0"?>\n<svg viewBox="0 0 300 150"></svg>') == (300, 150)
    assert image_size(b'<svg width="100%" height="100%"></svg>') is None
    assert image_size(b"") is None and image_size(b"not an image") is None
    assert image_size(png(0, 10)) is None


def test_image_sizes_reads_only_inside_the_roots(tmp_path: Path) -> None:
    (tmp_path / "docs" / "img").mkdir(parents=True)
    (tmp_path / "docs" / "img" / "a b.png").write_bytes(png(40, 30))
    (tmp_path / "secret.png").write_bytes(png(1, 1))
    sizes = ImageSizes(tmp_path / "docs")
    assert sizes("/img/a%20b.png") == (40, 30) and sizes("img/a b.png") == (40, 30)
    assert sizes("/../secret.png") is None
    assert sizes("https://example.com/img/a%20b.png") is None and sizes(None) is None and sizes("/missing.png") is None


def make_post(n: int, categories: list[str], tags: list[str]) -> Post:
    date = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=n)
    return Post(
        source=f"_posts/{n}.md",
        kind="post",
        title=f"P{n}",
        url=f"/p{n}/",
        id=f"/p{n}",
        date=date,
        last_modified_at=None,
        description=None,
        image=None,
        image_alt=None,
        authors=[],
        categories=categories,
        tags=tags,
        layout=None,
        draft=False,
        meta={},
    )


labels = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=3, unique=True)


@given(st.lists(st.tuples(labels, labels), min_size=1, max_size=40), st.integers(min_value=0, max_value=6))
def test_related_posts_share_something_and_rank_by_overlap(spec: list[tuple[list[str], list[str]]], limit: int) -> None:
    posts = [make_post(i, c, t) for i, (c, t) in enumerate(spec)]
    index = build_index(posts)
    for post in posts:
        related = index.related(post, limit)
        assert len(related) <= limit and post not in related
        assert len({p.url for p in related}) == len(related)
        scores = [
            2 * len(set(post.categories) & set(p.categories)) + len(set(post.tags) & set(p.tags)) for p in related
        ]
        assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)
        assert index.related(post, limit) is related  # computed once, then cached


def test_related_posts_look_at_a_bounded_window_of_a_huge_group() -> None:
    posts = [make_post(i, [], ["everywhere"]) for i in range(500)]
    index = build_index(posts)
    middle = posts[250]
    related = index.related(middle, 3)
    # The nearest in date among posts sharing the tag, never further than the window.
    assert [p.title for p in related] == ["P249", "P251", "P248"]
    assert all(abs(int(p.title[1:]) - 250) <= RELATED_WINDOW for p in related)


def view(page: int, pages: int) -> View:
    urls = ["/"] + [f"/page{n}/" for n in range(2, pages + 1)]
    return View("index", "Blog", urls[page - 1], "index.html", [], page, pages, "/", None, urls)


@given(st.integers(min_value=1, max_value=60).flatmap(lambda m: st.tuples(st.integers(1, m), st.just(m))))
def test_page_links_window(case: tuple[int, int]) -> None:
    page, pages = case
    links = view(page, pages).page_links()
    nums = [n for n, _ in links if n is not None]
    assert nums[0] == 1 and nums[-1] == pages and page in nums
    assert nums == sorted(set(nums))
    assert all(abs(n - page) <= 2 or n in (1, pages) for n in nums)
    # A gap marker stands exactly where pages are left out.
    for (a, _), (b, _) in zip(links, links[1:], strict=False):
        if a is not None and b is not None:
            assert b == a + 1
    assert dict((n, u) for n, u in links if n is not None)[1] == "/"


def test_months_group_a_page_by_month() -> None:
    posts = [make_post(n, [], []) for n in (60, 45, 40, 3)]  # 2020-03-01, 02-15, 02-10, 01-04
    v = View("archive", "2020", "/archive/2020/", "x", posts, 1, 1, "/archive/2020/")
    runs = v.months()
    assert [(first.date.month if first.date else 0, len(run)) for first, run in runs] == [(3, 1), (2, 2), (1, 1)]
