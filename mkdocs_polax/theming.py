"""Which templates escape by default.

MkDocs' Jinja environment does not autoescape. polax's own templates (the ``polax`` theme and the
``templates/material`` ones that let ``theme: material`` host the blog) are escaped by default, so that nothing from front matter can
become markup; a ``custom_dir`` override keeps MkDocs' usual behaviour (no autoescape).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .compat import normalize_url

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
MATERIAL_DIR = Path(__file__).resolve().parent / "templates" / "material"  # post/listing under Material


def polax_theme_dir() -> Path:
    """The installed ``polax`` theme: ``theme/`` in a checkout, ``mkdocs_polax/theme`` in a wheel."""
    spec = importlib.util.find_spec("mkdocs_polax.theme")  # what the 'mkdocs.themes' entry point names
    if spec is not None and spec.origin:
        return Path(spec.origin).resolve().parent
    return THEME_DIR


def autoescape_for(dirs: list[str]) -> Callable[[str | None], bool]:
    """Jinja's ``autoescape`` callable: True for ``.html`` templates that resolve to polax's own folders."""
    own = {os.path.realpath(polax_theme_dir()), os.path.realpath(MATERIAL_DIR)}
    search = [os.path.realpath(d) for d in dirs]
    cache: dict[str, bool] = {}

    def decide(name: str | None) -> bool:
        if not name or not name.endswith(".html"):
            return False
        if name not in cache:
            cache[name] = False
            for d in search:
                if os.path.isfile(os.path.join(d, name)):
                    cache[name] = d in own
                    break
        return cache[name]

    return decide


# -- template helpers computed once per build ---------------------------------------------------
# The polax theme's partials used to import the `t` and `image` macros ``with context`` in every
# partial, which Jinja re-executes on each render (once per card on a listing page). These are the
# same helpers in Python, made once per build by the plugin's ``on_env``; the macros stay in
# ``partials/i18n.html`` and ``partials/image.html`` for the theme without the plugin, and a
# ``custom_dir`` that overrides either file keeps its own macro (the global is then not made).


def theme_globals(env: Environment, theme: Any, is_own: Callable[[str | None], bool]) -> dict[str, Any]:
    """``t`` and ``image`` for the polax theme's templates, each only where ``partials/i18n.html`` /
    ``partials/image.html`` resolve to polax's own file (``is_own``: the autoescape callable)."""
    found: dict[str, Any] = {}
    if is_own("partials/i18n.html"):
        strings = interface_strings(env, theme)
        if strings is not None:
            found["t"] = translator(strings)
    if is_own("partials/image.html"):
        found["image"] = image_tag
    if is_own("partials/card.html"):
        found["polax_card"] = card_renderer(env)
    return found


# A card's links are made relative to this stand-in for the page's ``base_url``, which each page then
# puts in: one render per post serves every listing and "related posts" block it appears in.
CARD_BASE = "\ue000polax-base\ue000"


def card_renderer(env: Environment) -> Callable[..., Markup]:
    """``polax_card(p, eager)``: ``partials/card.html`` for post ``p``, rendered once per build (per
    ``eager``) and reused on every page that lists ``p``. The card sees ``p``, ``eager``, ``config`` and
    ``polax``, and links relative to the page it lands on, as the include did."""
    cache: dict[tuple[int, bool], tuple[object, str]] = {}

    @pass_context
    def polax_card(context: Context, p: object, eager: object = False) -> Markup:
        key = (id(p), bool(eager))
        hit = cache.get(key)
        if hit is None:
            template = env.get_template("partials/card.html")
            html = template.render(
                p=p,
                eager=bool(eager),
                config=context.get("config"),
                polax=context.get("polax"),
                page=None,
                base_url=CARD_BASE,
            )
            hit = cache[key] = (p, html)  # p is kept so that its id is not reused within the build
        return Markup(hit[1].replace(CARD_BASE, str(context.get("base_url") or ".")))

    return polax_card


def interface_strings(env: Environment, theme: Any) -> dict[str, Any] | None:
    """The interface strings for the site's language: ``languages.html``'s table for ``locale``
    (English when the language has none), English for missing keys, ``theme.strings`` on top.
    None when the theme has no ``partials/languages.html`` (a host theme such as Material)."""
    try:
        languages = env.get_template("partials/languages.html").module.languages  # type: ignore[attr-defined]
    except TemplateNotFound:
        return None
    english: dict[str, Any] = dict(languages["en"])
    locale = theme.get("locale") if hasattr(theme, "get") else None
    code = getattr(locale, "language", None) if locale else "en"
    table: dict[str, Any] = languages.get(code) or english
    overrides: dict[str, Any] = theme.get("strings") or {}
    keys = set(english) | set(table) | set(overrides)
    # the macro's `strings.get(key) or table.get(key) or english.get(key, key)`, with a missing key as itself
    merged = {k: overrides.get(k) or table.get(k) or english.get(k, k) for k in keys}
    return merged


def translator(strings: dict[str, Any]) -> Callable[..., Markup]:
    """``t(key, **values)``: the escaped interface string with ``{name}`` placeholders filled (values
    escaped unless Markup), exactly what ``partials/i18n.html``'s macro renders."""

    def t(key: str, **values: object) -> Markup:
        text = escape(strings.get(key, key))
        for name, value in values.items():
            text = text.replace("{" + name + "}", escape(value) if hasattr(value, "__html__") else str(value))
        return text

    return t


@pass_context
def image_tag(
    context: Context, raw: object, alt: object = "", cls: object = "", eager: object = False, sizes: object = ""
) -> Markup:
    """``partials/image.html``'s ``image(raw, alt, cls, eager, sizes)`` macro in Python: an <img> for a
    front-matter image URL, with its pixel size, or nothing for an unsafe URL."""
    from mkdocs_polax.plugin import safe_link  # the plugin imports this module

    src = safe_link(raw)
    if not src:
        return Markup("")
    polax = context.get("polax")
    size = polax["image_size"](raw) if polax else None
    url = normalize_url(str(src), page=context.get("page"), base=context.get("base_url", ""))
    out = ["<img"]
    if cls:
        out.append(f' class="{escape(cls)}"')
    out.append(f' src="{escape(url)}" alt="{escape(alt or "")}"')
    if size:
        out.append(f' width="{escape(size[0])}" height="{escape(size[1])}"')
    if sizes:
        out.append(f' sizes="{escape(sizes)}"')
    out.append(f' loading="{"eager" if eager else "lazy"}" decoding="{"sync" if eager else "async"}">')
    return Markup("".join(out))
