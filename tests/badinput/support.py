"""Helpers for the bad-input tests: a Jekyll tree with two good posts beside the bad input, and the
checks every case shares (message, exit code, good posts written, nothing outside site_dir)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from tests.conftest import BuildSite, Built

CONFIG = "title: Bad input\nurl: https://example.com\n"
GOOD_POSTS = {
    "_posts/2020-01-01-good-one.md": "---\ntitle: Good one\n---\nThe first good post.\n",
    "_posts/2020-02-02-good-two.md": "---\ntitle: Good two\ncategories: [news]\n---\nThe second good post.\n",
}
GOOD_OUTPUTS = ("2020/01/01/good-one.html", "news/2020/02/02/good-two.html")
# Every permalink that tries to leave the site names this file: it must appear nowhere above site_dir.
CANARY = "polax-escape-canary.html"


def jekyll_site(
    build_site: BuildSite,
    files: dict[str, str | bytes],
    *,
    config: str | bytes | None = CONFIG,
    strict: bool = True,
    good: bool = True,
) -> Built:
    """Build ``files`` as a Jekyll tree in ``docs/`` (with ``_config.yml`` and the two good posts)."""
    tree: dict[str, str | bytes] = dict(GOOD_POSTS) if good else {}
    if config is not None:
        tree["_config.yml"] = config
    tree.update(files)
    return build_site({f"docs/{rel}": content for rel, content in tree.items()}, strict=strict)


def problems(built: Built) -> list[str]:
    """The WARNING and ERROR lines of the build log."""
    return [line for line in built.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def assert_reported(built: Built, file: str, *words: str, key: str | None = None, level: str | None = None) -> str:
    """One WARNING/ERROR line names ``file`` (and ``key``) and says ``words``; returns it."""
    assert "Traceback" not in built.log, built.log
    wanted = [file, *words] + ([f"key '{key}'"] if key else [])
    lines = [line for line in problems(built) if all(w in line for w in wanted)]
    assert lines, f"no message with {wanted} in:\n{built.log}"
    if level:
        assert lines[0].startswith(level), lines[0]
    return lines[0]


def assert_strict_fails(built: Built) -> None:
    assert built.returncode != 0, built.log
    assert "Traceback" not in built.log, built.log
    assert "Aborted" in built.log, built.log


def assert_clean(built: Built) -> None:
    """No message at all and exit 0 under --strict."""
    assert built.returncode == 0 and not problems(built), built.log


def assert_good_posts(built: Built) -> None:
    for rel in GOOD_OUTPUTS:
        assert built.exists(rel), f"{rel} missing; site has {sorted(built.files())[:40]}"


def assert_nothing_outside(built: Built, written: set[str] | None = None) -> None:
    """No file but the sources we wrote outside site/, and no canary in any folder above the site."""
    root = built.root
    allowed = {"mkdocs.yml"}
    outside = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if (p.is_file() or p.is_symlink()) and not p.relative_to(root).as_posix().startswith(("site/", "docs/"))
    }
    assert outside <= allowed | (written or set()), outside
    for folder in [root, *root.parents]:
        assert not (folder / CANARY).exists(), folder / CANARY


def soup(built: Built, rel: str) -> BeautifulSoup:
    return BeautifulSoup(built.read(rel), "html.parser")


def html_files(built: Built) -> list[str]:
    return sorted(f for f in built.files() if f.endswith(".html"))


_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)


def is_script_url(value: str) -> bool:
    """A URL a browser would run or inline: browsers drop controls and blanks inside the scheme."""
    return bool(_BAD_SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", value)))


def _is_url_meta(tag: Tag) -> bool:
    name = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
    return name.endswith((":url", ":image", ":video", ":audio", "image:secure_url", "url", "image"))


def inert_problems(built: Built, marker: str) -> list[str]:
    """What in the site's HTML could run: script elements or on* attributes carrying ``marker``
    (content), and any javascript:/data: URL in href/src/action/srcset/content attributes."""
    found: list[str] = []
    for rel in html_files(built):
        page = soup(built, rel)
        for script in page.find_all("script"):
            text = script.string or ""
            kind = (script.get("type") or "").lower()
            if marker in str(script) and kind != "application/ld+json":
                found.append(f"{rel}: <script> holds {marker}: {str(script)[:120]}")
            if kind == "application/ld+json" and re.search(r"</script|<!--", text, re.I):
                found.append(f"{rel}: JSON-LD can close its <script>: {text[:120]}")
        for tag in page.find_all(True):
            for attr, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if attr.lower().startswith("on"):
                    found.append(f"{rel}: <{tag.name} {attr}={value[:60]!r}>")
                if attr.lower() in ("href", "src", "action", "formaction", "srcset", "poster", "xlink:href") and (
                    is_script_url(value)
                ):
                    found.append(f"{rel}: <{tag.name} {attr}={value[:60]!r}>")
                if attr.lower() == "content" and tag.name == "meta" and _is_url_meta(tag) and is_script_url(value):
                    found.append(f"{rel}: <meta {tag.get('property') or tag.get('name')} content={value[:60]!r}>")
                if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
                    target = str(tag.get("content", "")).split("url=", 1)[-1].strip("'\" ")
                    if is_script_url(target):
                        found.append(f"{rel}: refresh to {target[:60]!r}")
                if attr.lower() == "style" and marker in value:
                    found.append(f"{rel}: style attribute carries content: {value[:60]!r}")
        for style in page.find_all("style"):
            if marker in (style.string or ""):
                found.append(f"{rel}: <style> carries content")
    return found
