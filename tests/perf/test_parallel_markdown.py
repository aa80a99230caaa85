"""The posts' Markdown (and their search entries) made in worker processes (``mkdocs build``, option
``workers``) gives the same site, byte for byte, search index included, as converting page by page in
MkDocs' own process (speed, issue 6)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from mkdocs_polax.content import PARALLEL_MIN_TEXTS
from tests.conftest import run_build, write_tree

BODY = """\
Intro with "quotes", it's -- dashes... and a footnote.[^n{i}] The HTML spec.

*[HTML]: Hyper Text Markup Language

## Section {i}: what's new?

- item one
  - nested under two spaces

```python
print({i})
```

Term
: Definition {i}

[^n{i}]: Footnote {i}.

## Section {i}: what's new?

Liquid: {{{{ site.title }}}} and {{{{ page.title | upcase }}}}.
"""


def _site(root: Path, workers: int) -> None:
    files: dict[str, str | bytes] = {
        "mkdocs.yml": (
            "site_name: P\nsite_url: https://example.com/\ntheme: polax\n"
            f"plugins:\n  - search\n  - polax:\n      workers: {workers}\n"
        ),
        "docs/_config.yml": "title: Parallel\n",
    }
    for i in range(PARALLEL_MIN_TEXTS + 6):
        files[f"docs/_posts/2024-01-{i % 28 + 1:02}-post-{i}.md"] = (
            f"---\ntitle: Post {i}\ncategory: C{i % 3}\n---\n" + BODY.format(i=i)
        )
    write_tree(root, files)


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked on Linux only")
def test_workers_write_the_same_site(tmp_path: Path) -> None:
    sites = {}
    for workers in (1, 2):
        root = tmp_path / f"w{workers}"
        _site(root, workers)
        built = run_build(root, "--strict", "-v")
        assert built.returncode == 0, built.log
        assert "processes failed" not in built.log
        assert ("posts converted in 2 processes" in built.log) is (workers == 2), built.log[-2000:]
        assert ("pages rendered in 1 forked processes" in built.log) is (workers == 2), built.log[-2000:]
        sites[workers] = built
    one, two = sites[1], sites[2]
    assert one.files() == two.files()
    for rel in sorted(one.files()):
        if rel.endswith((".html", ".xml", ".json")):
            assert one.read(rel) == two.read(rel), rel
    index = json.loads(two.read("search/search_index.json"))["docs"]
    assert any("Body words" in d["text"] or "Definition 4" in d["text"] for d in index)
    assert any(d["location"] == "c1/2024/01/05/post-4.html#section-4-whats-new" for d in index)
    page = two.read("c1/2024/01/05/post-4.html")
    assert 'id="section-4-whats-new"' in page and 'id="section-4-whats-new-1"' in page
    assert "<abbr" in page and "footnote" in page and "\u2019" in page and "PARALLEL" not in page
    assert "Liquid: Parallel and POST 4." in page


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked on Linux only")
def test_another_plugin_reading_page_content_sees_the_body(tmp_path: Path) -> None:
    """With another on_page_content handler (an MkDocs hook), polax hands MkDocs the real body at once."""
    _site(tmp_path, 2)
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", encoding="utf-8")
    (tmp_path / "hooks.py").write_text(
        "def on_page_content(html, page, config, files):\n"
        "    return html + f'<p>hook saw {len(html)} characters</p>'\n",
        encoding="utf-8",
    )
    built = run_build(tmp_path, "--strict", "-v")
    assert built.returncode == 0, built.log
    assert "posts converted in 2 processes" in built.log
    page = built.read("c1/2024/01/05/post-4.html")
    assert "hook saw 0 characters" not in page and re.search(r"hook saw [1-9]\d* characters", page)
    index = json.loads(built.read("search/search_index.json"))["docs"]
    assert any("hook saw" in d["text"] for d in index)
