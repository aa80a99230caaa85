"""Reading a Jekyll source tree: which files are posts, drafts, pages, collection documents or static
files, with their front matter, dates and URLs, the way Jekyll 4.3's Reader does it.

``read_site`` returns a :class:`Site`; nothing here writes anything.
"""

from __future__ import annotations

import copy
import datetime as dt
import fnmatch
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .dates import filename_date, parse_date
from .defaults import deep_merge, defaults_for
from .errors import JekyllError, Problem
from .frontmatter import decode, find_mojibake, has_front_matter, split_front_matter
from .permalink import (
    add_permalink_suffix,
    check_dest,
    check_url,
    fill_from_drop,
    fill_from_hash,
    sanitize_url,
    url_placeholders_for_document,
    url_to_dest,
)
from .slugify import slugify, titleize_slug

# Document::DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER
DATE_FILENAME = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")
HTML_EXTS = (".html", ".xhtml", ".htm")
# Extensions whose output extension Jekyll changes (its built-in converters and jekyll-sass-converter).
_CONVERTED = {".scss": ".css", ".sass": ".css", ".coffee": ".js"}


@dataclass
class Document:
    """A post, draft, page or collection document: front matter merged with defaults, and its URL."""

    kind: str  # "post", "page" or "doc" (a document of another collection)
    source: str  # path relative to the source folder, '/'-separated
    abs_path: Path
    collection: str | None
    data: dict[str, Any]
    body: str
    body_line: int
    ext: str
    output_ext: str
    is_markdown: bool
    date: dt.datetime | None = None
    url: str = ""
    dest: str = ""
    draft: bool = False
    has_front_matter: bool = True
    mojibake_lines: list[int] = field(default_factory=list)

    @property
    def basename_without_ext(self) -> str:
        return posixpath.splitext(posixpath.basename(self.source))[0]

    @property
    def id(self) -> str:
        """Jekyll's ``post.id``: the URL's folder joined with the slug (feed entry ids use it)."""
        slug = self.data.get("slug") or self.basename_without_ext
        # Ruby's File.dirname ignores a trailing slash: '/news/x/' -> '/news'.
        return posixpath.join(posixpath.dirname(self.url.rstrip("/") or "/"), str(slug))

    @property
    def is_html(self) -> bool:
        return self.output_ext in HTML_EXTS

    @property
    def title(self) -> str:
        value = self.data.get("title")
        return "" if value is None else str(value)


@dataclass
class StaticFile:
    """A file copied as it is (no front matter): ``dest`` is where Jekyll copies it."""

    source: str
    abs_path: Path
    dest: str


@dataclass
class Site:
    """Everything Jekyll would write for one source tree."""

    source: Path
    config: SiteConfig
    posts: list[Document] = field(default_factory=list)  # oldest first, as Jekyll sorts them
    pages: list[Document] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # other collections with output: true
    static_files: list[StaticFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=lambda: {"drafts": 0, "future": 0, "unpublished": 0})

    def outputs(self) -> Iterable[Document | StaticFile]:
        """In Jekyll's write order (pages, static files, documents): the last one to a path wins."""
        yield from self.pages
        yield from self.static_files
        yield from self.documents
        yield from self.posts


# front matter, body, the body's first line, whether there was front matter, lines with mojibake
Loaded = tuple[dict[str, Any], str, int, bool, list[int]]
# path -> ((mtime, size, encoding), what was read, the problems found in it)
LoadCache = dict[str, tuple[tuple[int, int, str], Loaded, list[Problem]]]


