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
    _related: dict[str, list[Post]] = field(default_factory=dict)

    def previous(self, post: Post) -> Post | None:
        """The older neighbour (Jekyll's ``page.previous``)."""
        i = self.position.get(post.url)
        return self.posts[i + 1] if i is not None and i + 1 < len(self.posts) else None

    def next(self, post: Post) -> Post | None:
        """The newer neighbour (Jekyll's ``page.next``)."""
        i = self.position.get(post.url)
        return self.posts[i - 1] if i is not None and i > 0 else None

    def related(self, post: Post, limit: int = 3) -> list[Post]:
        """Up to ``limit`` posts sharing the most categories and tags with ``post``, nearest in date first.

        Candidates come from each of the post's groups, but only the ``RELATED_WINDOW`` posts either
        side of it in that group (groups are sorted by date): a tag that every post carries costs a
        constant per post, so the whole site stays linear. Computed once per post, then cached.
        """
        key = f"{post.url}\0{limit}"
        found = self._related.get(key)
        if found is None:
            found = self._related[key] = related_posts(post, self, limit)
        return found


RELATED_WINDOW = 8


def related_posts(post: Post, index: PostIndex, limit: int) -> list[Post]:
    """See :meth:`PostIndex.related`: a category in common counts 2, a tag 1."""
    if limit < 1:
        return []
    mine_c, mine_t = set(post.categories), set(post.tags)
    seen: set[str] = {post.url}
    scored: list[tuple[int, float, str, Post]] = []
    when = post.date.timestamp() if post.date else 0.0
    groups = [index.categories[c] for c in mine_c if c in index.categories]
    groups += [index.tags[t] for t in mine_t if t in index.tags]
    for group in groups:
        at = _find(group.posts, post)
        lo, hi = max(0, at - RELATED_WINDOW), at + RELATED_WINDOW + 1
        for other in group.posts[lo:hi]:
            if other.url in seen:
                continue
            seen.add(other.url)
            score = 2 * len(mine_c.intersection(other.categories)) + len(mine_t.intersection(other.tags))
            gap = abs(when - (other.date.timestamp() if other.date else 0.0))
            scored.append((-score, gap, other.url, other))
    scored.sort(key=lambda item: item[:3])
    return [item[3] for item in scored[:limit]]


def _find(posts: list[Post], post: Post) -> int:
    """Where ``post`` sits in a group's newest-first list (bisection on date, then a short scan)."""
    key = -(post.date.timestamp() if post.date else 0.0)
    lo, hi = 0, len(posts)
    while lo < hi:
        mid = (lo + hi) // 2
        date = posts[mid].date
        if -(date.timestamp() if date else 0.0) < key:
            lo = mid + 1
        else:
            hi = mid
    for i in range(lo, len(posts)):
        if posts[i] is post:
            return i
        if posts[i].date != post.date:
            break
    return lo


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
