"""The options of the ``polax`` plugin in mkdocs.yml: this schema is their reference."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FeedConfig(base.Config):
    """Feeds as jekyll-feed wrote them. An option left unset here takes ``_config.yml``'s ``feed:`` value."""

    enabled = c.Type(bool, default=True)
    """Write the Atom feeds (and a JSON Feed), plus their autodiscovery links in every page's head."""
    path = c.Optional(c.Type(str))
    """Where the posts' Atom feed goes; default ``_config.yml``'s ``feed.path``, else ``feed.xml``."""
    json_path = c.Type(str, default="feed.json")
    """Where the JSON Feed 1.1 of the same posts goes; ``''`` writes none."""
    posts_limit = c.Optional(c.Type(int))
    """How many posts a feed lists; default ``feed.posts_limit``, else 10 (jekyll-feed's default)."""
    excerpt_only = c.Optional(c.Type(bool))
    """Entries carry the summary only, not the full content (a post's ``feed: {excerpt_only: ...}`` wins)."""
    categories = c.Optional(c.ListOfItems(c.Type(str)))
    """Categories that get their own feed at ``/feed/<category>.xml``; default ``feed.categories``."""
    collections = c.Optional(c.ListOfItems(c.Type(str)))
    """Other collections that get a feed at ``/feed/<collection>.xml``; default ``feed.collections``."""


class PolaxConfig(base.Config):
    source = c.Optional(c.Type(str))
    """The Jekyll tree to build, relative to mkdocs.yml (``.`` when mkdocs.yml sits in it).
    Unset: ``docs_dir``, which is read as a Jekyll tree when it holds a ``_config.yml``."""
    posts_dir = c.Optional(c.Type(str))
    """A folder of ``docs_dir`` whose Markdown files are posts too (besides every ``_posts``), e.g. ``blog/posts``."""
    drafts = c.Type(bool, default=False)
    """Show ``_drafts`` in ``mkdocs serve`` (never in ``mkdocs build``), like ``jekyll serve --drafts``."""
    future = c.Type(bool, default=False)
    """Show future-dated posts in ``mkdocs serve`` (``_config.yml``'s ``future`` applies to builds)."""
    permalink = c.Optional(c.Type(str))
    """Posts' URL style or template; overrides ``_config.yml``'s ``permalink`` (default ``date``)."""
    timezone = c.Optional(c.Type(str))
    """Time zone for dates without one; overrides ``_config.yml``'s ``timezone`` (default UTC)."""
    blog_url = c.Optional(c.Type(str))
    """URL of the blog index. Default: ``/`` unless the site has its own home page that lists no posts, then ``/blog/``."""
    paginate = c.Optional(c.Type(int))
    """Posts per listing page; default ``_config.yml``'s ``paginate``, else 10."""
    paginate_path = c.Optional(c.Type(str))
    """URL of listing pages after the first; default ``_config.yml``'s ``paginate_path``, else ``/page:num/``."""
    category_url = c.Optional(c.Type(str))
    """URL of a category page (``:slug``/``:name``: the category's slug). Default: jekyll-archives'
    ``permalinks.category`` or ``category_dir`` from ``_config.yml`` when set, else ``/category/:slug/``."""
    tag_url = c.Optional(c.Type(str))
    """URL of a tag page; default from jekyll-archives/``tag_dir``, else ``/tag/:slug/``."""
    archive_url = c.Optional(c.Type(str))
    """URL of a year's archive page; default from jekyll-archives, else ``/archive/:year/``."""
    author_url = c.Optional(c.Type(str))
    """URL of an author's page; default ``/author/:slug/``."""
    authors_file = c.Type(str, default="_data/authors.yml")
    """Author details (name, avatar, bio, url, twitter) keyed by the ``author`` value of posts."""
    fix_mojibake = c.Type(bool, default=False)
    """Repair text that was decoded twice (``Â``, ``â€™``) in the output with ftfy; sources are never touched."""
    workers = c.Type(int, default=0)
    """Processes that convert the posts' Markdown in ``mkdocs build``: ``0`` (default) one per CPU, at
    most 4, on Linux; ``1`` converts in MkDocs' own process, page by page. The HTML is the same."""
    feed = c.SubConfig(FeedConfig)
    """Atom and JSON feeds."""
    seo = c.Type(bool, default=True)
    """SEO tags in every page's ``<head>`` (like jekyll-seo-tag)."""
    redirects = c.Type(bool, default=True)
    """Pages for ``redirect_from``/``redirect_to`` and ``/redirects.json`` (like jekyll-redirect-from)."""
    sitemap = c.Type(bool, default=True)
    """``/sitemap.xml`` and ``/robots.txt`` (like jekyll-sitemap)."""
    check_urls_from = c.Optional(c.Type(str))
    """What the old site published, relative to mkdocs.yml: its built folder (Jekyll's ``_site``), its
    ``sitemap.xml``, its Atom/RSS feed or a text file of URLs/paths. After the build each of its URLs must
    still answer (as a page, a file or a redirect); each one that does not is a warning."""
    check_urls_baseurl = c.Optional(c.Type(str))
    """The old site's base path (its ``baseurl``), stripped from its URLs; default: guessed from
    ``_config.yml``'s ``baseurl``, the feed's link and the URLs themselves."""
    check_urls_report = c.Optional(c.Type(str))
    """Where the URL check's JSON report goes, relative to mkdocs.yml; default ``polax-url-check.json``
    beside ``site_dir`` (never inside it: it is not published)."""
    host_redirects = c.ListOfItems(c.Choice(("netlify", "cloudflare", "apache", "nginx")), default=[])
    """Server redirect files besides the meta-refresh pages: ``netlify``/``cloudflare`` (``_redirects``),
    ``apache`` (``.htaccess``), ``nginx`` (a ``map`` include written beside ``site_dir``)."""
