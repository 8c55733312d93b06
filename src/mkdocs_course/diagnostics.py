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
import contextvars
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


_current: contextvars.ContextVar[Source | None] = contextvars.ContextVar("course_source", default=None)
# (checklist ids, quiz ids) of the page being rendered, as the extensions found them.
_ids: contextvars.ContextVar[tuple[list[str], list[str]] | None] = contextvars.ContextVar("course_ids", default=None)


@contextlib.contextmanager
def rendering(source: Source) -> Iterator[None]:
    """Name the file whose Markdown is converted inside this block."""
    token = _current.set(source)
    try:
        yield
    finally:
        _current.reset(token)


def set_current(source: Source | None) -> None:
    """Name the file whose Markdown is converted next (for MkDocs' page events); forget the last page's ids."""
    _current.set(source)
    _ids.set(None)


def record_ids(checklist: list[str], quizzes: list[str]) -> None:
    """Note the checklist and quiz ids of the page being rendered (called by the extensions)."""
    _ids.set((checklist, quizzes))


def recorded_ids() -> tuple[list[str], list[str]]:
    """Return the ids the extensions found on the page just rendered (none if they found nothing to read)."""
    return _ids.get() or ([], [])


def report(problem: Problem) -> None:
    """Log a problem found while rendering, naming the file when it is known."""
    source = _current.get()
    if source is not None and source.quiet:
        return
    if source is None:
        log.warning(problem.at("<markdown>"))
    else:
        log.warning(problem.at(source.path, source.line_offset))
