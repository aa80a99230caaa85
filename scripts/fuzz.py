"""Fuzz the front-matter mapper and the Liquid step with hypothesis (run by hand, never in CI).

    python scripts/fuzz.py                  # 100,000 inputs for each target
    python scripts/fuzz.py -n 2000 fm       # a quick look at one target

Targets:
- ``fm``: the bytes of a post or page -> decoding, front matter, dates, slug, categories, tags,
  permalink, output path (the Reader) -> the normalised ``Post`` (``make_post``).
  Allowed outcome: a Site (with problems/errors) or our own ``JekyllError``. Anything else is a crash;
  an output path outside the site folder is a crash too.
- ``liquid``: a body template and front matter -> ``JekyllLiquid.render``. Allowed: the rendered text
  and problems. A raised exception is a crash; a problem saying "could not render this file" (the
  engine's catch-all for an unexpected exception) is counted as a caught crash.

Inputs (built from a seed hypothesis draws) mix structured front matter (known keys, odd values), random text around Liquid and YAML
tokens, and byte-level mutations of the posts in ``../shared/corpora`` when present. Prints the
number of inputs, crashes by type with one example each, and the slowest input.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_polax.jekyll.config import build_config  # noqa: E402
from mkdocs_polax.jekyll.errors import JekyllError  # noqa: E402
from mkdocs_polax.jekyll.post import make_post  # noqa: E402
from mkdocs_polax.jekyll.site import Reader, resolve_conflicts  # noqa: E402
from mkdocs_polax.liquid import JekyllLiquid  # noqa: E402

KEYS = [
    "title", "date", "permalink", "slug", "categories", "category", "tags", "tag", "published", "layout",
    "author", "authors", "image", "post-image", "header", "description", "excerpt", "last_modified_at",
    "redirect_from", "redirect_to", "lang", "canonical_url", "render_with_liquid", "excerpt_separator",
]  # fmt: skip
TOKENS = [
    "---", "\n", ":", " ", "- ", "[", "]", "{", "}", "'", '"', "!!python/object", "!!binary", "!!set", "&a", "*a",
    "{{", "}}", "{%", "%}", "|", "..", "/", "\\", "%2e", "%00", "\t", "\r\n", "\ufeff", "\x00", "2021-02-30",
    "<script>", "javascript:", "endfor", "for x in", "if", "endif", "raw", "endraw", "include", "assign",
    "capture", "post_url", "link", "highlight", "site.posts", "page.title", "date:", "slugify", "times:",
]  # fmt: skip
LIQUID = [
    "{{ page.title }}", "{{ page.date | date: '%Y %b' }}", "{{ site.posts | size }}", "{% for p in site.posts %}",
    "{% endfor %}", "{% if page.tags contains 'a' %}", "{% endif %}", "{% raw %}", "{% endraw %}",
    "{{ 'x' | slugify: 'pretty' }}", "{% assign a = page.categories | join: '/' %}", "{{ a }}",
    "{% capture c %}", "{% endcapture %}", "{{ c | upcase }}", "{% highlight ruby %}", "{% endhighlight %}",
    "{% post_url 2021-01-01-seed %}", "{% link about.md %}", "{% include nothing.html %}",
    "{{ page.date | date_to_xmlschema }}", "{{ site.time | date: '%s' }}", "{{ page.content | size }}",
    "{{ page | jsonify }}", "{{ site.data | inspect }}", "{{ 5 | divided_by: 0 }}", "{{ 'a' | times: 'b' }}",
    "{% for i in (1..3) %}{{ i }}{% endfor %}", "{{ page.excerpt }}", "{% cycle 'a', 'b' %}", "{% unless x %}",
    "{% endunless %}", "{% case page.title %}{% when 'a' %}", "{% endcase %}", "{{ page.url | relative_url }}",
    "{{ page.url | absolute_url }}", "{{ site.tags | sort }}", "{{ page.title | xml_escape }}",
    "{{ nil.x.y }}", "{{ page.date | date: 5 }}", "{% tablerow x in site.posts %}{% endtablerow %}",
]  # fmt: skip


# -- inputs ------------------------------------------------------------------------------------------
# Hypothesis drives the run (one seed per input); the document is built from the seed by the plain
# generator below, which is about ten times faster than composing hypothesis strategies per value.
def _value(rnd: random.Random, depth: int = 0) -> Any:
    pick = rnd.random()
    if depth < 3 and pick < 0.12:
        return [_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    if depth < 3 and pick < 0.2:
        return {_text(rnd, 6): _value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))}
    kind = rnd.randint(0, 8)
    if kind == 0:
        return rnd.choice([None, True, False, 0, -1, 10**20, 1.5, float("nan"), float("inf")])
    if kind == 1:
        return dt.date(rnd.randint(1, 9999), rnd.randint(1, 12), rnd.randint(1, 28))
    if kind == 2:
        zone = dt.timezone(dt.timedelta(minutes=rnd.randint(-1439, 1439)))
        return dt.datetime(
            rnd.randint(1, 9999), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23), tzinfo=zone
        )
    if kind == 3:
        return f"{rnd.randint(-99, 99999)}-{rnd.randint(0, 99)}-{rnd.randint(0, 99)}" + rnd.choice(
            ["", " 10:00:00", " 25:61:61 +9999", "T01:02:03Z", " 10:00:00 -0800"]
        )
    if kind == 4:
        return "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(1, 6)))
    return _text(rnd, 40)


def _text(rnd: random.Random, size: int) -> str:
    alphabet = rnd.choice(
        [
            "abcxyz /.-_",
            "abc/..\\%2e:?#~",
            "".join(chr(c) for c in range(0x20, 0x7F)),
            "éü日本語\u202e\u200b\ufeff\x85\u2028 ",
            "".join(chr(rnd.randint(0, 0x10FFFF)) for _ in range(8))
            .encode("utf-8", "replace")
            .decode("utf-8", "replace"),
        ]
    )
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, size)))


def _dump(data: dict[str, Any]) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, default_flow_style=None)
    except (yaml.YAMLError, ValueError, TypeError):
        return repr(data)


def _seeds() -> list[bytes]:
    found = sorted((ROOT.parent / "shared" / "corpora").rglob("_posts/*.*"))[:200]
    return [p.read_bytes() for p in found] or [b"---\ntitle: Seed\ndate: 2021-01-01\n---\nSeed {{ page.title }}\n"]


SEEDS = _seeds()


def _mutated(rnd: random.Random) -> bytes:
    data = bytearray(rnd.choice(SEEDS))
    for _ in range(rnd.randint(1, 12)):
        op = rnd.random()
        pos = rnd.randint(0, len(data))
        if op < 0.4:
            data[pos:pos] = rnd.choice(TOKENS + LIQUID).encode("utf-8", "surrogatepass")
        elif op < 0.7 and data:
            del data[pos : pos + rnd.randint(1, 20)]
        elif data:
            data[min(pos, len(data) - 1)] = rnd.randint(0, 255)
    return bytes(data)


def make_document(seed: int) -> bytes:
    rnd = random.Random(seed)
    kind = rnd.randint(0, 3)
    if kind == 0:
        return _mutated(rnd)
    if kind == 1:
        return bytes(rnd.randint(0, 255) for _ in range(rnd.randint(0, 300)))
    if kind == 2:
        keys = rnd.sample(KEYS, rnd.randint(0, 8)) + [_text(rnd, 8) for _ in range(rnd.randint(0, 2))]
        head = _dump({k: _value(rnd) for k in keys})
    else:
        head = "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(0, 30)))
    body = "\n".join(rnd.choice(LIQUID + TOKENS) for _ in range(rnd.randint(0, 8)))
    encoding = rnd.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
    return f"---\n{head}\n---\n{body}\n".encode(encoding, errors="replace")


def document() -> st.SearchStrategy[bytes]:
    return st.integers(min_value=0, max_value=2**63).map(make_document)


# -- targets -----------------------------------------------------------------------------------------
SOURCE = Path(tempfile.mkdtemp(prefix="polax-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
CONFIG = build_config({"url": "https://example.com", "timezone": "America/Los_Angeles"})
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)


def _reader(files: dict[str, bytes]) -> Reader:
    for rel, raw in files.items():
        path = SOURCE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    return Reader(SOURCE, CONFIG, now=NOW, future=True)


def fm_target(raw: bytes) -> bool:
    reader = _reader({"_posts/2021-01-01-fuzz.md": raw, "page.md": raw})
    reader._read_document("_posts/2021-01-01-fuzz.md", "posts", special="_posts")
    reader._read_page("page.md")
    site = reader.site
    resolve_conflicts(site)
    for doc in [*site.posts, *site.pages]:
        dest = doc.dest
        # '..html' (permalink '.') is a file in the site; a '..' segment would not be.
        if not dest or dest.startswith("/") or ".." in dest.split("/") or "\\" in dest:
            raise AssertionError(f"output path outside the site: {dest!r}")
        make_post(doc, {}, [])
    return bool(site.problems or site.errors)


_LIQUID_SITE: dict[str, JekyllLiquid] = {}


def liquid_target(raw: bytes) -> bool:
    seed = b"---\ntitle: Seed\ncategories: [a]\ntags: [x]\n---\nSeed body\n"
    reader = _reader({"_posts/2021-01-01-seed.md": seed, "_posts/2021-01-02-fuzz.md": raw})
    reader._read_document("_posts/2021-01-01-seed.md", "posts", special="_posts")
    reader._read_document("_posts/2021-01-02-fuzz.md", "posts", special="_posts")
    site = reader.site
    liquid = JekyllLiquid(
        site,
        content_of=lambda d: d.body,
        excerpt_of=lambda d: d.body[:40],
        markdownify=lambda t: f"<p>{t}</p>",
        smartify=lambda t: t,
    )
    warned = False
    for doc in site.posts:
        out, problems = liquid.render(doc)
        for problem in [*problems, *liquid.problems]:
            if "could not render this file" in problem.message:
                raise CaughtCrash(problem.message)
        warned = warned or bool(problems or liquid.problems)
        assert isinstance(out, str)
    return warned


class CaughtCrash(Exception):
    """The Liquid engine's catch-all turned an unexpected exception into a warning."""


