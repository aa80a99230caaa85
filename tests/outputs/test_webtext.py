"""Property tests of the text helpers every output relies on: whatever a post holds, XML stays
well-formed, JSON-LD stays valid and inert, URLs stay absolute."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.feeds import FeedItem, FeedSettings, FeedSite, FeedSpec, atom_feed, jekyll_id
from mkdocs_polax.jekyll.post import Post
from mkdocs_polax.seo import script_json
from mkdocs_polax.webtext import absolute_url, absolutize_html, cdata, strip_html, xml_escape, xml_safe, xmlschema

PIECES = ["]]>", "</script>", "<!--", "<", ">", "&", '"', "'", "\x00", "\x0b", "\x1f", "\r\n", "\u2028", "\ud800"]
HOSTILE = st.lists(st.text() | st.sampled_from(PIECES), max_size=8).map("".join)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@given(HOSTILE)
def test_cdata_round_trips(text: str) -> None:
    element = ET.fromstring(f"<a>{cdata(text)}</a>")
    assert (element.text or "") == _newlines(xml_safe(text))


@given(HOSTILE)
def test_xml_escape_in_attribute_and_text(text: str) -> None:
    element = ET.fromstring(f'<a b="{xml_escape(text)}">{xml_escape(text)}</a>')
    assert (element.text or "") == _newlines(xml_safe(text))
    assert element.get("b") == re.sub(r"[\t\n]", " ", _newlines(xml_safe(text)))


SAFE = HOSTILE.map(xml_safe)


@given(st.recursive(SAFE | st.integers(), lambda kids: st.lists(kids) | st.dictionaries(SAFE, kids)))
def test_script_json_is_valid_and_inert(value: object) -> None:
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


@given(HOSTILE)
def test_script_json_keeps_strings(text: str) -> None:
    clean = xml_safe(text)
    assert json.loads(script_json(clean)) == clean


@given(st.text())
def test_absolute_url_is_absolute(path: str) -> None:
    url = absolute_url("https://example.com/blog", path)
    if not re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)", path):
        assert url.startswith("https://example.com/blog/")
        assert not re.search(r"\s", url) and url.isascii()


def test_absolute_url_cases() -> None:
    base = "https://polax.co.uk"
    assert absolute_url(base, "/blog/tiktok-for-ecommerce") == "https://polax.co.uk/blog/tiktok-for-ecommerce"
    assert absolute_url(base, "img/a b.png") == "https://polax.co.uk/img/a%20b.png"
    assert absolute_url(base, "/caf%C3%A9/") == "https://polax.co.uk/caf%C3%A9/"
    assert absolute_url(base, "/café/") == "https://polax.co.uk/caf%C3%A9/"
    assert absolute_url(base, "https://cdn.example.org/x.png?h=1&w=2") == "https://cdn.example.org/x.png?h=1&w=2"
    assert absolute_url("", "/x/") == "/x/"


def test_absolutize_html() -> None:
    html = '<a href="../b/">b</a> <img src="img/x.png"> <a href="#top">t</a> <a href="https://o.org/">o</a>'
    out = absolutize_html(html, "https://ex.com/2020/04/01/post/")
    assert 'href="https://ex.com/2020/04/01/b/"' in out
    assert 'src="https://ex.com/2020/04/01/post/img/x.png"' in out
    assert 'href="https://ex.com/2020/04/01/post/#top"' in out
    assert 'href="https://o.org/"' in out


def test_strip_html_and_xmlschema() -> None:
    assert strip_html('<span class="h">Sparkling</span>\n  Title <script>x()</script>') == "Sparkling Title"
    assert xmlschema(dt.datetime(2021, 10, 28, tzinfo=dt.timezone.utc)) == "2021-10-28T00:00:00+00:00"
    tz = dt.timezone(dt.timedelta(hours=-7))
    assert xmlschema(dt.datetime(2013, 5, 5, 17, 12, 52, 123, tzinfo=tz)) == "2013-05-05T17:12:52-07:00"


def _post(title: str, url: str = "/news/2020/01/02/x/", source: str = "_posts/2020-01-02-x.md") -> Post:
    return Post(
        source=source,
        kind="post",
        title=title,
        url=url,
        id=url.rstrip("/") + "/x",
        date=dt.datetime(2020, 1, 2, tzinfo=dt.timezone.utc),
        last_modified_at=None,
        description=title,
        image=None,
        image_alt=None,
        authors=[],
        categories=[title],
        tags=[],
        layout=None,
        draft=False,
        meta={},
    )


def test_jekyll_id_of_pretty_and_html_urls() -> None:
    # post.id comes from the reader (tests/jekyll/test_permalink.py checks Ruby's File.dirname rule)
    pretty = _post("t")
    pretty.id = "/news/2020/01/02/x"
    assert jekyll_id(pretty) == "/news/2020/01/02/x"
    html_post = _post("t", url="/2015/05/12/pre.html")
    html_post.id = "/2015/05/12/pre"
    assert jekyll_id(html_post) == "/2015/05/12/pre"


@given(HOSTILE, HOSTILE)
def test_atom_feed_always_well_formed(title: str, body: str) -> None:
    site = FeedSite(base="https://ex.com", title=title, description=title, author=title)
    xml = atom_feed(FeedSpec("/feed.xml"), [FeedItem(_post(title), "posts", body)], site, FeedSettings())
    root = ET.fromstring(xml.encode("utf-8"))
    entry = root.find("{http://www.w3.org/2005/Atom}entry")
    assert entry is not None
    content = entry.find("{http://www.w3.org/2005/Atom}content")
    assert content is not None and (content.text or "") == _newlines(xml_safe(body.strip()))
