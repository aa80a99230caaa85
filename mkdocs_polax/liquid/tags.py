"""Jekyll 4.3's Liquid tags (``lib/jekyll/tags/*.rb``): include, include_relative, post_url, link, highlight.

``raw`` is python-liquid's own. Each tag reads its markup as Jekyll does (the raw text after the tag
name), so ``{% include note.html text="Hi" level=page.level %}`` and ``{% include {{ name }} %}`` work.
"""

from __future__ import annotations

import html
import re
import sys
from contextlib import nullcontext
from io import StringIO
from typing import TYPE_CHECKING, Any, TextIO

from liquid import RenderContext
from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from .filters import relative_url_of

if TYPE_CHECKING:
    from .engine import JekyllEnvironment

# IncludeTag::VALID_SYNTAX, VARIABLE_SYNTAX, FULL_VALID_SYNTAX, VALID_FILENAME_CHARS, INVALID_SEQUENCES
_PARAM = r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
VALID_SYNTAX = re.compile(_PARAM)
VARIABLE_SYNTAX = re.compile(r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S)
FULL_VALID_SYNTAX = re.compile(rf"\A\s*(?:{_PARAM}(?=\s|\Z)\s*)*\Z")
VALID_FILENAME_CHARS = re.compile(r"^[\w/.\-()+~#@]+$")
INVALID_SEQUENCES = re.compile(r"[./]{2,}")
# HighlightBlock::SYNTAX
HIGHLIGHT_SYNTAX = re.compile(r"^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|\"([0-9]+\s)*[0-9]+\"))?)*)$")
POST_NAME = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


def _markup(stream: TokenStream) -> tuple[Token, str]:
    """The tag token and its raw markup; the stream is left on the tag's last token (the parser
    steps past it)."""
    token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value
    return token, ""


def _env(context: RenderContext) -> JekyllEnvironment:
    return context.env  # type: ignore[return-value]


_LITERALS: dict[str, Any] = {"true": True, "false": False, "nil": None, "null": None}


def lookup(context: RenderContext, path: str) -> Any:
    """``context[variable]`` of Ruby Liquid: a literal (``2``, ``1.5``, ``true``) or a dotted path with
    ``[0]`` indexes, ``nil`` when missing."""
    if path in _LITERALS:
        return _LITERALS[path]
    if re.fullmatch(r"-?\d+", path):
        return int(path)
    if re.fullmatch(r"-?\d+\.\d+", path):
        return float(path)
    parts: list[object] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        parts.append(int(index) if index else name)
    if not parts:
        return None
    value = context.get(parts, token=None, default=None)
    return value


def _render_inline(context: RenderContext, source: str) -> str:
    env = _env(context)
    template = env.inline_template(source)
    buf = StringIO()
    template.render_with_context(context, buf, partial=True)
    return buf.getvalue()


class IncludeNode(Node):
    """``{% include file.ext param="value" %}``: the file from ``_includes``, params as ``include.*``."""

    __slots__ = ("file", "params", "relative")

    def __init__(self, token: Token, file: str, params: str | None, relative: bool) -> None:
        super().__init__(token)
        self.file = file
        self.params = params
        self.relative = relative
        self.blank = False

    def __str__(self) -> str:
        return f"{{% include {self.file} {self.params or ''} %}}"

    def _params(self, context: RenderContext) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for m in VALID_SYNTAX.finditer(self.params or ""):
            key, dq, sq, var = m.groups()
            if dq is not None:
                out[key] = dq.replace('\\"', '"')
            elif sq is not None:
                out[key] = sq.replace("\\'", "'")
            else:
                out[key] = lookup(context, var)
        return out

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        file = _render_inline(context, self.file) if VARIABLE_SYNTAX.match(self.file) else self.file
        file = file.strip()
        if INVALID_SEQUENCES.search(file) or not VALID_FILENAME_CHARS.match(file):
            raise LiquidError(
                f"invalid file name for the include tag: {file!r} (letters, digits and / . - ( ) + ~ # @ only, no '..')",
                token=self.token,
            )
        template = env.include_template(file, relative=self.relative, token=self.token)
        scope = context.extend({"include": self._params(context)}) if self.params else nullcontext()
        with scope:
            template.render_with_context(context, buffer, partial=True)
        return True


