"""The body of a post or page on its way to HTML: before Markdown (Liquid, mojibake repair) and after
it (excerpt, reading time). Kept apart from the plugin so that every step can be tested on its own."""

from __future__ import annotations

import html
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import markdown
from mkdocs.plugins import get_plugin_logger

from .jekyll.errors import Problem
from .jekyll.post import Post
from .jekyll.site import Document, Site
from .liquid import JekyllLiquid
from .liquid.engine import restore_protected
from .search_json import decode_entries, encode_entries

log = get_plugin_logger(__name__)

_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|br|hr|tr|td|th|table|thead|tbody|blockquote|pre|figure|section)\b[^>]*>",
    re.I,
)
_PARA = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
WORDS_PER_MINUTE = 200
_ID = re.compile(r"""\b(?:id|name)=["']([^"']+)["']""")


@dataclass
class Converted:
    """A Markdown body as HTML, with what MkDocs' own render would have told the page."""

    html: str
    toc_tokens: list[dict[str, Any]]
    anchor_ids: set[str]
    # MkDocs search's entries for the page, made by a worker (``search_json.encode_entries``: they are
    # as long as the body and wait with it until the page is built), and the page title they were
    # made with
    search_entries: bytes | None = None
    search_title: str = ""
    words: int | None = None  # words of the body (reading time), counted by a worker

    def entries(self) -> list[dict[str, Any]] | None:
        return None if self.search_entries is None else decode_entries(self.search_entries)


# (body HTML, toc tokens, page URL, page title) -> the search plugin's entries for that page
SearchIndexer = Callable[[str, list[dict[str, Any]], str, str], list[dict[str, Any]]]


MarkdownCache = dict[tuple[str, str], Converted]  # (Markdown settings, text) -> result
_CACHE_LIMIT = 50_000
PARALLEL_MIN_TEXTS = 64  # below this, starting worker processes costs more than it saves

_worker_md: markdown.Markdown | None = None
_worker_indexer: SearchIndexer | None = None


def _start_worker(extensions: list[Any], configs: dict[str, Any], indexer: SearchIndexer | None) -> None:
    global _worker_md, _worker_indexer
    _worker_md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    _worker_indexer = indexer


def _convert(md: markdown.Markdown, text: str) -> Converted:
    md.reset()
    body = str(md.convert(text))
    return Converted(body, list(getattr(md, "toc_tokens", [])), set(_ID.findall(body)))


@dataclass
class Job:
    """One post for a worker: its text after Liquid, and what the search plugin would see of it."""

    text: str
    url: str
    title: str
    protected: dict[str, str]


def _convert_in_worker(job: Job) -> Converted:
    assert _worker_md is not None
    result = _convert(_worker_md, job.text)
    final = restore_protected(result.html, job.protected) if job.protected else result.html
    result.words = word_count(final)
    if _worker_indexer is not None:
        entries = _worker_indexer(final, result.toc_tokens, job.url, job.title)
        result.search_entries = encode_entries(entries)
        result.search_title = job.title
    return result


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    except (OSError, AttributeError):  # not glibc
        return None


_TRIM = _malloc_trim() if sys.platform == "linux" else None


def give_back_memory() -> None:
    """Return freed heap to the system (glibc's ``malloc_trim``): the posts' bodies arrive from the
    worker processes in bulk and are let go page by page; without this the peak RSS keeps them."""
    if _TRIM is not None:
        _TRIM(0)


