"""Jekyll's rules as plain functions and small dataclasses.

Nothing in this package imports MkDocs: it reads a Jekyll source tree the way Jekyll 4.3 does
(configuration, front matter, defaults, dates, slugs, permalinks, which files are posts, pages or
static files) and describes the site that Jekyll would write. The plugin turns that description
into MkDocs files.
"""
