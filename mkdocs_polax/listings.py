"""Listing pages (blog index, category, tag, year archive, author), paginated: their URLs and contents.

Each listing is a :class:`View` computed from the one :class:`PostIndex`; the plugin turns every
view into a generated MkDocs page rendered with the theme's ``listing.html``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .index import Group, PostIndex
from .jekyll.errors import JekyllError
from .jekyll.permalink import check_url, escape_path, sanitize_url, url_to_dest
from .jekyll.post import Post


@dataclass
class View:
    """One page of a listing."""

    kind: str  # index, category, tag, archive, author
    title: str
    url: str  # Jekyll-style URL with leading '/'
    dest: str
    posts: list[Post]
    page: int
    pages: int
    first_url: str
    group: Group | None = None
    page_urls: list[str] = field(default_factory=list)

    @property
    def previous_url(self) -> str | None:
        """The newer page (Jekyll's ``paginator.previous_page_path``)."""
        return self.page_urls[self.page - 2] if self.page > 1 else None

    @property
    def next_url(self) -> str | None:
        """The older page (Jekyll's ``paginator.next_page_path``)."""
        return self.page_urls[self.page] if self.page < self.pages else None

    def months(self) -> list[tuple[Post, list[Post]]]:
        """This page's posts in runs of one month (newest first), each run with its first post, whose
        date names the month: a year archive shows them under month headings."""
        runs: list[tuple[Post, list[Post]]] = []
        for post in self.posts:
            key = (post.date.year, post.date.month) if post.date else None
            last = runs[-1][0].date if runs else None
            if runs and key == ((last.year, last.month) if last else None):
                runs[-1][1].append(post)
            else:
                runs.append((post, [post]))
        return runs

    def page_links(self, window: int = 2) -> list[tuple[int | None, str | None]]:
        """Numbered links for the pagination bar: the first and last pages, ``window`` pages either
        side of this one, and ``(None, None)`` where pages are left out."""
        keep = {1, self.pages, *range(self.page - window, self.page + window + 1)}
        out: list[tuple[int | None, str | None]] = []
        for n in range(1, self.pages + 1):
            if n in keep:
                out.append((n, self.page_urls[n - 1] if n - 1 < len(self.page_urls) else None))
            elif out and out[-1][0] is not None:
                out.append((None, None))
        return out

    @property
    def src_uri(self) -> str:
        slug = self.group.slug if self.group else "blog"
        return f"_polax/{self.kind}/{slug}/{self.page}.md"


@dataclass
class ListingSettings:
    blog_url: str
    per_page: int
    paginate_path: str  # for the blog index, with ':num' (Jekyll's paginate_path)
    category_url: str
    tag_url: str
    archive_url: str
    author_url: str


def fill(pattern: str, group: Group) -> str:
    """A listing URL pattern with ``:slug``, ``:name`` (jekyll-archives: the slug too) and ``:year``."""
    url = pattern.replace(":slug", escape_path(group.slug)).replace(":name", escape_path(group.slug))
    url = url.replace(":year", escape_path(group.slug))
    return sanitize_url(url)


def page_url(first: str, num: int, paginate_path: str | None = None) -> str:
    """URL of page ``num`` (2, 3...) of a listing whose first page is ``first``."""
    if paginate_path is not None:
        url = sanitize_url(paginate_path.replace(":num", str(num)))
        # jekyll-paginate makes the path a folder: '/page:num' is written to page2/index.html.
        return url if url.endswith(("/", ".html")) else url + "/"
    base = first if first.endswith("/") else first + "/"
    return sanitize_url(f"{base}page/{num}/")


def paginate(
    kind: str,
    title: str,
    first: str,
    posts: list[Post],
    per_page: int,
    group: Group | None = None,
    paginate_path: str | None = None,
) -> list[View]:
    pages = max(1, math.ceil(len(posts) / per_page))
    urls = [first] + [page_url(first, n, paginate_path) for n in range(2, pages + 1)]
    views = []
    for n in range(1, pages + 1):
        url = urls[n - 1]
        check_url(url, f"listing '{title}'", key=f"{kind}_url")
        dest = url_to_dest(url, ".html", page=False)
        chunk = posts[(n - 1) * per_page : n * per_page]
        views.append(View(kind, title, url, dest, chunk, n, pages, first, group, urls))
    return views


def build_views(index: PostIndex, s: ListingSettings, blog_title: str) -> list[View]:
    """Every listing page of the site; URLs that collide are reported by the caller."""
    if s.per_page < 1:
        raise JekyllError("must be 1 or more", key="paginate")
    views = paginate("index", blog_title, s.blog_url, index.posts, s.per_page, paginate_path=s.paginate_path)
    for kind, groups, pattern in (
        ("category", index.categories, s.category_url),
        ("tag", index.tags, s.tag_url),
        ("archive", index.years, s.archive_url),
        ("author", index.authors, s.author_url),
    ):
        seen: set[int] = set()
        for group in groups.values():
            if id(group) in seen:
                continue
            seen.add(id(group))
            views += paginate(kind, group.name, fill(pattern, group), group.posts, s.per_page, group)
    return views


def group_url(pattern: str, group: Group) -> str:
    return fill(pattern, group)
