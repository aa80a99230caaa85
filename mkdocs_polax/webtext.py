"""Small text helpers shared by the feeds, SEO tags, redirects and sitemap: absolute URLs as Jekyll's
``absolute_url`` filter makes them, XML-safe text, plain text from HTML, and ``date_to_xmlschema``."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote, urljoin

# Characters XML 1.0 forbids (a feed holding one is not well-formed, whatever the escaping).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG = re.compile(r"<[^>]*>")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)
# What Addressable's normalize leaves alone in a path: RFC 3986 unreserved, sub-delims, ':', '@', '/', '%'.
_URL_SAFE = "/!$&'()*+,;=:@~%?#[]"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters, lone surrogates)."""
    return _XML_INVALID.sub("", text)


def xml_escape(text: str) -> str:
    """Text for an XML element or a double-quoted attribute (Liquid's ``xml_escape``), always well-formed."""
    return html.escape(xml_safe(text), quote=True)


def cdata(text: str) -> str:
    """``text`` in a CDATA section; a ``]]>`` inside is split across two sections."""
    return "<![CDATA[" + xml_safe(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def strip_html(fragment: str) -> str:
    """Liquid's ``strip_html | normalize_whitespace``: tags dropped, entities decoded, white space folded."""
    without = re.sub(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", "", fragment, flags=re.S | re.I)
    return " ".join(html.unescape(_TAG.sub("", without)).split())


def site_base(site_url: str | None) -> str:
    """``site_url`` without its trailing slash ('' when the site has none: URLs stay site-absolute)."""
    return (site_url or "").rstrip("/")


def absolute_url(base: str, url: str) -> str:
    """Jekyll's ``absolute_url``: a URL with a scheme stays; ``/x`` and ``x`` get the site's URL in front.

    ``base`` is ``site_url`` without its trailing slash (see :func:`site_base`); non-ASCII characters
    and spaces are percent-encoded, escapes already present are kept.
    """
    url = url.strip()
    if _SCHEME.match(url) or url.startswith("//"):
        return url
    path = quote("/" + url.lstrip("/"), safe=_URL_SAFE)
    return base + path


def absolutize_html(fragment: str, page_url: str) -> str:
    """Every relative ``href``/``src``/``poster`` of ``fragment`` resolved against ``page_url``.

    Feed readers show entries away from the site: a ``../img.png`` there points nowhere.
    """
    if not _SCHEME.match(page_url):
        return fragment

    def fix(m: re.Match[str]) -> str:
        value = m.group(3)
        if not value or _SCHEME.match(value) or value.startswith("//"):
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{urljoin(page_url, value)}{m.group(2)}"

    return re.sub(r"""(\s(?:href|src|poster)=)(["'])(.*?)\2""", fix, fragment, flags=re.I | re.S)


def safe_href(url: str) -> str | None:
    """``url`` if a reader's browser may follow it (http(s), mailto, relative); None for ``javascript:`` etc."""
    url = xml_safe(url).strip()
    # Browsers drop tabs, line ends and other controls inside a URL: 'java\tscript:' is 'javascript:'.
    probe = re.sub(r"[\x00-\x20\x7f]", "", url)
    if not url or _UNSAFE_SCHEME.match(probe):
        return None
    if _SCHEME.match(probe) and not re.match(r"^(https?|mailto):", probe, re.I):
        return None
    return url


def xmlschema(value: dt.datetime | dt.date) -> str:
    """Jekyll's ``date_to_xmlschema``: ``2021-10-28T00:00:00+01:00`` (seconds, offset with a colon)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.replace(microsecond=0).isoformat()
