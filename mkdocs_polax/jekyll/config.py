"""``_config.yml``: Jekyll's defaults merged with the user's keys, types checked by key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import site_timezone
from .errors import JekyllError
from .frontmatter import decode, load_yaml

# Configuration::DEFAULT_EXCLUDES of Jekyll 4.3, always added to the user's exclude list.
DEFAULT_EXCLUDES = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
]
MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"
PERMALINK_STYLES = {
    "pretty": "/:categories/:year/:month/:day/:title/",
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}

# key: (expected types, words for the message)
_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "url": ((str,), "a string such as 'https://example.com'"),
    "baseurl": ((str,), "a string such as '/blog' (or '')"),
    "permalink": ((str,), "a style name (date, pretty, ordinal, weekdate, none) or a template"),
    "title": ((str, int, float), "a string"),
    "description": ((str, int, float), "a string"),
    "paginate": ((int,), "a whole number of posts per page, such as 5"),
    "paginate_path": ((str,), "a string such as '/page:num/'"),
    "exclude": ((list,), "a list of paths"),
    "include": ((list,), "a list of paths"),
    "future": ((bool,), "true or false"),
    "show_drafts": ((bool,), "true or false"),
    "unpublished": ((bool,), "true or false"),
    "defaults": ((list,), "a list of {scope, values} sets"),
    "collections": ((dict, list), "a mapping of collection names to settings"),
    "excerpt_separator": ((str,), "a string such as '<!-- more -->'"),
    "markdown_ext": ((str,), "a comma-separated string such as 'md,markdown'"),
    "encoding": ((str,), "an encoding name such as 'utf-8'"),
    "collections_dir": ((str,), "a folder name"),
    "safe": ((bool,), "true or false"),
    "timezone": ((str,), "an IANA time zone name such as 'Europe/London'"),
}


@dataclass
class Collection:
    """A Jekyll collection (``posts`` is one): its folder label, whether it is written, its URL template."""

    label: str
    output: bool
    permalink: str | None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteConfig:
    """The settings that decide what Jekyll writes and where."""

    raw: dict[str, Any]
    url: str = ""
    baseurl: str = ""
    permalink: str = "date"
    timezone: dt.tzinfo = dt.timezone.utc
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDES))
    include: list[str] = field(default_factory=lambda: [".htaccess"])
    future: bool = False
    show_drafts: bool = False
    unpublished: bool = False
    defaults: list[dict[str, Any]] = field(default_factory=list)
    collections: dict[str, Collection] = field(default_factory=dict)
    markdown_ext: tuple[str, ...] = tuple("." + e for e in MARKDOWN_EXT.split(","))
    excerpt_separator: str = "\n\n"
    encoding: str = "utf-8"
    collections_dir: str = ""
    paginate: int | None = None
    paginate_path: str = "/page:num"
    safe: bool = True
    has_file: bool = False
    warnings: list[str] = field(default_factory=list)  # "_config.yml: ..." lines for the log

    @property
    def permalink_style(self) -> str:
        return self.permalink

    @property
    def post_template(self) -> str:
        """The URL template of posts: the collection's, else the site ``permalink`` style."""
        coll = self.collections.get("posts")
        if coll and coll.permalink:
            return coll.permalink
        return style_to_template(self.permalink)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


def style_to_template(style: str) -> str:
    """Configuration#style_to_permalink: a built-in style name to its template; a template as is."""
    return PERMALINK_STYLES.get(style, style)


def _check_type(raw: dict[str, Any], key: str) -> None:
    if key not in raw or raw[key] is None:
        return
    types, words = _TYPES[key]
    value = raw[key]
    ok = False if isinstance(value, bool) and bool not in types else isinstance(value, types)
    if not ok:
        raise JekyllError(f"expected {words}, got {type(value).__name__} {value!r}", file="_config.yml", key=key)


def read_config(source: Path | None, overrides: dict[str, Any] | None = None) -> SiteConfig:
    """Read ``source/_config.yml`` (absent is fine: Jekyll's defaults) and apply ``overrides``."""
    raw: dict[str, Any] = {}
    has_file = False
    warnings: list[str] = []
    if source is not None:
        path = source / "_config.yml"
        if not path.is_file() and (source / "_config.yaml").is_file():
            path = source / "_config.yaml"
        if path.is_file():
            has_file = True
            src = decode(path.read_bytes())
            data, dups = load_yaml(src.text, path.name)
            warnings += [f"{path.name}: {w}" for w in src.warnings]
            warnings += [f"{path.name}: duplicate key '{k}': the last value is used (remove the others)" for k in dups]
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise JekyllError(
                    f"must be a mapping of settings (key: value), not a {type(data).__name__}",
                    file=path.name,
                )
            raw = {str(k): v for k, v in data.items()}
    raw.update(overrides or {})
    cfg = build_config(raw, has_file=has_file)
    cfg.warnings = warnings
    return cfg


