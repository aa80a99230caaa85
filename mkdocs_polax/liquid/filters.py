"""Jekyll 4.3's Liquid filters (``lib/jekyll/filters*.rb``) as plain functions.

Filters that need the site (URLs, dates in the site's time zone, Markdown) take it from the
environment; ``where_exp`` and ``group_by_exp`` evaluate their expression with the render context.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import random
import re
import urllib.parse
from collections.abc import Callable, Mapping
from io import StringIO
from typing import TYPE_CHECKING, Any

from liquid import RenderContext, is_undefined
from liquid.exceptions import FilterError, LiquidError
from liquid.filter import with_context, with_environment

from ..jekyll.dates import parse_date, xmlschema
from ..jekyll.slugify import slugify as jekyll_slugify
from .drops import DocumentDrop, LiquidTime, to_liquid

if TYPE_CHECKING:
    from .engine import JekyllEnvironment


def _safe(func: Callable[..., Any]) -> Callable[..., Any]:
    """A Python error in a filter becomes a Liquid error (a warning naming the line), never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LiquidError:
            raise
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            raise FilterError(f"{func.__name__.rstrip('_')}: {exc}", token=None) from exc

    for attr in ("with_context", "with_environment"):
        if getattr(func, attr, False):
            setattr(wrapper, attr, True)
    return wrapper


def _undef(value: Any) -> bool:
    return value is None or is_undefined(value)


# -- URLs ------------------------------------------------------------------------------------------
_ABSOLUTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _normalize_url(url: str) -> str:
    """Addressable's ``normalize``: unsafe characters percent-encoded, existing escapes kept."""
    return urllib.parse.quote(url, safe="/:?#[]@!$&'()*+,;=%~")


def relative_url_of(value: Any, baseurl: str) -> Any:
    if _undef(value):
        return None
    if isinstance(value, DocumentDrop):
        value = value["url"]
    text = str(value)
    if _ABSOLUTE.match(text):
        return text
    parts = [baseurl.rstrip("/"), text]
    joined = "".join(p if not p or p.startswith("/") else "/" + p for p in parts)
    return _normalize_url(joined)


def absolute_url_of(value: Any, site_url: str, baseurl: str) -> Any:
    if _undef(value):
        return None
    if isinstance(value, DocumentDrop):
        value = value["url"]
    text = str(value)
    if _ABSOLUTE.match(text):
        return text
    rel = relative_url_of(text, baseurl)
    if not site_url:
        return rel
    return _normalize_url(site_url + rel)


@with_environment
def relative_url(value: Any, *, environment: JekyllEnvironment) -> Any:
    return relative_url_of(value, environment.baseurl)


@with_environment
def absolute_url(value: Any, *, environment: JekyllEnvironment) -> Any:
    return absolute_url_of(value, environment.site_url, environment.baseurl)


def strip_index(value: Any) -> Any:
    if _undef(value) or not str(value):
        return value
    return re.sub(r"/index\.html?$", "/", str(value))


# -- dates -----------------------------------------------------------------------------------------
def to_time(value: Any, tz: dt.tzinfo) -> dt.datetime:
    """Liquid's ``Utils.to_date`` then ``localtime``: the moment in the site's time zone."""
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=tz)
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = dt.datetime.fromtimestamp(value, tz)
    elif isinstance(value, str) and value.strip().lower() in ("now", "today"):
        moment = dt.datetime.now(tz)
    elif isinstance(value, str):
        moment, _ = parse_date(value, tz)
    else:
        raise ValueError(f"Invalid Date: '{value!r}' is not a valid datetime")
    return moment.astimezone(tz)


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify_date(value: Any, tz: dt.tzinfo, month: str, kind: Any, style: Any) -> Any:
    if _undef(value) or str(value) == "":
        return value
    moment = to_time(value, tz)
    if kind == "ordinal":
        day = f"{moment.day}{_ordinal(moment.day)}"
        if style == "US":
            return moment.strftime(f"{month} {day}, %Y")
        return moment.strftime(f"{day} {month} %Y")
    return moment.strftime(f"%d {month} %Y")


@with_environment
def date_to_string(value: Any, kind: Any = None, style: Any = None, *, environment: JekyllEnvironment) -> Any:
    return _stringify_date(value, environment.timezone, "%b", kind, style)


@with_environment
def date_to_long_string(value: Any, kind: Any = None, style: Any = None, *, environment: JekyllEnvironment) -> Any:
    return _stringify_date(value, environment.timezone, "%B", kind, style)


