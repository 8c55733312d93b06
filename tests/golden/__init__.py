"""Golden cases: Markdown in, exact HTML out, a readable diff on failure.

Each case is a folder here holding ``input.md`` and ``expected.html``, plus
``expected.log`` when rendering must warn (one warning per line; no file means
no warning at all). ``UPDATE_GOLDEN=1 pytest ...`` rewrites the expected files
from what the extensions now produce; read every rewritten file before
committing it, since the test then passes whatever the output is.
"""
from __future__ import annotations

import difflib
import logging
import os
from pathlib import Path

import markdown
import pytest

GOLDEN = Path(__file__).resolve().parent
EXTENSIONS = [
    "course_quiz",
    "course_checklist",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "admonition",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.tabbed",
]


def cases(prefix: str) -> list[pytest.param]:
    """Return one pytest parameter per case folder whose name starts with ``prefix``."""
    folders = sorted(p for p in GOLDEN.iterdir() if p.is_dir() and p.name.startswith(prefix))
    return [pytest.param(folder, id=folder.name) for folder in folders]


class _Collect(logging.Handler):
    """Keep every record logged while a case renders."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def render(text: str) -> tuple[str, list[str]]:
    """Render ``text`` with the course extensions; return the HTML and the log lines."""
    handler = _Collect()
    log = logging.getLogger("mkdocs.plugins.course")
    log.addHandler(handler)
    try:
        html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    finally:
        log.removeHandler(handler)
    return html + "\n", handler.lines


def check(case: Path) -> None:
    """Fail with a unified diff when a case's HTML or log differs from what is expected."""
    html, log = render((case / "input.md").read_text(encoding="utf-8"))
    log_text = "".join(f"{line}\n" for line in log)
    expected_html, expected_log = case / "expected.html", case / "expected.log"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_html.write_text(html, encoding="utf-8")
        if log_text:
            expected_log.write_text(log_text, encoding="utf-8")
        else:
            expected_log.unlink(missing_ok=True)
    want_log = expected_log.read_text(encoding="utf-8") if expected_log.exists() else ""
    failures = [
        _diff(expected_html.read_text(encoding="utf-8") if expected_html.exists() else "", html, expected_html),
        _diff(want_log, log_text, expected_log),
    ]
    failures = [f for f in failures if f]
    if failures:
        pytest.fail(
            f"golden case '{case.name}' renders differently (- expected, + actual); "
            "if the change is intended, rerun with UPDATE_GOLDEN=1 and review the files\n\n" + "\n".join(failures),
            pytrace=False,
        )


def _diff(expected: str, actual: str, path: Path) -> str:
    """Return a unified diff of two texts, or '' when they are equal."""
    if expected == actual:
        return ""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{path.parent.name}/{path.name} (expected)",
        tofile=f"{path.parent.name}/{path.name} (actual)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def lines(*rows: str) -> str:
    """Join rows into Markdown text."""
    return "\n".join(rows) + "\n"