def worker_processes(configured: int = 0) -> int:
    """Processes for Markdown and pages (option ``workers``; 0: the CPUs this process may use, at most
    4); 1 (none forked) where processes cannot be forked, whatever is configured: only Linux is
    trusted to fork a loaded interpreter."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return configured or max(1, min(4, len(os.sched_getaffinity(0))))


def convert_all(
    jobs: Iterable[Job],
    count: int,
    settings: tuple[list[Any], dict[str, Any]],
    workers: int,
    indexer: SearchIndexer | None = None,
) -> list[Converted] | None:
    """Many Markdown texts (``count`` of them, made as ``jobs`` is iterated: the workers convert the
    first ones meanwhile) converted by ``workers`` forked processes, each with one Markdown instance
    made from ``settings`` (and, with ``indexer``, the search entries of each page): the same results
    as one by one, in order. None when it is not worth it (one worker, few texts) or the pool failed;
    the caller then converts each text itself, so that an error is reported where the page is rendered."""
    if workers < 2 or count < PARALLEL_MIN_TEXTS:
        return None
    try:
        context = multiprocessing.get_context("fork")
        initargs = (*settings, indexer)
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=initargs) as pool:
            return list(pool.map(_convert_in_worker, jobs, chunksize=max(1, count // (workers * 8))))
    except Exception as exc:  # noqa: BLE001 - any failure: fall back to converting in the page events
        log.debug(f"Markdown in {workers} processes failed ({exc!r}); converting page by page")
        return None


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped (a block's end is a space, ``<em>`` is nothing),
    entities decoded, white space folded."""
    return " ".join(html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", fragment))).split())


def excerpt_html(body_html: str) -> str | None:
    """Jekyll's default excerpt: the first paragraph of the rendered body."""
    m = _PARA.search(body_html)
    return m.group(0) if m else None


def word_count(body_html: str) -> int:
    return len(plain_text(body_html).split())


def reading_time(body_html: str, words: int | None = None) -> int:
    """Minutes to read a body (``words``: its word count, when already known)."""
    count = word_count(body_html) if words is None else words
    return max(1, round(count / WORDS_PER_MINUTE))


def fix_mojibake_text(text: str) -> str:
    """UTF-8 that was decoded as Latin-1/Windows-1252 once, decoded right (``Â\\xa0`` -> ``\\xa0``)."""
    import ftfy

    return str(ftfy.fix_encoding(text))


def repair_lines(text: str, lines: list[int], first_line: int) -> str:
    """``text`` starts at file line ``first_line``; repair the given file lines of it."""
    parts = text.split("\n")
    for n in lines:
        i = n - first_line
        if 0 <= i < len(parts):
            parts[i] = fix_mojibake_text(parts[i])
    return "\n".join(parts)


# Characters that UTF-8 read as Latin-1/Windows-1252 starts with ('Â', 'Ã', 'â€', C1 controls).
_SUSPECT = re.compile("[\u00c2\u00c3\u00c5\u00e2\u0080-\u009f]")


def has_mojibake(line: str) -> bool:
    """ftfy's judgement on one line (it knows Windows-1252's ``â€™`` and a lone ``Â`` before a blank,
    which ``find_mojibake`` misses); cheap for lines without a suspect character."""
    from ftfy.badness import is_bad

    return bool(_SUSPECT.search(line)) and bool(is_bad(line))


def mojibake_lines(doc: Document) -> list[int]:
    """File lines of ``doc`` holding mojibake: the reader's finding plus ftfy's on the body."""
    lines = set(doc.mojibake_lines)
    if _SUSPECT.search(doc.body):
        for i, line in enumerate(doc.body.split("\n")):
            if has_mojibake(line):
                lines.add(doc.body_line + i)
    return sorted(lines)


def excerpt_separator(doc: Document, site_separator: str) -> str:
    value = doc.data.get("excerpt_separator")
    return value if isinstance(value, str) and value else site_separator


class ContentPipeline:
    """Turns a document's source body into what MkDocs renders, and reads back what it rendered.

    ``start`` is called once per build, when every file is known (``on_files``); until then the
    pipeline passes bodies through untouched.
    """

    def __init__(self) -> None:
        self.site: Site | None = None
        self.liquid: JekyllLiquid | None = None
        self.fix_mojibake = False
        self.rendered: dict[str, str] = {}
        self.uri_of: dict[int, str] = {}
        self.posts: dict[str, Post] = {}
        self._markdown: markdown.Markdown | None = None
        self._md_settings: tuple[list[Any], dict[str, Any]] = ([], {})
        self._settings_key: str | None = None
        # Set by the plugin under ``mkdocs serve`` only: results kept across rebuilds, so that after an
        # edit every other page's Markdown is not converted again (a build would only hold memory).
        self.cache: MarkdownCache | None = None
        self._prepared: dict[str, str] = {}  # src_uri -> text after Liquid (prepare_posts)
        self._ahead: dict[str, Converted] = {}  # src_uri -> Markdown converted in worker processes
        self._excerpt_heads: dict[int, str] = {}
        self._mojibake: dict[int, list[int]] = {}  # id(document) -> file lines with mojibake
        self._protected: dict[int, dict[str, str]] = {}  # id(document) -> placeholders of raw HTML
        self._fallback: dict[int, str] = {}
        self._site_separator = "\n\n"

    def start(
        self,
        site: Site,
        *,
        docs: dict[str, Document],
        posts: dict[str, Post],
        rendered: dict[str, str],
        markdown_extensions: list[Any],
        mdx_configs: dict[str, Any],
        fix_mojibake: bool = False,
        paginate: int | None = None,
        paginate_path: str = "/page:num/",
    ) -> None:
        """Build the Liquid environment and the ``site`` object for this build."""
        self.site = site
        self.fix_mojibake = fix_mojibake
        self.rendered = rendered
        self.posts = posts
        self.uri_of = {id(doc): uri for uri, doc in docs.items()}
        self._md_settings = (list(markdown_extensions), dict(mdx_configs))
        self._markdown = None
        # Only settings that are plain data can key the cache kept across serve's rebuilds.
        plain = all(isinstance(e, str) for e in markdown_extensions)
        self._settings_key = repr((list(markdown_extensions), sorted(mdx_configs.items(), key=str))) if plain else None
        self._site_separator = site.config.excerpt_separator
        self.liquid = JekyllLiquid(
            site,
            content_of=self.content_of,
            excerpt_of=self.excerpt_of,
            markdownify=self.markdownify,
            smartify=self.smartify,
            paginate=paginate,
            paginate_path=paginate_path,
        )
        self._mojibake = {}
        for doc in [*site.posts, *site.pages, *site.documents]:
            lines = mojibake_lines(doc)
            if lines:
                self._mojibake[id(doc)] = lines
                self._report_mojibake(doc, lines)

    # -- helpers the Liquid filters and drops call -------------------------------------------------
    def _md(self) -> markdown.Markdown:
        """One Markdown instance per build, reset between texts: making one per page (as MkDocs does)
        costs as much again as converting a post."""
        if self._markdown is None:
            exts, configs = self._md_settings
            self._markdown = markdown.Markdown(extensions=exts, extension_configs=configs)
        self._markdown.reset()
        return self._markdown

    def markdownify(self, text: str) -> str:
        return str(self._md().convert(text)) + "\n"

    def prepare_posts(
        self,
        docs: dict[str, Document],
        workers: int,
        pages: dict[str, tuple[str, str]] | None = None,
        indexer: SearchIndexer | None = None,
    ) -> None:
        """Liquid for every Markdown post now, and their Markdown in ``workers`` processes at once;
        ``prepared``/``take_converted`` then hand each page its result. Posts only: pages may show
        other documents' content, which Jekyll renders after the posts too. With ``indexer`` and
        ``pages`` (src_uri -> page URL and title), the workers make each post's search entries too."""
        uris = [uri for uri, doc in docs.items() if doc.kind == "post" and doc.is_markdown]
        if workers < 2 or len(uris) < PARALLEL_MIN_TEXTS:
            return
        sent: list[str] = []

        def jobs() -> Iterator[Job]:  # Liquid here while the workers convert the posts already sent
            for uri in uris:
                text = self._prepared[uri] = self.before_markdown(docs[uri])
                if not self._cached(text):
                    url, title = (pages or {}).get(uri, ("", ""))
                    sent.append(uri)
                    yield Job(text, url, title, dict(self._protected.get(id(docs[uri]), {})))

        results = convert_all(jobs(), len(uris), self._md_settings, workers, indexer if pages else None)
        if results is not None:
            self._ahead = dict(zip(sent, results, strict=True))
            log.debug(f"Markdown of {len(results)} posts converted in {workers} processes")

    def prepared(self, uri: str, doc: Document) -> str:
        """The text after Liquid of a document: made by ``prepare_posts``, else now."""
        text = self._prepared.pop(uri, None)
        return text if text is not None else self.before_markdown(doc)

    def take_converted(self, uri: str, text: str) -> Converted:
        """The HTML of a page's Markdown: converted ahead in worker processes, else now."""
        ahead = self._ahead.pop(uri, None)
        return ahead if ahead is not None else self.convert(text)

    def _cached(self, text: str) -> bool:
        return self.cache is not None and self._settings_key is not None and (self._settings_key, text) in self.cache

    def convert(self, text: str) -> Converted:
        """A page's Markdown body as HTML, its table of contents and its anchors."""
        key = None
        if self.cache is not None and self._settings_key is not None:
            key = (self._settings_key, text)
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        result = _convert(self._md(), text)
        if key is not None and self.cache is not None:
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            self.cache[key] = result
        return result

    def smartify(self, text: str) -> str:
        converted = markdown.markdown(
            text, extensions=["smarty"], extension_configs={"smarty": {"smart_angled_quotes": True}}
        )
        inner = re.sub(r"^<p>(.*)</p>$", r"\1", converted, flags=re.S)
        return re.sub(r"&([lr][sd]quo|[nm]dash|hellip|[lr]aquo);", lambda m: html.unescape(m.group(0)), inner)

    def content_of(self, doc: Document) -> str:
        """A document's rendered body: MkDocs' HTML once it has rendered it, else its Markdown converted."""
        uri = self.uri_of.get(id(doc))
        if uri is not None and uri in self.rendered:
            return self.rendered[uri]
        cached = self._fallback.get(id(doc))
        if cached is None:
            cached = self._fallback[id(doc)] = self.markdownify(doc.body) if doc.is_markdown else doc.body
        return cached

    def excerpt_of(self, doc: Document) -> str:
        uri = self.uri_of.get(id(doc))
        post = self.posts.get(uri) if uri is not None else None
        if post is not None and post.excerpt_html:
            return post.excerpt_html
        return excerpt_html(self.content_of(doc)) or ""

    # -- the pipeline ------------------------------------------------------------------------------
    def _report_mojibake(self, doc: Document, found: list[int]) -> None:
        lines = ", ".join(str(n) for n in found[:10])
        more = f" (and {len(found) - 10} more)" if len(found) > 10 else ""
        if self.fix_mojibake:
            log.info(f"{doc.source}: line {lines}{more}: repaired mojibake (UTF-8 read as Latin-1) in the output")
        else:
            log.warning(
                f"{doc.source}: line {lines}{more}: mojibake (UTF-8 text that was once decoded as Latin-1, "
                "such as 'Â' or 'â€™'). Fix the source, or set the polax option 'fix_mojibake: true' to repair "
                "it in the output"
            )

    def _log(self, problems: list[Problem]) -> None:
        for problem in problems:
            log.warning(str(problem))

    def _liquid(self, doc: Document, text: str, protect: bool = False) -> str:
        if self.liquid is None:
            return text
        out, problems = self.liquid.render(doc, text, protect=protect)
        if self.liquid.env.protected:
            self._protected[id(doc)] = dict(self.liquid.env.protected)
        self._log(problems)
        if self.liquid.problems:
            self._log(self.liquid.problems)
            self.liquid.problems.clear()
        return out

    def _prepare(self, doc: Document, protect: bool = False) -> str:
        text = doc.body
        found = self._mojibake.get(id(doc))
        if self.fix_mojibake and found:
            text = repair_lines(text, found, doc.body_line)
        return self._liquid(doc, text, protect)

    def before_markdown(self, doc: Document) -> str:
        """The text MkDocs' Markdown (or, for HTML sources, nothing) receives: Liquid rendered."""
        text = self._prepare(doc, protect=doc.is_markdown)
        separator = excerpt_separator(doc, self._site_separator)
        if separator != "\n\n" and separator in text and doc.kind != "page":
            self._excerpt_heads[id(doc)] = text.split(separator, 1)[0]
        return text

    def after_markdown(self, doc: Document, post: Post, body_html: str, words: int | None = None) -> str:
        """Fill the post's excerpt and reading time from the rendered body (``words``: its word count
        when a worker counted it); return the body."""
        protected = self._protected.pop(id(doc), None)
        if protected and self.liquid is not None:
            body_html = self.liquid.restore(body_html, protected)
        if post.excerpt is None:
            given = post.meta.get("excerpt")
            head = self._excerpt_heads.pop(id(doc), None)
            if isinstance(given, str):
                ex: str | None = html.escape(given)
            elif head is not None:
                ex = self.markdownify(head).strip() if doc.is_markdown else head.strip()
                if protected and self.liquid is not None:
                    ex = self.liquid.restore(ex, protected)
            else:
                ex = excerpt_html(body_html)
            if ex:
                post.excerpt_html = ex if ex.startswith("<") else f"<p>{ex}</p>"
                post.excerpt = plain_text(ex)
        post.reading_time = reading_time(body_html, words)
        if self.fix_mojibake and post.title and id(doc) in self._mojibake:
            post.title = fix_mojibake_text(post.title)
        return body_html

    def render_raw(self, doc: Document) -> str:
        """A page written without the theme (``feed.xml``, ``robots.txt``, ``layout: null``)."""
        text = self._prepare(doc)
        if doc.is_markdown:
            text = self.markdownify(text)
        return text


ContentOf = Callable[[Document], str]
