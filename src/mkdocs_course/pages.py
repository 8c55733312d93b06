"""Markdown of the pages the build generates from the course itself.

Nothing here is maintained by hand: the progress page, the workbook and the
answer key are written from the course model on every build.
"""
from __future__ import annotations

import json

from .model import Course

PROGRESS_URI = "progress.md"


def completion_rule(course: Course) -> str:
    """Return the completion rule as one sentence, e.g. 'A module is complete when ...'."""
    t = course.strings
    parts = [t[f"rule.{rule}"] for rule in course.completion]
    if len(parts) > 1:
        parts = [", ".join(parts[:-1]) + f" {t['rule.and']} " + parts[-1]]
    return f"{t['rule.intro']} {parts[0]}." if parts else ""


def progress_page(course: Course) -> str:
    """Return the Markdown of the learner's progress page (its tools come from ``widgets.progress_tools``)."""
    t = course.strings
    return (
        f"---\ntitle: {json.dumps(t['progress.title'], ensure_ascii=False)}\ncourse_page: progress\n"
        "search:\n  exclude: true\n---\n\n"
        f"# {t['progress.title']}\n\n{t['progress.privacy']}\n\n{completion_rule(course)}\n"
    )
