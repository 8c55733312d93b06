"""The ``<reflection>`` block's syntax, read the same way by the scanner and the renderer.

Pure: the scanner (``syntax.scan``, so the course model and ``check``) and the
block processor (``reflection.py``) both read a reflection's opening tag and
prompt here, so every mistake has one message, wherever it is found::

    <reflection>   or   <reflection id="my-id">   or   <reflection plan="Our phone rule">
    What does a safe, ordinary evening look like for you? (Markdown)
    </reflection>

``plan="..."`` puts the reflection on the course's plan page (the line
``<!-- course: plan -->``), under that label.
"""
from __future__ import annotations

import re

from .diagnostics import Problem
from .ids import derived_id, is_valid_id

OPEN = re.compile(r"^<reflection(?P<attrs>\s[^>]*)?>[ \t]*(?:\n|$)", re.I)
CLOSE = re.compile(r"^</reflection>[ \t]*$", re.I | re.M)
# Any reflection tag at the start of a line (after spaces): one not read as a reflection is a mistake.
TAG = re.compile(r"\s*</?reflection\b", re.I)
ANYWHERE = re.compile(r"</?reflection\b", re.I)
# An attribute starts where a word starts, so a long word is read once, not once per letter.
ATTR = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ATTRIBUTES = ("id", "plan")
# A plan label is a heading on the plan page: a few words.
PLAN_LABEL_MAX = 60
PLAN_MARKER = "<!-- course: plan -->"
"""An author writes this line on a page to put every plan reflection of the course there."""


class Reflection:
    """A ``<reflection>`` block the scanner read; lines are 1-based within the scanned text."""

    __slots__ = ("id", "line", "end_line", "prompt", "plan", "explicit_id", "opening")

    def __init__(
        self, id: str, line: int, end_line: int, prompt: str, plan: str | None, explicit_id: bool, opening: str
    ) -> None:
        self.id = id
        self.line = line
        self.end_line = end_line
        self.prompt = prompt
        self.plan = plan  # the label on the plan page, or None
        self.explicit_id = explicit_id
        self.opening = opening  # the opening tag's line, stripped: how the renderer finds it again


def read_opening(attrs: str, line: int, problems: list[Problem]) -> tuple[str | None, str | None]:
    """Read ``id`` and ``plan`` from an opening tag's attributes; return them (None where absent or wrong)."""
    found: dict[str, str] = {}
    mistakes: list[Problem] = []
    rest, last = [], 0
    for match in ATTR.finditer(attrs):
        rest.append(attrs[last : match.start()])
        last = match.end()
        name, value = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
        if name not in ATTRIBUTES:
            mistakes.append(
                Problem(line, f"'<reflection>' has no attribute '{name}'; the ones it has are id=\"my-id\" and plan=\"Our phone rule\"")
            )
        elif name in found:
            mistakes.append(Problem(line, f"'<reflection>' has {name}=\"...\" twice; keep one"))
        else:
            found[name] = value
    rest.append(attrs[last:])
    leftover = " ".join(" ".join(rest).split())
    if leftover:
        mistakes.insert(
            0, Problem(line, f"cannot read '{leftover}' in '<reflection>'; write attributes as id=\"my-id\" or plan=\"Our phone rule\"")
        )
    explicit, plan = found.get("id"), found.get("plan")
    if explicit is not None and not is_valid_id(explicit):
        mistakes.append(Problem(line, f"reflection id '{explicit}' is not valid; use a letter then letters, digits, '-' or '_'"))
        explicit = None
    if plan is not None:
        plan = " ".join(plan.split())
        if not plan:
            mistakes.append(
                Problem(line, "the reflection's plan label is empty; write a short label, such as plan=\"Our phone rule\", or remove plan")
            )
            plan = None
        elif len(plan) > PLAN_LABEL_MAX:
            mistakes.append(
                Problem(
                    line,
                    f"the plan label '{plan[:20]}...' is {len(plan)} characters long; keep it to {PLAN_LABEL_MAX} "
                    "or fewer (it is a heading on the plan page) and put the question in the prompt",
                )
            )
            plan = None
    problems.extend(mistakes)
    return explicit, plan


def read_reflection(opening: str, prompt: str, line: int, end_line: int, problems: list[Problem]) -> Reflection | None:
    """Return the reflection an opening line and its prompt make, or None when it has no prompt; report mistakes."""
    match = OPEN.match(opening.strip())
    explicit, plan = read_opening((match.group("attrs") or "") if match else "", line, problems)
    prompt = prompt.strip()
    if not prompt:
        problems.append(Problem(line, "reflection has no prompt; write the question on the lines between the tags"))
        return None
    reflection_id = explicit or derived_id("r", prompt)
    return Reflection(reflection_id, line, end_line, prompt, plan, explicit is not None, opening.strip())


NEVER_CLOSED = "'<reflection>' is never closed; add '</reflection>' on its own line after the prompt"
NOT_READ = (
    "this '<reflection>' is not read as a reflection here (it continues the text above it, or is indented); "
    "put it at the start of a line of its own, with a blank line above"
)
STRAY_CLOSE = "'</reflection>' has no matching '<reflection>'; remove it, or add '<reflection>' on a line of its own above the prompt"
IN_RAW_HTML = (
    "this '<reflection>' is inside the raw HTML block that starts on line {related}, so it shows as plain text; "
    "move it out of the HTML"
)
CLASH_EXPLICIT = "reflection id '{id}' is already used on line {related}; give this reflection another id"
CLASH_DERIVED = (
    "this reflection asks the same question as the one on line {related}, so both would get the id '{id}'; "
    "reword one or give it an id: <reflection id=\"...\">"
)
