"""Permalinks: Jekyll's URL templates and placeholders, and the output path a URL is written to.

``url_from_template`` is Jekyll's ``URL#to_s``; ``url_to_dest`` is ``Document#destination`` /
``Page#destination``; ``check_url`` refuses anything that could leave the site folder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from urllib.parse import quote, unquote

from .errors import JekyllError

_PLACEHOLDER = re.compile(r":([a-z_]+)")
_SAFE_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")
# Addressable::URI.encode leaves the RFC 3986 unreserved, sub-delims, ':', '@', '/' and '%'... as is.
_ADDRESSABLE_SAFE = "/:@!$&'()*+,;=-._~?#"

Placeholder = Callable[[], str]


def escape_path(path: str) -> str:
    """``URL.escape_path``: percent-encode what Addressable::URI.encode would, ``#`` as ``%23``."""
    if not path or _SAFE_PATH.match(path):
        return path
    return quote(path, safe=_ADDRESSABLE_SAFE).replace("#", "%23", 1)


def unescape_path(path: str) -> str:
    """``URL.unescape_path``."""
    return unquote(path) if "%" in path else path


def sanitize_url(url: str) -> str:
    """``URL#sanitize_url``: leading ``/``, ``..`` turned into ``/``, ``./`` dropped, ``//`` squeezed."""
    result = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", result)


def fill_from_drop(template: str, placeholders: Mapping[str, Placeholder], file: str) -> str:
    """``URL#generate_url_from_drop`` (documents): every ``:name`` must be known."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((k for k in pool if k in placeholders), None)
        if winner is None:
            raise JekyllError(
                f"the permalink template {template!r} uses ':{pool[-1]}', which Jekyll does not know. "
                f"Use one of :{', :'.join(sorted(placeholders))}",
                file=file,
                key="permalink",
            )
        value = placeholders[winner]() or ""
        return escape_path(value) + name[len(winner) :]

    return _PLACEHOLDER.sub(sub, template)


def fill_from_hash(template: str, placeholders: Mapping[str, str | None]) -> str:
    """``URL#generate_url_from_hash`` (pages): known keys replaced in order, others left as text."""
    result = template
    for key, value in placeholders.items():
        if ":" not in result:
            break
        result = result.replace(f"/:{key}", "") if value is None else result.replace(f":{key}", escape_path(value))
    return result


def url_to_dest(url: str, output_ext: str, *, page: bool) -> str:
    """The file Jekyll writes for ``url``, relative to the site folder (no leading ``/``).

    Documents: ``/x/`` -> ``x/index.html``; ``/x`` -> ``x.html``; ``/x.html`` -> ``x.html``.
    Pages add ``index`` then the extension: ``/x/`` with ``.xml`` -> ``x/index.xml``.
    """
    path = unescape_path(url)
    if url.endswith("/"):
        path = path + ("index" if page else "index.html")
    if not path.endswith(output_ext):
        path += output_ext
    return path.lstrip("/")


_DRIVE = re.compile(r"^[a-zA-Z]:")


