"""Generate a seed-shaped Jekyll blog of N posts for the benchmark.

Each post has the seed's front matter (``layout``, ``title``, ``date``, ``description``,
``permalink: /blog/<slug>``, ``post-image``, ``post-img-alt``, ``category``, ``author``, ``tags``) and a
realistic body: headings, paragraphs with emphasis and inline code, lists, links (external, to the
about page, and ``{% post_url %}`` to an older post), inline images under ``{{ site.baseurl }}``, fenced
code, blockquotes and now and then a table. The tree is a real Jekyll site: ``_config.yml`` with
jekyll-feed, jekyll-seo-tag, jekyll-sitemap and jekyll-paginate, ``_data/authors.yml``, layouts, a
paginated ``index.html``, an about page and a few small PNG images. Output is deterministic for a
given ``(n, seed)``.

Usage: python benchmarks/generate.py N DEST
"""

from __future__ import annotations

import datetime as dt
import random
import re
import struct
import sys
import zlib
from pathlib import Path

_WORD_TEXT = (
    "time year people way day man thing woman life child world school state family student group country "
    "problem hand part place case week company system program question work government number night point "
    "home water room mother area money story fact month lot right study book eye job word business issue "
    "side kind head house service friend father power hour game line end member law car city community name "
    "president team minute idea kid body information back parent face others level office door health "
    "person art war history party result change morning reason research girl guy moment air teacher force "
    "education build deploy release cache server client request response latency thread queue index "
    "template render page layout theme plugin feature pattern design migrate refactor measure profile "
    "simple quick careful gentle modern classic early late small large open clear honest steady bright "
    "quiet rapid useful basic common general local global daily weekly static dynamic lazy eager strict "
    "write read learn teach explain show keep find give tell become leave feel bring begin hold turn "
    "follow stop create speak allow add spend grow offer remember love consider appear buy wait serve "
    "die send expect stay fall cut reach kill remain suggest raise pass sell require report decide pull"
)
# Real prose has apostrophes in most paragraphs (and smart quotes are work for the Markdown).
WORDS = _WORD_TEXT.split() + ["it's", "don't", "we're", "you'll", "isn't", "team's"]
CATEGORIES = (
    "Engineering",
    "Design",
    "Product",
    "Culture",
    "Business Tips",
    "Tutorials",
    "Release Notes",
    "Data",
    "Security",
    "Travel",
    "Cooking",
    "Photography",
)
_TAG_TEXT = (
    "python ruby jekyll mkdocs markdown css html javascript performance accessibility seo feeds "
    "testing ci docker linux git security privacy design typography images mobile writing editing "
    "interviews hiring remote teams roadmap pricing marketing analytics databases caching search "
    "cloud serverless kubernetes rust go"
)
TAGS = _TAG_TEXT.split()
AUTHORS = {
    "alice": ("Alice Martin", "Writes about the web platform and performance."),
    "bob": ("Bob Okafor", "Backend engineer; queues, caches and coffee."),
    "carla": ("Carla Jensen", "Designer who codes."),
    "dmitri": ("Dmitri Volkov", "Security and privacy."),
    "eva": ("Eva Lindqvist", "Product manager, ex-journalist."),
    "farid": ("Farid Haddad", "Data and analytics."),
    "grace": ("Grace Chen", "Photographer and traveller."),
    "hiro": ("Hiro Tanaka", "Release engineering."),
}
IMAGES = 12
CODE = {
    "python": 'def {name}(items: list[str]) -> dict[str, int]:\n    counts: dict[str, int] = {{}}\n    for item in items:\n        counts[item] = counts.get(item, 0) + 1\n    return counts\n\n\nprint({name}(["a", "b", "a"]))',
    "javascript": 'function {name}(items) {{\n  const counts = new Map();\n  for (const item of items) {{\n    counts.set(item, (counts.get(item) || 0) + 1);\n  }}\n  return counts;\n}}\nconsole.log({name}(["a", "b", "a"]));',
    "bash": '#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.md; do\n  echo "checking $f"\n  grep -c \'^## \' "$f" || true\ndone',
    "yaml": "title: {name}\npermalink: /blog/:title\nplugins:\n  - jekyll-feed\n  - jekyll-seo-tag\npaginate: 10",
}

