"""Host redirect files (``migrate/hostfiles.py``): each one written, read back and every old URL
resolved through it; the nginx map passes ``nginx -t`` and, served by a real nginx, answers each old
URL with a 301 to its target (when Debian's nginx is installed, as CI's setup installs it)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from mkdocs_polax.migrate import hostfiles
from mkdocs_polax.migrate.hostfiles import HostRedirect, encode_target
from mkdocs_polax.migrate.resolve import MISSING, SiteFiles

RULES = [
    HostRedirect("/2019/old-post/", "/2020/new-post/"),
    HostRedirect("/legacy.html", "https://example.com/page/"),
    HostRedirect("/ext", "https://other.org/x?a=1&b=$2"),
    HostRedirect("/caf%C3%A9/", "/cafe/"),
    HostRedirect('/we"ird (1)/', "/w/"),
]
SUGGESTED = [HostRedirect("/sug/", "/s/", note="https://old.org/sug/ -> 'S' (s.md)")]
# Each old path and the requests a host answers for it (what its meta-refresh page answers).
ASKED = {
    "/2019/old-post/": ["/2019/old-post/", "/2019/old-post", "/2019/old-post/index.html"],
    "/legacy.html": ["/legacy.html", "/legacy"],
    "/ext": ["/ext", "/ext.html", "/ext/"],
    "/caf%C3%A9/": ["/caf%C3%A9/", "/caf%C3%A9"],
    '/we"ird (1)/': ["/we%22ird%20(1)/", "/we%22ird%20%281%29/index.html"],
}
NOT_ASKED = ["/2019/old-post-2/", "/2019/old", "/legacy.htm", "/sug/", "/xext", "/ext/more"]


def test_redirects_file_read_back() -> None:
    text = hostfiles.redirects_file(RULES, SUGGESTED)
    assert "/2019/old-post/ /2020/new-post/ 301!" in text
    assert "# /sug/ /s/ 301!" in text  # suggestions are written commented out
    site = SiteFiles([], rules=hostfiles.parse_redirects_file(text))
    for rule in RULES:
        for asked in ASKED[rule.from_path]:
            found = site.resolve(asked)
            assert found.target == encode_target(rule.to), asked
    for asked in NOT_ASKED:
        assert site.resolve(asked).status == MISSING, asked
    assert " 301\n" in hostfiles.redirects_file(RULES, force=False)  # Cloudflare Pages: no '!'


def test_htaccess_read_back() -> None:
    text = hostfiles.htaccess(RULES, SUGGESTED)
    assert text.count("RedirectMatch 301") == len(RULES) + 1 and "# RedirectMatch 301" in text
    rules = hostfiles.parse_htaccess(text)
    assert len(rules) == len(RULES)
    for rule in RULES:
        for asked in ASKED[rule.from_path]:
            assert hostfiles.match_htaccess(rules, asked) == encode_target(rule.to), asked
    for asked in NOT_ASKED:
        assert hostfiles.match_htaccess(rules, asked) is None, asked
    assert "$" not in "".join(target for _, target in rules)  # '$2' would be a back-reference


def test_nginx_map_read_back() -> None:
    text = hostfiles.nginx_map(RULES, SUGGESTED)
    mapping = hostfiles.parse_nginx_map(text)
    site = SiteFiles([], rules=mapping)
    for rule in RULES:
        for asked in ASKED[rule.from_path]:
            assert site.resolve(asked).target == encode_target(rule.to), asked
    for asked in NOT_ASKED:
        assert site.resolve(asked).status == MISSING, asked
    assert '# "/sug/" "/s/";' in text


def nginx_or_skip() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing in CI (scripts/setup.sh installs Debian's nginx-light)")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx-light)")
    return found


def nginx_conf(tmp: Path, map_file: Path, site: Path, port: int) -> Path:
    temp = "\n".join(
        f"  {kind}_temp_path {tmp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"""daemon off;
master_process off;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"};
events {{}}
http {{
  access_log off;
{temp}
  include {map_file};
  server {{
    listen 127.0.0.1:{port};
    root {site};
    if ($polax_redirect) {{ return 301 $polax_redirect; }}
    location / {{ try_files $uri $uri.html $uri/index.html =404; }}
  }}
}}
"""
    )
    return conf


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_nginx_accepts_the_map(tmp_path: Path) -> None:
    nginx = nginx_or_skip()
    map_file = tmp_path / "polax-redirects.nginx.conf"
    map_file.write_text(hostfiles.nginx_map(RULES, SUGGESTED))
    (tmp_path / "site").mkdir()
    conf = nginx_conf(tmp_path, map_file, tmp_path / "site", free_port())
    proc = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "syntax is ok" in proc.stderr and "test is successful" in proc.stderr


def serve_with_nginx(tmp_path: Path, map_file: Path, site: Path) -> tuple[subprocess.Popen[bytes], int]:
    nginx = nginx_or_skip()
    port = free_port()
    conf = nginx_conf(tmp_path, map_file, site, port)
    proc = subprocess.Popen([nginx, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(conf)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError((tmp_path / "error.log").read_text())


def ask(port: int, path: str) -> tuple[int, str | None]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, response.getheader("Location")


def test_nginx_serves_each_redirect(tmp_path: Path) -> None:
    map_file = tmp_path / "map.conf"
    map_file.write_text(hostfiles.nginx_map(RULES, SUGGESTED))
    site = tmp_path / "site"
    (site / "2020" / "new-post").mkdir(parents=True)
    (site / "2020" / "new-post" / "index.html").write_text("new")
    proc, port = serve_with_nginx(tmp_path, map_file, site)
    try:
        for rule in RULES:
            for asked in ASKED[rule.from_path]:
                status, location = ask(port, asked)
                assert status == 301, asked
                assert location is not None and location.endswith(encode_target(rule.to).split("://")[-1]), asked
        assert ask(port, "/2020/new-post/")[0] == 200
        assert ask(port, "/2020/new-post")[0] in (200, 301)
        for asked in NOT_ASKED:
            assert ask(port, asked)[0] == 404, asked
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_targets_on_the_site_become_paths_under_its_mount() -> None:
    base = "https://x.org/blog"
    assert hostfiles.host_target("https://x.org/blog/new/?a=1#b", base) == "/blog/new/?a=1#b"
    assert hostfiles.host_target("https://x.org/blogger/", base) == "https://x.org/blogger/"
    assert hostfiles.host_target("https://other.org/new/", base) == "https://other.org/new/"
    assert hostfiles.mount("/old/", base) == "/blog/old/"
    assert hostfiles.mount("old.html", "") == "/old.html"
    assert hostfiles.encode_path("/café/a b/") == "/caf%C3%A9/a%20b/" == hostfiles.encode_path("/caf%C3%A9/a%20b/")
