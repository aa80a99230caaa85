"""The ``polax`` MkDocs plugin: thin glue between MkDocs' events and the Jekyll model.

``on_config`` reads ``_config.yml``; ``on_files`` reads the Jekyll tree and puts every post, page and
static file at Jekyll's output path, plus the listing pages; the page events hand each page its
normalised post; ``on_post_build`` writes what needs every page rendered first.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any, Literal, cast

import pathspec
import yaml
from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import migration as url_check
from . import parallel
from .compat import (
    CompactSearchIndex,
    LiveReloadServer,
    TemplateContext,
    compact_search_index,
    engine_loggers,
    only_readers_of_content,
    page_builder,
    put_search_entries,
    quiet_skipped_pages,
    rebuild_in_place,
    render_nothing,
    search_indexer,
    search_plugin_id,
    serve_extensionless,
    write_compact_index,
)
from .config import PolaxConfig
from .content import (
    PARALLEL_MIN_TEXTS,
    ContentPipeline,
    Converted,
    MarkdownCache,
    give_back_memory,
    worker_processes,
)
from .files import ListingFile, PageFile, generated_page, mkdocs_url, page_file, page_url, static_file
from .images import ImageSizes
from .incremental import Incremental, Record, file_signature, read_json, skeleton_hash, tree_signature
from .index import PostIndex, build_index
from .jekyll.config import SiteConfig, listing_patterns, read_config
from .jekyll.errors import JekyllError, Problem
from .jekyll.frontmatter import decode, split_front_matter
from .jekyll.permalink import check_dest, check_url, sanitize_url
from .jekyll.post import Post, make_post
from .jekyll.site import Document, LoadCache, Reader, Site, read_site, resolve_conflicts, symlink_loops
from .listings import ListingSettings, View, build_views, group_url
from .markdown import with_kramdown
from .publish import Publisher
from .search_json import encode_entries
from .theming import autoescape_for, theme_globals

log = get_plugin_logger(__name__)

# Folders of Jekyll's machinery: never pages, in either kind of site.
_JEKYLL_DIRS = ("_data/", "_includes/", "_layouts/", "_sass/", "_plugins/", "_drafts/", "_site/")


class PolaxPlugin(BasePlugin[PolaxConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str = "build"
        # MkDocs keeps a plugin with on_startup across serve's rebuilds: these outlive each build.
        self.markdown_cache: MarkdownCache = {}
        self.read_cache: LoadCache = {}  # serve: the Jekyll tree's files as read, across rebuilds
        self.keep_bodies = False  # set by a tool that reads `rendered` after a build (scripts/body_parity.py)
        self.rebuild = Incremental()  # what serve's next rebuild may keep
        self._reset()

    def _reset(self) -> None:
        self.site: Site | None = None
        self.jekyll: SiteConfig | None = None
        self.source: Path | None = None
        self.jekyll_mode = False
        self.docs: dict[str, Document] = {}  # src_uri -> document
        self.posts: dict[str, Post] = {}  # src_uri -> normalised post/page
        self.views: dict[str, View] = {}  # src_uri -> listing page
        self.index: PostIndex | None = None
        self.raw_pages: list[Document] = []
        self.raw_html: dict[str, str] = {}
        self.rendered: dict[str, str] = {}  # src_uri -> body HTML, for feeds
        self.replaced_home: Document | None = None
        self.pipeline = ContentPipeline()
        self.settings: ListingSettings | None = None
        self.data_authors: dict[str, Any] = {}
        self._exclude_docs: Any = None
        self._group_urls: dict[tuple[str, str], str | None] = {}
        self.publisher = Publisher(self)  # feeds, SEO tags, redirects, sitemap
        self.image_sizes = ImageSizes()
        self.md_settings: tuple[list[Any], dict[str, Any]] | None = None  # polax's own Markdown (Jekyll tree)
        self.converted: dict[str, Converted] = {}  # src_uri -> body polax converted, until on_page_content
        self.incremental = False  # serve of a Jekyll tree: rebuilds render only what an edit changed
        self._signatures: dict[str, tuple[int, int] | None] = {}
        self._built_urls: set[str] = set()  # page.url of every page rendered in this build
        self._page_urls: set[str] = set()  # ... of every page of the site
        self._search_later: dict[str, tuple[str, Converted]] = {}  # src_uri -> body, worker's result
        self._search: CompactSearchIndex | None = None  # MkDocs search's index, when polax writes its file
        self._keep_bodies: set[str] | None = None  # when set: posts whose body is still needed once written
        self._released = 0
        self.dirty = False
        self._nav: Navigation | None = None
        self._renderers: list[parallel.Renderer] = []  # forked processes rendering pages (mkdocs build)
        self._elsewhere: set[str] = set()  # src_uri of the pages they render (this process skips them)
        self._unquiet: Any = None
        self.migration = url_check.Migration()  # check_urls_from, host_redirects

    # -- configuration ---------------------------------------------------------------------------
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        config_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        if self.config.source is not None:
            source = (config_dir / self.config.source).resolve()
            if not source.is_dir():
                raise PluginError(f"[polax] option 'source': {source} is not a folder. Point it at your Jekyll site.")
            # MkDocs refuses docs_dir == the config file's folder; 'source' is the way through.
            config.docs_dir = str(source)
        self.source = Path(config.docs_dir).resolve()
        self.jekyll_mode = (self.source / "_config.yml").is_file() or (self.source / "_config.yaml").is_file()
        loops = symlink_loops(self.source)
        if loops:
            raise PluginError(
                f"[polax] {loops[0]}: is a symbolic link to a folder that holds it (a loop); MkDocs would read it "
                f"without end. Remove the link{'s ' + ', '.join(loops[1:]) + ' and this one' if loops[1:] else ''}"
            )
        overrides: dict[str, Any] = {}
        if self.config.permalink:
            overrides["permalink"] = self.config.permalink
        if self.config.timezone:
            overrides["timezone"] = self.config.timezone
        try:
            self.jekyll = read_config(self.source if self.jekyll_mode else None, overrides)
        except JekyllError as exc:
            raise PluginError(f"[polax] {exc}") from exc
        for warning in self.jekyll.warnings:
            log.warning(warning)
        raw = self.jekyll.raw
        # MkDocs settings win; Jekyll's fill what mkdocs.yml left empty.
        if not config.site_url and self.jekyll.url:
            config.site_url = self.jekyll.url.rstrip("/") + "/" + self.jekyll.baseurl.strip("/")
            if not config.site_url.endswith("/"):
                config.site_url += "/"
        if not config.site_description and isinstance(raw.get("description"), str):
            config.site_description = raw["description"]
        author = raw.get("author")
        if not config.site_author and author:
            config.site_author = author.get("name") if isinstance(author, dict) else str(author)
        self.data_authors = self._read_authors()
        self._add_host_templates(config)
        self.publisher.configure(config)
        self.migration = url_check.configure(self, config)
        if self.jekyll_mode:
            # polax lists the files itself, by Jekyll's rules: MkDocs' own walk must not judge them
            # (it would warn that README.md and index.html both want index.html, for instance).
            self._exclude_docs = config.exclude_docs
            config.exclude_docs = pathspec.gitignore.GitIgnoreSpec.from_lines(["*"])
            # Every page of a Jekyll tree is kramdown: Python-Markdown gets kramdown's habits. polax
            # converts those pages itself, with one Markdown instance for the build (MkDocs makes one
            # per page), so MkDocs' own list stays as the user set it.
            self.md_settings = with_kramdown(config.markdown_extensions, config.mdx_configs)
        self.image_sizes = ImageSizes(self.source, Path(config.docs_dir))
        return config

    @staticmethod
    def _add_host_templates(config: MkDocsConfig) -> None:
        """Under another host theme, post/listing templates come from polax (lowest precedence)."""
        name = config.theme.name
        if name == "polax":
            return
        here = Path(__file__).parent / "templates"
        for sub in ("material", "generic") if name == "material" else ("generic",):
            path = str(here / sub)
            if (here / sub).is_dir() and path not in config.theme.dirs:
                config.theme.dirs.append(path)

    def _read_authors(self) -> dict[str, Any]:
        assert self.source is not None
        path = self.source / self.config.authors_file
        if not path.is_file():
            return {}
        try:
            data = yaml.safe_load(decode(path.read_bytes()).text)
        except yaml.YAMLError as exc:
            raise PluginError(f"[polax] {self.config.authors_file}: invalid YAML: {exc}") from exc
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise PluginError(f"[polax] {self.config.authors_file}: must map author keys to details")
        return {str(k): v for k, v in data.items()}

    # -- files -----------------------------------------------------------------------------------
    def _serving_extras(self) -> tuple[bool | None, bool | None]:
        serving = self.command == "serve"
        env_drafts = os.environ.get("POLAX_DRAFTS", "") not in ("", "0")
        env_future = os.environ.get("POLAX_FUTURE", "") not in ("", "0")
        assert self.jekyll is not None
        drafts = self.jekyll.show_drafts or (serving and (self.config.drafts or env_drafts))
        future = self.jekyll.future or (serving and (self.config.future or env_future))
        return drafts, future

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.source is not None and self.jekyll is not None
        drafts, future = self._serving_extras()
        docs_dir = os.path.normpath(config.docs_dir)
        kept = [f for f in files if f.src_dir is None or os.path.normpath(f.src_dir) != docs_dir]
        if self.jekyll_mode:
            config.exclude_docs = self._exclude_docs
        try:
            if self.jekyll_mode:
                site = read_site(
                    self.source,
                    self.jekyll,
                    drafts=drafts,
                    future=future,
                    extra_exclude=self._own_paths(config),
                    cache=self.read_cache if self.command == "serve" else None,
                )
                new = Files(kept)
                self._add_jekyll_files(site, new, config)
            else:
                site, new = self._mkdocs_site(files, kept, config, drafts, future)
        except JekyllError as exc:
            raise PluginError(f"[polax] {exc}") from exc
        self.site = site
        self._make_posts(site)
        self.pipeline.cache = self.markdown_cache if self.command == "serve" else None
        self.pipeline.start(
            site,
            docs=self.docs,
            posts=self.posts,
            rendered=self.rendered,
            markdown_extensions=self.md_settings[0] if self.md_settings else config.markdown_extensions,
            mdx_configs=self.md_settings[1] if self.md_settings else config.mdx_configs,
            fix_mojibake=self.config.fix_mojibake,
            paginate=self.jekyll.paginate,
            paginate_path=self.jekyll.paginate_path,
        )
        self._add_listings(new, config)
        self._report(site)
        self.publisher.note_files(new, config)
        if self.command == "serve" and self.jekyll_mode:
            self._begin_rebuild(new, config)
        return new

    def _begin_rebuild(self, files: Files, config: MkDocsConfig) -> None:
        """Under serve: tell the rebuild what changed since the last build (see ``incremental``)."""
        assert self.source is not None and self.jekyll is not None
        self.incremental = True
        self._signatures = {uri: file_signature(self.source / doc.source) for uri, doc in self.docs.items()}
        posts = [
            (
                uri,
                p.title,
                p.url,
                p.href,
                p.date,
                p.last_modified_at,
                p.description,
                p.image,
                p.image_alt,
                [a.key for a in p.authors],
                p.categories,
                p.tags,
                p.layout,
                p.meta,
            )
            for uri, p in sorted(self.posts.items())
        ]
        own: list[str | Path] = [config.config_file_path, *config.theme.dirs]
        own += [self.source / d for d in ("_config.yml", "_config.yaml", "_data", "_includes", "_layouts")]
        statics = [(f.dest_uri, f.abs_src_path) for f in files if not isinstance(f, (PageFile, ListingFile))]
        skeleton = skeleton_hash(
            [
                posts,
                tree_signature(p for p in own if p),
                self.jekyll.raw,
                statics,
                [file_signature(src) for _, src in statics if src],
                sorted(self.views),
            ]
        )
        self.rebuild.begin(skeleton, self._signatures)
        if self.rebuild.fast:
            log.info(f"Rebuilding {len(self.rebuild.changed)} changed pages; the others are kept")
        for f in files:
            if isinstance(f, (PageFile, ListingFile)):
                f.polax_rebuild = self.rebuild
                self._page_urls.add(page_url(f.url))
        for uri, post in self.posts.items():
            kept = self.rebuild.kept(uri) if self.rebuild.fast else None
            if kept is not None:  # not rendered again: what cards and feeds show of it, from last time
                post.excerpt, post.excerpt_html, post.reading_time = kept.excerpt, kept.excerpt_html, kept.reading_time
                self.rendered[uri] = kept.content

    def _own_paths(self, config: MkDocsConfig) -> list[str]:
        """mkdocs.yml, site_dir and virtualenvs when the Jekyll tree is the config file's folder."""
        assert self.source is not None
        out = []
        for p in (config.site_dir, config.config_file_path):
            if p:
                rel = os.path.relpath(os.path.abspath(p), self.source)
                if not rel.startswith(".."):
                    out.append(Path(rel).as_posix())
        for name in ("venv", "env", "site-packages"):
            if (self.source / name / "pyvenv.cfg").is_file():
                out.append(name)
        return out

    def _add_jekyll_files(self, site: Site, files: Files, config: MkDocsConfig) -> None:
        src = str(self.source)
        has_nav = bool(config.nav)
        for doc in [*site.pages, *site.documents, *site.posts]:
            if self._is_raw(doc):
                self.raw_pages.append(doc)
                continue
            if doc.kind == "page" and self._lists_posts(doc) and self.replaced_home is None:
                # A Jekyll home page that loops over paginator/site.posts: the theme's blog index
                # takes its URL (and title) instead of an unrendered Liquid loop.
                self.replaced_home = doc
                continue
            in_nav = doc.kind == "page" and not has_nav and bool(doc.title) and doc.url not in ("/", "/404.html")
            if has_nav:
                in_nav = True  # MkDocs' nav decides; NOT_IN_NAV would only silence its info messages
            f = page_file(doc, src, config, in_nav and doc.kind == "page")
            files.append(f)
            self.docs[f.src_uri] = doc
        for item in site.static_files:
            files.append(static_file(item, src, config))

    def _is_raw(self, doc: Document) -> bool:
        """Written without the theme: non-HTML output (feed.xml, robots.txt) or ``layout: null``."""
        if not doc.is_html:
            return True
        return "layout" in doc.data and doc.data["layout"] in (None, "none", "null", "") and doc.kind == "page"

    @staticmethod
    def _lists_posts(doc: Document) -> bool:
        return doc.url in ("/", "/index.html") and bool(re.search(r"\b(paginator\.posts|site\.posts)\b", doc.body))

    def _mkdocs_site(
        self, files: Files, kept: list[File], config: MkDocsConfig, drafts: bool | None, future: bool | None
    ) -> tuple[Site, Files]:
        """An MkDocs site that adds a blog: its pages stay as they are; posts come from ``_posts``."""
        assert self.source is not None and self.jekyll is not None
        reader = Reader(self.source, self.jekyll, drafts=drafts, future=future)
        posts_dir = (self.config.posts_dir or "").strip("/")
        new = Files(kept)
        post_sources: set[str] = set()
        for f in files:
            if f.src_dir is None or os.path.normpath(f.src_dir) != os.path.normpath(config.docs_dir):
                continue
            uri = f.src_uri
            in_posts = "/_posts/" in "/" + uri or "/_drafts/" in "/" + uri
            in_posts_dir = bool(posts_dir) and uri.startswith(posts_dir + "/") and f.is_documentation_page()
            if in_posts or in_posts_dir:
                post_sources.add(uri)
                continue
            if uri == "_config.yml" or any(uri.startswith(d) for d in _JEKYLL_DIRS):
                continue
            new.append(f)
        # Posts: every _posts folder (Jekyll's rules), and the named posts folder.
        dirs = {
            ("/" + u).split("/_posts/")[0].split("/_drafts/")[0].lstrip("/")
            for u in post_sources
            if "/_posts/" in "/" + u or "/_drafts/" in "/" + u
        }
        for d in sorted(dirs):
            reader._read_posts(d)
        if posts_dir:
            for rel in sorted(u for u in post_sources if u.startswith(posts_dir + "/")):
                reader._read_document(rel, "posts", special=posts_dir)
        site = reader.site
        site.posts.sort(key=lambda d: (d.date or reader.now, d.source))
        resolve_conflicts(site)
        # Pages with a Jekyll permalink move to it; every other page keeps its MkDocs URL.
        for f in list(new):
            if f.src_dir is not None and f.is_documentation_page() and f.generated_by is None:
                self._apply_page_permalink(f)
        for doc in site.posts:
            pf = page_file(doc, str(self.source), config, False)
            new.append(pf)
            self.docs[pf.src_uri] = doc
        return site, new

    def _apply_page_permalink(self, f: File) -> None:
        try:
            text = f.content_string
        except (OSError, UnicodeDecodeError):
            return
        if "permalink" not in text[:4096]:
            return
        try:
            parsed = split_front_matter(text.replace("\r\n", "\n"), f.src_uri)
        except JekyllError:
            return
        value = parsed.data.get("permalink")
        if not isinstance(value, str) or not value:
            return
        try:
            check_url(value, f.src_uri)
        except JekyllError as exc:
            log.error(str(exc))
            return
        url = sanitize_url(value)
        dest = url.lstrip("/")
        dest = dest + "index.html" if url.endswith("/") else (dest if dest.endswith(".html") else dest + ".html")
        try:
            dest = check_dest(dest, f.src_uri)  # too long or deep for a file system: MkDocs' URL stays
        except JekyllError as exc:
            log.error(str(exc))
            return
        f.dest_uri = dest
        f.url = mkdocs_url(url)

    def _make_posts(self, site: Site) -> None:
        problems: list[Problem] = []
        for uri, doc in self.docs.items():
            post = self.posts[uri] = make_post(doc, self.data_authors, problems)
            post.href = mkdocs_url(doc.url, doc.dest)
        site.problems.extend(problems)

    def _add_listings(self, files: Files, config: MkDocsConfig) -> None:
        assert self.jekyll is not None and self.source is not None
        posts = [p for p in self.posts.values() if p.kind == "post"]
        self.index = build_index(posts)
        per_page = self.config.paginate or self.jekyll.paginate or config.theme.get("cards_per_page") or 10
        blog_url = self.config.blog_url or self._default_blog_url(files)
        blog_url = sanitize_url(blog_url if blog_url.endswith(("/", ".html")) else blog_url + "/")
        paginate_path = self.config.paginate_path
        if paginate_path is None and "paginate_path" in self.jekyll.raw:
            paginate_path = self.jekyll.paginate_path
        if paginate_path is None:
            paginate_path = blog_url + "page:num/"
        patterns = listing_patterns(self.jekyll.raw)
        self.settings = ListingSettings(
            blog_url=blog_url,
            per_page=per_page,
            paginate_path=paginate_path,
            category_url=self.config.category_url or patterns["category"],
            tag_url=self.config.tag_url or patterns["tag"],
            archive_url=self.config.archive_url or patterns["archive"],
            author_url=self.config.author_url or patterns["author"],
        )
        home_title = self.replaced_home.title if self.replaced_home is not None else ""
        try:
            views = build_views(self.index, self.settings, home_title or config.site_name)
        except JekyllError as exc:
            raise PluginError(f"[polax] {exc}") from exc
        taken = {f.dest_uri: f for f in files}
        for view in views:
            other = taken.get(view.dest)
            if other is not None:
                log.warning(
                    f"{other.src_uri} writes {view.dest}, where polax's {view.kind} page '{view.title}' goes; "
                    f"{other.src_uri} wins. Change the polax option '{view.kind}_url' or the page's permalink"
                )
                continue
            f = generated_page(config, view.src_uri, view.url, view.dest)
            files.append(f)
            taken[view.dest] = f
            self.views[f.src_uri] = view

    def _default_blog_url(self, files: Files) -> str:
        if self.replaced_home is not None:
            return self.replaced_home.url
        for f in files:
            if f.dest_uri == "index.html":
                return "/blog/"
        return "/"

    def _report(self, site: Site) -> None:
        for problem in site.problems:
            log.warning(str(problem))
        for problem in site.errors:
            log.error(str(problem))
        pages = sum(1 for d in self.docs.values() if d.kind != "post") + len(self.raw_pages)
        log.info(
            f"{len(site.posts)} posts, {pages} pages, {len(site.static_files)} static files, "
            f"{len(self.views)} listing pages; skipped {site.skipped['drafts']} drafts, "
            f"{site.skipped['future']} future, {site.skipped['unpublished']} unpublished; "
            f"{len(site.problems) + len(site.errors)} warnings"
        )

    # -- pages -----------------------------------------------------------------------------------
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        uri = page.file.src_uri
        doc = self.docs.get(uri)
        if doc is not None:
            # Front matter was read by us; MkDocs gets an empty block so it does not read it again.
            return "---\n_polax: true\n---\n" + self.pipeline.prepared(uri, doc)
        return None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        doc = self.docs.get(uri)
        self._set_page_meta(page)
        if doc is not None:
            if not doc.is_markdown:
                self.raw_html[uri] = markdown
                render_nothing(page)
                return ""
            if self.md_settings is not None:
                self.converted[uri] = self.pipeline.take_converted(uri, markdown)
                render_nothing(page)
                return ""  # MkDocs converts nothing: the body is put back in on_page_content
            return markdown
        if uri in self.views and not markdown.strip():
            render_nothing(page)  # a listing page: the theme's template makes all of it
        return markdown

    def _set_page_meta(self, page: Page) -> None:
        uri = page.file.src_uri
        doc = self.docs.get(uri)
        if doc is not None:
            post = self.posts[uri]
            meta = dict(post.meta)
            meta["template"] = self._template_for(doc)
            page.meta = meta
            # Markup: host themes print page.title without escaping (the mkdocs theme's <title>, navs);
            # autoescaping templates leave it as it is.
            page.title = escape(post.title)
            return
        view = self.views.get(uri)
        if view is not None:
            page.meta = {"template": "listing.html", "title": view.title}
            page.title = escape(view.title)

    def _template_for(self, doc: Document) -> str:
        if doc.kind == "post":
            return "post.html"
        explicit = doc.data.get("template")
        if isinstance(explicit, str) and explicit.endswith(".html"):
            return explicit
        return "page.html"

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        doc = self.docs.get(uri)
        if doc is None:
            return html
        if uri in self.raw_html:
            html = self.raw_html.pop(uri)
        converted = self.converted.pop(uri, None)
        if converted is not None:
            html = converted.html
            page.toc = get_toc(converted.toc_tokens)  # type: ignore[arg-type]  # toc's own tokens
            page.present_anchor_ids = converted.anchor_ids
        post = self.posts[uri]
        html = self.pipeline.after_markdown(doc, post, html, converted.words if converted is not None else None)
        self.rendered[uri] = html
        if converted is not None and converted.search_entries is not None:
            self._search_later[uri] = (html, converted)
            return ""  # the search plugin indexes this (fast); on_page_context puts the body back
        if self.incremental:
            tokens = converted.toc_tokens if converted is not None else []
            anchors = set(page.present_anchor_ids or ())
            record = Record(
                self._signatures.get(uri), html, tokens, anchors, post.excerpt, post.excerpt_html, post.reading_time
            )
            self.rebuild.rendered(uri, record)
        return html

    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        uri = page.file.src_uri
        assert self.index is not None and self.settings is not None
        if uri in self._elsewhere:  # another process renders it: only what the whole site needs of it
            skipped = self._search_later.pop(uri, None)
            if skipped is not None:
                self._put_search_entries(config, page, skipped[1])
            self.publisher.head(page, config, render=False)
            self._built_urls.add(page.url)
            return context
        later = self._search_later.pop(uri, None)
        if later is not None:
            page.content, result = later
            self._put_search_entries(config, page, result)
        ctx = cast(dict[str, Any], context)
        post = self.posts.get(uri)
        ctx["polax"] = self._site_context()
        if post is not None:
            ctx["post"] = post
            if post.kind == "post":
                ctx["previous_post"] = self.index.previous(post)
                ctx["next_post"] = self.index.next(post)
        view = self.views.get(uri)
        if view is not None:
            ctx["listing"] = view
        ctx["polax_head"], ctx["polax_title"] = self.publisher.head(page, config)
        self._built_urls.add(page.url)
        return context

    def _put_search_entries(self, config: MkDocsConfig, page: Page, result: Converted) -> None:
        """The entries a worker made for the page, in place of the ones the search plugin just made
        from an empty body."""
        assert result.search_entries is not None
        index = self._search
        same_title = result.search_title == page.title
        if index is not None and same_title and index.replace_last(page.url, result.search_entries):
            return
        entries = result.entries() or []
        if entries and entries[0].get("location") == page.url:
            entries[0]["title"] = page.title  # as the plugin would see it (fix_mojibake may change it)
        done = (
            index.replace_last(page.url, encode_entries(entries))
            if index is not None
            else put_search_entries(config, page.url, entries)
        )
        if not done:
            log.debug(f"{page.file.src_uri}: the search plugin's entry was not found; its entries are not replaced")

    def _site_context(self) -> dict[str, Any]:
        assert self.settings is not None and self.index is not None
        return {
            "settings": self.settings,
            "index": self.index,
            "url": self._url_helpers,
            "image_size": self.image_sizes,
        }

    def _url_helpers(self, kind: str, name: str) -> str | None:
        """Site-relative URL (no leading slash) of a category, tag, year or author page."""
        assert self.index is not None and self.settings is not None
        key = (kind, name)
        if key in self._group_urls:  # asked by every card and post header: computed once per build
            return self._group_urls[key]
        self._group_urls[key] = url = self._group_url(kind, name)
        return url

    def _group_url(self, kind: str, name: str) -> str | None:
        assert self.index is not None and self.settings is not None
        groups = {
            "category": self.index.categories,
            "tag": self.index.tags,
            "archive": self.index.years,
            "author": self.index.authors,
        }[kind]
        group = groups.get(name)
        if group is None:
            return None
        pattern = getattr(self.settings, f"{kind}_url")
        return mkdocs_url(group_url(pattern, group))

    def _polax_and_search(self, config: MkDocsConfig) -> set[int]:
        """Ids of this plugin and of MkDocs' own search plugin (when on), for ``only_readers_of_content``."""
        search = search_plugin_id(config)
        return {id(self)} | ({search} if search is not None else set())

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        allowed = self._polax_and_search(config)
        self._search = compact_search_index(config, allowed) if self.docs else None
        if self.md_settings is not None and self.command == "build":
            # Every file is known and no page is read yet: the posts' Markdown is converted now, in
            # parallel processes (serve has threads and its own cache: it converts page by page).
            workers = worker_processes(self.config.workers)
            indexer = None
            if search_plugin_id(config) is not None and only_readers_of_content(config, allowed):
                # the workers also make the posts' search entries; the search plugin then sees an
                # empty body (cheap) and on_page_context puts the body and the entries back
                indexer = search_indexer(config)
            pages = {
                uri: (page_url(mkdocs_url(doc.url, doc.dest)), str(escape(self.posts[uri].title)))
                for uri, doc in self.docs.items()
            }
            self.pipeline.prepare_posts(self.docs, workers, pages, indexer)
            give_back_memory()
        self._nav = nav
        return nav

    def _setup_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._keep_bodies = self._bodies_needed_after_writing(config)
        if self.incremental and self.rebuild.rerender_all:
            self._restore_unread(files)
        env.filters["polax_date"] = _format_date
        env.filters["polax_url"] = mkdocs_url
        env.filters["polax_link"] = safe_link
        env.autoescape = autoescape_for(config.theme.dirs)
        # MkDocs makes a new environment per build; within one, re-checking every template file's
        # mtime on each include (Jinja's default) is a stat() per partial per page.
        env.auto_reload = False
        env.globals.update(theme_globals(env, config.theme, env.autoescape))  # the theme's `t`, `image`
        return env

    @event_priority(-100)  # after every other on_env: the environment pages are rendered with
    def _start_renderers(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """In ``mkdocs build``, fork processes that render a share of the posts and listing pages (see
        ``parallel``); MkDocs' loop here renders the rest, and the others' pages to nothing."""
        self._renderers, self._elsewhere = [], set()
        processes = self._render_processes(config)
        if processes < 2:
            return env
        shared = {uri for uri, post in self.posts.items() if post.kind == "post"} | set(self.views)
        if search_plugin_id(config) is not None:  # their search entries are made without their body
            shared = {uri for uri in shared if uri in self._search_later or uri in self.views}
        pages = [f.page for f in files.documentation_pages() if f.src_uri in shared and f.page is not None]
        if len(pages) < PARALLEL_MIN_TEXTS:
            return env
        owners = parallel.assign(len(pages), processes)
        build_page = page_builder(config, self._nav, env, files)
        loggers = engine_loggers()
        for child in range(1, processes):
            mine = [page for page, owner in zip(pages, owners, strict=True) if owner == child]

            def work(mine: list[Page] = mine) -> None:
                for page in mine:
                    build_page(page)

            self._renderers.append(parallel.start(work, loggers, log.logger.name))
        skip = env.from_string("")
        keep = self._keep_bodies or set()
        for page, owner in zip(pages, owners, strict=True):
            if owner == 0:
                continue
            uri = page.file.src_uri
            self._elsewhere.add(uri)
            page.meta = dict(page.meta, template=skip)  # MkDocs renders it to nothing here
            later = self._search_later.get(uri)
            if later is not None:
                self._search_later[uri] = ("", later[1])
            if uri not in keep:
                self.rendered.pop(uri, None)
        self._unquiet = quiet_skipped_pages(self._elsewhere)
        give_back_memory()
        log.debug(f"{len(self._elsewhere)} of {len(pages)} pages rendered in {processes - 1} forked processes")
        return env

    def _render_processes(self, config: MkDocsConfig) -> int:
        """How many processes render pages: 1 (MkDocs' own) unless this is a plain ``mkdocs build`` of a
        Jekyll tree where nothing but polax and the search plugin acts once pages are read."""
        if self.command != "build" or self.dirty or self.md_settings is None or self._keep_bodies is None:
            return 1
        events = ("nav", "env", "page_context", "post_page", "post_build", "build_error")
        if not only_readers_of_content(config, self._polax_and_search(config), events):
            return 1
        return worker_processes(self.config.workers)

    on_env = CombinedEvent(_setup_env, _start_renderers)

    def _restore_unread(self, files: Files) -> None:
        """An edit changed what cards show, after some pages were skipped as unchanged: those pages
        are rendered again too, with the body, title and table of contents of the last build."""
        if self.rebuild.fast:
            log.info("An edit changed what listings show: rebuilding every page")
        for f in files.documentation_pages():
            page = f.page
            if page is None or page.content is not None:
                continue
            self._set_page_meta(page)
            record = self.rebuild.records.get(f.src_uri)
            if record is not None:
                page.content = record.content
                page.toc = get_toc(record.toc_tokens)  # type: ignore[arg-type]
                page.present_anchor_ids = record.anchors
            elif f.src_uri in self.views:
                page.content = ""

    def _bodies_needed_after_writing(self, config: MkDocsConfig) -> set[str] | None:
        """In ``mkdocs build``, a post's body is needed after its page is written only by the feeds that
        show it, unless another plugin acts after pages are written or a page without the theme (a
        Liquid ``feed.xml``...) may show bodies. None: keep every body."""
        if self.keep_bodies or self.command != "build" or any("content" in doc.body for doc in self.raw_pages):
            return None
        allowed = self._polax_and_search(config)
        if not only_readers_of_content(config, allowed, ("post_page", "post_build", "build_error")):
            return None
        return self.publisher.feed_sources()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        uri = page.file.src_uri
        if self._keep_bodies is not None and uri not in self._keep_bodies:
            post = self.posts.get(uri)
            if post is not None and post.kind == "post":
                # written: the body is let go (at 10,000 posts, bodies are most of the memory)
                page.content = ""
                self.rendered.pop(uri, None)
                self._released += 1
                if self._released % 200 == 0:
                    give_back_memory()
        return output

    # -- after the build -------------------------------------------------------------------------
    @event_priority(100)  # before anything reads the site folder
    def _join_renderers(self, *, config: MkDocsConfig) -> None:
        """Wait for the processes rendering pages; log what they logged; fail if one failed."""
        renderers, self._renderers = self._renderers, []
        if self._unquiet is not None:
            self._unquiet()
            self._unquiet = None
        failed = False
        started = time.monotonic()
        for renderer in renderers:
            ok, lines = renderer.join()
            log.debug(f"waited {time.monotonic() - started:.2f} s for a page-rendering process")
            for name, level, message in lines:
                logging.getLogger(name).log(level, message)
            failed = failed or not ok
        if failed:
            raise PluginError(
                "Rendering pages in a forked process failed (see the errors above). "
                "Fix them, or set the polax option 'workers: 1' to render every page in MkDocs' own process."
            )

    def on_build_error(self, *, error: Exception) -> None:
        for renderer in self._renderers:
            renderer.kill()
        self._renderers = []
        if self._unquiet is not None:
            self._unquiet()
            self._unquiet = None

    @event_priority(-50)  # after the search plugin wrote its index (serve merges it)
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir).resolve()
        if self._search is not None:
            write_compact_index(config, self._search)  # over the search plugin's stub
            log.debug(f"search_index.json written by polax ({len(self._search.pages)} pages)")
            self._search = None
        if self.incremental:
            self._finish_rebuild(site_dir)
        for doc in self.raw_pages:
            out = (site_dir / doc.dest).resolve()
            if site_dir not in out.parents:
                log.error(f"{doc.source}: output path {doc.dest} is outside site_dir; not written")
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(self.pipeline.render_raw(doc), encoding="utf-8")
        self.publisher.write(config)
        url_check.after_build(self, self.migration, config)  # after every file is written

    on_post_build = CombinedEvent(_join_renderers, _finish_build)

    def _finish_rebuild(self, site_dir: Path) -> None:
        """Under serve: the search index keeps the pages not rendered again; pages that are gone are
        deleted (the site folder is kept between rebuilds)."""
        dests = {d.dest for d in self.docs.values()} | {v.dest for v in self.views.values()}
        for gone in sorted(self.rebuild.dests - dests):
            out = (site_dir / gone).resolve()
            if site_dir in out.parents and out.is_file():
                out.unlink()
        self.rebuild.dests = dests
        index_path = site_dir / "search" / "search_index.json"
        new = read_json(index_path)
        if new is not None:
            merged = self.rebuild.merge_search(new, self._built_urls, self._page_urls)
            if merged is not new:
                index_path.write_text(json.dumps(merged, separators=(",", ":")), encoding="utf-8")

    # -- serve -----------------------------------------------------------------------------------
    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        serve_extensionless(server)
        if self.incremental:
            rebuild_in_place()
        if self.source is not None and os.path.normpath(str(self.source)) != os.path.normpath(config.docs_dir):
            server.watch(str(self.source))
        return server


_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)


def safe_link(value: object) -> str:
    """A URL from front matter, fit for ``href``/``src``: script and data URLs are dropped, and
    a site-absolute ``/x`` becomes site-relative so that MkDocs' ``url`` filter can relativise it."""
    if value is None:
        return ""
    text = "".join(ch for ch in str(value) if ch >= " " and ch != "\x7f").strip()
    if not text or _UNSAFE_SCHEME.match(text):
        return ""
    if text.startswith("//") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text):
        return text if re.match(r"^(https?|mailto):", text, re.I) or text.startswith("//") else ""
    return text.lstrip("/") if text.startswith("/") else text


def _format_date(value: dt.datetime | dt.date | None, fmt: str = "%B %-d, %Y") -> str:
    """A date for readers (``October 28, 2021`` by default); ``%-d`` works on every platform."""
    if value is None:
        return ""
    fmt = fmt.replace("%-d", str(value.day)).replace("%-m", str(value.month))
    return value.strftime(fmt)
