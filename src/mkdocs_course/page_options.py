"""A page's ``quiz:`` front matter, as mkdocs-quiz writes it: what the engine honours, and one message for each option it does not.

mkdocs-quiz reads these page options (its "Configuration" page): ``enabled``,
``auto_number``, ``show_correct``, ``auto_submit``, ``disable_after_submit``,
``shuffle_answers``, ``show_progress`` and ``language`` (and an old
``quiz: disable``). Two map onto the engine: ``shuffle_answers`` (the page's
own ``shuffle``; a quiz's ``shuffle="..."`` still wins) and ``show_correct``
(``false``: no "Show the answer" button on the page). A value that is what the
engine does anyway (``auto_submit: false``, ``disable_after_submit: false``,
``auto_number: false``, ``show_progress: true``, ``enabled: true``) is
accepted. Everything else gets one ``what; how to fix`` message at its line.
Pure: the course model reports the messages (build and ``check`` alike), and
the build hands ``render_options`` to the quiz extension for each page.
"""
from __future__ import annotations

import re

from .diagnostics import Problem
from .frontmatter import FrontMatter

KEY = "quiz"
# What mkdocs-quiz does by default, and the engine always: writing it changes nothing.
SAME_AS_ENGINE = {"auto_submit": False, "disable_after_submit": False, "auto_number": False, "show_progress": True, "enabled": True}
NOT_MAPPED = {
    "auto_submit": "this engine always has a 'Check answer' button (a choice made by mistake is not an answer)",
    "disable_after_submit": "this engine always offers 'Try again': its quizzes teach, so a learner may answer again",
    "auto_number": "this engine does not number questions; write the number in the question if you want one",
    "show_progress": "this engine always shows the module's progress line, under the module's title",
    "enabled": "this engine renders every quiz (quiz syntax meant as text goes in a fenced code block)",
}
MAPPED = ("shuffle_answers", "show_correct")
NESTED_KEY = re.compile(r"^(?P<indent>\s+)(?P<key>[A-Za-z_][\w-]*)\s*:")


def problems(front: FrontMatter, text: str, language: str = "en") -> list[Problem]:
    """Return a problem for each option of the page's ``quiz:`` front matter that the engine does not honour, at its line."""
    if KEY not in front.data:
        return []
    options = front.data[KEY]
    at = front.line(KEY)
    if options == "disable":
        return [Problem(at, f"`quiz: disable` (mkdocs-quiz's old way to turn quizzes off) is not supported: {NOT_MAPPED['enabled']}; remove it")]
    if not isinstance(options, dict):
        return [Problem(at, "`quiz` must be mkdocs-quiz's page options, one per line under `quiz:`, e.g. `  shuffle_answers: true`")]
    lines = _option_lines(text, at)
    found = []
    for name, value in options.items():
        line = lines.get(str(name), at)
        if name in MAPPED:
            if not isinstance(value, bool):
                found.append(Problem(line, f"`quiz: {name}` must be true or false, not `{value}`; write `{name}: true` or `{name}: false`"))
        elif name in SAME_AS_ENGINE and value is SAME_AS_ENGINE[name]:
            continue
        elif name in NOT_MAPPED:
            found.append(Problem(line, f"mkdocs-quiz's `quiz: {name}: {_yaml(value)}` is not supported: {NOT_MAPPED[name]}; remove it"))
        elif name == "language":
            if value != language:
                found.append(
                    Problem(line, f"`quiz: language` is not supported: the course's words follow `theme.language` in mkdocs.yml (`{language}`); remove it")
                )
        else:
            found.append(
                Problem(line, f"`quiz: {name}` is not a page option this engine knows; the ones it honours are {' and '.join(MAPPED)}; remove it")
            )
    return found


def render_options(meta: dict) -> dict[str, bool]:
    """Return what the quiz extension does differently on a page: ``shuffle`` and ``reveal``, when its front matter sets them."""
    options = meta.get(KEY)
    if not isinstance(options, dict):
        return {}
    chosen = {}
    if isinstance(options.get("shuffle_answers"), bool):
        chosen["shuffle"] = options["shuffle_answers"]
    if isinstance(options.get("show_correct"), bool):
        chosen["reveal"] = options["show_correct"]
    return chosen


def _option_lines(text: str, key_line: int) -> dict[str, int]:
    """Return the line of each option written on its own line under ``quiz:`` (the file's line numbers)."""
    lines = text.split("\n")
    found: dict[str, int] = {}
    indent = None
    for number in range(key_line, len(lines)):  # the line after `quiz:` (key_line is 1-based)
        line = lines[number]
        if not line.strip():
            continue
        match = NESTED_KEY.match(line)
        if not match or (indent is not None and len(match.group("indent")) != indent):
            if not line[:1].isspace():
                break
            continue
        indent = len(match.group("indent"))
        found.setdefault(match.group("key"), number + 1)
    return found


def _yaml(value: object) -> str:
    """Return a front-matter value as the author wrote it (``true``, not ``True``)."""
    return str(value).lower() if isinstance(value, bool) else str(value)
