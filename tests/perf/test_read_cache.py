"""``mkdocs serve`` keeps the Jekyll tree's files as read across rebuilds (``read_site(cache=...)``):
a rebuild reads the same site as a fresh read, re-reads a file whose size or time changed, reports
each file's problems every time and hands out front matter nobody else holds."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs_polax.jekyll.config import read_config
from mkdocs_polax.jekyll.site import LoadCache, Site, read_site


def _tree(root: Path) -> None:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: T\n")
    (root / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\ntags: [x, y]\n---\nBody A\n")
    (root / "_posts" / "2024-01-02-b.md").write_text("---\ntitle: B\n---\nBody B\n")
    (root / "_posts" / "2024-01-03-c.md").write_text("---\ntitle: [unclosed\n---\nBody C\n")  # a problem
    (root / "about.md").write_text("---\ntitle: About\n---\nHi\n")


def _seen(site: Site) -> list[tuple[str, object, str]]:
    docs = [*site.posts, *site.pages]
    return sorted((d.source, repr(sorted(d.data.items(), key=str)), d.body) for d in docs) + sorted(
        (p.file, p.message, "") for p in site.problems
    )


def test_a_cached_read_is_a_fresh_read(tmp_path: Path) -> None:
    _tree(tmp_path)
    config = read_config(tmp_path)
    cache: LoadCache = {}
    first = read_site(tmp_path, config, cache=cache)
    assert set(cache) >= {"_posts/2024-01-01-a.md", "about.md"}
    assert any("2024-01-03-c.md" in p.file for p in first.problems)
    first.posts[0].data["tags"].append("mutated")  # a build may change what it was given
    second = read_site(tmp_path, config, cache=cache)
    assert _seen(second) == _seen(read_site(tmp_path, config))
    assert "mutated" not in second.posts[0].data["tags"]
    second.posts[0].data["tags"].append("mutated")  # from the cache this time
    assert "mutated" not in read_site(tmp_path, config, cache=cache).posts[0].data["tags"]

    post = tmp_path / "_posts" / "2024-01-02-b.md"
    stat = post.stat()
    post.write_text("---\ntitle: B2\n---\nBody 2\n")  # same size
    os.utime(post, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    third = read_site(tmp_path, config, cache=cache)
    assert _seen(third) == _seen(read_site(tmp_path, config))
    assert any(d.body == "Body 2\n" for d in third.posts)
