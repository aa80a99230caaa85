"""kramdown's behaviours that Python-Markdown's built-ins and pymdown-extensions do not have.

- Lists: kramdown nests a list under an item when it is indented to the item's text (2 spaces under
  ``- item``, 3 under ``1. item``); Python-Markdown wants 4. ``reindent_lists`` rewrites the
  indentation of list content to Python-Markdown's, leaving everything else untouched.
- Block IALs on their own line (``{: .class}`` under a heading, or before a paragraph) and ALDs
  (``{:name: .class}`` defined once, used as ``{: name}``): moved or expanded so that ``attr_list``
  applies them, and never left as visible text.
- Header ids as kramdown's GFM parser (Jekyll's default) makes them: ``what's new in 2.0?`` ->
  ``whats-new-in-20``, a repeated title gets ``-1``, ``-2``; old ``#anchors`` keep working.
- Math: ``$$...$$`` becomes ``\\(...\\)`` inside a paragraph and ``\\[...\\]`` as a block, untouched
  by emphasis or smart quotes, as kramdown's MathJax output is.
- A line ending in ``\\\\`` is a line break.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor as InlineTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from . import lexers

_MARKER = re.compile(r"^( *)([*+-]|\d{1,9}\.)( +)(?=\S)")
_EMPTY_MARKER = re.compile(r"^( *)([*+-]|\d{1,9}\.)$")
_HR = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
_FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
_ALD = re.compile(r"^ {0,3}\{:([A-Za-z][\w-]*):\s*(.*?)\}\s*$")
_IAL = re.compile(r"^ {0,3}\{:?\s*([^}\n]*?)\s*\}\s*$")
_ATX = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
PY_INDENT = 4
UP = "data-kd-up"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_list(m: re.Match[str] | None, out: list[str]) -> bool:
    """A marker line starts a list after a blank line, or interrupting a paragraph (as kramdown
    allows), but not inside a table or an HTML block, and an ordered one only at ``1.``."""
    if m is None:
        return False
    prev = out[-1] if out else ""
    if not prev.strip():
        return True
    if prev.lstrip().startswith(("|", "<", ">")) or _HR.match(prev):
        return False
    return not m.group(2)[0].isdigit()


def reindent_lists(lines: list[str]) -> list[str]:
    """Re-indent list content from kramdown's columns to Python-Markdown's multiples of 4."""
    out: list[str] = []
    # Open list items: (kramdown content column, Python-Markdown content column).
    stack: list[tuple[int, int]] = []
    fence: str | None = None  # closing fence of a code block outside lists
    item_fence: str | None = None  # closing fence of a code block inside a list item
    after_fence = False
    prev_blank = True
    for raw in lines:
        line = raw.expandtabs(4)
        if fence is not None:
            out.append(raw)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        if stack and line.strip():
            fm = _FENCE.match(line.lstrip(" "))
            closing = item_fence is not None and line.strip().startswith(item_fence)
            if item_fence is not None or (fm and _indent(line) >= stack[-1][0]):
                # A fence inside the item: its lines are code, moved with the item, never list markers.
                kd, py = stack[-1]
                ind = _indent(line)
                out.append(
                    " " * (py + max(0, ind - kd)) + line.lstrip(" ") if ind >= kd else " " * py + line.lstrip(" ")
                )
                if closing and not line.strip().strip(item_fence[0] if item_fence else "`"):
                    item_fence = None
                    after_fence = True
                elif item_fence is None and fm:
                    item_fence = fm.group(2)
                prev_blank = False
                continue
        if not line.strip():
            out.append("")
            prev_blank = True
            continue
        ind = _indent(line)
        m = _MARKER.match(line) or _EMPTY_MARKER.match(line)
        is_marker = m is not None and not _HR.match(line)
        if not stack:
            if is_marker and ind <= 3 and _starts_list(m, out):
                assert m is not None
                if not prev_blank:
                    out.append("")  # kramdown lets a list interrupt a paragraph; Python-Markdown needs a blank line
                stack = [
                    (ind + len(m.group(2)) + len(m.group(3) if m.lastindex and m.lastindex >= 3 else " "), PY_INDENT)
                ]
                out.append(m.group(2) + " " * max(1, PY_INDENT - len(m.group(2))) + line[m.end() :])
                prev_blank = False
                continue
            fm = _FENCE.match(line)
            if fm and ind <= 3:
                fence = fm.group(2)
            out.append(raw)
            prev_blank = False
            continue
        if is_marker:
            assert m is not None
            if after_fence:
                out.append("")  # an item right after a code fence: Python-Markdown needs the blank line
            while stack and stack[-1][0] > ind:
                stack.pop()
            if not stack and ind > 3:
                stack = []
            marker = m.group(2)
            spaces = len(m.group(3)) if m.lastindex and m.lastindex >= 3 else 1
            base = stack[-1][1] if stack else 0
            stack.append((ind + len(marker) + spaces, base + PY_INDENT))
            out.append(" " * base + marker + " " * max(1, PY_INDENT - len(marker)) + line[m.end() :])
            prev_blank = False
            continue
        if prev_blank:
            while stack and stack[-1][0] > ind:
                stack.pop()
            if not stack:
                out.append(raw)
                fm = _FENCE.match(line)
                if fm and ind <= 3:
                    fence = fm.group(2)
                prev_blank = False
                continue
        kd, py = stack[-1]
        out.append(" " * (py + max(0, ind - kd)) + line.lstrip(" ") if ind >= kd else " " * py + line.lstrip(" "))
        prev_blank = False
        after_fence = False
    return out


def _blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) line ranges of non-blank runs."""
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        yield i, j
        i = j


