"""The Liquid environment of one build: python-liquid with Jekyll's tags, filters and objects.

``JekyllLiquid.render(doc, text)`` renders one document's body and returns the text plus the
problems found (file and line each). It never raises for a template error: a broken tag is a
warning and the rest of the page, and every other page, still renders (the failing expression
renders empty; a template that cannot even be tokenised is left as it was).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liquid import BoundTemplate, Environment, Mode
from liquid.exceptions import LiquidError
from liquid.token import Token

from ..jekyll.errors import Problem
from ..jekyll.site import Document, Site
from .drops import PaginatorDrop, SiteDrop
from .filters import jekyll_filters
from .tags import JEKYLL_TAGS, post_name_matches, post_name_parts

Convert = Callable[[str], str]
_LIQUID_MARK = re.compile(r"\{[{%]")
# Where a {% post_url %} name's date can sit in a post's path: right after '/' or '_posts'.
_SOURCE_DATE = re.compile(r"(?:/|_posts)(?=(\d+-\d+-\d+)-)")


class _Filters(dict[str, Callable[..., Any]]):
    """An unknown filter passes its input through, as Jekyll's Liquid does, and is reported."""

    def __init__(self, env: JekyllEnvironment, filters: dict[str, Callable[..., Any]]) -> None:
        super().__init__(filters)
        self.env = env

    def __missing__(self, name: str) -> Callable[..., Any]:
        self.env.unknown_filter(name)

        def passthrough(value: Any, *args: Any, **kwargs: Any) -> Any:
            return value

        return passthrough


