"""The body of a post or page on its way to HTML: before Markdown (Liquid) and after it (excerpt,
reading time). Kept apart from the plugin so that every step can be tested on its own."""

from __future__ import annotations

import html
import re

from .jekyll.post import Post
from .jekyll.site import Document

_TAG = re.compile(r"<[^>]+>")
_PARA = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
WORDS_PER_MINUTE = 200


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, white space folded."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def excerpt_html(body_html: str) -> str | None:
    """Jekyll's default excerpt: the first paragraph of the rendered body."""
    m = _PARA.search(body_html)
    return m.group(0) if m else None


def reading_time(body_html: str) -> int:
    words = len(plain_text(body_html).split())
    return max(1, round(words / WORDS_PER_MINUTE))


class ContentPipeline:
    """Turns a document's source body into what MkDocs renders, and reads back what it rendered."""

    def before_markdown(self, doc: Document) -> str:
        """The text MkDocs' Markdown (or, for HTML sources, nothing) receives."""
        return doc.body

    def after_markdown(self, doc: Document, post: Post, body_html: str) -> str:
        """Fill the post's excerpt and reading time from the rendered body; return the body."""
        if post.excerpt is None:
            given = post.meta.get("excerpt")
            ex = html.escape(str(given)) if isinstance(given, str) else excerpt_html(body_html)
            if ex:
                post.excerpt_html = ex if ex.startswith("<p") else f"<p>{ex}</p>"
                post.excerpt = plain_text(ex)
        post.reading_time = reading_time(body_html)
        return body_html

    def render_raw(self, doc: Document) -> str:
        """A page written without the theme (``feed.xml``, ``robots.txt``, ``layout: null``)."""
        return doc.body
