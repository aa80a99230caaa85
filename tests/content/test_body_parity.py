"""Every post body of every corpus in ../shared against Jekyll's: headings, link targets, image
sources, code blocks and text all present (``scripts/body_parity.py``), with a ``--strict``-clean build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import shared_or_skip
from tests.content.support import body_parity


def _corpora() -> list[str]:
    corpora = Path(__file__).resolve().parents[3] / "shared" / "corpora"
    return sorted(p.name for p in corpora.iterdir()) if corpora.is_dir() else ["(none)"]


@pytest.mark.parametrize("corpus", _corpora())
def test_every_post_body_matches_jekyll(corpus: str) -> None:
    shared = shared_or_skip()
    result = body_parity().compare_corpus(shared / "corpora" / corpus, shared / "reference" / corpus)
    assert result.total > 0
    assert result.misses == [], "\n".join(result.misses)
    assert result.matched == result.total
    assert result.warnings == [], "the corpus does not build with --strict:\n" + "\n".join(result.warnings)


def test_a_wrong_body_is_caught() -> None:
    """The comparison is not vacuous: a missing link, heading, code block or word is reported."""
    from bs4 import BeautifulSoup

    bp = body_parity()
    jekyll = bp.extract(
        BeautifulSoup('<h2>Hi</h2><p>See <a href="/a/">a</a> <img src="/i.png"></p><pre>x = 1</pre>', "html.parser"),
        "/",
    )
    polax = bp.extract(BeautifulSoup("<h2>Hi</h2><p>See a</p>", "html.parser"), "/")
    misses = bp.compare(jekyll, polax)
    assert any("link '/a/'" in m for m in misses) and any("image '/i.png'" in m for m in misses)
    assert any("code block 'x = 1'" in m for m in misses) and any("text differs" in m for m in misses)
