"""Server-side redirect files for hosts that have them, from the same redirects as the HTML
meta-refresh pages (``redirect_from``/``redirect_to``): Netlify's and Cloudflare Pages' ``_redirects``,
Apache's ``.htaccess`` (mod_alias ``RedirectMatch``) and an nginx ``map`` to include in ``http {}``.

Suggested redirects (an old URL that is missing and the page that matches it) are written commented
out: the owner confirms one by adding ``redirect_from`` to the page, which then makes a real rule.
Each writer has a reader beside it (``parse_*``) that returns ``{from path: target}``, so a test can
resolve old URLs against what was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

HOSTS = ("netlify", "cloudflare", "apache", "nginx")
NGINX_VARIABLE = "$polax_redirect"
_HEADER = "Written by mkdocs-polax from redirect_from/redirect_to; edit the front matter, not this file."
# Characters kept as they are in a written path; everything else is percent-encoded ('$' too: it
# starts a variable in nginx and a back-reference in Apache).
_PATH_SAFE = "/-._~!&'()*+,;=:@%"
_TARGET_SAFE = _PATH_SAFE + "?#"


@dataclass(frozen=True)
class HostRedirect:
    """One redirect: ``from_path`` is a path of the site (as in ``redirect_from``), ``to`` an
    absolute URL or a path; ``note`` is written beside suggested ones."""

    from_path: str
    to: str
    note: str = ""


def encode_path(path: str) -> str:
    """A path percent-encoded once (escapes already present are kept)."""
    return quote(unquote(path), safe=_PATH_SAFE.replace("%", ""))


def encode_target(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            encode_path(parts.path),
            quote(unquote(parts.query), safe=_TARGET_SAFE.replace("%", "").replace("#", "")),
            quote(unquote(parts.fragment), safe=_TARGET_SAFE.replace("%", "")),
        )
    )


def host_target(to: str, site_base: str) -> str:
    """A target on the site itself as a path (``https://x.org/blog/new/`` -> ``/blog/new/``): hosts
    keep it on the domain that was asked for (preview deploys, www and bare domains)."""
    if site_base and (to == site_base or to.startswith(site_base + "/")):
        parts = urlsplit(to)
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return to


def mount(path: str, site_base: str) -> str:
    """``path`` of the site under the path ``site_url`` is served at (``/x/`` -> ``/blog/x/``)."""
    prefix = urlsplit(site_base).path.rstrip("/") if site_base else ""
    return prefix + ("/" + path.lstrip("/"))


def _lines(
    rules: Iterable[HostRedirect],
    suggested: Iterable[HostRedirect],
    make: Callable[[HostRedirect], str],
    indent: str = "",
) -> list[str]:
    out = [make(rule) for rule in rules]
    suggestions = list(suggested)
    if suggestions:
        out.append("")
        out.append(
            f"{indent}# Suggested by polax's URL check (an old URL is missing; this page's slug or title matches)."
        )
        out.append(f"{indent}# Confirm one by adding the old path to that page's redirect_from, then rebuild.")
        for rule in suggestions:
            if rule.note:
                out.append(f"{indent}# {rule.note}")
            out.extend(f"{indent}# {line.strip()}" for line in make(rule).splitlines())
    return out


# -- Netlify / Cloudflare Pages ---------------------------------------------------------------------
def redirects_file(rules: Sequence[HostRedirect], suggested: Sequence[HostRedirect] = (), *, force: bool = True) -> str:
    """``_redirects``: ``/from /to 301``. Netlify serves a file that exists before a rule unless the
    status is forced (``301!``), and polax writes a meta-refresh page at each old path: ``force``
    for Netlify; Cloudflare Pages always applies its rules and knows no ``!``."""
    status = "301!" if force else "301"

    def make(rule: HostRedirect) -> str:
        return f"{encode_path(rule.from_path)} {encode_target(rule.to)} {status}"

    return "\n".join([f"# {_HEADER}", *_lines(rules, suggested, make)]) + "\n"


def parse_redirects_file(text: str) -> dict[str, str]:
    """``{from: to}`` of a ``_redirects`` file's 3xx rules (comments and other codes skipped)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#") or len(fields) < 2:
            continue
        status = fields[2].rstrip("!") if len(fields) > 2 else "301"
        if status.startswith("3"):
            out.setdefault(fields[0], fields[1])
    return out


# -- Apache -----------------------------------------------------------------------------------------
_REGEX_META = re.compile(r"([.^$*+?()\[\]{}|\\])")


def _regex_literal(text: str) -> str:
    escaped = _REGEX_META.sub(r"\\\1", text)
    return "".join(f"\\x{ord(ch):02x}" if ch in ' "\t' else ch for ch in escaped)


def apache_pattern(from_path: str) -> str:
    """The ``RedirectMatch`` pattern for one old path, matching what the meta-refresh page answers:
    ``/x/`` also as ``/x`` and ``/x/index.html``; ``/x.html`` also as ``/x``; ``/x`` also as ``/x.html``."""
    path = unquote(from_path)  # Apache matches the decoded URL path
    if path.endswith("/") and path != "/":
        return f"^{_regex_literal(path[:-1])}(/|/index\\.html)?$"
    if path == "/":
        return "^/(index\\.html)?$"
    if path.endswith(".html"):
        return f"^{_regex_literal(path[:-5])}(\\.html)?$"
    return f"^{_regex_literal(path)}(\\.html|/|/index\\.html)?$"


def htaccess(rules: Sequence[HostRedirect], suggested: Sequence[HostRedirect] = ()) -> str:
    """``.htaccess`` for Apache's mod_alias: one ``RedirectMatch 301`` a redirect."""

    def make(rule: HostRedirect) -> str:
        return f'RedirectMatch 301 "{apache_pattern(rule.from_path)}" "{encode_target(rule.to)}"'

    body = _lines(rules, suggested, make)
    return "\n".join([f"# {_HEADER}", "<IfModule mod_alias.c>", *body, "</IfModule>"]) + "\n"


_REDIRECT_MATCH = re.compile(r'^\s*RedirectMatch\s+(?:(\d{3})\s+)?"((?:[^"\\]|\\.)*)"\s+"([^"]*)"\s*$')


def parse_htaccess(text: str) -> list[tuple[re.Pattern[str], str]]:
    """The ``RedirectMatch`` rules of an ``.htaccess`` as (compiled pattern, target)."""
    out = []
    for line in text.splitlines():
        found = _REDIRECT_MATCH.match(line)
        if found and (found.group(1) or "302").startswith("3"):
            out.append((re.compile(found.group(2)), found.group(3)))
    return out


def match_htaccess(rules: Sequence[tuple[re.Pattern[str], str]], path: str) -> str | None:
    """Where Apache sends ``path`` (the first rule that matches the decoded path), or None."""
    decoded = unquote(path)
    for pattern, target in rules:
        if pattern.search(decoded):
            return target
    return None


# -- nginx ------------------------------------------------------------------------------------------
def _nginx_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_keys(from_path: str) -> list[str]:
    """The ``$uri`` values (decoded, as nginx has them) one old path answers at, as its page does."""
    path = unquote(from_path)
    if path.endswith("/"):
        keys = [path, path + "index.html"]
        if path != "/":
            keys.append(path[:-1])
        return keys
    if path.endswith(".html"):
        return [path, path[:-5]]
    return [path, path + ".html", path + "/", path + "/index.html"]


def nginx_map(rules: Sequence[HostRedirect], suggested: Sequence[HostRedirect] = ()) -> str:
    """An nginx ``map $uri $polax_redirect {}`` block: include it inside ``http {}`` and add
    ``if ($polax_redirect) { return 301 $polax_redirect; }`` to the site's ``server {}``."""
    seen: set[str] = set()

    def make(rule: HostRedirect) -> str:
        target = _nginx_string(encode_target(rule.to))
        entries = []
        for key in nginx_keys(rule.from_path):
            if key in seen or "$" in key or any(ord(ch) < 32 for ch in key):
                continue  # the first rule wins, as with the pages; '$' would be read as a variable
            seen.add(key)
            entries.append(f"    {_nginx_string(key)} {target};")
        return "\n".join(entries) if entries else f"    # {rule.from_path}: already mapped above"

    body = _lines(rules, suggested, make, indent="    ")
    return (
        "\n".join(
            [
                f"# {_HEADER}",
                "# Include inside http {} and add to the site's server {}:",
                f"#     if ({NGINX_VARIABLE}) {{ return 301 {NGINX_VARIABLE}; }}",
                f"map $uri {NGINX_VARIABLE} {{",
                '    default "";',
                *body,
                "}",
            ]
        )
        + "\n"
    )


_NGINX_ENTRY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s+"((?:[^"\\]|\\.)*)";\s*$')


def parse_nginx_map(text: str) -> dict[str, str]:
    """``{$uri: target}`` of the map's exact entries (what ``nginx_map`` writes)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        found = _NGINX_ENTRY.match(line)
        if found:
            key = re.sub(r"\\(.)", r"\1", found.group(1))
            out.setdefault(key, re.sub(r"\\(.)", r"\1", found.group(2)))
    return out