@with_environment
def date_to_xmlschema(value: Any, *, environment: JekyllEnvironment) -> Any:
    if _undef(value) or str(value) == "":
        return value
    return xmlschema(to_time(value, environment.timezone))


@with_environment
def date_to_rfc822(value: Any, *, environment: JekyllEnvironment) -> Any:
    if _undef(value) or str(value) == "":
        return value
    return to_time(value, environment.timezone).strftime("%a, %d %b %Y %H:%M:%S %z")


# -- strings ---------------------------------------------------------------------------------------
def xml_escape(value: Any) -> str:
    """Ruby's ``encode(xml: :attr)`` without the surrounding quotes."""
    text = "" if _undef(value) else str(value)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def cgi_escape(value: Any) -> str:
    return urllib.parse.quote_plus("" if _undef(value) else str(value), safe="~")


def uri_escape(value: Any) -> str:
    return urllib.parse.quote("" if _undef(value) else str(value), safe="!#$&'()*+,/:;=?@[]~%")


def slugify(value: Any, mode: Any = None) -> Any:
    if _undef(value):
        return None
    return jekyll_slugify(str(value), str(mode) if mode is not None and not _undef(mode) else None)


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"\s+", " ", "" if _undef(value) else str(value)).strip()


_CJK = "\u4e00-\u9fff\u3400-\u4dbf\u30a0-\u30ff\u3040-\u309f\uac00-\ud7af"


def number_of_words(value: Any, mode: Any = None) -> int:
    text = "" if _undef(value) else str(value)
    if mode == "cjk":
        return len(re.findall(f"[{_CJK}]", text)) + len(re.findall(f"[^{_CJK}\\s]+", text))
    if mode == "auto":
        cjk = len(re.findall(f"[{_CJK}]", text))
        return len(text.split()) if cjk == 0 else cjk + len(re.findall(f"[^{_CJK}\\s]+", text))
    return len(text.split())


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    items = [str(v) for v in _as_list(value)]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return f"{', '.join(items[:-1])}, {connector} {items[-1]}"


def _plain(value: Any) -> Any:
    """A value as JSON sees it (drops as mappings, times as Ruby prints them)."""
    if is_undefined(value):
        return None
    if isinstance(value, DocumentDrop):
        return {k: _plain(value[k]) for k in value if k not in ("next", "previous", "excerpt")}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return str(LiquidTime.of(value))
    return value


