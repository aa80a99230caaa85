"""`mkdocs serve` renders again only what an edit changed (speed, issue 6): an edit of a post's body
renders that post alone and keeps every other page and the whole search index; an edit that changes
what listings show (an excerpt, a title) renders every page, the unchanged ones with their bodies; a
deleted post's page goes away."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from tests.conftest import write_tree
from tests.core.test_serve import fetch, serving, wait_for

POST = """---
title: {title}
date: 2024-03-{day:02}
category: Notes
tags: [t{day}]
---
First paragraph of {slug}: the excerpt.

## A heading in {slug}

Body words of {slug}.

Last paragraph of {slug}.
"""
SLUGS = ["alpha", "bravo", "charlie", "delta"]


def _tree(root: Path) -> dict[str, Path]:
    files: dict[str, str | bytes] = {
        "mkdocs.yml": "site_name: Inc\nsite_url: https://example.com/\ntheme: polax\nplugins:\n  - search\n  - polax\n",
        "docs/_config.yml": "title: Inc\npermalink: /blog/:title\n",
    }
    paths = {}
    for day, slug in enumerate(SLUGS, start=1):
        rel = f"docs/_posts/2024-03-{day:02}-{slug}.md"
        files[rel] = POST.format(title=slug.capitalize(), day=day, slug=slug)
        paths[slug] = root / rel
    write_tree(root, files)
    return paths


def _main(html: str) -> str:
    m = re.search(r"<main\b.*</main>", html, re.S)
    assert m, html[:500]
    return m.group(0)


def _search(base: str) -> list[dict[str, str]]:
    status, body = fetch(base + "search/search_index.json")
    assert status == 200
    docs: list[dict[str, str]] = json.loads(body)["docs"]
    return docs


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.05)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _log(root: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in root.glob("serve-*.log"))


def test_serve_renders_only_what_an_edit_changed(tmp_path: Path) -> None:
    posts = _tree(tmp_path)
    with serving(tmp_path) as base:
        bravo_before = _main(fetch(base + "blog/bravo")[1])
        assert "Body words of bravo" in bravo_before
        search_before = _search(base)
        locations = sorted(d["location"] for d in search_before)

        # 1. A body edit after the excerpt: alpha alone is rendered again.
        _edit(posts["alpha"], "Last paragraph of alpha.", "Last paragraph of alpha, edited once.")
        assert wait_for(base + "blog/alpha", "edited once"), _log(tmp_path)
        assert "Rebuilding 1 changed pages; the others are kept" in _log(tmp_path)
        assert _main(fetch(base + "blog/bravo")[1]) == bravo_before
        search = _search(base)
        assert sorted(d["location"] for d in search) == locations
        assert any("edited once" in d["text"] for d in search)
        assert any("Body words of bravo" in d["text"] for d in search)

        # 2. The excerpt changes: listings show it, and every page is rendered again with its body.
        _edit(posts["alpha"], "First paragraph of alpha", "Opening paragraph of alpha")
        assert wait_for(base, "Opening paragraph of alpha"), _log(tmp_path)
        assert "An edit changed what listings show: rebuilding every page" in _log(tmp_path)
        assert wait_for(base + "category/notes/", "Opening paragraph of alpha")
        bravo = _main(fetch(base + "blog/bravo")[1])
        assert "Body words of bravo" in bravo and 'id="a-heading-in-bravo"' in bravo
        assert sorted(d["location"] for d in _search(base)) == locations

        # 3. A title in front matter: the neighbours' links and the listings follow.
        _edit(posts["charlie"], "title: Charlie", "title: Charlie Renamed")
        assert wait_for(base, "Charlie Renamed"), _log(tmp_path)
        assert wait_for(base + "blog/bravo", "Charlie Renamed")
        assert "Body words of bravo" in fetch(base + "blog/bravo")[1]

        # 4. A deleted post's page is gone.
        posts["delta"].unlink()
        deadline = time.monotonic() + 30
        while fetch(base + "blog/delta")[0] != 404 and time.monotonic() < deadline:
            time.sleep(0.25)
        assert fetch(base + "blog/delta")[0] == 404
        assert "blog/delta" not in {d["location"].split("#")[0] for d in _search(base)}
