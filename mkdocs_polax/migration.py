"""The migration safety net in a build: reads ``check_urls_from`` in ``on_config``; after everything is
written, checks every old URL against the site (``migrate/``), logs the summary and one warning per
missing URL, writes the JSON report beside ``site_dir`` and the host redirect files
(``_redirects``, ``.htaccess``, the nginx map) that ``host_redirects`` asks for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .migrate import MigrateError, hostfiles
from .migrate.check import CheckResult, check, missing_message, write_report
from .migrate.resolve import SiteFiles
from .migrate.sources import OldSite, read_old_site
from .migrate.suggest import NewPage
from .webtext import site_base

if TYPE_CHECKING:
    from .plugin import PolaxPlugin

log = get_plugin_logger(__name__)

NGINX_FILE = "polax-redirects.nginx.conf"
REPORT_FILE = "polax-url-check.json"


@dataclass
class Migration:
    """Per-build settings of the URL check and host files (made in ``on_config``)."""

    old: OldSite | None = None
    report: Path | None = None
    hosts: list[str] = field(default_factory=list)
    result: CheckResult | None = None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def configure(plugin: PolaxPlugin, config: MkDocsConfig) -> Migration:
    opts = plugin.config
    config_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    site_dir = Path(config.site_dir).resolve()
    hosts = list(dict.fromkeys(opts.host_redirects))
    if "netlify" in hosts and "cloudflare" in hosts:
        raise PluginError(
            "[polax] option 'host_redirects': 'netlify' and 'cloudflare' both write _redirects, in different "
            "dialects (Netlify needs '301!'); keep the one you deploy to"
        )
    migration = Migration(hosts=hosts)
    if opts.check_urls_from is None:
        return migration
    source = (config_dir / opts.check_urls_from).resolve()
    if not source.exists():
        raise PluginError(
            f"[polax] option 'check_urls_from': {source} does not exist. Point it at the old site's built folder "
            "(Jekyll's _site), its sitemap.xml, its feed, or a text file of URLs"
        )
    if _inside(source, site_dir):
        raise PluginError(
            f"[polax] option 'check_urls_from': {source} is inside site_dir, which this build overwrites. "
            "Copy the old site somewhere else first"
        )
    try:
        migration.old = read_old_site(source)
    except MigrateError as exc:
        raise PluginError(f"[polax] option 'check_urls_from': {exc}") from exc
    report = (config_dir / opts.check_urls_report).resolve() if opts.check_urls_report else None
    report = report or site_dir.parent / REPORT_FILE
    if _inside(report, site_dir):
        raise PluginError(
            f"[polax] option 'check_urls_report': {report} is inside site_dir, so it would be published. "
            "Put the report beside site_dir"
        )
    migration.report = report
    return migration


def _new_pages(plugin: PolaxPlugin, redirected: set[str]) -> list[NewPage]:
    pages = []
    for uri, url, dest, meta, _ in plugin.publisher.pages:
        if dest in redirected:
            continue
        post = plugin.posts.get(uri)
        view = plugin.views.get(uri)
        title = post.title if post else view.title if view else str(meta.get("title") or "")
        doc = plugin.docs.get(uri)
        pages.append(NewPage(url, title or "", doc.source if doc else uri))
    return pages


def after_build(plugin: PolaxPlugin, migration: Migration, config: MkDocsConfig) -> None:
    """Run once everything is written (the end of ``on_post_build``)."""
    site_dir = Path(config.site_dir).resolve()
    plan = plugin.publisher.redirect_plan
    redirect_pages = {p.dest: p.to_url for p in plan.pages}
    result = None
    if migration.old is not None:
        assert plugin.jekyll is not None
        site = SiteFiles.from_dir(site_dir, redirect_pages)
        pages = _new_pages(plugin, set(redirect_pages))
        result = check(
            migration.old,
            site,
            pages,
            old_base=plugin.config.check_urls_baseurl,
            hints=[plugin.jekyll.baseurl],
            site_base=site_base(config.site_url),
        )
        migration.result = result
        log.info(result.summary())
        for item in result.missing:
            log.warning(missing_message(result, item))
        if migration.report is not None and plugin.command != "serve":
            write_report(result, migration.report)
            log.info(f"URL check report: {migration.report}")
    if migration.hosts:
        _write_host_files(plugin, migration, config, result)


def _write_host_files(
    plugin: PolaxPlugin, migration: Migration, config: MkDocsConfig, result: CheckResult | None
) -> None:
    site_dir = Path(config.site_dir).resolve()
    base = site_base(config.site_url)
    plan = plugin.publisher.redirect_plan
    rules = [
        hostfiles.HostRedirect(hostfiles.mount(p.from_url, base), hostfiles.host_target(p.to_url, base))
        for p in plan.pages
    ]
    suggested = []
    for item in result.missing if result else []:
        if item.suggestion is not None and item.path is not None:
            note = f"{item.original} -> '{item.suggestion.title}' ({item.suggestion.source})"
            target = hostfiles.mount(item.suggestion.url, base)
            suggested.append(hostfiles.HostRedirect(hostfiles.mount(item.path, base), target, note))
    for host in migration.hosts:
        if host == "nginx":
            if plugin.command == "serve":
                continue
            out = site_dir.parent / NGINX_FILE
            out.write_text(hostfiles.nginx_map(rules, suggested), encoding="utf-8")
            log.info(f"nginx redirect map ({len(rules)} redirects): {out}")
            continue
        name = ".htaccess" if host == "apache" else "_redirects"
        if plugin.publisher._own(name):
            log.info(f"the site has its own {name}: polax's {host} redirects are not written")
            continue
        if host == "apache":
            text = hostfiles.htaccess(rules, suggested)
        else:  # Netlify serves an existing file before a rule unless the status is forced
            text = hostfiles.redirects_file(rules, suggested, force=host == "netlify")
        (site_dir / name).write_text(text, encoding="utf-8")
