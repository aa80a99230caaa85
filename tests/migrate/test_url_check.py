"""The URL check in real builds (``check_urls_from``) and as a command (``python -m mkdocs_polax
check-urls``): every corpus checked against Jekyll's own ``_site`` keeps every URL; a deleted post or a
changed permalink is named (with the page to add ``redirect_from`` to) and fails ``--strict``; other
host names and base paths are mapped by path; bad files are one clear error; host redirect files
written by a build resolve every old URL."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_polax.migrate import hostfiles
from mkdocs_polax.migrate.resolve import MISSING, SiteFiles
from tests.conftest import BuildSite, Built, run_build, shared_or_skip, write_tree
from tests.migrate.test_hostfiles import ask, serve_with_nginx

CORPORA = ["lanyon", "jekyll-feed-fixtures", "jekyll-release-posts"]


def corpus_site(root: Path, corpus: str, options: str, site_url: str = "") -> Path:
    shared = shared_or_skip()
    shutil.copytree(shared / "corpora" / corpus, root / "docs")
    for path in (root / "docs").rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    url = f"site_url: {site_url}\n" if site_url else ""
    (root / "mkdocs.yml").write_text(
        f"site_name: {corpus}\n{url}docs_dir: docs\ntheme: polax\nplugins:\n  - polax:\n{options}"
    )
    return shared / "reference" / corpus / "_site"


def url_warnings(built: Built) -> list[str]:
    return [line for line in built.log.splitlines() if "WARNING" in line and "URL check:" in line]


def report(built: Built) -> dict[str, object]:
    data = json.loads((built.root / "polax-url-check.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_url_jekyll_wrote_still_answers(tmp_path: Path, corpus: str) -> None:
    old = shared_or_skip() / "reference" / corpus / "_site"
    corpus_site(tmp_path, corpus, f"      check_urls_from: {old}\n")
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    files = [p for p in old.rglob("*") if p.is_file()]
    data = report(built)
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert summary["missing"] == 0 and summary["kept"] + summary["redirected"] == len(files) > 0
    assert f"kept {summary['kept']}, redirected {summary['redirected']}, missing 0" in built.log
    assert not (built.site / "polax-url-check.json").exists()  # beside the site, never published


def test_deleted_post_is_named_and_fails_strict(tmp_path: Path) -> None:
    old = corpus_site(tmp_path, "lanyon", "      check_urls_from: old\n")
    shutil.copytree(old, tmp_path / "old")
    (tmp_path / "docs" / "_posts" / "2020-04-03-introducing-lanyon.md").unlink()
    built = run_build(tmp_path, "--strict")
    assert built.returncode != 0
    warnings = url_warnings(built)
    assert len(warnings) == 1, built.log
    assert "'/2020/04/03/introducing-lanyon/'" in warnings[0] and "no page of the new site" in warnings[0]
    urls = report(built)["urls"]
    assert isinstance(urls, list)
    assert [u["path"] for u in urls if u["status"] == "missing"] == ["/2020/04/03/introducing-lanyon/"]
    assert run_build(tmp_path).returncode == 0  # without --strict: built, with the warning


def _one_warning_after(root: Path, post: Path, line: str, added: str) -> list[str]:
    """Add the front-matter line ``added`` after ``line`` of ``post``; the --strict build fails with
    exactly one URL warning, returned."""
    post.write_text(post.read_text().replace(line, f"{line}\n{added}", 1))
    built = run_build(root, "--strict")
    assert built.returncode != 0
    warnings = url_warnings(built)
    assert len(warnings) == 1, built.log
    return warnings


def test_changed_permalink_suggests_the_page_and_redirect_from_fixes_it(tmp_path: Path) -> None:
    corpus_site(tmp_path, "lanyon", "      check_urls_from: old/sitemap.txt\n")
    write_tree(tmp_path, {"old/sitemap.txt": "\n".join(_lanyon_urls()) + "\n"})
    post = tmp_path / "docs" / "_posts" / "2020-04-02-example-content.md"
    warnings = _one_warning_after(tmp_path, post, "title: Example content", "permalink: /blog/x/")
    assert "'http://lanyon.getpoole.com/2020/04/02/example-content/'" in warnings[0]
    assert "'Example content' (_posts/2020-04-02-example-content.md) is now at /blog/x/" in warnings[0]
    assert "add 'redirect_from: /2020/04/02/example-content/' to its front matter" in warnings[0]
    # The one step the warning names makes the build pass, the old URL now a redirect.
    post.write_text(
        post.read_text().replace(
            "permalink: /blog/x/", "permalink: /blog/x/\nredirect_from: /2020/04/02/example-content/"
        )
    )
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert "redirected 1, missing 0" in built.log


def _lanyon_urls() -> list[str]:
    return [
        "http://lanyon.getpoole.com/",
        "http://lanyon.getpoole.com/about/",
        "http://lanyon.getpoole.com/2020/04/01/whats-jekyll/",
        "http://lanyon.getpoole.com/2020/04/02/example-content/",
        "http://lanyon.getpoole.com/2020/04/03/introducing-lanyon/",
        "/atom.xml",
        "/public/css/poole.css",
    ]


def test_sitemap_of_another_host_and_base_path(tmp_path: Path) -> None:
    """Jekyll's sitemap for jekyllrb.com, as if the old site had lived at old.example.org/blog/, checked
    against a new site at new.example.net: mapped by path, the old base path found and stripped."""
    shared = shared_or_skip()
    sitemap = (shared / "reference" / "jekyll-release-posts" / "_site" / "sitemap.xml").read_text(encoding="utf-8")
    moved = sitemap.replace("https://jekyllrb.com/", "https://old.example.org/blog/")
    assert moved != sitemap
    corpus_site(
        tmp_path, "jekyll-release-posts", "      check_urls_from: old-sitemap.xml\n", "https://new.example.net/"
    )
    (tmp_path / "old-sitemap.xml").write_text(moved, encoding="utf-8")
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    data = report(built)
    assert data["old_base_path"] == "/blog" and data["kind"] == "sitemap"
    assert data["summary"] == {"kept": moved.count("<loc>"), "redirected": 0, "missing": 0}
    # The same, named explicitly, and a wrong one: nothing is under /wrong, each URL is named.
    text = (tmp_path / "mkdocs.yml").read_text()
    (tmp_path / "mkdocs.yml").write_text(text + "      check_urls_baseurl: /wrong\n")
    built = run_build(tmp_path)
    assert report(built)["summary"] == {"kept": 0, "redirected": 0, "missing": moved.count("<loc>")}
    assert "outside the old site's base path /wrong; set the polax option check_urls_baseurl" in built.log


def test_feed_and_baseurl_of_new_site(tmp_path: Path) -> None:
    """The old Atom feed against a new site served under /sub/ (site_url with a path)."""
    shared = shared_or_skip()
    corpus_site(
        tmp_path,
        "lanyon",
        f"      check_urls_from: {shared / 'reference' / 'lanyon' / '_site' / 'atom.xml'}\n",
        "https://example.org/sub/",
    )
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert report(built)["summary"] == {"kept": 3, "redirected": 0, "missing": 0}


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        (
            "sitemap.xml",
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/</loc>',
            "well-formed",
        ),
        ("feed.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>', "no <link"),
    ],
)
def test_malformed_file_is_one_clear_error(tmp_path: Path, name: str, text: str, says: str) -> None:
    corpus_site(tmp_path, "lanyon", f"      check_urls_from: {name}\n")
    (tmp_path / name).write_text(text)
    built = run_build(tmp_path)
    assert built.returncode != 0
    assert "Traceback" not in built.log
    errors = [line for line in built.log.splitlines() if "check_urls_from" in line]
    assert len(errors) == 1 and str(tmp_path / name) in errors[0] and says in errors[0], built.log


def test_missing_path_and_report_inside_site_are_refused(tmp_path: Path) -> None:
    corpus_site(tmp_path, "lanyon", "      check_urls_from: nowhere/_site\n")
    built = run_build(tmp_path)
    assert built.returncode != 0 and "Traceback" not in built.log
    assert f"option 'check_urls_from': {tmp_path / 'nowhere' / '_site'} does not exist" in built.log
    text = (tmp_path / "mkdocs.yml").read_text().replace("nowhere/_site", "docs/public")
    (tmp_path / "mkdocs.yml").write_text(text + "      check_urls_report: site/report.json\n")
    built = run_build(tmp_path)
    assert built.returncode != 0 and "option 'check_urls_report'" in built.log and "inside site_dir" in built.log


REDIRECT_SITE = {
    "docs/_config.yml": "title: R\nurl: https://r.example.org\npermalink: /:year/:title/\n",
    "docs/_posts/2020-01-01-first.md": "---\ntitle: First\nredirect_from:\n  - /old/first/\n  - /first.html\n---\nOne.\n",
    "docs/_posts/2020-02-01-second.md": "---\ntitle: Second post\npermalink: /new/second/\n---\nTwo.\n",
    "docs/gone.md": "---\ntitle: Gone\nredirect_to: https://elsewhere.example.com/x/\n---\n",
    "old.txt": "/old/first/\n/first.html\n/2020/first/\n/gone/\n/2020/second/\n",
}


def test_host_files_from_a_build_resolve_every_old_url(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": "site_name: R\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax:\n"
            "      check_urls_from: old.txt\n      host_redirects: [netlify, apache, nginx]\n",
            **REDIRECT_SITE,
        },
    )
    built = run_build(tmp_path)
    assert built.returncode == 0, built.log
    assert "kept 1, redirected 3, missing 1" in built.log
    assert any("'/2020/second/'" in w and "is now at /new/second/" in w for w in url_warnings(built))
    expected = {
        "/old/first/": "/2020/first/",
        "/first.html": "/2020/first/",
        "/gone/": "https://elsewhere.example.com/x/",
    }
    netlify = (built.site / "_redirects").read_text()
    assert "# /2020/second/ /new/second/ 301!" in netlify  # the suggestion, for the owner to confirm
    site = SiteFiles([], rules=hostfiles.parse_redirects_file(netlify))
    apache = hostfiles.parse_htaccess((built.site / ".htaccess").read_text())
    nginx_file = tmp_path / "polax-redirects.nginx.conf"
    nginx = SiteFiles([], rules=hostfiles.parse_nginx_map(nginx_file.read_text()))
    for old, target in expected.items():
        for asked in (old, old.rstrip("/") if old.endswith("/") else old.removesuffix(".html")):
            assert site.resolve(asked).target == target, asked
            assert hostfiles.match_htaccess(apache, asked) == target, asked
            assert nginx.resolve(asked).target == target, asked
    assert site.resolve("/2020/second/").status == MISSING  # suggestions are not rules
    # Served by nginx with the map: each redirect is a 301 to its target, each page a 200.
    (tmp_path / "nginx").mkdir()
    proc, port = serve_with_nginx(tmp_path / "nginx", nginx_file, built.site)
    try:
        for old, target in expected.items():
            status, location = ask(port, old)
            assert status == 301 and location is not None and location.endswith(target.split("://")[-1]), old
        assert ask(port, "/2020/first/")[0] == 200 and ask(port, "/new/second/")[0] == 200
        assert ask(port, "/2020/second/")[0] == 404
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_check_urls_command(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"mkdocs.yml": "site_name: R\ndocs_dir: docs\ntheme: polax\nplugins:\n  - polax\n", **REDIRECT_SITE},
    )
    assert run_build(tmp_path).returncode == 0
    cmd = [sys.executable, "-m", "mkdocs_polax", "check-urls"]
    proc = subprocess.run([*cmd, "old.txt", "site", "--report", "r.json"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "kept 1, redirected 3, missing 1" in proc.stdout
    assert (
        "'/2020/second/'" in proc.stdout
        and "'Second post' (new/second/index.html) is now at /new/second/" in proc.stdout
    )
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["missing"] == 1
    (tmp_path / "ok.txt").write_text("/old/first/\n/2020/first\n/new/second/\n")
    proc = subprocess.run([*cmd, "ok.txt", "site"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0 and "kept 2, redirected 1, missing 0" in proc.stdout, proc.stdout
    (tmp_path / "bad.xml").write_text("<urlset")
    proc = subprocess.run([*cmd, "bad.xml", "site"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2 and "bad.xml: is not well-formed XML" in proc.stderr


def test_netlify_and_cloudflare_together_are_refused(build_site: BuildSite) -> None:
    built = build_site(
        {"docs/index.md": "# Home\n"},
        mkdocs_yml="site_name: T\ntheme: polax\nplugins:\n  - polax:\n      host_redirects: [netlify, cloudflare]\n",
    )
    assert built.returncode != 0 and "Traceback" not in built.log
    assert "option 'host_redirects': 'netlify' and 'cloudflare' both write _redirects" in built.log
    built = build_site(
        {"docs/index.md": "# Home\n"},
        mkdocs_yml="site_name: T\ntheme: polax\nplugins:\n  - polax:\n      host_redirects: [iis]\n",
    )
    assert built.returncode != 0 and "host_redirects" in built.log


def test_changed_permalink_in_a_dated_corpus_against_jekylls_folder(tmp_path: Path) -> None:
    """jekyll-release-posts, its whole _site as Jekyll wrote it; one release post moved by a permalink."""
    old = corpus_site(tmp_path, "jekyll-release-posts", "      check_urls_from: old\n")
    shutil.copytree(old, tmp_path / "old")
    post = tmp_path / "docs" / "_posts" / "2019-08-19-jekyll-4-0-0-released.markdown"
    warnings = _one_warning_after(tmp_path, post, "category: release", "permalink: /releases/4.0.0/")
    assert "'/news/2019/08/20/jekyll-4-0-0-released/'" in warnings[0]
    assert (
        "'Jekyll 4.0.0 Released' (_posts/2019-08-19-jekyll-4-0-0-released.markdown) is now at /releases/4.0.0/"
        in (warnings[0])
    )


def test_redirect_to_a_path_that_answers_nothing_is_missing(build_site: BuildSite, tmp_path: Path) -> None:
    built = build_site(
        {
            "docs/_config.yml": "title: D\n",
            "docs/_posts/2020-01-01-a.md": "---\ntitle: A\n---\nA.\n",
            "docs/moved.md": "---\ntitle: Moved\nredirect_to: /nowhere/\n---\n",
            "docs/away.md": "---\ntitle: Away\nredirect_to: https://elsewhere.example.com/\n---\n",
            "docs/home.md": "---\ntitle: Home\nredirect_to: /2020/01/01/a.html\n---\n",
            "old.txt": "/moved.html\n/away.html\n/home.html\n",
        },
        mkdocs_yml="site_name: D\nsite_url: https://d.example.org/\ndocs_dir: docs\ntheme: polax\nplugins:\n"
        "  - polax:\n      check_urls_from: old.txt\n",
    )
    assert built.returncode != 0
    assert "kept 0, redirected 2, missing 1" in built.log
    warnings = url_warnings(built)
    assert len(warnings) == 1 and "'/moved.html'" in warnings[0]
    assert "redirected (by moved.html) to https://d.example.org/nowhere/, which answers nothing" in warnings[0]
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_polax", "check-urls", "old.txt", "site", "--site-url", "https://d.example.org/"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1 and "kept 0, redirected 2, missing 1" in proc.stdout, proc.stdout
