"""PostIndex: every post sorted once, and the groups listings need (categories, tags, years, authors).

Built once per build from the normalised posts; each listing page then slices it (index once,
render many). Nothing here is quadratic in the number of posts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .jekyll.post import Author, Post
from .jekyll.slugify import slugify


@dataclass
class Group:
    """Posts sharing one category, tag, year or author; ``slug`` is its URL segment."""

    kind: str
    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)
    author: Author | None = None


@dataclass
class PostIndex:
    posts: list[Post]  # newest first, like Jekyll's site.posts
    categories: dict[str, Group]
    tags: dict[str, Group]
    years: dict[str, Group]
    authors: dict[str, Group]
    position: dict[str, int]  # post url -> index in posts

    def previous(self, post: Post) -> Post | None:
        """The older neighbour (Jekyll's ``page.previous``)."""
        i = self.position.get(post.url)
        return self.posts[i + 1] if i is not None and i + 1 < len(self.posts) else None

    def next(self, post: Post) -> Post | None:
        """The newer neighbour (Jekyll's ``page.next``)."""
        i = self.position.get(post.url)
        return self.posts[i - 1] if i is not None and i > 0 else None


def _slug(name: str) -> str:
    return slugify(name) or slugify(name, mode="raw") or "-"


def build_index(posts: list[Post]) -> PostIndex:
    ordered = sorted(posts, key=lambda p: (p.date.timestamp() if p.date else 0, p.source), reverse=True)
    cats: dict[str, Group] = {}
    tags: dict[str, Group] = {}
    years: dict[str, Group] = {}
    authors: dict[str, Group] = {}
    by_slug: dict[str, dict[str, Group]] = defaultdict(dict)
    for post in ordered:
        for name in post.categories:
            _add(cats, by_slug["category"], "category", name, post)
        for name in post.tags:
            _add(tags, by_slug["tag"], "tag", name, post)
        if post.date:
            y = f"{post.date.year:04d}"
            years.setdefault(y, Group("year", y, y)).posts.append(post)
        for author in post.authors:
            group = authors.get(author.key)
            if group is None:
                group = authors[author.key] = Group("author", author.name, author.key, author=author)
            group.posts.append(post)
    return PostIndex(ordered, cats, tags, years, authors, {p.url: i for i, p in enumerate(ordered)})


def _add(groups: dict[str, Group], slugs: dict[str, Group], kind: str, name: str, post: Post) -> None:
    group = groups.get(name)
    if group is None:
        slug = _slug(name)
        # 'Business Tips' and 'business-tips' share one page, as their slugs do.
        group = slugs.get(slug)
        if group is None:
            group = slugs[slug] = Group(kind, name, slug)
        groups[name] = group
    if not group.posts or group.posts[-1] is not post:
        group.posts.append(post)
