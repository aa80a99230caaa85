"""The Nu HTML checker (npm vnu-jar, on Java) finds no errors in the built example site's pages."""

from __future__ import annotations

import json
import subprocess

from tests.browser.conftest import vnu_command
from tests.conftest import Built


def test_built_pages_are_valid_html(site: Built) -> None:
    cmd = [*vnu_command(), "--errors-only", "--format", "json", "--skip-non-html", str(site.site)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors[:20])
    pages = [p for p in site.files() if p.endswith(".html")]
    assert len(pages) > 40  # every post, page and listing was checked
