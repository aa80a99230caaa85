"""Jekyll's ``Utils.slugify`` in every mode (raw, default, pretty, ascii, latin) and ``titleize_slug``."""

from __future__ import annotations

import re
import unicodedata

SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = set("._~!$&'()+,;=@")
_RAW = re.compile(r"\s+")
_ASCII = re.compile(r"[^A-Za-z0-9]+")


def _is_word_char(ch: str) -> bool:
    """Ruby's ``[\\p{M}\\p{L}\\p{Nd}]``: marks, letters and decimal digits."""
    cat = unicodedata.category(ch)
    return cat[0] in ("M", "L") or cat == "Nd"


def _replace_runs(text: str, keep: set[str] | None) -> str:
    out: list[str] = []
    in_run = False
    for ch in text:
        if _is_word_char(ch) or (keep is not None and ch in keep):
            out.append(ch)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    return "".join(out)


def transliterate(text: str) -> str:
    """I18n.transliterate for the latin mode: accents dropped, anything non-ASCII left becomes ``?``."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    special = {"ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe", "Ð": "D"}
    stripped = "".join(special.get(c, c) for c in stripped)
    return "".join(c if ord(c) < 128 else "?" for c in stripped)


def slugify(text: object, mode: str | None = None, cased: bool = False) -> str | None:
    """Return Jekyll's slug of ``text`` (``None`` stays ``None``, as in Jekyll)."""
    if text is None:
        return None
    string = str(text)
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return string if cased else string.lower()
    if mode == "latin":
        string = transliterate(string)
    if mode == "raw":
        slug = _RAW.sub("-", string)
    elif mode == "ascii":
        slug = _ASCII.sub("-", string)
    elif mode == "pretty":
        slug = _replace_runs(string, _PRETTY_KEEP)
    else:
        slug = _replace_runs(string, None)
    # Ruby's gsub(/^-|-$/) strips one hyphen at each end (runs are already collapsed).
    if slug.startswith("-"):
        slug = slug[1:]
    if slug.endswith("-"):
        slug = slug[:-1]
    return slug if cased else slug.lower()


def titleize_slug(slug: str) -> str:
    """``Utils.titleize_slug``: ``my-first-post`` -> ``My First Post`` (Ruby's capitalize)."""
    parts = slug.split("-")
    while parts and parts[-1] == "":  # Ruby's split drops trailing empty fields
        parts.pop()
    return " ".join(part[:1].upper() + part[1:].lower() for part in parts)
