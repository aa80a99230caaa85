"""In ``mkdocs build`` a post's body is let go once its page is written, unless a feed shows it (speed
and memory, issue 6): the site is the same, byte for byte, as when every body is kept (which another
plugin acting after pages are written, here an ``on_post_build`` hook, makes polax do)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_build, write_tree
from tests.perf.test_parallel_markdown import _site


def test_letting_bodies_go_changes_nothing(tmp_path: Path) -> None:
    sites = {}
    for name, hook in (("released", False), ("kept", True)):
        root = tmp_path / name
        _site(root, 1)
        if hook:
            cfg = root / "mkdocs.yml"
            cfg.write_text(cfg.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", encoding="utf-8")
            write_tree(root, {"hooks.py": "def on_post_build(config):\n    pass\n"})
        built = run_build(root, "--strict")
        assert built.returncode == 0, built.log
        sites[name] = built
    released, kept = sites["released"], sites["kept"]
    assert released.files() == kept.files()
    for rel in sorted(released.files()):
        if rel.endswith((".html", ".xml", ".json")):
            assert released.read(rel) == kept.read(rel), rel
    feed = released.read("feed.xml")
    assert feed.count("<entry>") == 10 and feed.count("Footnote ") >= 10  # full bodies in the feed
