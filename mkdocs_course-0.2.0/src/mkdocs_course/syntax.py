"""Find quizzes and checklist items in Markdown text, with their line numbers.

A pure scanner: the Markdown extensions, the course model and the ``check``
command all read pages through it, so ids and problems agree everywhere.

Quiz syntax (the block format of the mkdocs-quiz plugin)::

    <quiz>                      or  <quiz id="my-id">
    Question text (Markdown).
    - [x] A correct option
      > Feedback shown for this option.
    - [ ] A wrong option

    Explanation shown once answered (Markdown).
    </quiz>

Checklist items are GitHub task-list items outside quizzes, with an optional
explicit id at the end: ``- [ ] Bake a test loaf {#test-loaf}``.
"""
from __future__ import annotations

import re

from .diagnostics import Problem
from .ids import derived_id, is_valid_id

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
QUIZ_OPEN = re.compile(r"^ {0,3}<quiz(?P<attrs>(?:\s+[^>]*)?)>\s*$")
QUIZ_CLOSE = re.compile(r"^ {0,3}</quiz>\s*$")
# A pattern, not compiled: few quizzes have attributes (see "Build cost" in ARCHITECTURE.md).
ATTR = r"""\s*([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))"""
OPTION = re.compile(r"^ {0,3}[-*+]\s+\[(?P<mark>[ xX])\]\s?(?P<text>.*)$")
FEEDBACK = re.compile(r"^\s*>\s?(?P<text>.*)$")
TASK = re.compile(r"^(?P<indent>\s*)[-*+]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*?)\s*$")
EXPLICIT = re.compile(r"\s*\{:?\s*#(?P<id>[^\s}]+)\s*\}\s*$")
# Every line the patterns above can start on: a fence, a quiz tag or a task item.
# Most of a page is prose, so the scanner looks only at lines that match this.
MARKED = re.compile(r"\s*(?:```|~~~|</?quiz\b|[-*+]\s+\[)")


# Records are plain classes with __slots__: every build imports the engine
# again, and a NamedTuple or dataclass costs ten to a hundred times more to
# define (ARCHITECTURE.md, "Build cost").
class Option:
    """One answer of a quiz."""

    __slots__ = ("text", "correct", "line", "feedback")

    def __init__(self, text: str, correct: bool, line: int, feedback: str = "") -> None:
        self.text = text
        self.correct = correct
        self.line = line
        self.feedback = feedback


class Quiz:
    """A parsed ``<quiz>`` block; lines are 1-based within the scanned text."""

    __slots__ = ("id", "line", "end_line", "question", "options", "explanation", "explicit_id")

    def __init__(
        self,
        id: str,
        line: int,
        end_line: int,
        question: str,
        options: list[Option],
        explanation: str,
        explicit_id: bool = False,
    ) -> None:
        self.id = id
        self.line = line
        self.end_line = end_line
        self.question = question
        self.options = options
        self.explanation = explanation
        self.explicit_id = explicit_id

    @property
    def kind(self) -> str:
        """Return ``single`` for one correct option, ``multiple`` for several."""
        return "multiple" if sum(o.correct for o in self.options) > 1 else "single"


class ChecklistItem:
    """One task-list item a learner can tick."""

    __slots__ = ("id", "line", "text", "checked", "explicit_id")

    def __init__(self, id: str, line: int, text: str, checked: bool = False, explicit_id: bool = False) -> None:
        self.id = id
        self.line = line
        self.text = text
        self.checked = checked
        self.explicit_id = explicit_id


# A plain class, not a dataclass: see "Build cost" in ARCHITECTURE.md.
class PageSyntax:
    """Everything the scanner found in one page."""

    __slots__ = ("quizzes", "checklist", "quiz_problems", "checklist_problems", "quiz_spans")

    def __init__(self) -> None:
        self.quizzes: list[Quiz] = []
        self.checklist: list[ChecklistItem] = []
        self.quiz_problems: list[Problem] = []
        self.checklist_problems: list[Problem] = []
        # (first line, last line) of every quiz block, valid or not, 0-based.
        self.quiz_spans: list[tuple[int, int, Quiz | None]] = []

    def ids(self) -> tuple[list[str], list[str]]:
        """Return the checklist item ids and the quiz ids, in page order."""
        return [item.id for item in self.checklist], [quiz.id for quiz in self.quizzes]

    @property
    def problems(self) -> list[Problem]:
        """Return every problem in line order."""
        return sorted(self.quiz_problems + self.checklist_problems, key=lambda p: p.line)


