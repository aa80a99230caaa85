"""The polax theme: templates and assets (installed as the ``mkdocs_polax.theme`` package)."""
