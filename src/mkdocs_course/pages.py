"""Markdown of the pages the build generates from the course itself.

Nothing here is maintained by hand: the progress page, the workbook and the
answer key are written from the course model on every build.
"""
from __future__ import annotations

from .model import Course

PROGRESS_URI = "progress.md"


def completion_rule(course: Course) -> str:
    """Return the completion rule as one sentence, e.g. 'A module is complete when ...'."""
    t = course.strings
    parts = [t[f"rule.{rule}"] for rule in course.completion]
    if len(parts) > 1:
        parts = [", ".join(parts[:-1]) + " and " + parts[-1]] if len(parts) > 2 else [" and ".join(parts)]
    return f"{t['rule.intro']} {parts[0]}." if parts else ""


def progress_page(course: Course) -> str:
    """Return the Markdown of the learner's progress page (tools come from the template)."""
    t = course.strings
    return (
        "---\ntitle: Your progress\ncourse_page: progress\nsearch:\n  exclude: true\n---\n\n"
        f"# Your progress\n\n{t['progress.privacy']}\n\n{completion_rule(course)}\n"
    )
