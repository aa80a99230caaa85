"""Lookups that replace scans of every post keep the scans' answers (speed, issue 6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.liquid.engine import _SOURCE_DATE
from mkdocs_polax.liquid.tags import post_name_matches, post_name_parts

_date = st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(0, 2100), st.integers(0, 13), st.integers(0, 40))
_segment = st.text(alphabet="ab_-./0123456789", min_size=0, max_size=8)


@st.composite
def _source_and_name(draw: st.DrawFn) -> tuple[str, str]:
    folder = draw(st.sampled_from(["", "dir/", "a/b/"]))
    sub = draw(st.sampled_from(["", "sub/", "x/y/"]))
    stem = f"{draw(_date)}-{draw(_segment)}"
    source = f"{folder}_posts/{sub}{stem}.{draw(st.sampled_from(['md', 'html', 'markdown']))}"
    # The name Jekyll users write ('sub/2021-10-28-slug', 'dir/2021-10-28-slug'), or any other.
    own = f"{draw(st.sampled_from([folder, sub, '']))}{stem}"
    other = f"{draw(st.sampled_from(['', 'dir/', 'sub/', '/']))}{draw(_date)}-{draw(_segment)}"
    return source, draw(st.sampled_from([own, other]))


@given(_source_and_name())
def test_post_url_index_keeps_every_match(pair: tuple[str, str]) -> None:
    """{% post_url %} looks posts up by the dates in their paths: every post that the scan of all
    posts would match is filed under the name's date."""
    source, name = pair
    if post_name_matches(name, source):
        parts = post_name_parts(name)
        assert parts is not None
        assert parts[1] in _SOURCE_DATE.findall(source)


def test_the_usual_names_are_found() -> None:
    for source, name in (
        ("_posts/2021-10-28-tiktok.md", "2021-10-28-tiktok"),
        ("_posts/2021-10-28-v1.0.md", "2021-10-28-v1.0"),
        ("_posts/sub/2021-1-2-x.md", "sub/2021-1-2-x"),
        ("dir/_posts/2021-10-28-x.md", "dir/2021-10-28-x"),
    ):
        parts = post_name_parts(name)
        assert post_name_matches(name, source) and parts is not None
        assert parts[1] in _SOURCE_DATE.findall(source)


def _regex_post_name_matches(name: str, source: str) -> bool:
    """post_name_matches as first written (a regex per call): the reference for the text version."""
    import re

    from mkdocs_polax.liquid.tags import POST_NAME

    m = POST_NAME.match(name.lstrip("/"))
    if not m:
        return False
    path, date, slug = m.group(1) or "", m.group(2), m.group(3)
    base = re.escape(date) + "-" + re.escape(slug) + r"\.[^.]+"
    pattern = rf"^_posts/{re.escape(path)}{base}|^{re.escape(path)}_posts/?{base}"
    return re.match(pattern, source) is not None


_text = st.text(alphabet="ab_-./0123456789\n٣", max_size=12)


@given(_source_and_name(), _text, _text)
def test_post_name_matches_as_the_regex_did(pair: tuple[str, str], noise: str, tail: str) -> None:
    source, name = pair
    for s, n in ((source, name), (source + tail, name), (noise + source, name), (source, noise), (noise, name)):
        assert post_name_matches(n, s) == _regex_post_name_matches(n, s)