class IncludeTag(Tag):
    name = sys.intern("include")
    block = False
    relative = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        markup = markup.strip()
        matched = VARIABLE_SYNTAX.match(markup)
        if matched:
            file, params = matched.group("variable").strip(), matched.group("params").strip()
        else:
            pieces = markup.split(None, 1)
            file = pieces[0] if pieces else ""
            params = pieces[1] if len(pieces) > 1 else ""
        if not file:
            raise LiquidSyntaxError(
                "the include tag needs a file name: {% include file.ext param='value' %}", token=token
            )
        if params and not FULL_VALID_SYNTAX.match(params):
            raise LiquidSyntaxError(
                f"invalid parameters for the include tag: {params!r}; write {{% include file.ext param='value' %}}",
                token=token,
            )
        return IncludeNode(token, file, params or None, self.relative)


class IncludeRelativeTag(IncludeTag):
    name = sys.intern("include_relative")
    relative = True


class PostUrlNode(Node):
    __slots__ = ("name",)

    def __init__(self, token: Token, name: str) -> None:
        super().__init__(token)
        self.name = name

    def __str__(self) -> str:
        return f"{{% post_url {self.name} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        url = env.post_url(self.name)
        if url is None:
            raise LiquidError(
                f"post_url: no post matches '{self.name}'; write the post's file name without extension, "
                "e.g. {% post_url 2021-10-28-my-post %}",
                token=self.token,
            )
        buffer.write(relative_url_of(url, env.baseurl))
        return True


class PostUrlTag(Tag):
    name = sys.intern("post_url")
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        name = markup.strip()
        if not POST_NAME.match(name.lstrip("/")):
            raise LiquidSyntaxError(
                f"post_url: '{name}' does not contain a valid date and/or title (YYYY-MM-DD-title)", token=token
            )
        return PostUrlNode(token, name)


