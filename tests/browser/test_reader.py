"""The built example site as readers see it, at phone and desktop widths, light and dark."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch

PAGES = ["", "blog/core-web-vitals-for-shops.html", "category/design/", "page2/", "about/", "404.html"]


def check_layout(page: Any, watch: Watch, where: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where}: scrolls sideways by {overflow}px"
    # Every hero and card image loads (lazy ones once scrolled into view).
    for img in page.query_selector_all(".cover-img, .card__img, .avatar-img"):
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=img, timeout=5000)
        width = img.evaluate("img => img.naturalWidth")
        assert width > 0, f"{where}: image {img.get_attribute('src')} did not load"
    watch.assert_clean(where)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1366])
def test_pages_render_cleanly(open_page: Any, width: int, scheme: str) -> None:
    for path in PAGES:
        page, watch = open_page(path, width=width, scheme=scheme)
        check_layout(page, watch, f"/{path} at {width}px {scheme}")
        bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (bg == "rgb(17, 19, 24)") == (scheme == "dark"), f"/{path}: background {bg} in {scheme} mode"


def test_pagination_and_category_links_land_on_pages(open_page: Any, base_url: str) -> None:
    page, watch = open_page("")
    hrefs = page.eval_on_selector_all(".pagination a, .card .eyebrow a, .card__title a", "els => els.map(a => a.href)")
    assert any("/page2/" in h for h in hrefs) and any("/category/" in h for h in hrefs)
    for href in sorted(set(hrefs)):
        response = page.goto(href)
        assert response is not None and response.status == 200, href
    page.goto(base_url)
    page.click(".pagination a[rel=next]")
    assert page.url == base_url + "page2/"
    assert page.locator("h1").inner_text() == "Blog"
    page.click(".pagination a[rel=next]")
    assert page.url == base_url + "page3/"
    page.click(".card .eyebrow a >> nth=0")
    assert "/category/" in page.url and page.locator("h1").inner_text().startswith("Category: ")
    watch.assert_clean("following links")


def test_dark_toggle_works_and_is_remembered(open_page: Any, base_url: str) -> None:
    page, watch = open_page("blog/jekyll-to-mkdocs.html", width=375, scheme="light")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle = page.locator(".theme-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark != light and dark == "rgb(17, 19, 24)"
    # Another page in the same browser: still dark, before any click.
    page.goto(base_url + "category/design/")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark
    page.locator(".theme-toggle").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    watch.assert_clean("dark toggle")


def test_search_finds_a_post_by_a_body_word(open_page: Any, base_url: str) -> None:
    page, watch = open_page("about/", width=375)
    page.click(".search-toggle")
    box = page.locator("#search-input")
    assert box.is_visible()
    # 'kettle' is only in the about page; 'stitching' only in a post's body.
    box.fill("stitching")
    first = page.locator(".search-results a").first
    first.wait_for(timeout=5000)
    assert "Product Photos on a Budget" in first.inner_text()
    assert first.locator("mark").inner_text().lower() == "stitching"
    first.click()
    page.wait_for_url(base_url + "blog/product-photos-on-a-budget.html")
    page.keyboard.press("/")
    page.locator("#search-input").fill("zzzznotaword")
    assert page.locator(".search-results p").inner_text() == "No posts match"
    watch.assert_clean("search")


def test_works_without_javascript(open_page: Any) -> None:
    page, watch = open_page("blog/core-web-vitals-for-shops.html", width=375, js=False)
    assert page.locator("h1").inner_text() == "Core Web Vitals for Shop Owners"
    assert not page.locator(".theme-toggle").is_visible() and not page.locator(".search-toggle").is_visible()
    assert page.locator(".cover-img").is_visible()
    check_layout(page, watch, "post without JavaScript")


def test_skip_link_and_visible_focus(open_page: Any) -> None:
    page, watch = open_page("blog/core-web-vitals-for-shops.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
    watch.assert_clean("keyboard")


CLS_SCRIPT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.mark.parametrize("width", [375, 1366])
def test_no_layout_shift_while_images_load(browser: Any, base_url: str, width: int) -> None:
    """Cumulative Layout Shift stays ~0 with images arriving late (each image response delayed)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()

        def slow_images(route: Any) -> None:
            page.wait_for_timeout(150)
            route.continue_()

        page.route("**/*.png", slow_images)
        page.route("**/*.svg", slow_images)
        for path in ("", "blog/core-web-vitals-for-shops.html", "category/design/"):
            page.goto(base_url + path, wait_until="load")
            cls = page.evaluate(CLS_SCRIPT)
            assert cls < 0.01, f"/{path} at {width}px: CLS {cls:.3f}"
    finally:
        context.close()
