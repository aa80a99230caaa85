"""What a Jekyll template sees: ``site``, ``page`` (a post, page or collection document) and ``paginator``.

Drops are read-only mappings built once per build. Everything expensive is lazy: a post's ``content``
is asked of a callback (the HTML MkDocs rendered, once it has), ``site.data`` is read on first use.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from ..jekyll.errors import JekyllError, Problem
from ..jekyll.frontmatter import decode, load_yaml
from ..jekyll.site import Document, Site, StaticFile


class LiquidTime(dt.datetime):
    """A datetime printed as Ruby prints a Time: ``2021-03-04 05:06:07 +0100``."""

    def __str__(self) -> str:
        return self.strftime("%Y-%m-%d %H:%M:%S %z")

    @classmethod
    def of(cls, value: dt.datetime) -> LiquidTime:
        return cls(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            tzinfo=value.tzinfo,
            fold=value.fold,
        )


def to_liquid(value: Any) -> Any:
    """Front-matter values as Liquid sees them: dates print like Ruby's, nested values too."""
    if isinstance(value, LiquidTime):
        return value
    if isinstance(value, dt.datetime):
        return LiquidTime.of(value)
    if isinstance(value, dt.date):
        return LiquidTime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, list):
        return [to_liquid(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_liquid(v) for k, v in value.items()}
    return value


ContentOf = Callable[[Document], str]


def document_id(doc: Document) -> str:
    """Jekyll's ``Document#id``: ``File.join(File.dirname(url), slug)``; Ruby's ``dirname`` ignores a
    trailing slash (``/news/2021/nested/`` -> ``/news/2021``)."""
    url = doc.url.rstrip("/") or "/"
    slug = doc.data.get("slug") or doc.basename_without_ext
    return posixpath.join(posixpath.dirname(url), str(slug))


class DocumentDrop(Mapping[str, Any]):
    """``page`` / ``post``: every front-matter key plus Jekyll's derived ones."""

    def __init__(self, doc: Document, site: SiteDrop) -> None:
        self.doc = doc
        self._site = site

    def _derived(self) -> dict[str, Callable[[], Any]]:
        doc = self.doc
        return {
            "url": lambda: doc.url,
            "id": lambda: document_id(doc) if doc.kind != "page" else None,
            "path": lambda: doc.source,
            "relative_path": lambda: doc.source,
            "name": lambda: posixpath.basename(doc.source),
            "dir": lambda: posixpath.dirname(doc.url) + "/" if doc.kind == "page" else None,
            "collection": lambda: doc.collection,
            "content": lambda: self._site.content_of(doc),
            "excerpt": lambda: self._site.excerpt_of(doc),
            "output": lambda: None,
            "draft": lambda: doc.draft if doc.kind == "post" else None,
            "next": lambda: self._site.neighbour(doc, +1),
            "previous": lambda: self._site.neighbour(doc, -1),
            "date": lambda: to_liquid(doc.data.get("date") or doc.date),
        }

    @cached_property
    def _getters(self) -> dict[str, Callable[[], Any]]:
        return self._derived()

    def __getitem__(self, key: str) -> Any:
        if key in ("content", "excerpt", "next", "previous"):
            return self._getters[key]()
        data = self.doc.data
        if key in data and key not in ("date",):
            return to_liquid(data[key])
        getter = self._getters.get(key)
        if getter is None:
            raise KeyError(key)
        return getter()

    def __iter__(self) -> Iterator[str]:
        seen = set(self.doc.data)
        yield from self.doc.data
        yield from (k for k in self._getters if k not in seen)

    def __len__(self) -> int:
        return len(set(self.doc.data) | set(self._getters))

    def __str__(self) -> str:
        return self._site.content_of(self.doc)

    def __hash__(self) -> int:
        return id(self.doc)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentDrop) and other.doc is self.doc


class StaticFileDrop(Mapping[str, Any]):
    """``site.static_files[]``: path (with its leading ``/``), name, basename, extname, collection."""

    def __init__(self, item: StaticFile, source: Path) -> None:
        rel = "/" + item.source
        stem, ext = posixpath.splitext(posixpath.basename(item.source))
        self._data: dict[str, Any] = {
            "path": rel,
            "relative_path": rel,
            "url": "/" + item.dest,
            "name": posixpath.basename(item.source),
            "basename": stem,
            "extname": ext,
            "collection": None,
        }
        self.abs_path = source / item.source

    def __getitem__(self, key: str) -> Any:
        if key == "modified_time":
            return LiquidTime.fromtimestamp(self.abs_path.stat().st_mtime, dt.timezone.utc)
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._data, "modified_time"])

    def __len__(self) -> int:
        return len(self._data) + 1


def read_data_dir(folder: Path, problems: list[Problem], rel: str = "_data") -> dict[str, Any]:
    """``site.data``: every YAML, JSON, CSV and TSV file of ``_data/``, folders as nested mappings."""
    out: dict[str, Any] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith((".", "_", "#", "~")):
            continue
        here = f"{rel}/{name}"
        if path.is_dir():
            out[name] = read_data_dir(path, problems, here)
            continue
        stem, ext = posixpath.splitext(name)
        ext = ext.lower()
        if ext not in (".yml", ".yaml", ".json", ".csv", ".tsv"):
            continue
        try:
            text = decode(path.read_bytes()).text
            if ext in (".yml", ".yaml"):
                value, _ = load_yaml(text, here)
            elif ext == ".json":
                value = json.loads(text)
            else:
                value = list(csv.DictReader(io.StringIO(text), delimiter="\t" if ext == ".tsv" else ","))
        except JekyllError as exc:
            problems.append(Problem(here, exc.detail))
            continue
        except (ValueError, OSError, csv.Error) as exc:
            problems.append(Problem(here, f"cannot be read as {ext[1:].upper()}: {exc}; site.data.{stem} is empty"))
            continue
        out[stem] = to_liquid(value)
    return out