def apply_ials(lines: list[str]) -> list[str]:
    """Expand ALD references and place standalone block IALs where ``attr_list`` reads them."""
    alds: dict[str, str] = {}
    kept: list[str] = []
    in_fence: str | None = None
    for line in lines:
        fm = _FENCE.match(line)
        if in_fence is None and fm:
            in_fence = fm.group(2)
        elif in_fence is not None and line.strip().startswith(in_fence) and not line.strip().strip(in_fence[0]):
            in_fence = None
            kept.append(line)
            continue
        if in_fence is None:
            m = _ALD.match(line)
            if m:
                alds[m.group(1)] = m.group(2)
                continue
        kept.append(line)
    lines = kept

    def expand(attrs: str) -> str:
        words = attrs.split()
        return " ".join(alds.get(w, w) if re.fullmatch(r"[A-Za-z][\w-]*", w) and w in alds else w for w in words)

    out = list(lines)
    drop: set[int] = set()
    in_fence = None
    for i, line in enumerate(lines):
        fm = _FENCE.match(line)
        if in_fence is None and fm:
            in_fence = fm.group(2)
            continue
        if in_fence is not None:
            if line.strip().startswith(in_fence) and not line.strip().strip(in_fence[0]):
                in_fence = None
            continue
        m = _IAL.match(line)
        if not m or not line.strip().startswith("{"):
            continue
        attrs = expand(m.group(1).lstrip(":").strip())
        prev = lines[i - 1] if i > 0 else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if prev.strip():
            if _ATX.match(prev):
                out[i - 1] = prev.rstrip().rstrip("#").rstrip() + " {: " + attrs + " }"
                drop.add(i)
            elif _SETEXT.match(prev) and i > 1 and lines[i - 2].strip():
                out[i - 2] = lines[i - 2].rstrip() + " {: " + attrs + " }"
                drop.add(i)
            elif _FENCE.match(prev):
                drop.add(i)  # attributes of a code block: not supported by superfences; dropped
            else:
                # Under a list or a quote, kramdown gives the attributes to the container.
                start = i - 1
                while start > 0 and lines[start - 1].strip():
                    start -= 1
                head = lines[start]
                up = f' {UP}="1"' if head.lstrip().startswith(">") or _MARKER.match(head) else ""
                out[i] = line[: _indent(line)] + "{: " + attrs + up + " }"
        elif nxt.strip() and not _IAL.match(nxt):
            # An IAL before a block applies to it: move it to the end of that block.
            j = i + 1
            while j < len(lines) and lines[j].strip():
                j += 1
            if _ATX.match(nxt):
                out[i + 1] = nxt.rstrip().rstrip("#").rstrip() + " {: " + attrs + " }"
            elif not _FENCE.match(nxt) and not _MARKER.match(nxt):
                out[j - 1] = out[j - 1] + "\n" + line[: _indent(line)] + "{: " + attrs + " }"
            drop.add(i)
        else:
            drop.add(i)
    result: list[str] = []
    for i, line in enumerate(out):
        if i not in drop:
            result.extend(line.split("\n"))
    return result