def jsonify(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def ruby_inspect(value: Any) -> str:
    """Ruby's ``inspect`` for the values Liquid passes around."""
    value = _plain(value)
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(ruby_inspect(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{ruby_inspect(k)}=>{ruby_inspect(v)}" for k, v in value.items()) + "}"
    return str(value)


def inspect(value: Any) -> str:
    return xml_escape(ruby_inspect(value))


@with_environment
def markdownify(value: Any, *, environment: JekyllEnvironment) -> str:
    return environment.markdownify("" if _undef(value) else str(value))


@with_environment
def smartify(value: Any, *, environment: JekyllEnvironment) -> str:
    return environment.smartify("" if _undef(value) else str(value))


# -- arrays ----------------------------------------------------------------------------------------
def _as_list(value: Any) -> list[Any]:
    if _undef(value):
        return []
    if isinstance(value, Mapping) and not isinstance(value, DocumentDrop):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _sort_key_value(value: Any) -> Any:
    """``parse_sort_input``: integer- and float-like strings compare as numbers."""
    text = str(value)
    if re.fullmatch(r"\s*-?\d+\s*", text):
        return int(text)
    if re.fullmatch(r"\s*-?(?:\d+\.?\d*|\.\d+)\s*", text):
        return float(text)
    return value


def item_property(item: Any, prop: str) -> Any:
    value: Any = item
    for key in str(prop).split("."):
        if isinstance(value, Mapping):
            try:
                value = value[key]
            except KeyError:
                return None
        else:
            return None
    return None if is_undefined(value) else _sort_key_value(value) if value is not None else None


def _matches(prop: Any, target: Any) -> bool:
    if target is None or is_undefined(target):
        return prop is None
    wanted = str(target) if not isinstance(target, bool) else str(target).lower()
    if isinstance(prop, str):
        return prop == wanted
    items = prop if isinstance(prop, list) else [prop]
    return any((str(p).lower() if isinstance(p, bool) else str(p)) == wanted for p in items)


def where(value: Any, prop: Any = None, target: Any = None) -> Any:
    if prop is None or isinstance(target, (list, dict)):
        return value
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    return [item for item in _as_list(value) if _matches(item_property(item, str(prop)), target)]


def find(value: Any, prop: Any = None, target: Any = None) -> Any:
    if prop is None or isinstance(target, (list, dict)):
        return value
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    for item in _as_list(value):
        if _matches(item_property(item, str(prop)), target):
            return item
    return None


def _expression_template(env: JekyllEnvironment, source: str) -> Any:
    cached = env.expression_cache.get(source)
    if cached is None:
        cached = env.expression_cache[source] = env.from_string(source)
    return cached


def _evaluate(context: RenderContext, source: str, variable: str, item: Any) -> str:
    template = _expression_template(context.env, source)  # type: ignore[arg-type]
    buf = StringIO()
    with context.extend({str(variable): item}):
        template.render_with_context(context, buf, partial=True)
    return buf.getvalue()


@with_context
def where_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    source = f"{{% if {expression} %}}1{{% endif %}}"
    return [item for item in _as_list(value) if _evaluate(context, source, str(variable), item) == "1"]


@with_context
def find_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    source = f"{{% if {expression} %}}1{{% endif %}}"
    for item in _as_list(value):
        if _evaluate(context, source, str(variable), item) == "1":
            return item
    return None


def _grouped(pairs: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for name, item in pairs:
        groups.setdefault(name, []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def group_by(value: Any, prop: Any) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    pairs = []
    for item in _as_list(value):
        key = item_property(item, str(prop))
        pairs.append(("" if key is None else str(key), item))
    return _grouped(pairs)


@with_context
def group_by_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    source = f"{{{{ {expression} }}}}"
    return _grouped([(_evaluate(context, source, str(variable), item), item) for item in _as_list(value)])


def _compare_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (1, str(value))
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, dt.datetime):
        return (2, value.timestamp())
    return (3, str(value))


def sort(value: Any, prop: Any = None, nils: Any = "first") -> Any:
    if _undef(value):
        raise ValueError("Cannot sort a null object.")
    items = _as_list(value)
    if prop is None or _undef(prop):
        return sorted(items, key=_compare_key)
    if nils not in ("first", "last"):
        raise ValueError(f"Invalid nils order: '{nils}' is not a valid nils order. It must be 'first' or 'last'.")
    keyed = [(item_property(item, str(prop)), i, item) for i, item in enumerate(items)]
    present = sorted((k for k in keyed if k[0] is not None), key=lambda k: (_compare_key(k[0]), k[1]))
    missing = [k for k in keyed if k[0] is None]
    ordered = missing + present if nils == "first" else present + missing
    return [k[2] for k in ordered]


def _count(num: Any) -> int:
    try:
        return int(num)
    except (TypeError, ValueError):
        return 1


def push(value: Any, item: Any) -> Any:
    return [*value, item] if isinstance(value, list) else value


def pop(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    n = _count(num)
    return value[: len(value) - n] if n > 0 else list(value)


def shift(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    return value[max(0, _count(num)) :]


def unshift(value: Any, item: Any) -> Any:
    return [item, *value] if isinstance(value, list) else value


def sample(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, (list, tuple)):
        return value
    n = _count(num)
    if n == 1:
        return random.choice(value) if value else None
    return random.sample(list(value), min(n, len(value)))


def to_integer(value: Any) -> int:
    if value is True:
        return 1
    if value is False:
        return 0
    return int(str(value).strip() or 0)


def _html_unescape_chars(text: str) -> str:
    return html.unescape(text)


FILTERS: dict[str, Callable[..., Any]] = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "strip_index": strip_index,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "slugify": slugify,
    "markdownify": markdownify,
    "smartify": smartify,
    "jsonify": jsonify,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "where": where,
    "where_exp": where_exp,
    "find": find,
    "find_exp": find_exp,
    "group_by": group_by,
    "group_by_exp": group_by_exp,
    "sort": sort,
    "normalize_whitespace": normalize_whitespace,
    "sample": sample,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "inspect": inspect,
    "to_integer": to_integer,
}


def jekyll_filters() -> dict[str, Callable[..., Any]]:
    """The filters above, each made safe: a Python error becomes a Liquid error naming the line."""
    return {name: _safe(func) for name, func in FILTERS.items()}


__all__ = ["FILTERS", "jekyll_filters", "to_liquid", "to_time"]