# -- the run -----------------------------------------------------------------------------------------
def run(name: str, target: Any, count: int) -> dict[str, Any]:
    stats: dict[str, Any] = {
        "inputs": 0,
        "warned": 0,
        "our_errors": 0,
        "crashes": collections.Counter(),
        "examples": {},
    }
    slowest = (0.0, b"")

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(document())
    def fuzz(raw: bytes) -> None:
        nonlocal slowest
        stats["inputs"] += 1
        start = time.perf_counter()
        try:
            stats["warned"] += bool(target(raw))
        except JekyllError:
            stats["our_errors"] += 1
        except Exception as exc:  # noqa: BLE001 - every other exception is what we count
            kind = f"{type(exc).__name__}: {str(exc)[:80]}"
            stats["crashes"][type(exc).__name__] += 1
            stats["examples"].setdefault(kind, (raw[:300], traceback.format_exc(limit=-3)))
        took = time.perf_counter() - start
        if took > slowest[0]:
            slowest = (took, raw[:200])
        if stats["inputs"] % 10_000 == 0:
            print(f"  {name}: {stats['inputs']} inputs, {sum(stats['crashes'].values())} crashes", flush=True)

    start = time.perf_counter()
    fuzz()
    stats["seconds"] = time.perf_counter() - start
    stats["slowest"] = slowest
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=100_000, help="inputs per target (default 100,000)")
    parser.add_argument("targets", nargs="*", default=[], help="fm, liquid (default: both)")
    args = parser.parse_args()
    targets = {"fm": fm_target, "liquid": liquid_target}
    failed = False
    for name in args.targets or ["fm", "liquid"]:
        stats = run(name, targets[name], args.n)
        crashes = sum(stats["crashes"].values())
        failed = failed or crashes > 0
        print(
            f"{name}: {stats['inputs']} inputs in {stats['seconds']:.0f} s; {stats['warned']} gave warnings/errors, "
            f"{stats['our_errors']} raised JekyllError; "
            f"{crashes} crashes {dict(stats['crashes'])}; slowest input {stats['slowest'][0] * 1000:.0f} ms"
        )
        for kind, (raw, tb) in stats["examples"].items():
            print(f"  {kind}\n    input: {raw!r}\n{tb}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
