"""Pages rendered in forked processes while MkDocs renders the rest (``parallel``, speed, issue 6):
the same site byte for byte (``test_parallel_markdown``, ``test_search_json``), what a child logs is
sent to the parent (which logs it once, where ``--strict`` counts it), and a page that fails to render
in a child fails the build."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_polax import parallel
from tests.conftest import run_build, write_tree
from tests.perf.test_parallel_markdown import _site

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="pages are rendered in forked processes on Linux only")


@given(st.integers(0, 3000), st.integers(1, 6), st.floats(0.2, 1.0))
def test_every_page_has_one_renderer_in_proportion(count: int, processes: int, weight: float) -> None:
    owners = parallel.assign(count, processes, weight)
    assert len(owners) == count and set(owners) <= set(range(processes))
    total = weight + processes - 1
    for who in range(processes):
        share = (weight if who == 0 else 1.0) / total
        assert abs(owners.count(who) - share * count) <= 1.5


def _logger(name: str) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger


@linux_only
def test_a_child_sends_what_it_logged_instead_of_printing_it(tmp_path: Path) -> None:
    logger = _logger("polax-test-ok")
    printed: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            printed.append(record.getMessage())

    logger.addHandler(Keep())
    out = tmp_path / "page.html"

    def work() -> None:
        logging.getLogger("polax-test-ok.child").warning("50% of a warning")
        out.write_text("written by the child")

    ok, lines = parallel.start(work, [logger], "polax-test-ok").join()
    assert ok
    assert lines == [("polax-test-ok.child", logging.WARNING, "50% of a warning")]
    assert out.read_text() == "written by the child"
    assert printed == []  # the parent's handler was never called in the child, nor here


@linux_only
def test_a_failing_child_reports_its_error() -> None:
    logger = _logger("polax-test-fail")

    def work() -> None:
        logger.error("Error building page 'x.md': boom")
        raise ZeroDivisionError("boom")

    ok, lines = parallel.start(work, [logger], "polax-own").join()
    assert not ok
    assert lines[0] == ("polax-test-fail", logging.ERROR, "Error building page 'x.md': boom")
    assert lines[-1][:2] == ("polax-own", logging.DEBUG) and "ZeroDivisionError: boom" in lines[-1][2]


@linux_only
def test_a_child_that_dies_is_a_failure() -> None:
    ok, lines = parallel.start(lambda: os._exit(3), [_logger("polax-test-dead")], "polax-own").join()
    assert not ok and lines[0][0] == "polax-own" and "ended early" in lines[0][2]


@linux_only
def test_kill_stops_a_child() -> None:
    renderer = parallel.start(lambda: os.pause(), [_logger("polax-test-kill")], "polax-own")  # type: ignore[func-returns-value]
    renderer.kill()
    with pytest.raises(ChildProcessError):
        os.waitpid(renderer.pid, 0)


def _failing_site(root: Path, title: str) -> None:
    """The polax theme with a post template that fails for one post only."""
    _site(root, 2)
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("theme: polax\n", "theme:\n  name: polax\n  custom_dir: overrides\n"))
    write_tree(
        root,
        {
            "overrides/post.html": (
                f'{{% if page.title == "{title}" %}}{{{{ 1 // 0 }}}}{{% endif %}}'
                "<!doctype html><title>{{ page.title }}</title>{{ page.content }}\n"
            )
        },
    )


@linux_only
@pytest.mark.parametrize("title", ["Post 3", "Post 4"])  # consecutive posts: one is rendered by the child
def test_a_page_that_fails_anywhere_fails_the_build(tmp_path: Path, title: str) -> None:
    _failing_site(tmp_path, title)
    built = run_build(tmp_path, "-v")
    assert built.returncode != 0, built.log[-3000:]
    assert built.log.count("integer division or modulo by zero") >= 1
    assert built.log.count("Error building page '_posts/") == 1, built.log[-3000:]
    assert "pages rendered in 1 forked processes" in built.log


@linux_only
def test_no_skipped_page_lines(tmp_path: Path) -> None:
    """The pages a child renders render to nothing here; MkDocs' "Page skipped" line is not shown."""
    _site(tmp_path, 2)
    built = run_build(tmp_path, "--strict")
    assert built.returncode == 0, built.log
    assert "Page skipped" not in built.log
    posts = [p for p in (tmp_path / "site").rglob("post-*.html")]
    assert len(posts) == 70 and all(p.stat().st_size > 1000 for p in posts)


def test_workers_fork_on_linux_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """One rule for the Markdown workers and the page renderers: off Linux, nothing is forked, even
    with an explicit ``workers``."""
    from mkdocs_polax.content import worker_processes

    if sys.platform == "linux":
        assert worker_processes(3) == 3
        assert 1 <= worker_processes(0) <= 4
    monkeypatch.setattr(sys, "platform", "darwin")
    assert worker_processes(3) == 1 and worker_processes(0) == 1