def scan(text: str | list[str]) -> PageSyntax:
    """Scan Markdown for quizzes and checklist items."""
    lines = text.split("\n") if isinstance(text, str) else text
    page = PageSyntax()
    marked = [index for index, line in enumerate(lines) if MARKED.match(line)]
    fence: str | None = None
    resume = 0  # the first line after the last quiz read
    for position, index in enumerate(marked):
        if index < resume:
            continue
        line = lines[index]
        inside = fence is not None
        fence = _fence_after(fence, line)
        if inside or fence is not None:
            continue  # code: quiz tags and task items in it are left alone
        if QUIZ_OPEN.match(line):
            resume = _scan_quiz(lines, marked[position + 1 :], index, page)
        elif QUIZ_CLOSE.match(line):
            page.quiz_problems.append(
                Problem(index + 1, "'</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question")
            )
        elif task := TASK.match(line):
            _add_item(page, task, index + 1)
    _check_unique_quiz_ids(page)
    _check_unique_item_ids(page)
    return page


def _fence_after(fence: str | None, line: str) -> str | None:
    """Return the open code fence after ``line``: opened, closed (same character, at least as long) or unchanged."""
    match = FENCE.match(line)
    if fence is None:
        return match.group(1) if match else None
    if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
        return None
    return fence


def _scan_quiz(lines: list[str], marked: list[int], start: int, page: PageSyntax) -> int:
    """Parse the quiz opening at ``start``; return the index after its end (``marked``: the marked lines after it)."""
    fence: str | None = None
    for index in marked:
        line = lines[index]
        inside = fence is not None
        fence = _fence_after(fence, line)
        if inside or fence is not None:
            continue
        if QUIZ_CLOSE.match(line):
            quiz = _parse_quiz(lines, start, index, page.quiz_problems)
            page.quiz_spans.append((start, index, quiz))
            if quiz is not None:
                page.quizzes.append(quiz)
            return index + 1
        elif QUIZ_OPEN.match(line):
            break
    page.quiz_problems.append(
        Problem(start + 1, "'<quiz>' is never closed; add '</quiz>' on its own line after the explanation")
    )
    page.quiz_spans.append((start, start, None))
    return start + 1


def _parse_quiz(lines: list[str], start: int, end: int, problems: list[Problem]) -> Quiz | None:
    """Parse the lines between ``<quiz>`` and ``</quiz>``; None when unusable."""
    found: list[Problem] = []
    line_no = start + 1
    attrs = _parse_attrs(QUIZ_OPEN.match(lines[start]).group("attrs"), line_no, found)
    question: list[str] = []
    options: list[Option] = []
    explanation: list[str] = []
    state = "question"  # question -> options -> explanation
    after_blank = False
    for index in range(start + 1, end):
        line, number = lines[index], index + 1
        option = OPTION.match(line)
        feedback = FEEDBACK.match(line)
        if state in ("question", "options") and option:
            state = "options"
            options.append(Option(option.group("text").strip(), option.group("mark") != " ", number))
            if not options[-1].text:
                found.append(Problem(number, "quiz option has no text; write the answer after '- [ ]' or '- [x]'"))
        elif state == "options" and feedback and not after_blank:
            options[-1].feedback += feedback.group("text") + "\n"
        elif feedback and (state == "question" or (state == "options" and after_blank)):
            found.append(
                Problem(
                    number,
                    "feedback line '>' is not directly under an option; put it on the line right "
                    "after the option it explains, with no blank line between",
                )
            )
            state = "explanation" if state == "options" else state
        elif state == "options" and not line.strip():
            after_blank = True
            continue
        elif state == "options" and line.startswith(("  ", "\t")) and not after_blank:
            options[-1].text += " " + line.strip()  # a wrapped option line
        elif state == "question":
            question.append(line)
        else:
            state = "explanation"
            explanation.append(line)
        after_blank = False

    question_text = "\n".join(question).strip()
    if not question_text:
        found.append(Problem(line_no, "quiz has no question; write the question on the lines after '<quiz>'"))
    if not options:
        found.append(
            Problem(line_no, "quiz has no options; add answers as task-list items: '- [x] right' and '- [ ] wrong'")
        )
    elif len(options) == 1:
        found.append(Problem(line_no, "quiz has only one option; add at least one more '- [ ] ...' answer"))
    elif not any(o.correct for o in options):
        found.append(Problem(line_no, "quiz has no correct option; mark the right answer(s) with '- [x]'"))
    problems.extend(found)
    if found:
        return None
    explicit = attrs.get("id")
    return Quiz(
        id=explicit or derived_id("q", question_text),
        line=line_no,
        end_line=end + 1,
        question=question_text,
        options=[Option(o.text, o.correct, o.line, o.feedback.strip()) for o in options],
        explanation="\n".join(explanation).strip(),
        explicit_id=explicit is not None,
    )


