"""The options of the ``polax`` plugin in mkdocs.yml: this schema is their reference."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FeedConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Write an Atom feed (and a JSON Feed) as jekyll-feed does."""
    path = c.Type(str, default="feed.xml")
    """Where the Atom feed goes (jekyll-feed's ``feed.path``)."""
    json_path = c.Type(str, default="feed.json")
    """Where the JSON Feed 1.1 goes."""
    posts_limit = c.Type(int, default=10)
    """How many posts a feed lists (jekyll-feed's default is 10)."""
    excerpt_only = c.Type(bool, default=False)
    """Entries carry the excerpt only, not the full content."""
    categories = c.ListOfItems(c.Type(str), default=[])
    """Categories that get their own feed at ``/feed/<category>.xml``."""
    collections = c.ListOfItems(c.Type(str), default=[])
    """Other collections that get their own feed at ``/feed/<collection>.xml``."""


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
    category_url = c.Type(str, default="/category/:slug/")
    """URL of a category page (``:slug`` is the category's slug). jekyll-archives used ``/categories/:name/``."""
    tag_url = c.Type(str, default="/tag/:slug/")
    """URL of a tag page."""
    archive_url = c.Type(str, default="/archive/:year/")
    """URL of a year's archive page."""
    author_url = c.Type(str, default="/author/:slug/")
    """URL of an author's page."""
    authors_file = c.Type(str, default="_data/authors.yml")
    """Author details (name, avatar, bio, url, twitter) keyed by the ``author`` value of posts."""
    fix_mojibake = c.Type(bool, default=False)
    """Repair text that was decoded twice (``Â``, ``â€™``) in the output with ftfy; sources are never touched."""
    feed = c.SubConfig(FeedConfig)
    """Atom and JSON feeds."""
    seo = c.Type(bool, default=True)
    """SEO tags in every page's ``<head>`` (like jekyll-seo-tag)."""
    redirects = c.Type(bool, default=True)
    """Pages for ``redirect_from``/``redirect_to`` and ``/redirects.json`` (like jekyll-redirect-from)."""
    sitemap = c.Type(bool, default=True)
    """``/sitemap.xml`` and ``/robots.txt`` (like jekyll-sitemap)."""