CONFIG = """\
title: Polax Benchmark Blog
description: A generated blog shaped like a real one, for timing builds.
url: https://example.com
baseurl: ""
timezone: UTC
permalink: /blog/:title
paginate: 10
paginate_path: /page:num/
markdown: kramdown
author: Alice Martin
twitter:
  username: polaxbench
plugins:
  - jekyll-feed
  - jekyll-seo-tag
  - jekyll-sitemap
  - jekyll-paginate
exclude:
  - README.md
"""

LAYOUT_DEFAULT = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
{% seo %}
{% feed_meta %}
</head>
<body>
<header><a href="{{ '/' | relative_url }}">{{ site.title }}</a></header>
<main>{{ content }}</main>
</body>
</html>
"""

LAYOUT_POST = """\
---
layout: default
---
<article>
<h1>{{ page.title }}</h1>
<time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%B %-d, %Y" }}</time>
{% if page.post-image %}<img src="{{ page.post-image | relative_url }}" alt="{{ page.post-img-alt }}">{% endif %}
{{ content }}
</article>
"""

LAYOUT_PAGE = """\
---
layout: default
---
<article><h1>{{ page.title }}</h1>{{ content }}</article>
"""

INDEX = """\
---
layout: default
title: Home
---
{% for post in paginator.posts %}
<article>
<h2><a href="{{ post.url | relative_url }}">{{ post.title }}</a></h2>
<p>{{ post.excerpt | strip_html | truncatewords: 30 }}</p>
</article>
{% endfor %}
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">Older</a>{% endif %}
"""

ABOUT = """\
---
layout: page
title: About
permalink: /about/
---
This blog is generated for benchmarks. Its posts are shaped like a real blog's: headings, lists,
links, images and code, with categories, tags and authors.
"""


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _words(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(n)]


def _sentence(rng: random.Random) -> str:
    words = _words(rng, rng.randint(6, 18))
    i = rng.randrange(len(words))
    r = rng.random()
    if r < 0.15:
        words[i] = f"*{words[i]}*"
    elif r < 0.25:
        words[i] = f"**{words[i]}**"
    elif r < 0.33:
        words[i] = f"`{words[i]}()`"
    elif r < 0.40:
        words[i] = f'"{words[i]} {words[(i + 1) % len(words)]}"'
        del words[(i + 1) % len(words)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def _paragraph(rng: random.Random, links: list[str]) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(3, 6))]
    if links and rng.random() < 0.35:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(links))
    return " ".join(sentences)


def _title(rng: random.Random) -> str:
    return " ".join(w.capitalize() for w in _words(rng, rng.randint(3, 7)))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def body(rng: random.Random, older: list[str]) -> str:
    """A post body of roughly 500-1,100 words; ``older`` are post_url names of earlier posts."""
    links = [
        f"See [the {rng.choice(WORDS)} guide](https://developer.mozilla.org/en-US/docs/Web/{rng.choice(WORDS)}).",
        "More about us on [the about page]({{ site.baseurl }}/about/).",
    ]
    for name in rng.sample(older, min(3, len(older))):
        links.append(f"We wrote about this [in an earlier post]({{% post_url {name} %}}).")
    parts = [_paragraph(rng, links) for _ in range(2)]
    for _ in range(rng.randint(3, 5)):
        parts.append(f"## {_title(rng)}")
        parts += [_paragraph(rng, links) for _ in range(rng.randint(1, 3))]
        kind = rng.random()
        if kind < 0.25:
            parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(3, 6))))
        elif kind < 0.4:
            parts.append("\n".join(f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(3, 6))))
        elif kind < 0.6:
            lang = rng.choice(sorted(CODE))
            code = CODE[lang].format(name="_".join(_words(rng, 2)))
            parts.append(f"```{lang}\n{code}\n```")
        elif kind < 0.75:
            n = rng.randrange(1, IMAGES + 1)
            parts.append(f"![{' '.join(_words(rng, 4))}]({{{{ site.baseurl }}}}/assets/images/photo-{n}.png)")
        elif kind < 0.85:
            parts.append(f"> {_sentence(rng)} {_sentence(rng)}")
        else:
            rows = ["| Step | Owner | Minutes |", "|---|---|---:|"]
            rows += [
                f"| {_title(rng)} | {rng.choice(WORDS)} | {rng.randint(1, 90)} |" for _ in range(rng.randint(2, 5))
            ]
            parts.append("\n".join(rows))
        if rng.random() < 0.4:
            parts.append(f"### {_title(rng)}")
            parts.append(_paragraph(rng, links))
    return "\n\n".join(parts) + "\n"


def post(rng: random.Random, i: int, date: dt.datetime, older: list[str]) -> tuple[str, str]:
    """``(file name, text)`` of post number ``i``."""
    title = _title(rng)
    slug = f"{_slug(title)}-{i}"
    tags = rng.sample(TAGS, rng.randint(1, 4))
    image = rng.randrange(1, IMAGES + 1)
    description = re.sub(r"[*`\"]|\(\)", "", _sentence(rng))  # plain text, as meta descriptions are
    front = "\n".join(
        [
            "---",
            "layout: post",
            f'title: "{title}"',
            f"date: {date:%Y-%m-%d %H:%M:%S} +00:00",
            f'description: "{description}"',
            f"permalink: /blog/{slug}",
            f"post-image: /assets/images/photo-{image}.png",
            f'post-img-alt: "{" ".join(_words(rng, 5))}"',
            f"category: {rng.choice(CATEGORIES)}",
            f"author: {rng.choice(sorted(AUTHORS))}",
            f"tags: [{', '.join(tags)}]",
            "---",
            "",
        ]
    )
    name = f"{date:%Y-%m-%d}-{slug}"
    return name, front + body(rng, older)


def generate(dest: Path, n: int, seed: int = 6) -> list[str]:
    """Write a Jekyll blog of ``n`` posts into ``dest``; return the post names (oldest first)."""
    rng = random.Random(seed)
    (dest / "_posts").mkdir(parents=True, exist_ok=True)
    for sub, text in (
        ("_config.yml", CONFIG),
        ("_layouts/default.html", LAYOUT_DEFAULT),
        ("_layouts/post.html", LAYOUT_POST),
        ("_layouts/page.html", LAYOUT_PAGE),
        ("index.html", INDEX),
        ("about.md", ABOUT),
    ):
        (dest / sub).parent.mkdir(parents=True, exist_ok=True)
        (dest / sub).write_text(text, encoding="utf-8")
    authors = "".join(f'{key}:\n  name: "{name}"\n  bio: "{bio}"\n' for key, (name, bio) in AUTHORS.items())
    (dest / "_data").mkdir(exist_ok=True)
    (dest / "_data/authors.yml").write_text(authors, encoding="utf-8")
    images = dest / "assets/images"
    images.mkdir(parents=True, exist_ok=True)
    for k in range(1, IMAGES + 1):
        colour = (40 + 17 * k % 200, 90 + 29 * k % 160, 150 + 41 * k % 100)
        (images / f"photo-{k}.png").write_bytes(png(64, 36, colour))
    # Posts spread over ten years, oldest first.
    start = dt.datetime(2015, 1, 1, 8, 0, 0)
    step = dt.timedelta(days=3650) / max(n, 1)
    names: list[str] = []
    for i in range(n):
        date = start + step * i
        date = date.replace(microsecond=0)
        name, text = post(rng, i, date, names[-200:])
        (dest / "_posts" / f"{name}.md").write_text(text, encoding="utf-8")
        names.append(name)
    return names


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py N DEST")
    generate(Path(sys.argv[2]), int(sys.argv[1]))


if __name__ == "__main__":
    main()
