"""mkdocs-polax: build a Jekyll blog with MkDocs, every post at its Jekyll URL."""

from __future__ import annotations

__version__ = "0.1.0"

MKDOCS_2_MESSAGE = (
    "mkdocs-polax is a plugin and theme for MkDocs 1.x, and MkDocs {version} has no plugin system. "
    "Install MkDocs 1.6 ('pip install \"mkdocs<2\"') or one of its maintained drop-ins: "
    "ProperDocs ('pip install properdocs', then 'properdocs build') or mkdocs-ng ('pip install mkdocs-ng')."
)


def check_host(version: str) -> None:
    """Stop with a clear message on a host without MkDocs 1.x's plugin API (MkDocs 2)."""
    major = version.split(".", 1)[0]
    if major.isdigit() and int(major) >= 2:
        raise SystemExit(MKDOCS_2_MESSAGE.format(version=version))


def _host_version() -> str:
    try:
        import mkdocs
    except ImportError:  # pragma: no cover - mkdocs is a dependency
        return ""
    return str(getattr(mkdocs, "__version__", ""))


check_host(_host_version())
