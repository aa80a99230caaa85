"""Liquid in real builds: errors are warnings naming file and line (never a traceback), a broken
post does not stop the others, ``render_with_liquid: false`` and ``{% raw %}`` are honoured, HTML
pages render their Liquid, and an MkDocs site's own pages are left as they were."""

from __future__ import annotations

import pytest

from tests.conftest import BuildSite, Built

CONFIG = "title: Test blog\nurl: https://example.com\nauthor: Ada\n"
YML = "site_name: Test\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n"


def post(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\n{extra}---\n{body}"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Built:
    from tests.conftest import run_build, write_tree

    root = tmp_path_factory.mktemp("broken")
    write_tree(
        root,
        {
            "mkdocs.yml": YML,
            "docs/_config.yml": CONFIG,
            "docs/_includes/box.html": '<div class="box">{{ include.text }}</div>\n',
            "docs/_posts/2024-01-01-unknown-tag.md": post(
                "Unknown", "Line one.\n\n{% frobnicate x %}\n\nAfter the tag.\n"
            ),
            "docs/_posts/2024-01-02-unclosed.md": post("Unclosed", "Text\n\n{{ site.title\n\nmore text\n"),
            "docs/_posts/2024-01-03-missing-include.md": post("Missing", "A\n\n{% include nope.html %}\n\nB\n"),
            "docs/_posts/2024-01-04-good.md": post(
                "Good",
                "Title: {{ site.title }} by {{ site.author }}.\n\n"
                '{% include box.html text="boxed" %}\n\n'
                "{% raw %}{{ kept }}{% endraw %}\n\n"
                "```liquid\n{{ page.title }}\n```\n",
            ),
            "docs/_posts/2024-01-05-no-liquid.md": post(
                "Off", "Literal {{ site.title }} here.\n", "render_with_liquid: false\n"
            ),
            "docs/_posts/2024-01-06-highlight.md": post(
                "Highlight",
                "- step\n\n  {% highlight sh %}\n  make\n\n  run\n  {% endhighlight %}\n\nAfter.\n",
            ),
            "docs/_posts/2024-01-07-excerpt.md": post(
                "Excerpt",
                "First *para*.\n\nSecond para.\n\n<!-- more -->\n\nThe rest.\n",
                "excerpt_separator: <!-- more -->\n",
            ),
            "docs/_posts/2024-01-08-given.md": post("Given", "Body text.\n", "excerpt: Written by hand\n"),
            "docs/_posts/2024-01-09-gist.md": post("Gist", "Code: {% gist octo/abc123 hello.rb %}\n"),
            "docs/archive.html": '---\ntitle: Archive\n---\n<ul>{% for p in site.posts %}<li><a href="{{ p.url | relative_url }}">{{ p.title }}</a></li>{% endfor %}</ul>\n',
            "docs/index.html": "---\nlayout: default\ntitle: Home\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n",
        },
    )
    return run_build(root)


def _warnings(built: Built) -> list[str]:
    return [line for line in built.log.splitlines() if line.startswith("WARNING")]


def test_no_traceback_and_the_build_goes_on(broken: Built) -> None:
    assert broken.returncode == 0, broken.log
    assert "Traceback" not in broken.log
    assert "Title: Test blog by Ada." in broken.read("2024/01/04/good.html")


def test_unknown_tag_warns_with_line(broken: Built) -> None:
    [w] = [w for w in _warnings(broken) if "unknown-tag" in w]
    assert "_posts/2024-01-01-unknown-tag.md: line 6:" in w and "frobnicate" in w
    page = broken.read("2024/01/01/unknown-tag.html")
    assert "After the tag." in page and "frobnicate" not in page


def test_unclosed_output_leaves_the_text(broken: Built) -> None:
    [w] = [w for w in _warnings(broken) if "unclosed" in w]
    assert "_posts/2024-01-02-unclosed.md: line" in w and "left unrendered" in w
    assert "more text" in broken.read("2024/01/02/unclosed.html")


def test_missing_include_names_the_file(broken: Built) -> None:
    [w] = [w for w in _warnings(broken) if "missing-include" in w]
    assert "_posts/2024-01-03-missing-include.md: line 6:" in w and "nope.html" in w
    page = broken.read("2024/01/03/missing-include.html")
    assert "<p>A</p>" in page and "<p>B</p>" in page


def test_include_raw_and_code_blocks(broken: Built) -> None:
    page = broken.read("2024/01/04/good.html")
    assert '<div class="box">boxed</div>' in page
    assert "{{ kept }}" in page
    # Jekyll renders Liquid before Markdown, inside code blocks too.
    assert "{{ page.title }}" not in page and "Good" in page


def test_render_with_liquid_false(broken: Built) -> None:
    assert "Literal {{ site.title }} here." in broken.read("2024/01/05/no-liquid.html")


def test_html_page_liquid_renders(broken: Built) -> None:
    page = broken.read("archive.html")
    assert '<a href="/2024/01/04/good.html">Good</a>' in page
    assert "{%" not in page


def test_home_page_looping_over_posts_is_the_theme_listing(broken: Built) -> None:
    page = broken.read("index.html")
    assert "{%" not in page and "paginator" not in page
    assert "Good" in page


def test_strict_fails_on_liquid_errors(build_site: BuildSite) -> None:
    built = build_site(
        {"docs/_config.yml": CONFIG, "docs/_posts/2024-01-01-x.md": post("X", "{% nope %}\n")},
        mkdocs_yml=YML,
        strict=True,
    )
    assert built.returncode != 0 and "Traceback" not in built.log
    assert "_posts/2024-01-01-x.md: line 4:" in built.log


def test_mkdocs_site_pages_render_as_before(build_site: BuildSite) -> None:
    """No _config.yml: the site's own pages get neither Liquid nor kramdown's typography."""
    built = build_site(
        {
            "docs/index.md": '# Home\n\n"Straight quotes" -- and {{ not_liquid }}.\n',
            "docs/_posts/2024-02-03-hello.md": post("Hello", "Posted on {{ page.date | date_to_string }}.\n"),
        },
        mkdocs_yml="site_name: Docs\nsite_url: https://example.com/\ntheme: polax\nplugins:\n  - polax\n",
        strict=True,
    )
    assert built.returncode == 0, built.log
    home = built.read("index.html")
    assert (
        "&quot;Straight quotes&quot; -- and {{ not_liquid }}." in home
        or '"Straight quotes" -- and {{ not_liquid }}.' in home
    )
    assert "Posted on 03 Feb 2024." in built.read("2024/02/03/hello.html")


def test_highlight_inside_a_list_item_stays_whole(broken: Built) -> None:
    """The highlight tag's HTML goes through Markdown untouched, even with blank lines in a list."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(broken.read("2024/01/06/highlight.html"), "html.parser")
    figure = soup.select_one("li figure.highlight pre code.language-sh")
    assert figure is not None and figure.get_text() == "  make\n\n  run\n  "
    assert "polaxraw" not in str(soup)


def test_excerpts_feed_the_summaries(broken: Built) -> None:
    """excerpt_separator cuts the excerpt; a front-matter excerpt wins; either is the summary that
    feeds and meta descriptions use when there is no description."""
    import feedparser

    feed = feedparser.parse(broken.read("feed.xml"))
    summaries = {e.title: e.summary for e in feed.entries}
    assert summaries["Excerpt"] == "First para. Second para."
    assert summaries["Given"] == "Written by hand"
    assert 'content="First para. Second para."' in broken.read("2024/01/07/excerpt.html")


def test_gist_is_a_link_never_a_script(broken: Built) -> None:
    page = broken.read("2024/01/09/gist.html")
    assert '<a href="https://gist.github.com/octo/abc123#file-hello-rb">gist octo/abc123 (hello.rb)</a>' in page
    assert "gist.github.com/octo/abc123.js" not in page
