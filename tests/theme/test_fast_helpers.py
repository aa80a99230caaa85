"""The Python `t` and `image` helpers (made once per build, for speed) render exactly what the
theme's `partials/i18n.html` and `partials/image.html` macros render, which remain for the theme
without the plugin and for custom_dir overrides that import them."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from mkdocs.utils.templates import url_filter

from mkdocs_polax.plugin import safe_link
from mkdocs_polax.theming import THEME_DIR, image_tag, interface_strings, translator
from tests.conftest import BuildSite, run_build
from tests.theme.conftest import EXAMPLE, build_example

KEYS = ["min_read", "page_n_of_m", "category_title", "hero_alt", "no_such_key", "custom"]
text = st.lists(st.sampled_from(list("ab <>&\"'{}nm") + ["{n}", "{name}", "{m}"]), max_size=8).map("".join)
value = st.one_of(text, st.integers(), text.map(Markup))


def env() -> Environment:
    e = Environment(loader=FileSystemLoader(str(THEME_DIR)), autoescape=True)
    e.filters["url"] = url_filter
    e.filters["polax_link"] = safe_link
    return e


MACROS, FAST = env(), env()  # the macros as the theme imports them; the Python helpers as globals
FAST.globals["image"] = image_tag
T_CALL = "{{ t(key, **values) }}"
IMAGE_CALL = "{{ image(raw, alt, cls, eager=eager, sizes=sizes) }}"
T_MACRO = MACROS.from_string('{% from "partials/i18n.html" import t with context %}' + T_CALL)
IMAGE_MACRO = MACROS.from_string('{% from "partials/image.html" import image with context %}' + IMAGE_CALL)
T_FAST, IMAGE_FAST = FAST.from_string(T_CALL), FAST.from_string(IMAGE_CALL)


def theme(language: str, strings: dict[str, Any]) -> dict[str, Any]:
    return {"locale": SimpleNamespace(language=language), "strings": strings}


@settings(deadline=None)
@given(
    st.sampled_from(["en", "xx"]),
    st.dictionaries(st.sampled_from(KEYS), st.one_of(text, st.integers()), max_size=4),
    st.sampled_from(KEYS),
    st.dictionaries(st.sampled_from(["n", "m", "name"]), value, max_size=3),
)
def test_t_renders_as_the_macro(language: str, strings: dict[str, Any], key: str, values: dict[str, Any]) -> None:
    cfg = {"theme": theme(language, strings)}
    fast = interface_strings(FAST, cfg["theme"])
    assert fast is not None
    FAST.globals["t"] = translator(fast)
    args = {"config": cfg, "key": key, "values": values}
    assert T_FAST.render(args) == T_MACRO.render(args)


urls = st.one_of(
    st.sampled_from(["/img/a.png", "img/b c.jpg", "https://x.org/a.png", "javascript:alert(1)", "data:x", "", None]),
    text,
)


@settings(deadline=None)
@given(
    urls, text, st.sampled_from(["", "card__img", 'a"b']), st.booleans(), st.sampled_from(["", "100vw"]), st.booleans()
)
def test_image_renders_as_the_macro(raw: Any, alt: str, cls: str, eager: bool, sizes: str, sized: bool) -> None:
    polax = {"image_size": lambda raw: (640, 480) if sized and raw else None}
    args = {
        "page": None,
        "base_url": "..",
        "polax": polax,
        "raw": raw,
        "alt": alt,
        "cls": cls,
        "eager": eager,
        "sizes": sizes,
    }
    assert IMAGE_FAST.render(args) == IMAGE_MACRO.render(args)


def test_a_custom_dir_override_of_the_macros_is_used(build_site: BuildSite) -> None:
    yml = "site_name: C\ndocs_dir: docs\ntheme:\n  name: polax\n  custom_dir: overrides\nplugins:\n  - polax\n"
    built = build_site(
        {
            "docs/_config.yml": "title: T\n",
            "docs/_posts/2024-05-06-a.md": "---\ntitle: A\nimage: /a.png\n---\nText.\n",
            "docs/a.png": b"\x89PNG\r\n\x1a\n",
            "overrides/partials/i18n.html": "{% macro t(key) %}X-{{ key }}{% if kwargs %}{% endif %}{% endmacro %}",
            "overrides/partials/image.html": '{% macro image(raw, alt="", cls="", eager=false, sizes="") %}<img data-mine src="{{ raw }}">{% endmacro %}',
        },
        mkdocs_yml=yml,
    )
    assert built.returncode == 0, built.log
    html = built.read("2024/05/06/a.html")
    assert "X-skip_to_content" in html and "Skip to content" not in html
    assert '<img data-mine src="/a.png">' in html
    listing = built.read("index.html")
    assert "<img data-mine" in listing and "X-skip_to_content" in listing


def _cards(site: Path, rel: str) -> list[tuple[str, list[str]]]:
    """Each card of a page: its text, and every link and image it holds as a site path."""
    page = "/" + rel
    soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    out = []
    for card in soup.select("article.card"):
        targets = [urljoin(page, str(el.get("href") or el.get("src"))) for el in card.select("[href], [src]")]
        out.append((" ".join(card.get_text(" ").split()), targets))
    return out


def test_cards_rendered_once_per_post_match_the_include(tmp_path: Path) -> None:
    """polax_card renders card.html once per post with a stand-in base URL; a custom_dir copy of the
    same card.html turns that off (the include is used). Every card on every listing page and every
    related-posts block must then show the same text and point at the same files."""
    fast = build_example(tmp_path / "fast")
    slow_root = tmp_path / "slow"
    shutil.copytree(EXAMPLE, slow_root / "example-site", ignore=shutil.ignore_patterns("site", "tools"))
    root = slow_root / "example-site"
    (root / "overrides" / "partials").mkdir(parents=True)
    shutil.copy(THEME_DIR / "partials" / "card.html", root / "overrides" / "partials" / "card.html")
    cfg = root / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("  name: polax\n", "  name: polax\n  custom_dir: overrides\n", 1)
    )
    slow = run_build(root, "--strict")
    assert slow.returncode == 0, slow.log
    pages = sorted(p.relative_to(fast.site).as_posix() for p in fast.site.rglob("*.html"))
    compared = 0
    for rel in pages:
        cards = _cards(fast.site, rel)
        assert cards == _cards(slow.site, rel), rel
        compared += len(cards)
    assert "\ue000" not in "".join((fast.site / rel).read_text(encoding="utf-8") for rel in pages)
    assert compared > 50