_TOC_ITEM = re.compile(r"^ {0,3}(?:[*+-]|1\.)\s+TOC\s*$")
_TOC_IAL = re.compile(r"^ {0,3}\{:\s*(?:\.no_toc\s+)?toc\s*\}\s*$")
_EXT_START = re.compile(r"^ {0,3}\{::(comment|nomarkdown)\}\s*(.*)$")
_EXT_END = re.compile(r"^(.*?)\{:/(comment|nomarkdown)?\}\s*$")
_OPTIONS = re.compile(r"^ {0,3}\{::options\b[^}]*/\}\s*$")


def kramdown_blocks(lines: list[str], store: Callable[[str], str]) -> list[str]:
    """kramdown's block extensions and its TOC marker, as Python-Markdown understands them:
    ``* TOC`` + ``{:toc}`` -> ``[TOC]``; ``{::comment}`` -> an HTML comment; ``{::nomarkdown}`` -> raw
    HTML (``store`` puts it in Python-Markdown's stash); ``{::options /}`` dropped."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TOC_ITEM.match(line) and i + 1 < len(lines) and _TOC_IAL.match(lines[i + 1]):
            out.append("[TOC]")
            i += 2
            continue
        if _OPTIONS.match(line):
            i += 1
            continue
        m = _EXT_START.match(line)
        if m:
            kind, rest = m.group(1), m.group(2)
            body: list[str] = []
            j = i
            tail = rest
            while True:
                end = _EXT_END.match(tail)
                if end:
                    body.append(end.group(1))
                    break
                body.append(tail)
                j += 1
                if j >= len(lines):
                    body = []
                    break
                tail = lines[j]
            if j < len(lines):
                text = "\n".join(body).strip("\n")
                raw = f"<!-- {text.strip()} -->" if kind == "comment" else text
                out.extend(["", store(raw), ""])
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


# ``{#id .class}`` / ``{.class}``: attribute lists without the colon. Python-Markdown's attr_list reads
# them; kramdown does not (only ``{#id}`` at the end of a header), so Jekyll shows them as text.
_NO_COLON_ATTRS = re.compile(r"(?<!\\)\{(?=[#.][^}\n]*\})")
_HEADER_ID = re.compile(r"^ {0,3}#{1,6}\s.*\{#[\w-]+\}\s*#*\s*$")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def literal_braces(lines: list[str]) -> list[str]:
    """Escape colon-less attribute lists (outside code) so that they stay text, as in Jekyll."""
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        fm = _FENCE.match(line)
        if fence is None and fm:
            fence = fm.group(2)
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        elif "{" in line and _indent(line) < PY_INDENT and _NO_COLON_ATTRS.search(line):
            keep_id = bool(_HEADER_ID.match(line)) and line.rstrip().rstrip("#").rstrip().endswith("}")
            pieces = []
            last = 0
            for m in _CODE_SPAN.finditer(line):
                pieces.append(_NO_COLON_ATTRS.sub(r"\\{", line[last : m.start()]))
                pieces.append(m.group(0))
                last = m.end()
            pieces.append(line[last:])
            escaped = "".join(pieces[:-1]) + _NO_COLON_ATTRS.sub(r"\\{", pieces[-1])
            if keep_id and re.search(r"\\\{#[\w-]+\}\s*#*\s*$", escaped):
                escaped = re.sub(r"\\(\{#[\w-]+\}\s*#*\s*)$", r"\1", escaped)
            line = escaped
        out.append(line)
    return out


class KramdownPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        lines = kramdown_blocks(lines, self.md.htmlStash.store)
        return reindent_lists(apply_ials(literal_braces(lines)))


_NON_WORD = re.compile(r"[^\w\- \t]")


def gfm_header_id(text: str, used: dict[str, int]) -> str:
    """kramdown-parser-gfm's ``generate_gfm_header_id`` (Jekyll's default input is GFM)."""
    result = _NON_WORD.sub("", text.lower()).replace(" ", "-").replace("\t", "-")
    count = used.get(result, -1) + 1
    used[result] = count
    return f"{result}-{count}" if count > 0 else result


class HeaderIdTreeprocessor(Treeprocessor):
    """Header ids before ``toc`` runs (``toc`` keeps an id that is already there)."""

    def _unstash(self, text: str) -> str:
        """Raw HTML and entities the inline patterns stashed, as text (tags dropped)."""

        def sub(m: re.Match[str]) -> str:
            try:
                raw = str(self.md.htmlStash.rawHtmlBlocks[int(m.group(1))])
            except (IndexError, ValueError):
                return ""
            return re.sub(r"<[^>]+>", "", raw)

        return str(HTML_PLACEHOLDER_RE.sub(sub, text))

    def run(self, root: etree.Element) -> None:
        used: dict[str, int] = {}
        for el in root.iter():
            if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                text = html.unescape(self._unstash("".join(el.itertext())))
                generated = gfm_header_id(text.strip(), used)
                if "id" not in el.attrib:
                    el.set("id", generated)


class InlineMathProcessor(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        placeholder = self.md.htmlStash.store(r"\(" + html.escape(m.group(1), quote=False) + r"\)")
        return placeholder, m.start(0), m.end(0)


class BlockMathProcessor(BlockProcessor):
    RE = re.compile(r"^\s*\$\$(.+?)\$\$\s*$", re.S)

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.RE.match(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        m = self.RE.match(blocks.pop(0))
        assert m is not None
        p = etree.SubElement(parent, "p")
        p.text = self.parser.md.htmlStash.store(r"\[" + html.escape(m.group(1).strip(), quote=False) + r"\]")
        return True


class BackslashBreakProcessor(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        return etree.Element("br"), m.start(0), m.end(0)


class InlineCodeClassTreeprocessor(Treeprocessor):
    """kramdown with Rouge marks inline code ``language-plaintext highlighter-rouge`` (themes style it)."""

    def run(self, root: etree.Element) -> None:
        in_pre = {id(code) for pre in root.iter("pre") for code in pre.iter("code")}
        for code in root.iter("code"):
            if id(code) not in in_pre and "class" not in code.attrib:
                code.set("class", "language-plaintext highlighter-rouge")


class ContainerIalTreeprocessor(Treeprocessor):
    """An IAL under a list or a quote names the list or the quote in kramdown; ``attr_list`` gave it
    to the last item or paragraph, marked with ``data-kd-up``: move it up to the container."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            if el.get(UP) is None:
                continue
            del el.attrib[UP]
            target = parents.get(el)
            if el.tag == "p" and target is not None and target.tag == "li":
                el, target = target, parents.get(target)
            if target is None or target.tag not in ("ul", "ol", "blockquote", "dl"):
                continue
            for key, value in list(el.attrib.items()):
                if key == "class" and target.get("class"):
                    target.set("class", target.get("class", "") + " " + value)
                else:
                    target.set(key, value)
                del el.attrib[key]