def build_config(raw: dict[str, Any], has_file: bool = False) -> SiteConfig:
    """Validate ``raw`` settings by key and derive the values the reader needs."""
    for key in _TYPES:
        _check_type(raw, key)
    cfg = SiteConfig(raw=raw, has_file=has_file)
    cfg.url = str(raw.get("url") or "")
    cfg.baseurl = str(raw.get("baseurl") or "")
    cfg.permalink = str(raw.get("permalink") or "date")
    cfg.timezone = site_timezone(raw.get("timezone"))
    for key in ("exclude", "include"):
        items = raw.get(key)
        if items is not None:
            bad = [i for i in items if not isinstance(i, str)]
            if bad:
                raise JekyllError(f"expected a list of paths, found {bad[0]!r}", file="_config.yml", key=key)
    if raw.get("exclude") is not None:
        cfg.exclude = list(dict.fromkeys(list(raw["exclude"]) + DEFAULT_EXCLUDES))
    if raw.get("include") is not None:
        cfg.include = list(raw["include"])
    cfg.future = bool(raw.get("future", False))
    cfg.show_drafts = bool(raw.get("show_drafts", False))
    cfg.unpublished = bool(raw.get("unpublished", False))
    cfg.safe = bool(raw.get("safe", True))
    cfg.defaults = _valid_defaults(raw.get("defaults") or [])
    cfg.encoding = str(raw.get("encoding") or "utf-8")
    cfg.collections_dir = str(raw.get("collections_dir") or "").strip("/")
    if raw.get("markdown_ext"):
        cfg.markdown_ext = tuple("." + e.strip() for e in str(raw["markdown_ext"]).split(",") if e.strip())
    sep = raw.get("excerpt_separator")
    cfg.excerpt_separator = "\n\n" if sep is None else str(sep)
    if raw.get("paginate") is not None:
        if raw["paginate"] < 1:
            raise JekyllError(
                "expected a whole number of posts per page of 1 or more", file="_config.yml", key="paginate"
            )
        cfg.paginate = int(raw["paginate"])
    cfg.paginate_path = str(raw.get("paginate_path") or "/page:num")
    cfg.collections = _collections(raw)
    return cfg


def _valid_defaults(sets: list[Any]) -> list[dict[str, Any]]:
    valid = []
    for i, s in enumerate(sets):
        if not (
            isinstance(s, dict)
            and isinstance(s.get("scope", {}), (dict, type(None)))
            and isinstance(s.get("values"), dict)
        ):
            raise JekyllError(
                f"defaults[{i}] must have 'scope' (a mapping with 'path' and/or 'type') and 'values' (a mapping)",
                file="_config.yml",
                key="defaults",
            )
        scope = dict(s.get("scope") or {})
        kind = scope.get("type")
        # FrontmatterDefaults#update_deprecated_types
        if kind in ("page", "post", "draft"):
            scope["type"] = kind + "s"
        valid.append({"scope": scope, "values": s["values"]})
    return valid


def _collections(raw: dict[str, Any]) -> dict[str, Collection]:
    given = raw.get("collections")
    if given is None:
        given = {}
    if isinstance(given, list):
        given = {str(name): {} for name in given}
    out: dict[str, Collection] = {}
    for label, meta in {"posts": {}, **given}.items():
        meta = dict(meta or {})
        if not isinstance(meta, dict):
            raise JekyllError(
                f"collection '{label}' must be a mapping of settings", file="_config.yml", key="collections"
            )
        permalink = meta.get("permalink")
        if permalink is not None and not isinstance(permalink, str):
            raise JekyllError(
                f"collection '{label}': permalink must be a string", file="_config.yml", key="collections"
            )
        out[str(label)] = Collection(str(label), bool(meta.get("output", False)), permalink, meta)
    posts = out["posts"]
    posts.output = True
    if posts.permalink is None and raw.get("permalink"):
        posts.permalink = style_to_template(str(raw["permalink"]))
    return out


LISTING_DEFAULTS = {
    "category": "/category/:slug/",
    "tag": "/tag/:slug/",
    "archive": "/archive/:year/",
    "author": "/author/:slug/",
}


def listing_patterns(raw: dict[str, Any]) -> dict[str, str]:
    """URL patterns of category/tag/year/author pages that a Jekyll site already used.

    jekyll-archives' ``jekyll-archives.permalinks`` (``category``, ``tag``, ``year``) and the
    ``category_dir``/``tag_dir`` keys of category-page plugins keep their URLs; anything else gets
    polax's defaults.
    """
    out = dict(LISTING_DEFAULTS)
    archives = raw.get("jekyll-archives")
    links = archives.get("permalinks") if isinstance(archives, dict) else None
    if isinstance(links, dict):
        for kind, key in (("category", "category"), ("tag", "tag"), ("archive", "year")):
            if isinstance(links.get(key), str) and links[key]:
                out[kind] = links[key]
    for kind, key in (("category", "category_dir"), ("tag", "tag_dir")):
        value = raw.get(key)
        if isinstance(value, str) and value.strip("/") and not (isinstance(links, dict) and links.get(kind)):
            out[kind] = "/" + value.strip("/") + "/:slug/"
    return out
