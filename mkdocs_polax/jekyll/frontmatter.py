"""Reading a source file as Jekyll does: decoding, the front-matter test, and safe YAML."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import JekyllError

# Jekyll's Utils.has_yaml_header?: the first line is '---' (trailing blanks allowed).
_HEADER = re.compile(rb"\A---[ \t\r\f\v]*\r?\n")
# Document::YAML_FRONT_MATTER_REGEXP, with Ruby's always-multiline ^ and $.
_FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u0080[\u0090-\u00bf]")


@dataclass
class SourceText:
    """A decoded source file and what we noticed while decoding it."""

    text: str
    warnings: list[str] = field(default_factory=list)


def has_front_matter(raw: bytes) -> bool:
    """True when the file starts with a ``---`` line (what makes a page a page in Jekyll)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    return bool(_HEADER.match(raw))


def decode(raw: bytes, encoding: str = "utf-8") -> SourceText:
    """Decode like Jekyll (``encoding`` of _config.yml, a UTF-8 BOM skipped) without losing text.

    Bytes that are not valid in the configured encoding get a warning naming the line, and are read
    as Windows-1252 (Latin-1 for its five holes) rather than dropped.
    """
    warnings: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        warnings.append("starts with a UTF-8 byte-order mark (BOM); it is ignored")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        warnings.append("is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8")
        return SourceText(raw.decode("utf-16", errors="replace"), warnings)
    enc = encoding or "utf-8"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        warnings.append(
            f"line {line}: not valid {enc} (byte 0x{raw[exc.start]:02x}); read as Windows-1252. "
            f"Save the file as UTF-8, or set 'encoding' in _config.yml"
        )
        text = (
            "".join(_cp1252(b) for b in raw)
            if enc.lower().replace("_", "-") in ("utf-8", "utf8")
            else raw.decode(enc, errors="replace")
        )
    except LookupError as exc:
        raise JekyllError(f"unknown encoding {enc!r}", file="_config.yml", key="encoding") from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        warnings.append(f"line {line}: contains NUL bytes; they are removed")
        text = text.replace("\x00", "")
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return SourceText(text, warnings)


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def find_mojibake(text: str) -> list[int]:
    """Line numbers holding UTF-8 that was once decoded as Latin-1/Windows-1252 (``Â``, ``Ã©``, ``â€™``)."""
    return [i for i, line in enumerate(text.split("\n"), 1) if _MOJIBAKE.search(line)]


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that records duplicate keys (Jekyll keeps the last one; we say so)."""

    duplicates: list[str]


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
            if key in seen:
                loader.duplicates.append(str(key))
            seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_timestamp(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> Any:
    # Psych (Jekyll's YAML) keeps a date that does not exist (2021-02-30) as its text; Jekyll's
    # Time.parse then rolls it over, and parse_date does the same with a warning.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError, OverflowError):
        return loader.construct_scalar(node)


def _construct_set(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> list[Any]:
    # '!!set' would give a Python set; every later step expects lists (tags, categories, JSON).
    return [loader.construct_object(key_node) for key_node, _ in node.value]


def _construct_text(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> str:
    # '!!binary' would give bytes, which no page can show: keep the text as written.
    return str(loader.construct_scalar(node))


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:set", _construct_set)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:binary", _construct_text)


# libyaml (PyYAML's C parser) reads front matter ~8x faster; MkDocs uses it for its own front matter.
# It is used only on text that holds nothing where it and PyYAML's Python parser were seen to disagree
# (tabs, BOMs, control characters, tags, anchors, block scalars, flow mappings, directives, '?' in flow
# sequences); any error sends the text to the Python parser, which gives the messages below.
_CSafeLoader: Any = getattr(yaml, "CSafeLoader", None)
_C_UNSAFE = re.compile(
    r"[\t\r\ufeff\u2028\u2029\x85{}`%@|>*&\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]|(?<!\w)[!?]"
)

if _CSafeLoader is not None:

    class _FastUniqueKeyLoader(_CSafeLoader):  # type: ignore[misc]
        """libyaml's parser with _UniqueKeyLoader's constructors."""

        duplicates: list[str]

    _FastUniqueKeyLoader.yaml_constructors = dict(_UniqueKeyLoader.yaml_constructors)


def _question_marks_safe(text: str) -> bool:
    """No '?' can be inside a flow sequence: every line with '[' closes what it opens, without quotes or '?'."""
    for line in text.split("\n"):
        flow = "[" in line or "]" in line
        if flow and ("?" in line or "'" in line or '"' in line or line.count("[") != line.count("]")):
            return False
    return True


def _fast_load(text: str) -> tuple[Any, list[str]] | None:
    """``load_yaml``'s result through libyaml, or None when the Python parser must decide."""
    if _CSafeLoader is None or _C_UNSAFE.search(text) or ("?" in text and not _question_marks_safe(text)):
        return None
    loader = _FastUniqueKeyLoader(text)
    loader.duplicates = []
    try:
        return loader.get_single_data(), loader.duplicates
    except Exception:  # noqa: BLE001 - the Python parser reads it again and says what is wrong
        return None
    finally:
        loader.dispose()


