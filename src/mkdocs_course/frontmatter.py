"""Read and validate a page's front matter, keeping each key's line number.

A page is a course module when its front matter names a ``section``; a module
must then say everything its header, the dashboard and the manifest need.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

from .diagnostics import Problem
from .ids import is_valid_id

# libyaml's loader reads front matter about ten times faster; the pure-Python
# one is the fallback where PyYAML was built without it.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# MkDocs' own pattern (mkdocs.utils.meta.YAML_RE): what it does not match stays in the page's body.
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
# The first line of MultiMarkdown metadata, which MkDocs strips from a page without YAML (META_RE).
META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
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
# Keys of other tools that the engine reads itself (page_options.py), with what they are for.
OTHER_TOOL_KEYS = {
    "quiz": "mkdocs-quiz's page options: shuffle_answers and show_correct are honoured; the others are reported.",
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


def decode_source(data: bytes) -> tuple[str, Problem | None]:
    """Return a Markdown file's text as MkDocs reads it (UTF-8, BOM dropped), and a problem when it is not UTF-8.

    The text of a file that is not UTF-8 has U+FFFD for each byte that could
    not be read, so the page still builds, visibly damaged, and the message
    names the line.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        problem = Problem(
            line,
            f"this file is not UTF-8 text (byte 0x{byte:02x} on this line cannot be read); "
            "save it as UTF-8 in your editor",
        )
        return data.decode("utf-8-sig", errors="replace"), problem


def body_line_offset(text: str) -> int:
    """Return how many lines MkDocs strips before the Markdown it renders (front matter and the blank lines after it).

    Decided as MkDocs decides (``mkdocs.utils.meta.get_data``): front matter
    that is empty, not valid YAML or not a mapping stays in the body, and
    MultiMarkdown-style ``Key: value`` lines at the top of a page without
    YAML are stripped.
    """
    return read_front_matter(text).body_line - 1


def read_front_matter(text: str) -> FrontMatter:
    """Parse YAML front matter the way MkDocs does, remembering key lines and where MkDocs' body starts."""
    if not text.startswith("---"):
        return _without_yaml(text)
    match = MKDOCS_FRONT_MATTER.match(text)
    if not match:
        return _unclosed(text)
    raw = match.group(1)
    result = FrontMatter()
    for number, line in enumerate(raw.split("\n"), start=2):
        if key := KEY_LINE.match(line):
            result.lines.setdefault(key.group("key"), number)
    try:
        data = _load_yaml(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        result.problems.append(Problem(line, f"front matter is not valid YAML ({getattr(error, 'problem', error)}); check quotes and indentation"))
        return result
    if data is None:
        result.problems.append(Problem(1, EMPTY_FRONT_MATTER))
        return result
    if not isinstance(data, dict):
        result.problems.append(Problem(1, "front matter must be 'key: value' lines between two '---' lines"))
        return result
    result.data = data
    rest = text[match.end() :]
    result.body_line = text[: match.end()].count("\n") + len(rest) - len(rest.lstrip("\n")) + 1
    return result


EMPTY_FRONT_MATTER = (
    "front matter is empty, so MkDocs shows its '---' lines on the page; remove them, or put 'key: value' lines between them"
)


def _unclosed(text: str) -> FrontMatter:
    """Read a page that starts with '---' that MkDocs does not take as front matter (it stays in the body)."""
    result = FrontMatter()
    lines = text.split("\n", 2)
    second = lines[1] if len(lines) > 1 else ""
    if CLOSING.match(second):
        result.problems.append(Problem(1, EMPTY_FRONT_MATTER))
    elif KEY_LINE.match(second):  # YAML that never ends: a horizontal rule is followed by prose, not keys
        result.problems.append(
            Problem(
                1,
                "front matter is never closed, so MkDocs shows it as text and the page is not a module; "
                "add a line '---' (followed by a line break) after its last key",
            )
        )
    return result


def _without_yaml(text: str) -> FrontMatter:
    """Read a page with no YAML front matter: report '---' front matter that blank lines push down; strip MultiMarkdown keys as MkDocs does."""
    result = FrontMatter()
    if text[:1] in "\n \t" and text.strip(" \t\n").startswith("---"):
        stripped = text.lstrip(" \t\n")
        opening_line = text[: len(text) - len(stripped)].count("\n") + 1
        if MKDOCS_FRONT_MATTER.match(stripped):
            result.problems.append(
                Problem(
                    opening_line,
                    "front matter must start on the first line of the file, or MkDocs shows it as text and "
                    "the page is not a module; remove the blank line(s) above '---'",
                )
            )
        return result
    if META_LINE.match(text):
        from mkdocs.utils.meta import get_data  # only for pages that start with a 'Key: value' line

        body, _ = get_data(text)
        result.body_line = text.count("\n") - body.count("\n") + 1
    return result


def validate_module(front: FrontMatter, section_ids: list[str]) -> list[Problem]:
    """Return every problem with a page's course keys (none for non-module pages)."""
    data, problems = front.data, []
    known = set(MODULE_KEYS) | OPTIONAL_MODULE_KEYS | THEME_KEYS | set(OTHER_TOOL_KEYS)
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
    if not isinstance(section, str) or not section.strip():
        kind = "empty" if section is None or section == "" else f"a {type(section).__name__}, not a section id"
        choices = ", ".join(section_ids) or "none yet"
        problems.append(
            Problem(front.line("section"), f"`section` is {kind}; write one section id from mkdocs.yml (extra.course.sections): {choices}")
        )
    elif section not in section_ids:
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