class SiteDrop(Mapping[str, Any]):
    """``site``: ``_config.yml``'s keys, the posts (newest first), pages, categories, tags, data,
    collections and time. Built once per build; ``content_of`` gives a document's rendered HTML."""

    def __init__(
        self,
        site: Site,
        *,
        content_of: ContentOf,
        excerpt_of: ContentOf,
        now: dt.datetime | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.site = site
        self.content_of = content_of
        self.excerpt_of = excerpt_of
        self.now = now or dt.datetime.now(site.config.timezone)
        self.problems = problems if problems is not None else []
        self.drops: dict[int, DocumentDrop] = {}
        self._getters: dict[str, Callable[[], Any]] = {
            "posts": lambda: self.posts,
            "pages": lambda: self.pages,
            "html_pages": lambda: [p for p in self.pages if p.doc.is_html],
            "documents": lambda: self.documents,
            "categories": lambda: self._grouped("categories"),
            "tags": lambda: self._grouped("tags"),
            "data": lambda: self.data,
            "time": lambda: LiquidTime.of(self.now),
            "collections": lambda: self.collections,
            "static_files": lambda: self.static_files,
            "related_posts": lambda: self.posts[:10],
        }

    def drop(self, doc: Document) -> DocumentDrop:
        found = self.drops.get(id(doc))
        if found is None:
            found = self.drops[id(doc)] = DocumentDrop(doc, self)
        return found

    @cached_property
    def config(self) -> dict[str, Any]:
        return to_liquid(self.site.config.raw)  # type: ignore[no-any-return]

    @cached_property
    def posts(self) -> list[DocumentDrop]:
        return [self.drop(d) for d in reversed(self.site.posts)]

    @cached_property
    def _post_index(self) -> dict[int, int]:
        return {id(d): i for i, d in enumerate(self.site.posts)}

    @cached_property
    def pages(self) -> list[DocumentDrop]:
        return [self.drop(d) for d in self.site.pages]

    @cached_property
    def documents(self) -> list[DocumentDrop]:
        return [self.drop(d) for d in [*self.site.documents, *self.site.posts]]

    @cached_property
    def static_files(self) -> list[StaticFileDrop]:
        return [StaticFileDrop(s, self.site.source) for s in self.site.static_files]

    @cached_property
    def data(self) -> dict[str, Any]:
        data_dir = str(self.site.config.raw.get("data_dir") or "_data")
        return read_data_dir(self.site.source / data_dir, self.problems, data_dir)

    @cached_property
    def collections(self) -> list[dict[str, Any]]:
        out = []
        labels = dict.fromkeys(["posts", *self.site.config.collections])
        for label in labels:
            coll = self.site.config.collections.get(label)
            docs = self.posts[::-1] if label == "posts" else self.collection_docs(label)
            meta = dict(coll.meta) if coll else {}
            meta.update(
                {
                    "label": label,
                    "docs": docs,
                    "files": [],
                    "output": coll.output if coll else label == "posts",
                    "permalink": coll.permalink if coll else None,
                    "directory": str(self.site.source / ("_" + label)),
                    "relative_directory": "_" + label,
                }
            )
            out.append(to_liquid(meta))
        return out

    def collection_docs(self, label: str) -> list[DocumentDrop]:
        return [self.drop(d) for d in self.site.documents if d.collection == label]

    def _grouped(self, key: str) -> dict[str, list[DocumentDrop]]:
        groups: dict[str, list[DocumentDrop]] = {}
        for doc in self.site.posts:
            for name in doc.data.get(key) or []:
                groups.setdefault(str(name), []).append(self.drop(doc))
        return {name: posts[::-1] for name, posts in groups.items()}

    def neighbour(self, doc: Document, step: int) -> DocumentDrop | None:
        """Jekyll's ``next`` (newer) and ``previous`` (older) post."""
        if doc.kind != "post":
            return None
        i = self._post_index.get(id(doc))
        if i is None:
            return None
        j = i + step
        return self.drop(self.site.posts[j]) if 0 <= j < len(self.site.posts) else None

    def __getitem__(self, key: str) -> Any:
        getter = self._getters.get(key)
        if getter is not None:
            return getter()
        if key in self.config:
            return self.config[key]
        if key in self.site.config.collections:
            return self.collection_docs(key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        yield from self._getters
        yield from (k for k in self.config if k not in self._getters)

    def __len__(self) -> int:
        return len(set(self._getters) | set(self.config))


class PaginatorDrop(Mapping[str, Any]):
    """jekyll-paginate's ``paginator`` for the first page of the blog index."""

    def __init__(self, posts: list[DocumentDrop], per_page: int, paginate_path: str) -> None:
        total_pages = max(1, -(-len(posts) // per_page))
        self._data: dict[str, Any] = {
            "page": 1,
            "per_page": per_page,
            "posts": posts[:per_page],
            "total_posts": len(posts),
            "total_pages": total_pages,
            "previous_page": None,
            "previous_page_path": None,
            "next_page": 2 if total_pages > 1 else None,
            "next_page_path": paginate_path.replace(":num", "2") if total_pages > 1 else None,
        }

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
