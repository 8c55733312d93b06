"""mkdocs-quiz syntax this engine does not read, named at its line with what to write instead.

The engine reads mkdocs-quiz's current syntax (``<quiz>`` blocks, fill-in
``[[answer]]``, the ``results`` and ``intro`` markers, the page options in
``page_options.py``). What it does not read would otherwise show on the page
as stray text: mkdocs-quiz's syntax from before its 1.0 (``<?quiz?>`` ...
``<?/quiz?>``, and the first ``quiz-start`` ... ``quiz-end``), and a marker
``<!-- mkdocs-quiz ... -->`` other than those two. Lines in fenced code or in
`code spans` are examples, and left alone. Pure: the quiz extension reports
these while building, and ``mkdocs-course check`` prints them.
"""
from __future__ import annotations

import re

from .diagnostics import Problem
from .syntax import _outside_fences

# Only the opening of an old quiz is named: one quiz, one message.
OLD_TAG = re.compile(r"<\?quiz\?>")
OLD_LINE = re.compile(r"^\s*quiz-start\s*$")
# The marker's name only: no pattern that runs on to the comment's end, so a search stays linear.
MARKER = re.compile(r"<!--\s*mkdocs-quiz\s+(?P<name>[^\s>]+)")
MARKERS = ("results", "intro")
OLD_SYNTAX = (
    "this is mkdocs-quiz's syntax from before its 1.0 ('{found}'), which this engine does not read; "
    "rewrite the quiz as '<quiz>', the question, '- [x] right' and '- [ ] wrong' options and '</quiz>' "
    "(mkdocs-quiz's own `mkdocs-quiz migrate docs/` does it)"
)
UNKNOWN_MARKER = (
    "'<!-- mkdocs-quiz {name} -->' is not a marker this engine knows, so it shows nothing; "
    "use '<!-- mkdocs-quiz results -->' or '<!-- mkdocs-quiz intro -->', or remove it"
)


def unsupported(lines: list[str]) -> list[Problem]:
    """Return a problem for each line of mkdocs-quiz syntax the engine does not read (lines 1-based)."""
    if not any("quiz" in line for line in lines):
        return []
    found = []
    for index, text in _outside_fences(lines):
        if "quiz" not in text:
            continue
        old = OLD_TAG.search(text) or OLD_LINE.match(text)
        if old:
            found.append(Problem(index + 1, OLD_SYNTAX.replace("{found}", old.group(0).strip())))
        for marker in MARKER.finditer(text):
            name = marker.group("name").rstrip("-")  # "<!-- mkdocs-quiz results-->"
            if name not in MARKERS:
                found.append(Problem(index + 1, UNKNOWN_MARKER.replace("{name}", name)))
    return found


def plugin_line(config_text: str) -> int | None:
    """Return the line of mkdocs.yml that lists the mkdocs-quiz plugin, or None when it is not listed."""
    for number, line in enumerate(config_text.split("\n"), start=1):
        if re.match(r"^\s*-\s*['\"]?mkdocs[-_]quiz['\"]?\s*:?\s*(?:#.*)?$", line):
            return number
        if re.match(r"^\s*plugins\s*:\s*\[[^#]*\bmkdocs[-_]quiz\b", line):  # plugins: [search, mkdocs_quiz]
            return number
    return None


PLUGIN = (
    "the mkdocs-quiz plugin is listed in `plugins`; remove it: this engine renders '<quiz>' blocks itself, "
    "and with both, mkdocs-quiz takes the quizzes before the engine sees them"
)