# Each of Python-Markdown's smarty patterns (quotes, dashes, ellipses, angled quotes) needs one of these
# in the text. Most text nodes hold none, yet smarty's own inline pass tries its ~20 patterns on each
# of them, which costs about as much as the rest of the Markdown together. See guard_smarty.
_SMARTY_TRIGGERS = ("'", '"', "--", "...", "<<", ">>")
_INLINE_PLACEHOLDER = "\u0002klzzwxh:%s\u0003"  # Python-Markdown's inline placeholder (util.INLINE_PLACEHOLDER)


class FastSmartyTreeprocessor(Treeprocessor):
    """smarty's inline pass without Python-Markdown's generic inline machinery: the same text out.

    Python-Markdown runs smarty as a second ``InlineProcessor``: it maps every element to its parent,
    then tries each of smarty's ~20 patterns on every text and tail, turning each match into a
    placeholder of a stashed string and resolving the placeholders afterwards. Every pattern of smarty
    only replaces text with text (``SubstituteTextPattern``), so the tree's shape never changes and
    the result is the text with each match replaced. This does exactly that, pattern by pattern in
    smarty's order, each match hidden behind the same placeholder form (``\\x02...\\x03``) that the
    later patterns' look-arounds see, searching on after it as ``InlineProcessor`` does; text with
    none of smarty's characters is left at once. ``tests/perf/test_markdown_guard.py`` compares both
    on generated text."""

    def __init__(self, md: Markdown, patterns: list[Any]) -> None:
        super().__init__(md)
        self.patterns = [(p.compiled_re, p.replace) for p in patterns]

    def educate(self, data: str) -> str:
        text: str = data
        if isinstance(data, AtomicString):
            return text  # code: left as it is (AtomicString kept)
        for trigger in _SMARTY_TRIGGERS:
            if trigger in data:
                break
        else:
            return data
        stash = self.md.htmlStash.store
        results: list[str] = []
        for regex, replace in self.patterns:
            start = 0
            while True:
                m = regex.search(data, start)
                if m is None:
                    break
                result = "".join(m.group(part) if isinstance(part, int) else stash(part) for part in replace)
                placeholder = _INLINE_PLACEHOLDER % f"{len(results):04}"
                results.append(result)
                data = data[: m.start(0)] + placeholder + data[m.end(0) :]
                start = m.start(0) + len(placeholder)
        if not results:
            return data
        return _INLINE_PLACEHOLDER_RE.sub(lambda m: results[int(m.group(1))], data)

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el is not root and el.text:
                el.text = self.educate(el.text)
            for child in el:
                if child.tail:
                    child.tail = self.educate(child.tail)