def load_yaml(text: str, file: str) -> tuple[Any, list[str]]:
    """Safe YAML (no Python tags ever run); returns ``(data, duplicate keys)``; bad YAML raises."""
    fast = _fast_load(text)
    if fast is not None:
        return fast
    try:
        loader = _UniqueKeyLoader(text)
    except yaml.reader.ReaderError as exc:
        # Control characters (U+0000-U+001F but tab and line ends, U+007F-U+009F): YAML refuses them.
        line = text[: exc.position].count("\n") + 1
        raise JekyllError(
            f"line {line}: the front matter holds the control character U+{exc.character:04X}, which YAML does not "
            "allow. Remove it (or quote the value with double quotes and write it as an escape)",
            file=file,
        ) from exc
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "could not determine a constructor for the tag" in problem:
            # '!!python/object' and friends: safe loading never builds objects from tags.
            quoted = re.search(r"'([^']*)'", problem)
            tag = (quoted.group(1) if quoted else problem).replace("tag:yaml.org,2002:", "!!")
            raise JekyllError(
                f"the YAML tag {tag!r}{where} is not allowed (YAML is read safely: tags never run code). Remove the tag",
                file=file,
            ) from exc
        raise JekyllError(f"invalid YAML{where}: {problem}. Fix the YAML syntax", file=file) from exc
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        # A tag whose text does not fit it ('!!int abc', '!!float x'): PyYAML raises plain errors.
        raise JekyllError(f"invalid YAML: {exc}. Fix the value or remove its '!!' tag", file=file) from exc
    except RecursionError as exc:
        raise JekyllError("invalid YAML: nested too deeply. Flatten the value", file=file) from exc
    finally:
        loader.dispose()
    return data, loader.duplicates


@dataclass
class Parsed:
    """A source split into front matter and body."""

    data: dict[str, Any]
    body: str
    has_front_matter: bool
    body_line: int  # 1-based line of the body's first line in the file
    warnings: list[str] = field(default_factory=list)


def split_front_matter(text: str, file: str) -> Parsed:
    """Split ``text`` like Jekyll; front matter must be a mapping (or empty)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        if text.startswith("---") and re.match(r"---\s*\n", text):
            raise JekyllError("front matter has no closing '---' line: add one after the last key", file=file)
        return Parsed({}, text, False, 1)
    body = text[m.end() :]
    data, dups = load_yaml(m.group(1), file)
    warnings = [f"duplicate front-matter key '{k}': the last value is used (remove the others)" for k in dups]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise JekyllError(
            f"front matter must be a mapping of keys to values, not a {type(data).__name__}",
            file=file,
        )
    data = {str(k): v for k, v in data.items()}
    return Parsed(data, body, True, text[: m.end()].count("\n") + 1, warnings)
