"""The pure rules of serve's incremental rebuilds (mkdocs_polax.incremental)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.incremental import Incremental, Record, skeleton_hash

pages = st.sets(st.sampled_from(["", "a/", "b.html", "c/d.html", "e/"]))


def record(sig: tuple[int, int] | None, excerpt: str = "x") -> Record:
    return Record(sig, "<p>x</p>", [], set(), excerpt, f"<p>{excerpt}</p>", 1)


@given(pages, pages, pages)
def test_search_merge_keeps_unrendered_pages_that_still_exist(
    old: set[str], rendered: set[str], existing: set[str]
) -> None:
    inc = Incremental()
    inc.search_index = {"config": {}, "docs": [{"location": p + "#h", "text": "old " + p} for p in sorted(old)]}
    inc.rerender_all = False
    rendered &= existing
    new = {"config": {}, "docs": [{"location": p, "text": "new " + p} for p in sorted(rendered)]}
    merged = inc.merge_search(new, rendered, existing)
    texts = {d["text"] for d in merged["docs"]}
    assert texts == {"new " + p for p in rendered} | {"old " + p for p in old if p in existing and p not in rendered}
    assert inc.search_index is merged


def test_fast_only_with_the_same_skeleton_and_only_changed_sources() -> None:
    inc = Incremental()
    inc.begin(skeleton_hash(["s"]), {"a.md": (1, 1), "b.md": (1, 1)})
    assert not inc.fast and inc.is_modified("a.md") and inc.is_modified(None)
    for uri in ("a.md", "b.md"):
        inc.rendered(uri, record((1, 1)))
    inc.begin(skeleton_hash(["s"]), {"a.md": (2, 1), "b.md": (1, 1)})
    assert inc.fast and inc.changed == {"a.md"}
    assert inc.is_modified("a.md") and not inc.is_modified("b.md") and not inc.is_modified(None)
    assert inc.kept("b.md") is not None and inc.kept("a.md") is None
    inc.rendered("a.md", record((2, 1)))  # same excerpt: still fast
    assert not inc.rerender_all
    inc.begin(skeleton_hash(["s"]), {"a.md": (3, 1), "b.md": (1, 1)})
    inc.rendered("a.md", record((3, 1), excerpt="changed"))  # what cards show changed
    assert inc.rerender_all and inc.is_modified("b.md") and inc.is_modified(None)
    inc.begin(skeleton_hash(["t"]), {"a.md": (3, 1)})  # anything but a body changed
    assert not inc.fast and inc.is_modified("a.md") and set(inc.records) == {"a.md"}
