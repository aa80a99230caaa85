"""axe-core (npm) in the page: no serious or critical violations on a post, a listing, a category
page and the 404 page, in light and dark mode."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import NODE_MODULES, need

AXE = NODE_MODULES / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["blog/core-web-vitals-for-shops.html", "", "category/design/", "author/ada/", "404.html"]
)
def test_no_serious_axe_violations(open_page: Any, path: str, scheme: str) -> None:
    need(AXE.is_file(), "axe-core (npm install)")
    page, _ = open_page(path, width=1366 if scheme == "light" else 375, scheme=scheme)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"/{path} {scheme}: " + "; ".join(bad)
