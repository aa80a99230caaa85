"""Suggesting the page an old URL became (``migrate/suggest.py``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax.migrate.suggest import NewPage, Suggester, match_key, slug_of

PAGES = [
    NewPage("/2020/04/01/whats-new/", "What's Jekyll?", "_posts/2020-04-01-whats-jekyll.md"),
    NewPage("/blog/example-content.html", "Example content", "_posts/2020-04-02-example-content.md"),
    NewPage("/2019/01/01/example-content/", "Example content, the old one", "_posts/2019-01-01-example-content.md"),
    NewPage("/about/", "About", "about.md"),
    NewPage("/notes/caf%C3%A9/", "Café", "notes/cafe.md"),
]


def test_slug_of() -> None:
    assert slug_of("/2020/04/01/whats-jekyll/") == "whats-jekyll"
    assert slug_of("/x/whats-jekyll.html") == "whats-jekyll"
    assert slug_of("/x/whats-jekyll/index.html") == "whats-jekyll"
    assert slug_of("/") == ""


def test_title_match() -> None:
    found = Suggester(PAGES).suggest("/2020/04/01/whats-jekyll/")
    assert found is not None and found.url == "/2020/04/01/whats-new/"


def test_slug_match_prefers_the_same_date() -> None:
    suggester = Suggester(PAGES)
    found = suggester.suggest("/2020/04/02/example-content/")
    assert found is not None and found.url == "/blog/example-content.html"
    found = suggester.suggest("/2019/01/01/example-content.html")
    assert found is not None and found.url == "/2019/01/01/example-content/"


def test_no_match_no_guess() -> None:
    suggester = Suggester(PAGES)
    assert suggester.suggest("/2020/04/03/introducing-lanyon/") is None
    assert suggester.suggest("/") is None
    assert suggester.suggest("/2020/") is None  # a bare number is nobody's slug


def test_percent_encoded_and_accented_slugs() -> None:
    found = Suggester(PAGES).suggest("/old/caf%C3%A9.html")
    assert found is not None and found.url == "/notes/caf%C3%A9/"


slug = st.text(alphabet="abcdefghij-", min_size=1, max_size=12).filter(lambda s: match_key(s) != "")


@given(slug, st.lists(slug, max_size=5))
def test_a_page_with_the_old_slug_is_always_found(old: str, others: list[str]) -> None:
    pages = [NewPage(f"/other/{o}/", o) for o in others] + [NewPage(f"/new/place/{old}/", "Unrelated title")]
    found = Suggester(pages).suggest(f"/2001/02/03/{old}.html")
    assert found is not None and match_key(slug_of(found.url)) == match_key(old)
