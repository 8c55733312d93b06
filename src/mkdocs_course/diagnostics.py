"""Author-facing problems: one ``path:line: what is wrong; how to fix it`` each.

MkDocs counts warnings from any ``mkdocs.*`` logger and fails ``--strict``
builds on them, so problems go through ``log.warning`` and never ``log.error``.
The build tells the Markdown extensions which file they are rendering (a
``Reporter`` handed to them as their ``build`` option), because
Python-Markdown itself knows nothing of files.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass

log = logging.getLogger("mkdocs.plugins.course")


@dataclass(slots=True)
class Problem:
    """One author mistake at a line of a Markdown body (1-based)."""

    line: int
    message: str
    # Another line the message names as "{related}" (e.g. the first use of
    # an id); shifted by the same front-matter offset as ``line``.
    related: int | None = None

    def text(self, line_offset: int = 0) -> str:
        """Return the message, with the other line it names counted like ``line``."""
        if self.related is None:
            return self.message
        return self.message.replace("{related}", str(self.related + line_offset))

    def at(self, path: str, line_offset: int = 0) -> str:
        """Return the message as ``path:line: message``."""
        return f"{path}:{self.line + line_offset}: {self.text(line_offset)}"


@dataclass(slots=True)
class Source:
    """The file being rendered and how many lines its front matter took."""

    path: str
    line_offset: int = 0
    # A page the build writes from the modules (the workbook): its mistakes
    # are copies of ones already reported at the module's own line.
    quiet: bool = False


class Reporter:
    """Where the author's mistakes go: the log, and a list kept for the end of the build.

    The build's core is one (``core.CourseBuild``) and hands itself to the
    Markdown extensions through their ``build`` option, naming the file being
    rendered; used on its own (plain Python-Markdown, Zensical), an extension
    makes a bare one, and its messages name ``<markdown>``.
    """

    reports_checkins = False
    """Whether check-in mistakes are already reported before rendering (the course build does, from every page's scan)."""

    def __init__(self) -> None:
        self.source: Source | None = None
        """The file being rendered, as messages name it (None outside a page)."""
        self.messages: list[str] = []
        """Every mistake reported so far, in order (``-q --strict`` counts them)."""

    def warn(self, message: str) -> None:
        """Log an author mistake as a warning (fatal under ``--strict``) and keep it."""
        self.messages.append(message)
        log.warning(message)

    def report(self, problem: Problem) -> None:
        """Report a mistake found while rendering, at its line in the file being rendered."""
        source = self.source
        if source is None:
            self.warn(problem.at("<markdown>"))
        elif not source.quiet:
            self.warn(problem.at(source.path, source.line_offset))

    @contextlib.contextmanager
    def rendering(self, source: Source | None) -> Iterator[None]:
        """Name the file whose Markdown is converted inside this block."""
        before, self.source = self.source, source
        try:
            yield
        finally:
            self.source = before
