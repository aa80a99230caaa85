"""What a blog publishes besides its pages, wired to MkDocs' events: the SEO tags of each page's
``<head>`` (``seo.py``), and after the build the feeds (``feeds.py``), redirect pages and
``redirects.json`` (``redirects.py``), ``sitemap.xml`` and ``robots.txt`` (``sitemap.py``).

The plugin calls :class:`Publisher`; the semantics live in those four modules.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import __version__, feeds, redirects, seo, sitemap
from .jekyll.post import Author, authors_of
from .webtext import site_base

if TYPE_CHECKING:
    from .plugin import PolaxPlugin

log = get_plugin_logger(__name__)

MATERIAL_TEMPLATES = Path(__file__).resolve().parent / "templates" / "material"
_SITEMAP_EXTS = (".html", ".htm", ".xhtml", ".pdf")


class Publisher:
    """Per-build state of the outputs; one per build (the plugin makes a new one in ``on_config``)."""

    def __init__(self, plugin: PolaxPlugin) -> None:
        self.plugin = plugin
        self.outputs: dict[str, str] = {}  # dest -> source of every file the site writes
        self.pages: list[tuple[str, str, str, dict[str, Any], dt.datetime | None]] = []
        self.base = ""
        self.seo_site: seo.SeoSite | None = None
        self.feed_site: feeds.FeedSite | None = None
        self.feed_settings = feeds.FeedSettings()
        self._links: str | None = None
        self.redirect_plan = redirects.RedirectPlan()  # what write() wrote, for the URL check

    # -- on_config -------------------------------------------------------------------------------
    def configure(self, config: MkDocsConfig) -> None:
        plugin = self.plugin
        assert plugin.jekyll is not None
        raw = plugin.jekyll.raw
        self.base = site_base(config.site_url)
        if config.theme.name == "material":
            # The head tags go in through templates/material/main.html, which must come before
            # Material's own main.html (after a custom_dir, which keeps the last word).
            path = str(MATERIAL_TEMPLATES)
            if path in config.theme.dirs:
                config.theme.dirs.remove(path)
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, path)
        site_author = _site_author(raw.get("author"), plugin.data_authors)
        self.seo_site = seo.site_from_config(raw, self.base, config.site_name, site_author, config.site_description)
        self.feed_site = feeds.FeedSite(
            base=self.base,
            title=config.site_name or None,
            description=config.site_description or None,
            author=raw.get("author") or config.site_author,
            lang=str(raw["lang"]) if raw.get("lang") else None,
            data_authors=plugin.data_authors,
            generator_version=__version__,
        )
        opts = plugin.config.feed
        self.feed_settings = feeds.feed_settings(
            raw.get("feed"),
            {k: opts[k] for k in ("path", "posts_limit", "excerpt_only", "categories", "collections")},
        )

    # -- on_files --------------------------------------------------------------------------------
    def note_files(self, files: Files, config: MkDocsConfig) -> None:
        """Remember every output path of the site (and its source) before redirects claim any.

        Theme files are not the site's: MkDocs' ``sitemap.xml`` template is replaced after the build.
        """
        theme_dirs = {os.path.realpath(d) for d in config.theme.dirs}
        for f in files:
            if f.src_dir is not None and os.path.realpath(f.src_dir) in theme_dirs:
                continue
            self.outputs.setdefault(f.dest_uri, f.src_uri)
        for doc in self.plugin.raw_pages:
            self.outputs.setdefault(doc.dest, doc.source)

    # -- on_page_context -------------------------------------------------------------------------
    def head(self, page: Page, config: MkDocsConfig, render: bool = True) -> tuple[Markup, Markup]:
        """``polax_head`` and ``polax_title`` for one page; records the page for the sitemap/redirects
        (``render=False``: only that, for a page another process renders)."""
        assert self.seo_site is not None
        uri = page.file.src_uri
        post = self.plugin.posts.get(uri)
        view = self.plugin.views.get(uri)
        meta: dict[str, Any] = dict(page.meta or {})
        lastmod: dt.datetime | None = None
        if post is not None:
            data = seo.SeoPage(
                url=post.url,
                title=post.title or page.title,
                is_home=post.url in ("/", "/index.html"),
                is_post=post.kind == "post",
                description=post.summary,
                image=post.image,
                image_alt=post.image_alt,
                date=post.date if post.kind != "page" else _page_date(post.meta),
                modified=post.last_modified_at,
                authors=post.authors,
                meta=post.meta,
            )
            meta = dict(post.meta)
            lastmod = post.last_modified_at or post.date
            if lastmod is None and post.kind == "page":
                lastmod = _mtime(page.file.abs_src_path)
            url = post.url
        elif view is not None:
            data = seo.SeoPage(
                url=view.url,
                title=view.title,
                is_home=view.url in ("/", "/index.html"),
                prev_url=view.previous_url,
                next_url=view.next_url,
                page_number=view.page,
                pages=view.pages,
            )
            dates = [p.last_modified_at or p.date for p in view.posts]
            lastmod = max((d for d in dates if d is not None), default=None)
            url = view.url
        else:
            url = "/" + page.url if page.url not in ("", "./") else "/"
            description = meta.get("description") or (config.site_description if page.is_homepage else None)
            data = seo.SeoPage(
                url=url,
                title=page.title,
                is_home=page.is_homepage,
                description=str(description) if description else None,
                image=_image(meta),
                authors=authors_of(meta.get("author"), self.plugin.data_authors),
                meta=meta,
            )
            lastmod = _mtime(page.file.abs_src_path)
        self.pages.append((uri, url, page.file.dest_uri, meta, lastmod))
        if not render:
            return Markup(""), Markup("")
        links = self._feed_links()
        head = seo.head_html(data, self.seo_site, links) if self.plugin.config.seo else links
        return Markup(head), Markup(html.escape(seo.page_title(data, self.seo_site)))

    def _feed_links(self) -> str:
        """The same on every page: made once per build."""
        if self._links is None:
            assert self.feed_site is not None
            opts = self.plugin.config.feed
            on = bool(opts.enabled)
            self._links = (
                feeds.autodiscovery(self.feed_site, self.feed_settings.path, opts.json_path or None) if on else ""
            )
        return self._links

    # -- on_post_build ---------------------------------------------------------------------------
    def write(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir).resolve()
        plan = self._redirects(site_dir) if self.plugin.config.redirects else redirects.RedirectPlan()
        self.redirect_plan = plan
        if self.plugin.config.feed.enabled:
            self._feeds(site_dir)
        if self.plugin.config.sitemap:
            if self.base:
                self._sitemap(site_dir, plan)
            else:
                log.info("site_url is not set: no sitemap.xml or robots.txt (they need absolute URLs)")
                for name in ("sitemap.xml", "sitemap.xml.gz"):  # MkDocs' own, with site-relative URLs
                    if (site_dir / name).is_file() and not self._own(name):
                        (site_dir / name).unlink()

    def _write(self, site_dir: Path, dest: str, text: str) -> None:
        out = (site_dir / dest).resolve()
        if site_dir not in out.parents:
            log.error(f"output path {dest} is outside site_dir; not written")
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")

    def _own(self, dest: str) -> bool:
        """The site has its own file there (its own feed.xml, robots.txt...): it wins, as with Jekyll's plugins."""
        source = self.plugin.source
        return dest in self.outputs or (source is not None and (source / dest).is_file())

    def _redirects(self, site_dir: Path) -> redirects.RedirectPlan:
        items = [redirects.Redirectable(doc.source, doc.url, doc.dest, doc.data) for doc in self.plugin.docs.values()]
        seen = set(self.plugin.docs)
        for uri, url, dest, meta, _ in self.pages:
            if uri not in seen and uri not in self.plugin.views:
                items.append(redirects.Redirectable(uri, url, dest, meta))
        result = redirects.plan(items, self.outputs, self.base)
        for problem in result.problems:
            log.warning(problem)
        for page in result.pages:
            self._write(site_dir, page.dest, redirects.redirect_html(page.to_url, page.title))
        assert self.plugin.jekyll is not None
        if result.mapping and redirects.json_enabled(self.plugin.jekyll.raw) and not self._own("redirects.json"):
            self._write(site_dir, "redirects.json", redirects.redirects_json(result.mapping))
        return result

    def _feed_items(self) -> list[feeds.FeedItem]:
        items = []
        for uri, post in self.plugin.posts.items():
            doc = self.plugin.docs.get(uri)
            if doc is None or post.kind == "page":
                continue
            collection = "posts" if post.kind == "post" else (doc.collection or "")
            items.append(feeds.FeedItem(post, collection, self.plugin.rendered.get(uri, "")))
        return items

    def feed_sources(self) -> set[str]:
        """The src_uri of every post some feed shows (with its body): known before pages are built."""
        if not self.plugin.config.feed.enabled or self.feed_site is None:
            return set()
        uri_of = {id(post): uri for uri, post in self.plugin.posts.items()}
        items = [feeds.FeedItem(item.post, item.collection, "") for item in self._feed_items()]
        specs = feeds.feed_specs(self.feed_settings, items)
        if self.plugin.config.feed.json_path:
            specs.append(feeds.FeedSpec(self.feed_settings.path))
        chosen = {id(i.post) for spec in specs for i in feeds.select(spec, items, self.feed_settings.posts_limit)}
        return {uri_of[key] for key in chosen if key in uri_of}

    def _feeds(self, site_dir: Path) -> None:
        assert self.feed_site is not None
        settings = self.feed_settings
        items = self._feed_items()
        source = self.plugin.source
        self.feed_site.xsl = source is not None and (source / "feed.xslt.xml").is_file()
        for spec in feeds.feed_specs(settings, items):
            if self._own(spec.dest):
                continue
            chosen = feeds.select(spec, items, settings.posts_limit)
            self._write(site_dir, spec.dest, feeds.atom_feed(spec, chosen, self.feed_site, settings))
        json_path = self.plugin.config.feed.json_path
        if json_path and not self._own(json_path.lstrip("/")):
            chosen = feeds.select(feeds.FeedSpec(settings.path), items, settings.posts_limit)
            self._write(site_dir, json_path.lstrip("/"), feeds.json_feed(chosen, self.feed_site, settings, json_path))

    def _sitemap(self, site_dir: Path, plan: redirects.RedirectPlan) -> None:
        redirected = {p.dest for p in plan.pages}
        entries = []
        for _uri, url, dest, meta, lastmod in self.pages:
            if dest in redirected or not sitemap.listed(url, meta):
                continue
            entries.append(sitemap.SitemapEntry(sitemap.loc(self.base, url), lastmod))
        for doc in self.plugin.raw_pages:
            if doc.is_html and sitemap.listed(doc.url, doc.data) and doc.dest not in redirected:
                entries.append(sitemap.SitemapEntry(sitemap.loc(self.base, doc.url), _mtime(str(doc.abs_path))))
        site = self.plugin.site
        if site is not None and self.plugin.jekyll_mode:
            for item in site.static_files:
                if item.dest.lower().endswith(_SITEMAP_EXTS) and os.path.basename(item.dest) != "404.html":
                    entries.append(
                        sitemap.SitemapEntry(sitemap.loc(self.base, "/" + item.dest), _mtime(str(item.abs_path)))
                    )
        entries.sort(key=lambda e: e.loc)
        if not self._own("sitemap.xml"):
            # Written after MkDocs rendered its own sitemap.xml (a static template of every theme),
            # which this replaces, with the .gz copy MkDocs makes of it.
            self._write(site_dir, "sitemap.xml", sitemap.sitemap_xml(entries))
            gz = site_dir / "sitemap.xml.gz"
            if gz.is_file() and not self._own("sitemap.xml.gz"):
                gz.unlink()
        if not self._own("robots.txt"):
            self._write(site_dir, "robots.txt", sitemap.robots_txt(self.base))


def _site_author(value: Any, data_authors: dict[str, Any]) -> Author | None:
    found = authors_of(value, data_authors) if value else []
    return found[0] if found else None


def _image(meta: dict[str, Any]) -> str | None:
    from .jekyll.post import image_of

    return image_of(meta)[0]


def _page_date(meta: dict[str, Any]) -> dt.datetime | None:
    value = meta.get("date")
    return value if isinstance(value, dt.datetime) else None


def _mtime(path: str | None) -> dt.datetime | None:
    if not path:
        return None
    try:
        stamp = os.path.getmtime(path)
    except OSError:
        return None
    return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)