class LinkNode(Node):
    __slots__ = ("path",)

    def __init__(self, token: Token, path: str) -> None:
        super().__init__(token)
        self.path = path

    def __str__(self) -> str:
        return f"{{% link {self.path} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        rel = _render_inline(context, self.path) if "{" in self.path else self.path
        rel = rel.strip()
        url = env.link_url(rel)
        if url is None:
            raise LiquidError(
                f"link: could not find the document '{rel}'; give its path from the site's root, "
                "e.g. {% link _posts/2021-10-28-my-post.md %}",
                token=self.token,
            )
        buffer.write(relative_url_of(url, env.baseurl))
        return True


class LinkTag(Tag):
    name = sys.intern("link")
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return LinkNode(token, " ".join(markup.split()))


class HighlightNode(Node):
    """Rouge's HTML as Jekyll wraps it; Pygments produces the same token classes."""

    __slots__ = ("lang", "linenos", "block")

    def __init__(self, token: Token, lang: str, linenos: bool, block: BlockNode) -> None:
        super().__init__(token)
        self.lang = lang
        self.linenos = linenos
        self.block = block

    def __str__(self) -> str:
        return f"{{% highlight {self.lang} %}}{self.block}{{% endhighlight %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        buf = StringIO()
        self.block.render(context, buf)
        code = re.sub(r"\A[\n\r]+|[\n\r]+\Z", "", buf.getvalue())
        body = highlight_html(code, self.lang, self.linenos)
        lang = html.escape(self.lang)
        figure = (
            f'<figure class="highlight"><pre><code class="language-{lang.replace("+", "-")}" data-lang="{lang}">'
            f"{body.rstrip(chr(10)) if not self.linenos else body}</code></pre></figure>"
        )
        buffer.write(_env(context).protect(figure))
        return True


def highlight_html(code: str, lang: str, linenos: bool) -> str:
    """Token spans for ``code`` (plain escaped text when the language is unknown)."""
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound

        try:
            lexer = get_lexer_by_name(lang, stripnl=False, ensurenl=True)
        except ClassNotFound:
            lexer = None
        if lexer is not None:
            spans = highlight(code, lexer, HtmlFormatter(nowrap=True))
        else:
            spans = html.escape(code, quote=False) + "\n"
    except ImportError:  # pragma: no cover - pygments is a dependency (pyproject.toml)
        spans = html.escape(code, quote=False) + "\n"
    spans = re.sub(r'<span class="w">(\s*)</span>', r"\1", spans)
    if not linenos:
        return spans
    count = code.count("\n") + 1
    numbers = "".join(f"{i}\n" for i in range(1, count + 1))
    return (
        '<table class="rouge-table"><tbody><tr><td class="gutter gl">'
        f'<pre class="lineno">{numbers}</pre></td><td class="code"><pre>{spans}</pre></td></tr></tbody></table>'
    )


_END_HIGHLIGHT = frozenset(("endhighlight", TOKEN_EOF))


class HighlightTag(Tag):
    name = sys.intern("highlight")
    end = sys.intern("endhighlight")
    block = True

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        m = HIGHLIGHT_SYNTAX.match(markup.strip())
        if not m:
            raise LiquidSyntaxError(
                f"highlight: cannot read {markup.strip()!r}; write {{% highlight <lang> [linenos] %}}", token=token
            )
        options = m.group(2) or ""
        linenos = bool(re.search(r"\blinenos\b", options))
        next(stream)
        block = get_parser(self.env).parse_block(stream, _END_HIGHLIGHT)
        stream.expect(TOKEN_TAG, value="endhighlight")
        return HighlightNode(token, m.group(1).lower(), linenos, block)


class GistNode(Node):
    """jekyll-gist's ``{% gist user/id [file] %}`` as a link to the gist: the plugin writes a
    ``<script>`` from gist.github.com, and polax never lets a post run a third-party script."""

    __slots__ = ("markup",)

    def __init__(self, token: Token, markup: str) -> None:
        super().__init__(token)
        self.markup = markup

    def __str__(self) -> str:
        return f"{{% gist {self.markup} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        markup = _render_inline(context, self.markup) if "{" in self.markup else self.markup
        parts = markup.split()
        if not parts or not re.fullmatch(r"[\w.-]+(/[\w.-]+)?", parts[0]):
            raise LiquidError(f"gist: cannot read {markup!r}; write {{% gist user/id [file] %}}", token=self.token)
        url = f"https://gist.github.com/{parts[0]}"
        if len(parts) > 1:
            url += "#file-" + re.sub(r"[^\w-]", "-", parts[1]).lower()
        label = html.escape(f"gist {parts[0]}" + (f" ({parts[1]})" if len(parts) > 1 else ""))
        buffer.write(f'<p class="gist"><a href="{html.escape(url)}">{label}</a></p>')
        return True


class GistTag(Tag):
    name = sys.intern("gist")
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return GistNode(token, markup.strip())


JEKYLL_TAGS: tuple[type[Tag], ...] = (IncludeTag, IncludeRelativeTag, PostUrlTag, LinkTag, HighlightTag, GistTag)


def post_name_matches(name: str, source: str) -> bool:
    """PostComparer: ``2021-10-28-slug`` (optionally ``dir/``) names ``_posts/[dir/]2021-10-28-slug.ext``."""
    m = POST_NAME.match(name.lstrip("/"))
    if not m:
        return False
    path, date, slug = m.group(1) or "", m.group(2), m.group(3)
    # '_posts/<path><date>-<slug>.<ext>' or '<path>_posts[/]<date>-<slug>.<ext>' at the start of the
    # source (an extension is one character or more, not a dot), compared as text: a regex made per
    # call would be compiled per call.
    base = f"{date}-{slug}."
    for prefix in (f"_posts/{path}", f"{path}_posts/", f"{path}_posts"):
        end = len(prefix) + len(base)
        if (
            source.startswith(base, len(prefix))
            and source.startswith(prefix)
            and source[end : end + 1] not in ("", ".")
        ):
            return True
    return False


def post_name_parts(name: str) -> tuple[str, str, str] | None:
    m = POST_NAME.match(name.lstrip("/"))
    if not m:
        return None
    return (m.group(1) or "").rstrip("/"), m.group(2), m.group(3)


__all__ = ["JEKYLL_TAGS", "highlight_html", "lookup", "post_name_matches", "post_name_parts"]
