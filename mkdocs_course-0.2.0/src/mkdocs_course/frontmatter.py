"""Read and validate a page's front matter, keeping each key's line number.

A page is a course module when its front matter names a ``section``; a module
must then say everything its header, the dashboard and the manifest need.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

# libyaml's loader reads front matter about ten times faster; the pure-Python
# one is the fallback where PyYAML was built without it.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from .diagnostics import Problem
from .ids import is_valid_id

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")

MODULE_KEYS = {
    "title": "title: Open communication",
    "section": "section: steps",
    "order": "order: 1",
    "summary": "summary: One line that says what the learner will be able to do.",
    "minutes": "minutes: 15",
    "objectives": "objectives:\\n  - Listen without planning your reply\\n  - ...",
}
OPTIONAL_MODULE_KEYS = {"id"}
# Keys MkDocs and Material read; allowed on any page.
THEME_KEYS = {
    "title", "description", "template", "hide", "icon", "status", "subtitle", "search", "tags",
    "comments", "robots", "social", "authors", "date", "render_macros", "course_page",
}


def _load_yaml(raw: str) -> object:
    """Load YAML fast; on an error, load again with the pure-Python loader for its clearer message."""
    try:
        return yaml.load(raw, Loader=SafeLoader)
    except yaml.YAMLError:
        return yaml.load(raw, Loader=yaml.SafeLoader)


# A plain class, not a dataclass: see "Build cost" in ARCHITECTURE.md.
class FrontMatter:
    """A page's front matter, the line of each key, and where the body starts."""

    __slots__ = ("data", "lines", "body_line", "problems")

    def __init__(self, body_line: int = 1) -> None:
        self.data: dict[str, Any] = {}
        self.lines: dict[str, int] = {}
        self.body_line = body_line
        self.problems: list[Problem] = []

    @property
    def is_module(self) -> bool:
        """Tell whether the page declares itself a course module."""
        return "section" in self.data

    def line(self, key: str) -> int:
        """Return the line of ``key``, or of the front matter's start when absent."""
        return self.lines.get(key, 1)


def body_line_offset(text: str) -> int:
    """Return how many lines MkDocs strips before the Markdown it renders: front matter and the blank lines after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    return text[: match.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def read_front_matter(text: str) -> FrontMatter:
    """Parse YAML front matter the way MkDocs does, remembering key lines."""
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter()
    raw = match.group("yaml") or ""
    result = FrontMatter(body_line=text[: match.end()].count("\n") + 1)
    for number, line in enumerate(raw.split("\n"), start=2):
        if key := KEY_LINE.match(line):
            result.lines.setdefault(key.group("key"), number)
    try:
        data = _load_yaml(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        result.problems.append(Problem(line, f"front matter is not valid YAML ({getattr(error, 'problem', error)}); check quotes and indentation"))
        return result
    if not isinstance(data, dict):
        result.problems.append(Problem(1, "front matter must be 'key: value' lines between two '---' lines"))
        return result
    result.data = data
    return result


def validate_module(front: FrontMatter, section_ids: list[str]) -> list[Problem]:
    """Return every problem with a page's course keys (none for non-module pages)."""
    data, problems = front.data, []
    known = set(MODULE_KEYS) | OPTIONAL_MODULE_KEYS | THEME_KEYS
    suggested: set[str] = set()  # a misspelt key is one mistake: no "missing" message for it too
    for key in data:
        if key in known:
            continue
        near = difflib.get_close_matches(key, sorted(set(MODULE_KEYS) | OPTIONAL_MODULE_KEYS | THEME_KEYS), n=1, cutoff=0.6)
        if near or front.is_module:
            hint = f"did you mean `{near[0]}`?" if near else f"module keys are: {', '.join(MODULE_KEYS)}, id"
            suggested.update(near)
            problems.append(Problem(front.line(key), f"unknown front-matter key `{key}`; {hint}"))
    if not front.is_module:
        stray = [k for k in ("order", "summary", "minutes", "objectives") if k in data]
        if stray and "section" not in suggested:
            problems.append(
                Problem(front.line(stray[0]), f"`{stray[0]}` is only used by modules, but this page has no `section`; add e.g. `section: {section_ids[0] if section_ids else 'steps'}`")
            )
        return problems
    for key, example in MODULE_KEYS.items():
        if key not in data and key not in suggested:
            problems.append(Problem(1, f"module front matter is missing `{key}`; add a line like `{example}`"))
    if "title" in data and not _text(data["title"]):
        problems.append(Problem(front.line("title"), "`title` is empty; give the module a short title"))
    if "summary" in data and not _text(data["summary"]):
        problems.append(Problem(front.line("summary"), "`summary` is empty; write one line about what the learner will be able to do"))
    section = data.get("section")
    if section is not None and section not in section_ids:
        near = difflib.get_close_matches(str(section), section_ids, n=1)
        hint = f"did you mean `{near[0]}`?" if near else f"sections in mkdocs.yml (extra.course.sections) are: {', '.join(section_ids) or 'none yet'}"
        problems.append(Problem(front.line("section"), f"section `{section}` is not defined; {hint}"))
    for key in ("order", "minutes"):
        if key in data and not (isinstance(data[key], int) and not isinstance(data[key], bool) and data[key] > 0):
            problems.append(Problem(front.line(key), f"`{key}` must be a whole number above 0, not `{data[key]}`"))
    if "objectives" in data:
        objectives = data["objectives"]
        if not isinstance(objectives, list) or not objectives:
            problems.append(Problem(front.line("objectives"), "`objectives` is empty; list 2 to 4 things the learner will be able to do, one `- ` line each"))
        elif not all(_text(o) for o in objectives):
            problems.append(Problem(front.line("objectives"), "every objective must be a line of text; remove empty `- ` lines"))
        elif not 2 <= len(objectives) <= 4:
            problems.append(Problem(front.line("objectives"), f"a module has 2 to 4 objectives, this one has {len(objectives)}; merge or add some"))
    if "id" in data and not (isinstance(data["id"], str) and all(is_valid_id(part) for part in data["id"].split("/"))):
        problems.append(Problem(front.line("id"), f"module id `{data['id']}` must be letters, digits, '-', '_' and '/'"))
    return problems


def _text(value: object) -> bool:
    """Tell whether a value is a non-empty string."""
    return isinstance(value, str) and bool(value.strip())
