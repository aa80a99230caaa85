"""``search_index.json`` written a page at a time from compressed entries (``search_json``,
``compat.CompactSearchIndex``): the same bytes as MkDocs' search plugin writes (speed and memory,
issue 6)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.search_json import decode_entries, encode_entries, write_index
from tests.conftest import run_build, write_tree
from tests.perf.test_parallel_markdown import _site

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_entry = st.fixed_dictionaries({"title": st.one_of(st.none(), _text), "text": _text, "location": _text})
_config = st.fixed_dictionaries(
    {
        "indexing": st.sampled_from(["full", "sections", "titles"]),
        "lang": st.lists(st.sampled_from(["en", "de", "ja"]), max_size=2),
        "min_search_length": st.integers(0, 5),
        "prebuild_index": st.just(False),
        "separator": _text,
    }
)


@given(_config, st.lists(st.lists(_entry, max_size=4), max_size=6))
def test_written_as_mkdocs_writes_it(config: dict[str, object], pages: list[list[dict[str, object]]]) -> None:
    """MkDocs: ``json.dumps({'docs': entries, 'config': config}, sort_keys=True, separators=(',', ':'),
    default=str).encode('utf-8')`` over every page's entries in order (pages without entries included)."""
    entries = [e for page in pages for e in page]
    expected = json.dumps({"docs": entries, "config": config}, sort_keys=True, separators=(",", ":"), default=str)
    out = io.BytesIO()
    write_index(out, config, [encode_entries(page) for page in pages])
    assert out.getvalue() == expected.encode("utf-8")
    assert [decode_entries(encode_entries(page)) for page in pages] == pages


def _with_post_build_hook(root: Path) -> None:
    """Another plugin acting after the build: polax leaves the index to the search plugin."""
    write_tree(root, {"hook.py": "def on_post_build(config, **kwargs):\n    pass\n"})
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text() + "hooks:\n  - hook.py\n")


def test_the_same_file_as_the_search_plugin_writes(tmp_path: Path) -> None:
    """A blog with curly quotes, headings and code, built with 1 and 2 workers (the entries are made by
    the search plugin, or by the workers), and with polax's writer off: one file, byte for byte."""
    built = {}
    for name, workers, hook in (("one", 1, False), ("two", 2, False), ("plain", 2, True)):
        root = tmp_path / name
        _site(root, workers)
        if hook:
            _with_post_build_hook(root)
        result = run_build(root, "--strict", "-v")
        assert result.returncode == 0, result.log
        assert ("search_index.json written by polax" in result.log) is (not hook), result.log[-2000:]
        built[name] = result.read("search/search_index.json")
    assert built["one"] == built["plain"] == built["two"]
    docs = json.loads(built["plain"])["docs"]
    assert len(docs) > 100 and any("\u2019" in d["text"] for d in docs)
