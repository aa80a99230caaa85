"""Moving a site to polax without losing a URL: read what the old site published (``sources``),
resolve each old URL the way a static host would against the new site (``resolve``), suggest the
page an old URL became (``suggest``) and write host redirect files (``hostfiles``).

No MkDocs import here: the plugin (``mkdocs_polax/migration.py``) and ``python -m mkdocs_polax
check-urls`` both call these functions.
"""

from __future__ import annotations


class MigrateError(Exception):
    """A file given to the URL check cannot be read; the message names the file and the fix."""
