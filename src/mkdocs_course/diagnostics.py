"""Author-facing problems: one ``path:line: what is wrong; how to fix it`` each.

MkDocs counts warnings from any ``mkdocs.*`` logger and fails ``--strict``
builds on them, so problems go through ``log.warning`` and never ``log.error``.
The hooks tell the Markdown extensions which file they are rendering (through
``rendering``), because Python-Markdown itself knows nothing of files; the
extensions tell the hooks the ids they found on it (``record_ids``), so the
manifest lists what each page really renders without a second reading.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Iterator

log = logging.getLogger("mkdocs.plugins.course")


# Records are plain classes with __slots__: every build imports the engine
# again, and a NamedTuple or dataclass costs ten to a hundred times more to
# define (ARCHITECTURE.md, "Build cost").
class Problem:
    """One author mistake at a line of a Markdown body (1-based)."""

    __slots__ = ("line", "message", "related")

    def __init__(self, line: int, message: str, related: int | None = None) -> None:
        self.line = line
        self.message = message
        # Another line the message names as "{related}" (e.g. the first use of
        # an id); shifted by the same front-matter offset as ``line``.
        self.related = related

    def __repr__(self) -> str:
        return f"Problem({self.line}, {self.message!r})"

    def text(self, line_offset: int = 0) -> str:
        """Return the message, with the other line it names counted like ``line``."""
        if self.related is None:
            return self.message
        return self.message.replace("{related}", str(self.related + line_offset))

    def at(self, path: str, line_offset: int = 0) -> str:
        """Return the message as ``path:line: message``."""
        return f"{path}:{self.line + line_offset}: {self.text(line_offset)}"


class Source:
    """The file being rendered and how many lines its front matter took."""

    __slots__ = ("path", "line_offset", "quiet")

    def __init__(self, path: str, line_offset: int = 0, quiet: bool = False) -> None:
        self.path = path
        self.line_offset = line_offset
        # A page the build writes from the modules (the workbook): its mistakes
        # are copies of ones already reported at the module's own line.
        self.quiet = quiet


class _Rendering:
    """The page being rendered. MkDocs renders one page at a time, in one
    thread (``mkdocs serve`` rebuilds in another, one build at a time), so a
    module-level record is enough: no context variables to import and load."""

    source: Source | None = None
    # (checklist ids, quiz ids) of the page, as the extensions found them.
    ids: tuple[list[str], list[str]] | None = None


_now = _Rendering()


@contextlib.contextmanager
def rendering(source: Source) -> Iterator[None]:
    """Name the file whose Markdown is converted inside this block."""
    before = _now.source
    _now.source = source
    try:
        yield
    finally:
        _now.source = before


def set_current(source: Source | None) -> None:
    """Name the file whose Markdown is converted next (for MkDocs' page events); forget the last page's ids."""
    _now.source = source
    _now.ids = None


def record_ids(checklist: list[str], quizzes: list[str]) -> None:
    """Note the checklist and quiz ids of the page being rendered (called by the extensions)."""
    _now.ids = (checklist, quizzes)


def recorded_ids() -> tuple[list[str], list[str]]:
    """Return the ids the extensions found on the page just rendered (none if they found nothing to read)."""
    return _now.ids or ([], [])


def report(problem: Problem) -> None:
    """Log a problem found while rendering, naming the file when it is known."""
    source = _now.source
    if source is not None and source.quiet:
        return
    if source is None:
        log.warning(problem.at("<markdown>"))
    else:
        log.warning(problem.at(source.path, source.line_offset))