def check_url(raw: object, file: str, key: str = "permalink") -> None:
    """Refuse a permalink that would write outside the site folder, whatever its spelling."""
    text = str(raw)
    decoded = text
    for _ in range(3):  # %252e%252e -> %2e%2e -> ..
        decoded = unquote(decoded)
    reasons = []
    if "\\" in decoded:
        reasons.append("contains a backslash")
    if _DRIVE.match(decoded.lstrip("/")):
        reasons.append("starts with a drive letter")
    if any(seg == ".." for seg in re.split(r"[/\\]", decoded)):
        reasons.append("contains '..'")
    if "\x00" in decoded:
        reasons.append("contains a NUL byte")
    if reasons:
        raise JekyllError(
            f"{text!r} {' and '.join(reasons)}: it would leave the site folder. Use a path such as '/blog/my-post/'",
            file=file,
            key=key,
        )
    control = _CONTROL.search(decoded)
    if control:
        raise JekyllError(
            f"{text!r} contains the control character {control.group(0)!r}, which no file name or URL may hold. "
            "Remove it",
            file=file,
            key=key,
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# File systems refuse names over 255 bytes and paths over 4096; MkDocs recurses once per folder.
MAX_SEGMENT_BYTES = 255
MAX_DEST_BYTES = 2048
MAX_DEST_DEPTH = 64


def check_dest(dest: str, file: str) -> str:
    """Last guard before a path reaches MkDocs: relative, normalised, inside the site folder."""
    parts = [p for p in dest.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts) or _DRIVE.match(parts[0]) or "\\" in dest:
        raise JekyllError(f"output path {dest!r} is outside the site folder", file=file, key="permalink")
    if _CONTROL.search(dest):
        raise JekyllError(f"output path {dest!r} contains a control character. Remove it", file=file, key="permalink")
    joined = "/".join(parts)
    try:
        longest = max(len(p.encode("utf-8")) for p in parts)
    except UnicodeEncodeError as exc:
        raise JekyllError(
            f"output path {_short(joined)} holds a lone surrogate ({exc.object[exc.start]!r}), not a character. "
            "Remove it",
            file=file,
            key="permalink",
        ) from exc
    size = len(joined.encode("utf-8"))
    if longest > MAX_SEGMENT_BYTES or size > MAX_DEST_BYTES:
        raise JekyllError(
            f"output path {_short(joined)} is too long for a file system ({size} bytes; one name at most "
            f"{MAX_SEGMENT_BYTES}, the whole path at most {MAX_DEST_BYTES}). Shorten the permalink, title or categories",
            file=file,
            key="permalink",
        )
    if len(parts) > MAX_DEST_DEPTH:
        raise JekyllError(
            f"output path {_short(joined)} is {len(parts)} folders deep (at most {MAX_DEST_DEPTH}). "
            "Shorten the permalink or use fewer categories",
            file=file,
            key="permalink",
        )
    return joined


def _short(path: str, limit: int = 80) -> str:
    return repr(path if len(path) <= limit else path[: limit // 2] + "..." + path[-limit // 2 :])


def url_placeholders_for_document(
    *,
    date: dt.datetime,
    slug: object,
    basename_without_ext: str,
    categories: list[object],
    collection: str,
    cleaned_relative_path: str,
    output_ext: str,
    slugify: Callable[..., str | None],
) -> dict[str, Placeholder]:
    """``Drops::UrlDrop``: each placeholder a document's URL template may use."""

    def strf(fmt: str) -> Placeholder:
        return lambda: _strftime(date, fmt)

    def cats() -> str:
        return "/".join(dict.fromkeys(str(c).lower() for c in categories))

    def slug_cats() -> str:
        return "/".join(dict.fromkeys(slugify(str(c)) or "" for c in categories))

    return {
        "collection": lambda: collection,
        "output_ext": lambda: output_ext,
        "path": lambda: cleaned_relative_path,
        "name": lambda: slugify(basename_without_ext) or "",
        "title": lambda: (
            (
                slugify(slug, mode="pretty", cased=True)
                if slug is not None
                else slugify(basename_without_ext, mode="pretty", cased=True)
            )
            or ""
        ),
        "slug": lambda: (slugify(slug) if slug is not None else slugify(basename_without_ext)) or "",
        "categories": cats,
        "slugified_categories": slug_cats,
        "year": strf("%Y"),
        "month": strf("%m"),
        "day": strf("%d"),
        "hour": strf("%H"),
        "minute": strf("%M"),
        "second": strf("%S"),
        "i_day": lambda: str(date.day),
        "i_month": lambda: str(date.month),
        "short_month": strf("%b"),
        "long_month": strf("%B"),
        "short_year": strf("%y"),
        "w_year": lambda: str(date.isocalendar()[0]),
        "week": lambda: f"{date.isocalendar()[1]:02d}",
        "w_day": lambda: str(date.isocalendar()[2]),
        "short_day": strf("%a"),
        "long_day": strf("%A"),
        "y_day": strf("%j"),
    }


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _strftime(date: dt.datetime, fmt: str) -> str:
    """strftime for the few codes Jekyll uses, independent of locale and of years before 1000."""
    codes = {
        "%Y": f"{date.year:04d}",
        "%m": f"{date.month:02d}",
        "%d": f"{date.day:02d}",
        "%H": f"{date.hour:02d}",
        "%M": f"{date.minute:02d}",
        "%S": f"{date.second:02d}",
        "%b": _MONTHS[date.month - 1][:3],
        "%B": _MONTHS[date.month - 1],
        "%y": f"{date.year % 100:02d}",
        "%a": _DAYS[date.weekday()][:3],
        "%A": _DAYS[date.weekday()],
        "%j": f"{date.timetuple().tm_yday:03d}",
    }
    return codes[fmt]


def add_permalink_suffix(template: str, style: str) -> str:
    """``Utils.add_permalink_suffix``."""
    if style == "pretty":
        return template + "/"
    if style in ("date", "ordinal", "none"):
        return template + ":output_ext"
    if style.endswith("/"):
        template += "/"
    if style.endswith(":output_ext"):
        template += ":output_ext"
    return template