class Reader:
    """Jekyll's Reader, EntryFilter, PostReader and CollectionReader in one small class."""

    def __init__(
        self,
        source: Path,
        config: SiteConfig,
        *,
        now: dt.datetime | None = None,
        drafts: bool | None = None,
        future: bool | None = None,
        extra_exclude: Iterable[str] = (),
    ) -> None:
        self.source = source
        self.config = config
        self.now = now or dt.datetime.now(dt.timezone.utc)
        self.drafts = config.show_drafts if drafts is None else drafts
        self.future = config.future if future is None else future
        self.extra_exclude = [e.strip("/") for e in extra_exclude if e.strip("/")]
        self.site = Site(source=source, config=config)
        self._all_paths: list[str] | None = None
        self.cache: LoadCache | None = None

    # -- filtering -----------------------------------------------------------------------------
    def _glob_include(self, patterns: Iterable[str], rel: str, is_dir: bool) -> bool:
        for pattern in patterns:
            pat = pattern.lstrip("/")
            if fnmatch.fnmatchcase(rel, pat) or rel.startswith(pat) or (is_dir and pat == rel + "/"):
                return True
        return False

    def _included(self, rel: str, is_dir: bool) -> bool:
        inc = self.config.include
        return self._glob_include(inc, rel, is_dir) or self._glob_include(inc, posixpath.basename(rel), is_dir)

    def _keep(self, rel: str, abs_path: Path) -> bool:
        """EntryFilter#filter for one entry (``rel`` relative to the source)."""
        name = posixpath.basename(rel)
        if name.endswith("."):
            return False
        if any(rel == e or rel.startswith(e + "/") for e in self.extra_exclude):
            return False
        is_dir = abs_path.is_dir()
        included = self._included(rel, is_dir)
        excluded = self._glob_include([e for e in self.config.exclude if e not in self.config.include], rel, is_dir)
        if excluded and not included:
            return False
        if abs_path.is_symlink() and not self._symlink_inside(rel, abs_path):
            return False
        if included:
            return True
        return not (name[:1] in "._#~" or name.endswith("~"))

    def _symlink_inside(self, rel: str, abs_path: Path) -> bool:
        target = Path(os.path.realpath(abs_path))
        root = Path(os.path.realpath(self.source))
        if target == root or root in target.parents:
            parent = Path(os.path.realpath(abs_path.parent))
            if not (abs_path.is_dir() and (target == parent or target in parent.parents)):
                return True
            # A link to a folder above it would be read again and again (Jekyll loops until ELOOP).
            message = f"is a symbolic link to {target}, a folder that holds it (a loop); it is skipped. Remove the link"
        else:
            message = (
                f"is a symbolic link to {target}, outside the site source; it is skipped (as Jekyll does in safe mode)"
            )
        problem = Problem(rel, message)
        if problem not in self.site.problems:
            self.site.problems.append(problem)
        return False

    def _entries(self, rel_dir: str) -> list[str]:
        base = self.source / rel_dir if rel_dir else self.source
        try:
            names = sorted(os.listdir(base))
        except OSError:
            return []
        return [posixpath.join(rel_dir, n) if rel_dir else n for n in names]

    def _walk_files(self, rel_dir: str) -> list[str]:
        """Every file below ``rel_dir`` that the filter keeps (``get_entries``)."""
        out: list[str] = []
        for rel in self._entries(rel_dir):
            path = self.source / rel
            if not self._keep(rel, path):
                continue
            if path.is_dir():
                out.extend(self._walk_files(rel))
            elif path.is_file():
                out.append(rel)
        return out

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> Site:
        self._read_directory("")
        self._read_collections()
        self.site.posts.sort(key=lambda d: (d.date or self.now, d.source))
        self.site.pages.sort(key=lambda d: posixpath.basename(d.source))
        self.site.static_files.sort(key=lambda s: s.source)
        return self.site

    def _read_directory(self, rel_dir: str) -> None:
        subdirs: list[str] = []
        pages: list[str] = []
        statics: list[str] = []
        for rel in self._entries(rel_dir):
            path = self.source / rel
            if not self._keep(rel, path):
                continue
            if path.is_dir():
                subdirs.append(rel)
            elif path.is_file():
                with open(path, "rb") as fh:
                    head = fh.read(64)
                (pages if has_front_matter(head) else statics).append(rel)
        self._read_posts(rel_dir)
        for sub in subdirs:
            self._read_directory(sub)
        for rel in pages:
            self._read_page(rel)
        for rel in statics:
            self.site.static_files.append(StaticFile(rel, self.source / rel, rel))

    def _special_files(self, rel_dir: str, special: str) -> list[str]:
        base_rel = posixpath.join(rel_dir, special) if rel_dir else special
        base = self.source / base_rel
        if not base.is_dir():
            return []
        if base.is_symlink() and not self._symlink_inside(base_rel, base):
            return []
        return sorted(self._walk_special(base_rel, ""))

    def _walk_special(self, base_rel: str, inner: str) -> list[str]:
        out: list[str] = []
        for rel in self._entries(posixpath.join(base_rel, inner) if inner else base_rel):
            path = self.source / rel
            name = posixpath.basename(rel)
            special = name.endswith(".") or name[:1] in "._#~" or name.endswith("~")
            if special and not self._included(rel, path.is_dir()):
                continue
            if self._glob_include([e for e in self.config.exclude if e not in self.config.include], rel, path.is_dir()):
                continue
            if path.is_symlink() and not self._symlink_inside(rel, path):
                continue
            if path.is_dir():
                out.extend(self._walk_special(base_rel, posixpath.relpath(rel, base_rel)))
            elif path.is_file():
                out.append(rel)
        return out

    def _read_posts(self, rel_dir: str) -> None:
        cdir = self.config.collections_dir
        if cdir and not (rel_dir + "/").startswith(cdir + "/"):
            return
        for rel in self._special_files(rel_dir, "_posts"):
            inner = posixpath.relpath(rel, posixpath.join(rel_dir, "_posts") if rel_dir else "_posts")
            if DATE_FILENAME.match(inner):
                self._read_document(rel, "posts", special="_posts")
        for rel in self._special_files(rel_dir, "_drafts"):
            inner = posixpath.relpath(rel, posixpath.join(rel_dir, "_drafts") if rel_dir else "_drafts")
            if DATELESS_FILENAME.match(inner):
                if self.drafts:
                    self._read_document(rel, "posts", special="_drafts", draft=True)
                else:
                    self.site.skipped["drafts"] += 1

    def _read_collections(self) -> None:
        for label, coll in self.config.collections.items():
            if label == "posts":
                continue
            cdir = self.config.collections_dir
            rel_dir = posixpath.join(cdir, "_" + label) if cdir else "_" + label
            if not (self.source / rel_dir).is_dir():
                continue
            for rel in self._walk_special(rel_dir, ""):
                path = self.source / rel
                with open(path, "rb") as fh:
                    head = fh.read(64)
                if has_front_matter(head):
                    if coll.output:
                        self._read_document(rel, label, special="_" + label)
                elif coll.output:
                    dest = self._collection_static_dest(rel, rel_dir, label, coll.permalink)
                    self.site.static_files.append(StaticFile(rel, path, dest))

    def _collection_static_dest(self, rel: str, rel_dir: str, label: str, permalink: str | None) -> str:
        """StaticFile#url in a collection: the collection's template with the file's path and ext."""
        inner = "/" + posixpath.relpath(rel, rel_dir)
        stem, ext = posixpath.splitext(inner)
        template = permalink or "/:collection/:path:output_ext"
        url = fill_from_hash(template, {"collection": label, "path": stem, "output_ext": ""})
        url = url.rstrip("/") if url.endswith("/") else url
        return sanitize_url(url + ext).lstrip("/")

    def _all_scope_paths(self) -> list[str]:
        if self._all_paths is None:
            paths: list[str] = []
            for root, dirs, files in os.walk(self.source):
                rel_root = os.path.relpath(root, self.source)
                rel_root = "" if rel_root == "." else Path(rel_root).as_posix()
                dirs[:] = [d for d in dirs if d not in (".git", "node_modules")]
                for n in dirs + files:
                    paths.append(posixpath.join(rel_root, n) if rel_root else n)
            self._all_paths = paths
        return self._all_paths

    def _defaults(self, rel: str, kind: str) -> dict[str, Any]:
        sets = self.config.defaults
        if not sets:
            return {}
        needs_glob = any("*" in str(s["scope"].get("path", "")) for s in sets)
        return defaults_for(
            sets, rel, kind, self.config.collections_dir, self._all_scope_paths() if needs_glob else None
        )

    def _load(self, rel: str) -> Loaded | None:
        """Decode and split one file; problems are recorded, ``None`` when it cannot be used at all."""
        if self.cache is None:
            return self._read(rel)
        try:
            stat = (self.source / rel).stat()
        except OSError:
            return self._read(rel)
        key = (stat.st_mtime_ns, stat.st_size, self.config.encoding)
        hit = self.cache.get(rel)
        if hit is not None and hit[0] == key:
            loaded, problems = hit[1], hit[2]
            self.site.problems.extend(problems)
        else:
            before = len(self.site.problems)
            found = self._read(rel)
            if found is None:
                self.cache.pop(rel, None)
                return None
            loaded, problems = found, self.site.problems[before:]
            self.cache[rel] = (key, copy.deepcopy(loaded), list(problems))
            return found
        data, body, body_line, has_fm, mojibake = loaded
        return copy.deepcopy(data), body, body_line, has_fm, list(mojibake)

    def _read(self, rel: str) -> Loaded | None:
        path = self.source / rel
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.site.problems.append(Problem(rel, f"cannot be read: {exc.strerror}"))
            return None
        try:
            src = decode(raw, self.config.encoding)
        except JekyllError as exc:
            raise exc
        for w in src.warnings:
            self.site.problems.append(Problem(rel, w))
        mojibake = find_mojibake(src.text)
        try:
            parsed = split_front_matter(src.text, rel)
        except JekyllError as exc:
            self.site.problems.append(Problem(rel, exc.detail + "; the front matter is ignored until it is fixed"))
            text = src.text
            m = re.match(r"\A---\s*\n.*?^(?:---|\.\.\.)\s*$\n?", text, re.S | re.M)
            body = text[m.end() :] if m else text
            return {}, body, (text[: m.end()].count("\n") + 1 if m else 1), True, mojibake
        for w in parsed.warnings:
            self.site.problems.append(Problem(rel, w))
        return parsed.data, parsed.body, parsed.body_line, parsed.has_front_matter, mojibake

    def _output_ext(self, ext: str) -> tuple[str, bool]:
        if ext.lower() in self.config.markdown_ext:
            return ".html", True
        return _CONVERTED.get(ext, ext), False

    def _read_document(self, rel: str, label: str, *, special: str, draft: bool = False) -> None:
        loaded = self._load(rel)
        if loaded is None:
            return
        front, body, body_line, has_fm, mojibake = loaded
        front = self._checked_types(rel, front)
        ext = posixpath.splitext(rel)[1]
        output_ext, is_md = self._output_ext(ext)
        kind = "post" if label == "posts" else "doc"
        if kind == "post" and not front and not body.strip():
            self.site.problems.append(
                Problem(rel, "is empty; it is published as an empty post, as Jekyll does. Write the post or delete it")
            )
        doc = Document(
            kind,
            rel,
            self.source / rel,
            label,
            {},
            body,
            body_line,
            ext,
            output_ext,
            is_md,
            draft=draft,
            has_front_matter=has_fm,
            mojibake_lines=mojibake,
        )
        # Document#initialize: folders above the collection folder are categories.
        idx = rel.find(special)
        superdirs = [c for c in rel[:idx].split("/") if c and c != special] if idx > 0 else []
        data: dict[str, Any] = {"categories": superdirs}
        data = _merge_data(data, self._defaults(rel, label))
        data = _merge_data(data, front)
        self._populate(doc, data, front)
        if doc.date is None and kind == "post":
            return
        if not self._publishable(doc):
            return
        template = self._document_template(label)
        self._set_url(doc, template, page=False)
        if doc.url:
            (self.site.posts if kind == "post" else self.site.documents).append(doc)

    def _checked_types(self, rel: str, front: dict[str, Any]) -> dict[str, Any]:
        """Front-matter values no Jekyll theme can use (a mapping as a title or as tags): warned and dropped."""
        bad: dict[str, str] = {}
        for key in ("title", "slug"):
            if isinstance(front.get(key), (dict, list)):
                bad[key] = f'must be text, not a {_kind(front[key])}; it is ignored. Quote it: {key}: "..."'
        for key in ("category", "categories", "tag", "tags"):
            value = front.get(key)
            items = value if isinstance(value, list) else [value]
            if any(isinstance(item, dict) for item in items):
                bad[key] = f"must be a name or a list of names, not a mapping; it is ignored. Write {key}: [a, b]"
        if not bad:
            return front
        for key, message in bad.items():
            self.site.problems.append(Problem(rel, message, key=key))
        return {k: v for k, v in front.items() if k not in bad}

    def _populate(self, doc: Document, data: dict[str, Any], front: dict[str, Any]) -> None:
        """Document#read_post_data: date and slug from the file name, title, categories, tags."""
        rel = doc.source
        tz = self.config.timezone
        inner = rel.split("/")[-1]
        m = DATE_FILENAME.match(inner) if not doc.draft else None
        slug: str
        file_date: dt.datetime | None = None
        if m:
            date_text, slug, _ext = m.groups()
            try:
                file_date, rolled = filename_date(date_text, tz)
                if rolled:
                    self.site.problems.append(
                        Problem(
                            rel,
                            f"the date {date_text!r} in the file name does not exist; Jekyll reads it as "
                            f"{file_date:%Y-%m-%d}. Rename the file",
                        )
                    )
            except (ValueError, OverflowError):
                self.site.problems.append(
                    Problem(rel, f"the date {date_text!r} in the file name is not a date; rename the file")
                )
        else:
            dm = DATELESS_FILENAME.match(inner)
            slug = dm.group(1) if dm else doc.basename_without_ext
        slug = slug.rstrip(".")
        date: dt.datetime | None = None
        if (
            "date" in data
            and data["date"] is not None
            and not (isinstance(data["date"], str) and not data["date"].strip())
        ):
            try:
                date, rolled = parse_date(data["date"], tz)
                if rolled:
                    self.site.problems.append(
                        Problem(
                            rel,
                            f"the date {data['date']!r} does not exist; it is read as {date:%Y-%m-%d} "
                            "as Jekyll does. Correct the date",
                            key="date",
                        )
                    )
            except (ValueError, OverflowError):
                fallback = "the date in the file name" if file_date else "the file's modification time"
                self.site.problems.append(
                    Problem(
                        rel,
                        f"{data['date']!r} is not a date; {fallback} is used. Write it as YYYY-MM-DD "
                        "or 'YYYY-MM-DD HH:MM:SS +0000'",
                        key="date",
                    )
                )
        if date is None:
            date = file_date
        if date is None and doc.kind == "post":
            mtime = dt.datetime.fromtimestamp(doc.abs_path.stat().st_mtime, dt.timezone.utc)
            date = mtime.astimezone(tz)
        if date is None and doc.kind == "post":
            return
        doc.date = date
        if date is not None:
            data["date"] = date
        if data.get("title") is None:
            data["title"] = titleize_slug(slug)
        if data.get("slug") is None:
            data["slug"] = slug
        data.setdefault("ext", doc.ext)
        # populate_categories / populate_tags
        cats = _as_list(data.get("categories"), split=True)
        cats += _pluralized(data, "category", "categories")
        data["categories"] = list(dict.fromkeys(str(c) for c in _flatten(cats) if c is not None))
        data["tags"] = [t for t in _flatten(_pluralized(data, "tag", "tags")) if t is not None]
        doc.data = data

    def _publishable(self, doc: Document) -> bool:
        published = doc.data.get("published", True)
        if isinstance(published, str):
            self.site.problems.append(
                Problem(
                    doc.source,
                    f"published is the string {published!r}; Jekyll treats any string as true, so "
                    "the page is published. Write published: false (no quotes) to hide it",
                    key="published",
                )
            )
        if not published and not self.config.unpublished:
            self.site.skipped["unpublished"] += 1
            return False
        if doc.date is not None and not self.future and doc.date > self.now:
            self.site.skipped["future"] += 1
            return False
        return True

    def _document_template(self, label: str) -> str:
        coll = self.config.collections.get(label)
        if label == "posts":
            return self.config.post_template
        if coll and coll.permalink:
            return coll.permalink
        return add_permalink_suffix("/:collection/:path", self.config.permalink)

    def _permalink(self, doc: Document) -> str | None:
        value = doc.data.get("permalink")
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.site.errors.append(
                Problem(
                    doc.source,
                    f"must be a string such as '/blog/my-post/', not {type(value).__name__} {value!r}",
                    key="permalink",
                )
            )
            return None
        if "?" in value or "#" in value:
            self.site.problems.append(
                Problem(
                    doc.source,
                    f"{value!r} holds '?' or '#': browsers read what follows as a query or a fragment, so the page "
                    "cannot be reached at that URL. Remove them",
                    key="permalink",
                )
            )
        return value

    def _set_url(self, doc: Document, template: str, *, page: bool) -> None:
        try:
            permalink = self._permalink(doc)
            if permalink is not None:
                check_url(permalink, doc.source)
            if page:
                stem = posixpath.splitext(posixpath.basename(doc.source))[0].rstrip(".")
                rel_dir = posixpath.dirname(doc.source)
                placeholders: dict[str, str | None] = {
                    "path": "/" + rel_dir if rel_dir else "",
                    "basename": stem,
                    "output_ext": doc.output_ext,
                }
                url = fill_from_hash(permalink if permalink is not None else template, placeholders)
            else:
                coll_dir = posixpath.dirname(doc.source) if doc.kind == "post" else None
                cleaned = self._cleaned_relative_path(doc, coll_dir)
                drop = url_placeholders_for_document(
                    date=doc.date or self.now,
                    slug=doc.data.get("slug"),
                    basename_without_ext=doc.basename_without_ext,
                    categories=list(doc.data.get("categories") or []),
                    collection=doc.collection or "posts",
                    cleaned_relative_path=cleaned,
                    output_ext=doc.output_ext,
                    slugify=slugify,
                )
                url = fill_from_drop(permalink if permalink is not None else template, drop, doc.source)
            url = sanitize_url(url)
            check_url(url, doc.source)
            doc.url = url
            doc.dest = check_dest(url_to_dest(url, doc.output_ext, page=page), doc.source)
        except JekyllError as exc:
            self.site.errors.append(Problem(doc.source, exc.detail, key=exc.key))
            doc.url = ""

    def _cleaned_relative_path(self, doc: Document, _coll_dir: str | None) -> str:
        """Document#cleaned_relative_path: without extension, collection folder and trailing dots."""
        rel = doc.source
        stem = rel[: -len(doc.ext)] if doc.ext else rel
        special = "_drafts" if doc.draft else "_" + (doc.collection or "posts")
        cdir = self.config.collections_dir
        rel_dir = posixpath.join(cdir, special) if cdir else special
        stem = stem.replace(rel_dir, "", 1)
        return stem.rstrip(".")

    def _read_page(self, rel: str) -> None:
        loaded = self._load(rel)
        if loaded is None:
            return
        front, body, body_line, has_fm, mojibake = loaded
        front = self._checked_types(rel, front)
        ext = posixpath.splitext(rel)[1]
        output_ext, is_md = self._output_ext(ext)
        doc = Document(
            "page",
            rel,
            self.source / rel,
            None,
            {},
            body,
            body_line,
            ext,
            output_ext,
            is_md,
            has_front_matter=has_fm,
            mojibake_lines=mojibake,
        )
        doc.data = _merge_data(self._defaults(rel, "pages"), front)
        if "date" in doc.data and doc.data["date"] is not None:
            try:
                doc.date, _ = parse_date(doc.data["date"], self.config.timezone)
                doc.data["date"] = doc.date
            except (ValueError, OverflowError):
                self.site.problems.append(
                    Problem(
                        rel, f"{doc.data['date']!r} is not a date; it is ignored. Write it as YYYY-MM-DD", key="date"
                    )
                )
        if not self._publishable_page(doc):
            return
        stem = posixpath.splitext(posixpath.basename(rel))[0].rstrip(".")
        if output_ext not in HTML_EXTS:
            template = "/:path/:basename:output_ext"
        elif stem == "index":
            template = "/:path/"
        else:
            template = add_permalink_suffix("/:path/:basename", self.config.permalink)
        self._set_url(doc, template, page=True)
        if doc.url:
            self.site.pages.append(doc)

    def _publishable_page(self, doc: Document) -> bool:
        published = doc.data.get("published", True)
        if not published and not self.config.unpublished:
            self.site.skipped["unpublished"] += 1
            return False
        return True


