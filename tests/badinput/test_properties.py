"""Properties of the whole mapping, front matter in -> URL, output path and Post out: whatever a file
says, the Reader returns (problems name the file and key), every output path stays in the site, and
the result is the same every time."""

from __future__ import annotations

import datetime as dt
import posixpath
import string
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_polax.jekyll.config import build_config
from mkdocs_polax.jekyll.dates import parse_date, site_timezone
from mkdocs_polax.jekyll.errors import JekyllError
from mkdocs_polax.jekyll.permalink import MAX_DEST_DEPTH, check_dest
from mkdocs_polax.jekyll.post import make_post
from mkdocs_polax.jekyll.site import Site, read_site
from mkdocs_polax.jekyll.slugify import slugify

KEYS = ["title", "date", "permalink", "slug", "categories", "category", "tags", "tag", "published", "author"]
PATHISH = st.text(alphabet=string.ascii_letters + "/.%\\:?#~ é日\t", max_size=30)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=20),
    PATHISH,
    st.dates(min_value=dt.date(1, 1, 2)),
    st.from_regex(r"\d{4}-\d{1,2}-\d{1,2}( \d\d:\d\d:\d\d [+-]\d{4})?", fullmatch=True),
)
values = st.recursive(scalars, lambda v: st.lists(v, max_size=3) | st.dictionaries(st.text(max_size=5), v, max_size=3))
front_matter = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
CONFIG = build_config({"permalink": "/:categories/:year/:month/:day/:title/"})


def read(files: dict[str, str]) -> Site:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        return read_site(root, CONFIG, now=NOW, future=True)


def source(front: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\nbody\n"


def inside(dest: str) -> bool:
    norm = posixpath.normpath(dest)
    return bool(dest) and not norm.startswith(("../", "/")) and norm != ".." and "\\" not in dest


@PROPS
@given(front_matter)
def test_any_front_matter_maps_or_is_named(front: dict[str, Any]) -> None:
    files = {"_posts/2021-05-05-prop.md": source(front), "page.md": source(front)}
    site = read(files)
    for problem in [*site.problems, *site.errors]:
        assert problem.file in files, problem
        assert problem.key is None or problem.key in front or problem.key == "permalink", problem
        assert "Traceback" not in problem.message
    for doc in [*site.posts, *site.pages]:
        assert inside(doc.dest), doc.dest
        assert len(doc.dest.split("/")) <= MAX_DEST_DEPTH
        post = make_post(doc, {}, [])
        assert isinstance(post.title, str) and all(isinstance(c, str) for c in post.categories)
    assert len(site.posts) + sum(1 for e in site.errors if e.file.startswith("_posts")) + site.skipped[
        "unpublished"
    ] >= 1 or not front.get("published", True)


@PROPS
@given(front_matter)
def test_mapping_is_deterministic(front: dict[str, Any]) -> None:
    files = {"_posts/2021-05-05-prop.md": source(front)}
    first, second = read(files), read(files)
    assert [(d.url, d.dest, d.data.get("title")) for d in first.posts] == [
        (d.url, d.dest, d.data.get("title")) for d in second.posts
    ]
    assert first.problems == second.problems and first.errors == second.errors


@PROPS
@given(PATHISH | st.text(max_size=40), st.booleans())
def test_any_permalink_stays_in_the_site_or_is_an_error_naming_the_key(permalink: str, page: bool) -> None:
    rel = "page.md" if page else "_posts/2021-05-05-prop.md"
    site = read({rel: source({"title": "P", "permalink": permalink})})
    docs = site.pages if page else site.posts
    if docs:
        assert inside(docs[0].dest), (permalink, docs[0].dest)
    else:
        assert any(e.key == "permalink" and e.file == rel for e in site.errors), (permalink, site.errors)


@PROPS
@given(st.lists(st.text(max_size=12), max_size=8), st.text(max_size=30))
def test_categories_and_slug_never_leave_the_site(categories: list[str], slug: str) -> None:
    site = read({"_posts/2021-05-05-prop.md": source({"title": "P", "categories": categories, "slug": slug})})
    for doc in site.posts:
        assert inside(doc.dest), doc.dest
    for problem in site.errors:
        assert problem.key == "permalink" and problem.file == "_posts/2021-05-05-prop.md"


@given(st.text(max_size=200))
def test_check_dest_is_idempotent_and_inside(dest: str) -> None:
    try:
        once = check_dest(dest, "f.md")
    except JekyllError as err:
        assert err.file == "f.md" and err.key == "permalink"
        return
    assert inside(once) and check_dest(once, "f.md") == once


@given(st.text(max_size=60), st.sampled_from(["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"]))
def test_dates_are_deterministic_aware_or_refused(text: str, zone: str) -> None:
    tz = site_timezone(zone)
    try:
        first = parse_date(text, tz)
    except (ValueError, OverflowError):
        return
    assert first == parse_date(text, tz)
    assert first[0].tzinfo is not None


@given(st.text(max_size=60), st.sampled_from(["default", "pretty", "ascii", "latin", "raw"]))
def test_slug_in_a_url_segment_never_escapes(text: str, mode: str) -> None:
    slug = slugify(text, mode) or ""
    assert slugify(slug, mode) == slug  # idempotent
    if mode != "raw":  # a slug may still be '..' (pretty keeps dots): sanitize_url makes that '/'
        assert "/" not in slug and "\\" not in slug


def test_a_dot_dot_slug_stays_inside() -> None:
    site = read({"_posts/2021-05-05-prop.md": source({"title": "..", "slug": "..", "categories": ["..", "."]})})
    assert [inside(d.dest) for d in site.posts] == [True], [d.dest for d in site.posts]
