"""Printable pages generated from the course: the workbook, the answer key, and its PDF."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from .config import CourseConfig
from .model import Course


class PdfError(Exception):
    """The workbook PDF could not be produced."""


def generated_pages(course: Course, config: CourseConfig) -> dict[str, str]:
    """Return the Markdown of the generated print pages by source path."""
    return {}


def write_pdf(config: MkDocsConfig) -> None:
    """Print the built workbook page to ``workbook.pdf``."""
    raise PdfError("the workbook PDF is not implemented yet")