class JekyllEnvironment(Environment):
    """python-liquid, lax about undefined variables like Jekyll, that records every error."""

    def __init__(self, *, site_url: str, baseurl: str, timezone: dt.tzinfo) -> None:
        super().__init__(tolerance=Mode.STRICT, strict_filters=True)
        self.site_url = site_url.rstrip("/")
        self.baseurl = baseurl
        self.timezone = timezone
        self.errors: list[LiquidError] = []
        self.source_names: dict[int, str] = {}  # id(template source) -> file, for included files
        self.unknown_filters: list[str] = []
        self.expression_cache: dict[str, BoundTemplate] = {}
        # HTML that Markdown must not touch (highlight blocks): placeholders while ``protecting``.
        self.protecting = False
        self.protected: dict[str, str] = {}
        self._inline: dict[str, BoundTemplate] = {}
        for tag in JEKYLL_TAGS:
            self.add_tag(tag)
        self.filters = _Filters(self, {**self.filters, **jekyll_filters()})
        # Set by JekyllLiquid: what tags and filters need from the site.
        self.markdownify: Convert = lambda text: text
        self.smartify: Convert = lambda text: text
        self.include_template: Callable[..., BoundTemplate] = self._no_includes
        self.post_url: Callable[[str], str | None] = lambda name: None
        self.link_url: Callable[[str], str | None] = lambda path: None

    def _no_includes(self, file: str, *, relative: bool, token: Token) -> BoundTemplate:
        raise LiquidError(f"include: no site to include {file!r} from", token=token)

    def error(self, exc: Any, msg: str | None = None, token: Token | None = None) -> None:
        """Record instead of raising: the page goes on rendering."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif not exc.token:
            exc.token = token
        self.errors.append(exc)

    def protect(self, html: str) -> str:
        """``html`` itself, or a placeholder word for it when the output goes on to Markdown (which
        would break a code block's blank lines apart inside a list item)."""
        if not self.protecting:
            return html
        key = f"polaxraw{len(self.protected):06d}z"
        self.protected[key] = html
        return key

    def unknown_filter(self, name: str) -> None:
        self.unknown_filters.append(name)

    def inline_template(self, source: str) -> BoundTemplate:
        found = self._inline.get(source)
        if found is None:
            found = self._inline[source] = self.from_string(source)
        return found


def _line_of(exc: LiquidError) -> int | None:
    ctx = exc.context() if exc.token is not None and exc.token.source else None
    return ctx[0] if ctx else None


def restore_protected(rendered_html: str, protected: dict[str, str]) -> str:
    """Put back the HTML that ``render(..., protect=True)`` replaced by placeholders."""
    for key, value in protected.items():
        rendered_html = rendered_html.replace(f"<p>{key}</p>", value).replace(key, value)
    return rendered_html


class JekyllLiquid:
    """Everything Liquid needs for one build: the environment, the ``site`` drop, compiled includes."""

    def __init__(
        self,
        site: Site,
        *,
        content_of: Callable[[Document], str],
        excerpt_of: Callable[[Document], str],
        markdownify: Convert,
        smartify: Convert,
        paginate: int | None = None,
        paginate_path: str = "/page:num/",
    ) -> None:
        self.site = site
        self.source = site.source
        cfg = site.config
        self.env = JekyllEnvironment(site_url=cfg.url, baseurl=cfg.baseurl, timezone=cfg.timezone)
        self.env.markdownify = markdownify
        self.env.smartify = smartify
        self.env.include_template = self._include_template
        self.env.post_url = self._post_url
        self.env.link_url = self._link_url
        self.problems: list[Problem] = []
        self.site_drop = SiteDrop(site, content_of=content_of, excerpt_of=excerpt_of, problems=self.problems)
        self.includes_dir = self.source / str(cfg.raw.get("includes_dir") or "_includes")
        self.paginate = paginate
        self.paginate_path = paginate_path
        self._includes: dict[Path, BoundTemplate] = {}
        self._current: Document | None = None
        self._links: dict[str, str] | None = None
        self._by_date: dict[str, list[Document]] | None = None
        self._by_date_count = 0

    # -- what the tags ask -----------------------------------------------------------------------
    def _include_template(self, file: str, *, relative: bool, token: Token) -> BoundTemplate:
        if relative:
            base = self.source / Path(self._current.source).parent if self._current else self.source
        else:
            base = self.includes_dir
        path = (base / file).resolve()
        root = self.source.resolve()
        if root not in path.parents or not path.is_file():
            where = "next to the page" if relative else f"in {self.includes_dir.name}/"
            raise LiquidError(f"could not find the included file '{file}' {where}", token=token)
        template = self._includes.get(path)
        if template is None:
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            if relative and text.startswith("---"):
                from ..jekyll.frontmatter import split_front_matter

                with contextlib.suppress(Exception):  # a broken header is shown as text, as Jekyll does
                    text = split_front_matter(text, rel).body
            self.env.source_names[id(text)] = rel
            template = self._includes[path] = self.env.from_string(text, name=rel, path=rel)
        return template

    def _post_url(self, name: str) -> str | None:
        parts = post_name_parts(name)
        if parts is None:
            return None
        # Only posts whose path holds the name's date after '/' or '_posts' can match: a lookup per
        # tag instead of a scan of every post (a scan per tag is quadratic in posts).
        for doc in self._posts_by_date().get(parts[1], ()):
            if post_name_matches(name, doc.source):
                return doc.url
        path, date, slug = parts
        for doc in self.site.posts:
            if doc.date is None or str(doc.data.get("slug")) != slug:
                continue
            if doc.date.strftime("%Y-%m-%d") == "-".join(
                f"{int(p):02d}" if i else p for i, p in enumerate(date.split("-"))
            ):
                return doc.url
        return None

    def _posts_by_date(self) -> dict[str, list[Document]]:
        """Posts by each date (``2021-10-28``) their source path holds after ``/`` or ``_posts``, in site order."""
        posts = self.site.posts
        if self._by_date is None or self._by_date_count != len(posts):
            index: dict[str, list[Document]] = {}
            for doc in posts:
                for date in dict.fromkeys(_SOURCE_DATE.findall(doc.source)):
                    index.setdefault(date, []).append(doc)
            self._by_date, self._by_date_count = index, len(posts)
        return self._by_date

    def _link_url(self, rel: str) -> str | None:
        if self._links is None:
            links: dict[str, str] = {}
            for doc in [*self.site.pages, *self.site.documents, *self.site.posts]:
                links[doc.source] = doc.url
            for item in self.site.static_files:
                links.setdefault(item.source, "/" + item.dest)
            self._links = links
        return self._links.get(rel.lstrip("/") if rel.startswith("/") else rel)

    # -- rendering -------------------------------------------------------------------------------
    def globals_for(self, doc: Document) -> dict[str, Any]:
        paginator = None
        if self.paginate and doc.kind == "page" and doc.url in ("/", "/index.html"):
            paginator = PaginatorDrop(self.site_drop.posts, self.paginate, self.paginate_path)
        return {"site": self.site_drop, "page": self.site_drop.drop(doc), "paginator": paginator}

    def restore(self, rendered_html: str, protected: dict[str, str]) -> str:
        """Put back the HTML that ``render(..., protect=True)`` replaced by placeholders."""
        return restore_protected(rendered_html, protected)

    def render(
        self, doc: Document, text: str | None = None, line_offset: int | None = None, *, protect: bool = False
    ) -> tuple[str, list[Problem]]:
        """``text`` (default: the document's body) with its Liquid rendered, and the problems found."""
        source = doc.body if text is None else text
        if not _LIQUID_MARK.search(source) or doc.data.get("render_with_liquid") is False:
            return source, []
        offset = doc.body_line - 1 if line_offset is None else line_offset
        env = self.env
        env.errors = []
        env.unknown_filters = []
        env.protecting = protect
        env.protected = {}
        problems: list[Problem] = []
        self._current = doc
        try:
            template = env.from_string(source, name=doc.source)
            out = template.render(**self.globals_for(doc))
        except LiquidError as exc:
            line = _line_of(exc)
            where = f"line {line + offset}: " if line is not None else ""
            problems.append(
                Problem(doc.source, f"{where}Liquid: {exc.message}; the Liquid in this file is left unrendered")
            )
            return source, problems
        except Exception as exc:  # noqa: BLE001 - one odd page must not stop the build
            problems.append(
                Problem(
                    doc.source,
                    f"Liquid could not render this file ({type(exc).__name__}: {exc}); its Liquid is left "
                    "unrendered. Please report this with the file",
                )
            )
            return source, problems
        finally:
            self._current = None
        for err in env.errors:
            line = _line_of(err)
            name = env.source_names.get(id(err.token.source), "") if err.token is not None else ""
            if name and name != doc.source:
                where = f"in {name}" + (f" line {line}" if line is not None else "")
                problems.append(Problem(doc.source, f"Liquid {where}: {err.message}"))
            else:
                where = f"line {line + offset}: " if line is not None else ""
                problems.append(Problem(doc.source, f"{where}Liquid: {err.message}"))
        for name in dict.fromkeys(env.unknown_filters):
            m = re.search(r"\|\s*" + re.escape(name) + r"\b", source)
            line = source[: m.start()].count("\n") + 1 + offset if m else None
            where = f"line {line}: " if line is not None else ""
            problems.append(
                Problem(doc.source, f"{where}Liquid: unknown filter '{name}'; its input is shown unfiltered")
            )
        return out, problems
