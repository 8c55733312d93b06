"""The scan finds exactly the checklist items and quizzes the rendered page shows.

The course's manifest counts what the scan finds, so a module can only be
completed if every id it lists is on the page. Hypothesis builds pages from
the pieces that used to disagree (paragraph lines, rules, comments, raw and
Markdown HTML, fences, indented code, admonitions, details, tabs, lists,
quotes, odd spaces) at every indentation, renders each with the course's
extensions and compares the ids in the HTML with the scan's. 300 pages by
default; ``SCAN_EXAMPLES=3000`` runs a longer hunt (it passed when written).
"""
from __future__ import annotations

import logging
import os
import re

import markdown
import markdown.extensions
import markdown.preprocessors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_course import syntax

EXTENSIONS = [
    "course_quiz",
    "course_checklist",
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
]
ITEM_ID = re.compile(r'data-item-id="([^"]+)"')
QUIZ_ID = re.compile(r'data-quiz-id="([^"]+)"')

PIECES = [
    "Some text.",
    "- [ ] Item",
    "* [x] Item",
    "- A plain item",
    "1. A step",
    "---",
    "# A heading",
    "> A quote",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "```",
    "!!! note",
    "??? note",
    '=== "Tab"',
    "QUIZ",
    "-\u00a0[ ] Item",
    "\t- [ ] Item",
    "+ [ ] Item",
    "> - [ ] Item",
    "===",
    "<!-- a comment -->",
    "<details>",
    "</details>",
    "Text <!-- and a comment",
    "",
    "",
]
INDENTS = ["", "", "  ", "    ", "    ", "        "]
QUIZ_LINES = ["<quiz>", "Question?", "- [x] Right", "  > Yes.", "- [ ] Wrong", "</quiz>"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Return a page of up to 14 pieces, each indented, every item and quiz with its own words."""
    rows = []
    for number, (indent, piece) in enumerate(draw(st.lists(st.tuples(st.sampled_from(INDENTS), st.sampled_from(PIECES)), max_size=14))):
        if piece == "QUIZ":
            quiz = [line.replace("Question?", f"Question {number}?") for line in QUIZ_LINES]
            rows += [indent + line for line in quiz]
        elif piece:
            rows.append(indent + piece.replace("Item", f"Item {number}"))
        else:
            rows.append("")
    return "\n".join(rows) + "\n"


def rendered_ids(text: str) -> tuple[list[str], list[str]]:
    """Render a page with the course's extensions; return the item and quiz ids in its HTML."""
    log = logging.getLogger("mkdocs.plugins.course")
    level, log.disabled = log.level, True  # the scan's messages are not what this test is about
    try:
        html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    finally:
        log.disabled = False
        log.setLevel(level)
    return ITEM_ID.findall(html), QUIZ_ID.findall(html)


@settings(max_examples=int(os.environ.get("SCAN_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_the_scan_finds_what_the_page_shows(text: str) -> None:
    scanned = syntax.scan(text)
    items, quizzes = rendered_ids(text)
    assert ([item.id for item in scanned.checklist], [quiz.id for quiz in scanned.quizzes]) == (items, quizzes)


class _IndentEverything(markdown.preprocessors.Preprocessor):
    """A stand-in for an extension the scanner does not know: it turns the whole page into indented code."""

    def run(self, lines: list[str]) -> list[str]:
        """Indent every line by four spaces, after the course's preprocessors have run."""
        return ["", *("    " + line for line in lines)]


class _IndentExtension(markdown.extensions.Extension):
    """Register the stand-in right after the course's preprocessors (27 and 28)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Run before the HTML and fence preprocessors, after the course's."""
        md.preprocessors.register(_IndentEverything(md), "indent_everything", 26)


def test_the_render_reports_each_item_and_quiz_the_scan_found_but_the_page_does_not_show(caplog) -> None:
    text = "- [ ] Call them\n\n<quiz>\nWhich one?\n- [x] This\n- [ ] That\n</quiz>\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.course"):
        html = markdown.Markdown(extensions=[*EXTENSIONS, _IndentExtension()]).convert(text)
    assert "data-item-id" not in html and "data-quiz-id" not in html
    assert [record.getMessage() for record in caplog.records] == [
        "<markdown>:1: this checklist item is not shown as a checkbox: Markdown reads its line as part of "
        "something else here (code, HTML, a heading or the text above); put a blank line above the list and "
        "start the line with '- [ ] '",
        "<markdown>:3: this quiz is not shown as a quiz: Markdown reads its lines as part of something else "
        "here (code, HTML or the text above); put '<quiz>' on a line of its own with a blank line above, "
        "indented like the text around it",
    ]
