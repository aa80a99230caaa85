"""Pages rendered in forked processes while MkDocs renders the others (``mkdocs build``, Linux).

When every page is read and converted (MkDocs' ``on_env``), the build forks: each child renders its
share of the posts and listing pages with MkDocs' own page step and writes them, while MkDocs' loop
in the parent renders the rest (the children's pages render to nothing there, quickly). A child's log
lines are not printed by it: they are sent back and logged by the parent, so that they are shown once
and ``--strict`` counts them. No MkDocs import: the plugin hands in the work and the loggers.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

LogLine = tuple[str, int, str]  # logger name, level, message


def assign(count: int, processes: int, parent_weight: float = 0.8) -> list[int]:
    """Which process renders each of ``count`` pages, in order: 0 is this one, 1.. the children.
    Pages go, one by one, to the process with the least work for its weight (this process also copies
    the static files, skips the others' pages and finishes the build: it takes less)."""
    weights = [parent_weight] + [1.0] * (processes - 1)
    load = [0.0] * processes
    owners = []
    for _ in range(count):
        who = min(range(processes), key=lambda p: (load[p] + 1) / weights[p])
        load[who] += 1
        owners.append(who)
    return owners


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[LogLine] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, record.levelno, record.getMessage()))


@dataclass
class Renderer:
    """A forked child rendering pages; ``join`` waits for it and gives what it logged."""

    pid: int
    fd: int
    logger: str  # the name its own lines are logged under
    done: bool = field(default=False)

    def join(self) -> tuple[bool, list[LogLine]]:
        """(True when every page was written, the child's log lines)."""
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.done = True
        if not data:
            return False, [(self.logger, logging.ERROR, f"a page-rendering process ended early ({status=})")]
        ok, lines = pickle.loads(data)
        return bool(ok) and os.waitstatus_to_exitcode(status) == 0, lines

    def kill(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def start(work: Callable[[], None], loggers: Sequence[logging.Logger], own: str) -> Renderer:
    """Fork; the child runs ``work`` with the handlers of ``loggers`` replaced by one that keeps what is
    logged, sends it and its outcome back through a pipe, and exits without running anything else.
    ``own``: the logger name of this module's own lines (a traceback, a child that died)."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Renderer(pid, read_fd, own)
    # the child: never returns
    ok = False
    capture = _Capture()
    try:
        os.close(read_fd)
        for logger in loggers:
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(capture)
        work()
        ok = True
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the build
        capture.lines.append((own, logging.DEBUG, traceback.format_exc()))
    finally:
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(pickle.dumps((ok, capture.lines)))
        finally:
            os._exit(0 if ok else 1)