def _kind(value: Any) -> str:
    return "mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else type(value).__name__


def _as_list(value: Any, split: bool) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split() if split else [value]
    if isinstance(value, list):
        return list(value)
    return [value]


def _flatten(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


def _pluralized(data: dict[str, Any], singular: str, plural: str) -> list[Any]:
    """Utils.pluralized_array_from_hash: the singular key as one value, else the plural key split."""
    if singular in data and data[singular] is not None:
        return _flatten([data[singular]])
    if plural in data:
        value = data[plural]
        if isinstance(value, str):
            return value.split()
        if isinstance(value, list):
            return [v for v in value if v is not None]
    return []


def _merge_data(data: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """Document#merge_data!: a string of categories is split; categories are a union, path ones first."""
    other = dict(other)
    if other.get("categories") is not None:
        if isinstance(other["categories"], str):
            other["categories"] = other["categories"].split()
        if isinstance(data.get("categories"), list) and isinstance(other["categories"], list):
            other["categories"] = _unique(_flatten(list(data["categories"]) + list(other["categories"])))
    return deep_merge(data, other)


def _unique(items: list[Any]) -> list[Any]:
    """Items in order, each once; a mapping (which cannot be a dict key) is compared by its text."""
    seen: set[Any] = set()
    out: list[Any] = []
    for item in items:
        key = repr(item) if isinstance(item, (dict, set)) else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def symlink_loops(source: Path) -> list[str]:
    """Links to a folder that holds them (``loop -> .``): MkDocs' own walk of ``docs_dir`` follows them
    without end (two such links take it exponentially long), so they must go before the build starts."""
    loops: list[str] = []
    for root, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if d not in (".git", "node_modules")]
        here = Path(os.path.realpath(root))
        for name in dirs + files:
            path = Path(root, name)
            if path.is_symlink() and path.is_dir():
                target = Path(os.path.realpath(path))
                if target == here or target in here.parents:
                    loops.append(path.relative_to(source).as_posix())
    return sorted(loops)


def read_site(
    source: Path,
    config: SiteConfig,
    *,
    now: dt.datetime | None = None,
    drafts: bool | None = None,
    future: bool | None = None,
    extra_exclude: Iterable[str] = (),
    cache: LoadCache | None = None,
) -> Site:
    """Read ``source`` as Jekyll would and resolve which file wins each output path. ``cache`` (kept
    across ``mkdocs serve``'s rebuilds): files whose size and modification time are unchanged are not
    decoded and parsed again."""
    reader = Reader(source, config, now=now, drafts=drafts, future=future, extra_exclude=extra_exclude)
    reader.cache = cache
    site = reader.read()
    resolve_conflicts(site)
    return site


def resolve_conflicts(site: Site) -> None:
    """Two sources, one output: Jekyll writes both and the last one wins; we keep only the winner."""
    winners: dict[str, Document | StaticFile] = {}
    for item in site.outputs():
        key = item.dest
        prev = winners.get(key)
        if prev is not None:
            site.problems.append(
                Problem(
                    item.source,
                    f"writes {item.dest}, as {prev.source} does; {item.source} wins (as in Jekyll). "
                    "Give one of them another permalink",
                )
            )
        winners[key] = item
    keep = {id(v) for v in winners.values()}
    site.pages = [d for d in site.pages if id(d) in keep]
    site.posts = [d for d in site.posts if id(d) in keep]
    site.documents = [d for d in site.documents if id(d) in keep]
    site.static_files = [s for s in site.static_files if id(s) in keep]