def _parse_attrs(raw: str, line_no: int, problems: list[Problem]) -> dict[str, str]:
    """Read ``id="..."`` from a quiz's opening tag."""
    attrs: dict[str, str] = {}
    if not raw:
        return attrs
    rest = re.sub(ATTR, "", raw).strip()
    if rest:
        problems.append(Problem(line_no, f"cannot read '{rest}' in '<quiz>'; write attributes as id=\"my-id\""))
    for match in re.finditer(ATTR, raw):
        name, value = match.group(1), next(v for v in match.groups()[1:] if v is not None)
        if name != "id":
            problems.append(Problem(line_no, f"'<quiz>' has no attribute '{name}'; the only one is id=\"...\""))
        elif not is_valid_id(value):
            problems.append(
                Problem(line_no, f"quiz id '{value}' is not valid; use a letter then letters, digits, '-' or '_'")
            )
        else:
            attrs["id"] = value
    return attrs


def _add_item(page: PageSyntax, task: re.Match[str], number: int) -> None:
    """Record one checklist item from a task-list line."""
    text = task.group("text")
    explicit = EXPLICIT.search(text)
    if explicit:
        text = text[: explicit.start()].strip()
        if not is_valid_id(explicit.group("id")):
            page.checklist_problems.append(
                Problem(
                    number,
                    f"checklist id '{explicit.group('id')}' is not valid; "
                    "use a letter then letters, digits, '-' or '_'",
                )
            )
            return
    if not text:
        page.checklist_problems.append(Problem(number, "checklist item has no text; write the action after '- [ ]'"))
        return
    page.checklist.append(
        ChecklistItem(
            id=explicit.group("id") if explicit else derived_id("c", text),
            line=number,
            text=text,
            checked=task.group("mark") != " ",
            explicit_id=explicit is not None,
        )
    )


def _check_unique_quiz_ids(page: PageSyntax) -> None:
    """Report quizzes whose ids clash, which would mix up saved answers."""
    page.quiz_problems += _clashes(
        page.quizzes,
        explicit="quiz id '{id}' is already used on line {related}; give this quiz another id",
        derived=(
            "this quiz asks the same question as the quiz on line {related}, so both would get "
            "the id '{id}'; reword one question or give it an id: <quiz id=\"...\">"
        ),
    )


def _check_unique_item_ids(page: PageSyntax) -> None:
    """Report checklist items whose ids clash, which would tick both at once."""
    page.checklist_problems += _clashes(
        page.checklist,
        explicit="checklist id '{id}' is already used on line {related}; give this item another id",
        derived=(
            "this checklist item has the same text as the one on line {related}, so both would get "
            "the same id; reword one or give it an id at the end: {#my-id}"
        ),
    )


def _clashes(found: list[Quiz] | list[ChecklistItem], *, explicit: str, derived: str) -> list[Problem]:
    """Return a problem for each quiz or item whose id an earlier one on the page already has."""
    problems, seen = [], {}
    for thing in found:
        first = seen.setdefault(thing.id, thing)
        if first is not thing:
            template = explicit if thing.explicit_id else derived
            # {related} stays a placeholder: Problem shifts it by the front matter's lines.
            problems.append(Problem(thing.line, template.replace("{id}", thing.id), related=first.line))
    return problems
