"""mkdocs-polax: build a Jekyll blog with MkDocs, every post at its Jekyll URL."""

__version__ = "0.1.0"