_SMARTY_PRIORITY = 6  # where the smarty extension registers its pass (its documented priority)
_INLINE_PLACEHOLDER_RE = re.compile("\u0002klzzwxh:(\\d+)\u0003")


def guard_smarty(md: Markdown) -> None:
    """Replace smarty's inline pass with :class:`FastSmartyTreeprocessor`: the same HTML in a fraction
    of the time. Left alone when smarty's processor is not the one this was written against."""
    if "smarty" not in md.treeprocessors:
        return
    proc = md.treeprocessors["smarty"]
    patterns = list(getattr(proc, "inlinePatterns", []))
    if type(proc) is not InlineTreeprocessor or not patterns:
        return
    if not all(type(p).__name__ == "SubstituteTextPattern" and hasattr(p, "replace") for p in patterns):
        return
    md.treeprocessors.register(FastSmartyTreeprocessor(md, patterns), "smarty", _SMARTY_PRIORITY)


class KramdownExtension(Extension):
    """Registers the kramdown behaviours listed in this module's docstring."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # Before fenced code (25) and after normalisation: the text is still the author's lines.
        md.preprocessors.register(KramdownPreprocessor(md), "kramdown_lists", 27)
        md.parser.blockprocessors.register(BlockMathProcessor(md.parser), "kramdown_math", 95)
        md.inlinePatterns.register(InlineMathProcessor(r"\$\$(.+?)\$\$", md), "kramdown_math", 186)
        md.inlinePatterns.register(BackslashBreakProcessor(r"\\\\?\n", md), "kramdown_break", 185)
        md.treeprocessors.register(HeaderIdTreeprocessor(md), "kramdown_header_ids", 6)
        md.treeprocessors.register(ContainerIalTreeprocessor(md), "kramdown_container_ial", 7)
        md.treeprocessors.register(InlineCodeClassTreeprocessor(md), "kramdown_code_class", 4)
        guard_smarty(md)  # smarty comes before this extension in the plugin's list
        lexers.install()
        md.registerExtension(self)


def makeExtension(**kwargs: Any) -> KramdownExtension:  # noqa: N802 (Python-Markdown's API)
    return KramdownExtension(**kwargs)
