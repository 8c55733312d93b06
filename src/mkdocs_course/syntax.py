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

Two additions of this engine: ``<quiz shuffle="true">`` (or ``"false"``)
overrides the course's ``shuffle`` setting for one quiz, and a paragraph
starting with ``Hint:`` right before the options is a hint, shown on
request (and read as plain text where no extension runs).

Checklist items are GitHub task-list items outside quizzes, with an optional
explicit id at the end: ``- [ ] Bake a test loaf {#test-loaf}``.
"""
from __future__ import annotations

import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

from . import checkin as checkins
from . import reflection_syntax
from .diagnostics import Problem
from .ids import derived_id, is_valid_id
from .reflection_syntax import Reflection

# Every pattern is anchored and has no two quantifiers that can share the same
# characters, so each runs in time linear in its line (see test_syntax's
# "long line" tests): an author's odd line never stalls a build.
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
QUIZ_OPEN = re.compile(r"^ {0,3}<quiz(?P<attrs>\s[^>]*)?>\s*$", re.I)
QUIZ_CLOSE = re.compile(r"^ {0,3}</quiz>\s*$", re.I)
# Any quiz tag, wherever it is: a line like this that is not read as a quiz is a mistake.
QUIZ_TAG = re.compile(r"\s*</?quiz\b", re.I)
# The same, searched for anywhere: no leading \s*, which a search would retry at every space.
QUIZ_ANYWHERE = re.compile(r"</?quiz\b", re.I)
# An attribute starts where a word starts, so a long word is read once, not once per letter.
ATTR = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# "- []" (no space) is a wrong option too, as mkdocs-quiz documents.
OPTION = re.compile(r"^ {0,3}[-*+]\s+\[(?P<mark>[ xX]?)\]\s?(?P<text>.*)$")
HINT_MARK = "Hint:"
FEEDBACK = re.compile(r"^\s*>\s?(?P<text>.*)$")
# A task item as Python-Markdown's list and pymdownx.tasklist read it: ASCII spaces only.
TASK = re.compile(r"^(?P<indent> *)[-*+] +\[(?P<mark>[ xX])\] +(?P<text>.*)$")
# What an author may have meant as a task item (any Unicode space, or none).
TASK_LIKE = re.compile(r"^\s*[-*+]\s*\[[ xX]\]")
EXPLICIT = re.compile(r"\{:?\s*#(?P<id>[^\s}]+)\s*\}")
# Python-Markdown's list items (ordered or not) and nested items, tab_length 4.
LIST_ITEM = re.compile(r"^ {0,3}(?:\d+\.|[*+-]) +")
NESTED_ITEM = re.compile(r"^ *(?:\d+\.|[*+-]) +")
HASH_HEADER = re.compile(r"^#{1,6}")
SETEXT_UNDERLINE = re.compile(r"^[=-]+ *$")
QUOTE = re.compile(r"^ {0,3}>")
# Admonitions (!!!), pymdownx.details (??? and ???+) and pymdownx.tabbed (=== "Tab"): content indented by 4.
CONTAINER = re.compile(r"""^(?:!!!|\?\?\?\+?) ?[\w"-]|^===[!+]{0,2} +\"""")
HTML_OPEN = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9-]*)")
TAG = re.compile(r"<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<rest>[^<>]*)>")
MARKDOWN_ATTR = re.compile(r"\smarkdown\s*=|\smarkdown\s*/?$")
BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
# Tags whose stray half breaks a quiz's markup (an unknown tag such as <one> is shown as text-like markup and left alone).
CHECKED_TAGS = BLOCK_TAGS | frozenset("a abbr b cite code em i kbd label mark q s samp small span strong sub sup u".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())

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

    __slots__ = ("id", "line", "end_line", "question", "options", "explanation", "explicit_id", "hint", "shuffle", "blanks")

    def __init__(
        self,
        id: str,
        line: int,
        end_line: int,
        question: str,
        options: list[Option],
        explanation: str,
        explicit_id: bool = False,
        hint: str = "",
        shuffle: bool | None = None,
        blanks: list[Blank] | None = None,
    ) -> None:
        self.id = id
        self.line = line
        self.end_line = end_line
        self.question = question
        self.options = options
        self.explanation = explanation
        self.explicit_id = explicit_id
        self.hint = hint  # Markdown shown on request ("Hint: ..." paragraph before the options)
        self.shuffle = shuffle  # shuffle="true|false" on the tag; None: the page's or course's setting
        self.blanks = blanks or []  # a fill-in-the-blank quiz's blanks ("[[answer]]" in the question), in order

    @property
    def kind(self) -> str:
        """Return ``blanks`` for a fill-in-the-blank quiz, ``single`` for one correct option, ``multiple`` for several."""
        if self.blanks:
            return "blanks"
        return "multiple" if sum(o.correct for o in self.options) > 1 else "single"


class Blank:
    """One ``[[answer]]`` of a fill-in-the-blank quiz: the answer, its line, and where it is in the question's text."""

    __slots__ = ("answer", "line", "start", "end")

    def __init__(self, answer: str, line: int, start: int, end: int) -> None:
        self.answer = answer
        self.line = line
        self.start = start  # offsets of "[[...]]" in Quiz.question
        self.end = end


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

    __slots__ = (
        "quizzes", "checklist", "quiz_problems", "checklist_problems", "quiz_spans",
        "reflections", "reflection_problems", "reflection_spans",
        "checkins", "checkin_problems", "checkin_spans",
    )  # fmt: skip

    def __init__(self) -> None:
        self.quizzes: list[Quiz] = []
        self.checklist: list[ChecklistItem] = []
        self.quiz_problems: list[Problem] = []
        self.checklist_problems: list[Problem] = []
        # (first line, last line, quiz, indentation of its container's blocks) of every quiz block,
        # valid or not; lines 0-based.
        self.quiz_spans: list[tuple[int, int, Quiz | None, int]] = []
        # Reflection prompts (reflection_syntax), and every reflection block the scan read, valid
        # or not, in page order: (opening line stripped, its line, the reflection or None, closed).
        self.reflections: list[Reflection] = []
        self.reflection_problems: list[Problem] = []
        self.reflection_spans: list[tuple[str, int, Reflection | None, bool]] = []
        # Self-check-ins (checkin.py), with ``again`` references; their mistakes are kept apart
        # from ``problems``: the course model reports them with what only it knows (checkin_problems).
        self.checkins: list[checkins.Checkin] = []
        self.checkin_problems: list[Problem] = []
        self.checkin_spans: list[tuple[int, int, checkins.Checkin | None, int]] = []

    def ids(self) -> tuple[list[str], list[str]]:
        """Return the checklist item ids and the quiz ids, in page order."""
        return [item.id for item in self.checklist], [quiz.id for quiz in self.quizzes]

    @property
    def problems(self) -> list[Problem]:
        """Return every problem in line order."""
        return sorted(self.quiz_problems + self.checklist_problems + self.reflection_problems, key=lambda p: p.line)


def scan(text: str | list[str]) -> PageSyntax:
    """Scan Markdown for quizzes and checklist items, reading its blocks as Python-Markdown does.

    Fenced code, HTML comments, raw HTML blocks, indented code, paragraphs,
    lists and the containers whose content is indented by 4 spaces
    (admonitions, details, content tabs, list items) are told apart, so an
    item or a quiz is found exactly where the page will show one. A line that
    looks like one but that Markdown reads otherwise is reported.
    """
    lines = text.split("\n") if isinstance(text, str) else text
    page = PageSyntax()
    joined = text if isinstance(text, str) else "\n".join(lines)
    if (
        "[" not in joined
        and not QUIZ_ANYWHERE.search(joined)
        and not reflection_syntax.ANYWHERE.search(joined)
        and not checkins.ANYWHERE.search(joined)
    ):
        return page  # most pages of prose: nothing to find
    # Python-Markdown expands tabs before any extension reads the page (tab_length 4).
    lines = [line.expandtabs(4) if "\t" in line else line for line in lines]
    scanner = _Scanner(lines, page)
    scanner.region(scanner.neutralise())
    scanner.report_unread()
    scanner.report_unread_reflections()
    _check_unique_quiz_ids(page)
    _check_unique_reflection_ids(page)
    _check_unique_item_ids(page)
    page.checkin_problems += checkins.unique_problems(page.checkins)
    return page


def _indent(text: str) -> int:
    """Return the number of leading spaces of a line."""
    return len(text) - len(text.lstrip(" "))


def _blank(text: str) -> bool:
    """Tell whether Python-Markdown reads a line as blank (spaces only, after tabs are expanded)."""
    return not text.strip(" ")


def _dedent(text: str, width: int) -> str:
    """Remove up to ``width`` leading spaces."""
    return text[min(width, _indent(text)) :]


def _is_rule(text: str) -> bool:
    """Tell whether a line is a horizontal rule (``---``, ``* * *``, ``___``), as Python-Markdown's HRProcessor reads it."""
    if _indent(text) > 3:
        return False
    stripped = text.strip(" ")
    if len(stripped) < 3 or stripped[0] not in "-*_" or "   " in stripped:
        return False
    marks = stripped.replace(" ", "")
    return len(marks) >= 3 and marks == stripped[0] * len(marks)


_BLANK = (-1, "")
# What neutralise leaves for a stashed run of code: a line of text with no meaning.
_STASHED = "\x02"
# ... and for a stashed HTML block: a paragraph of its own, so that an indented block after
# it follows a paragraph (and is code), not the list before it.
_STASH_BLOCK = [_BLANK, (-1, _STASHED), _BLANK]


class _Scanner:
    """One page's scan: the lines, what was found, and why each marked line is not an item or quiz."""

    def __init__(self, lines: list[str], page: PageSyntax) -> None:
        """Start a scan of ``lines`` (tabs expanded) that records what it finds in ``page``."""
        self.lines = lines
        self.page = page
        # Lines that look like a task item or a quiz tag: each must end up read, or reported.
        self.marked = {
            i
            for i, line in enumerate(lines)
            if ("[" in line and TASK_LIKE.match(line)) or ("<" in line and (QUIZ_TAG.match(line) or checkins.TAG.match(line)))
        }
        # Why a marked line is not an item or a quiz: "code", "comment", "quiz", "item", "quote",
        # "reported", or ("raw", line of the HTML tag).
        self.why: dict[int, object] = {}
        # Open md_in_html tags (markdown="1"), innermost last: their content is Markdown.
        self.markdown_tags: list[str] = []
        # Lines that start with a reflection tag: each must end up read as a reflection, or reported.
        self.reflection_tags = {i for i, line in enumerate(lines) if "<" in line and reflection_syntax.TAG.match(line)}

    def mark(self, index: int, why: object) -> None:
        """Note why a marked line is read the way it is (the first reason wins)."""
        if index in self.marked or index in self.reflection_tags:
            self.why.setdefault(index, why)

    # --- Pass 1: what Python-Markdown's preprocessors stash -------------------

    def neutralise(self) -> list[tuple[int, str]]:
        """Return the page's rows with fenced code, comments and raw HTML blocks replaced as their stashes are.

        pymdownx.superfences stashes a fence (at any indentation) as one line;
        Python-Markdown's HTML preprocessor stashes a comment or a raw block
        that starts a line as a block of its own. What follows a closing tag
        on its line stays text.
        """
        rows: list[tuple[int, str]] = []
        lines, fence, index = self.lines, None, 0
        while index < len(lines):
            line = lines[index]
            if fence is not None:
                self.mark(index, "code")
                match = FENCE.match(line)
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                    fence = None
                index += 1
                continue
            match = FENCE.match(line)
            if match:
                fence = match.group(1)
                self.mark(index, "code")
                rows.append((index, " " * _indent(line) + _STASHED))
                index += 1
                continue
            if self.markdown_tags and line.strip(" ").lower() == f"</{self.markdown_tags[-1]}>":
                self.markdown_tags.pop()
                rows += _STASH_BLOCK
                index += 1
                continue
            if "<" in line:
                consumed = self._html(index, rows)
                if consumed:
                    index += consumed
                    continue
            rows.append((index, line))
            index += 1
        return rows

    def _html(self, index: int, rows: list[tuple[int, str]]) -> int:
        """Read a comment or raw HTML block starting on line ``index``; return how many lines it takes (0: none)."""
        line = self.lines[index]
        comment = _comment_start(line)
        if comment >= 0 and (consumed := self._comment(index, comment, rows)):
            return consumed
        opening = HTML_OPEN.match(line)
        if not opening or opening.group("tag").lower() not in BLOCK_TAGS:
            return 0
        first = TAG.match(line, opening.start("tag") - 1)
        closing = f"</{opening.group('tag').lower()}>"
        if (
            first
            # md_in_html reads a tag's content as Markdown only when the tag starts the line:
            # an indented one stays raw HTML, its content as it is.
            and opening.start("tag") == 1
            and MARKDOWN_ATTR.search(first.group("rest"))
            and any(line.strip(" ").lower() == closing for line in self.lines[index + 1 :])
        ):
            # md_in_html: the tag's content is Markdown, and the tag lines are blocks of their own.
            self.markdown_tags.append(first.group("tag").lower())
            rows += _STASH_BLOCK
            return 1
        # As Python-Markdown's HTML parser: a closing tag closes the innermost open tag of its
        # name (and every tag opened after it); the block ends when none is left open.
        stack: list[str] = []
        number = index
        while number < len(self.lines):
            text = self.lines[number]
            for tag in TAG.finditer(text, opening.start() if number == index else 0):
                name = tag.group("tag").lower()
                if tag.group("close"):
                    if name in stack:
                        while stack.pop() != name:
                            pass
                elif name not in VOID_TAGS and not tag.group("rest").endswith("/"):
                    stack.append(name)
                if not stack:
                    for covered in range(index, number + 1):
                        self.mark(covered, ("raw", index + 1))
                    rows += _STASH_BLOCK
                    tail = text[tag.end() :]
                    if not _blank(tail):
                        rows.append((number, tail))
                    return number - index + 1
            number += 1
        for covered in range(index, len(self.lines)):  # never closed: raw to the end of the page
            self.mark(covered, ("raw", index + 1))
        return len(self.lines) - index

    def _comment(self, index: int, column: int, rows: list[tuple[int, str]]) -> int:
        """Read an HTML comment opening at ``column`` of line ``index``; return how many lines it takes (0: none)."""
        line = self.lines[index]
        block = column <= 3 and not line[:column].strip(" ")
        end = line.find("-->", column + 4)
        if end >= 0 and not block:
            return 0  # a comment inside a line: the line stays text, read (and its ids made) as it is
        number = index
        while end < 0 and number + 1 < len(self.lines):
            number += 1
            end = self.lines[number].find("-->")
        last = number if end >= 0 else len(self.lines) - 1
        for covered in range(index if block else index + 1, last + 1):
            self.mark(covered, "comment")
        if not block:  # inline: the text around it stays one paragraph
            rows.append((index, line))
        if end < 0:
            return len(self.lines) - index
        tail = self.lines[number][end + 3 :]
        if block:
            rows += _STASH_BLOCK
            if not _blank(tail):
                rows.append((number, tail))
        elif not _blank(tail):
            rows.append((number, " " * _indent(self.lines[number]) + tail))
        return number - index + 1

    # --- Pass 2: blocks, as Python-Markdown's block parser splits them -------

    def region(self, rows: list[tuple[int, str]]) -> None:
        """Read the blocks of one region (the page, or a container's content with its indentation removed)."""
        container: tuple[str, list[tuple[int, str]]] | None = None
        mode = None  # the block being read: None (between blocks), para, list, code, quote, box, inside
        first_item: ChecklistItem | None = None
        last_item: ChecklistItem | None = None
        after_item = False  # the line above is a list item's first line
        line_in_block = 0
        nested: list[tuple[int, str]] = []  # the nested item being read in a list block
        para_reported = False
        k = 0
        while k < len(rows):
            index, text = rows[k]
            if _blank(text):
                self._nested(nested)
                if container is not None:
                    container[1].append(_BLANK)
                mode, line_in_block = None, 0
                k += 1
                continue
            indent = _indent(text)
            line_in_block += 1
            if mode == "inside":  # more of a block that went into the container above
                if container[0] == "list" or indent >= 4:
                    container[1].append((index, _dedent(text, 4)))
                    k += 1
                    continue
                mode = None
            if mode == "code" and indent < 4:
                mode = None  # Python-Markdown's code block ends at an unindented line; the rest is a block of its own
            if mode in ("code", "quote"):
                self.mark(index, mode)
                k += 1
                continue
            if mode is None:
                if indent >= 4:
                    if container is not None:  # the container's content goes on
                        container[1].append((index, _dedent(text, 4)))
                        mode = "inside"
                    else:
                        mode = "code"
                        self.mark(index, "code")
                    k += 1
                    continue
                if container is not None:
                    self.region(container[1])
                    container = None
                line_in_block = 1
            elif mode == "box":
                if indent >= 4:
                    container[1].append((index, _dedent(text, 4)))
                    k += 1
                    continue
                self.region(container[1])
                container, mode, line_in_block = None, None, 1  # the rest of the block is a block of its own
            # A line Python-Markdown reads as the start of something, in a block or not.
            if indent <= 3 and QUIZ_OPEN.match(text):
                self._nested(nested)
                if container is not None:
                    self.region(container[1])
                    container = None
                k = self._quiz(rows, k)
                mode = None
                continue
            # A reflection starts a block (reflection.py's block processor reads whole blocks).
            if mode is None and text[0] == "<" and reflection_syntax.OPEN.match(text):
                k = self._reflection(rows, k)
                continue
            if text[indent : indent + 8].lower() == "<checkin" and (checkins.OPEN.match(text) or checkins.ONE_LINE.match(text)):
                self._nested(nested)
                if container is not None:
                    self.region(container[1])
                    container = None
                k = self._checkin(rows, k)
                mode = None
                continue
            if text[0] in "!?=" and CONTAINER.match(text):
                self._nested(nested)
                if container is not None:
                    self.region(container[1])
                container, mode = ("box", []), "box"
                k += 1
                continue
            # A '---' or '===' under a block's first line makes that line a heading (before any list is read).
            setext = mode in ("list", "para") and line_in_block == 2 and SETEXT_UNDERLINE.match(text)
            if setext and mode == "list":
                self._heading(first_item)
                container = None  # the list was never a list
            if setext or _is_rule(text) or HASH_HEADER.match(text):
                self._nested(nested)
                # The block so far stays what it was; the rule or heading is a block of its own,
                # and what follows it starts a new one (an indented line there is code).
                if container is not None:
                    self.region(container[1])
                    container = None
                mode, line_in_block = None, 0
                k += 1
                continue
            if mode is None:
                if LIST_ITEM.match(text):
                    mode, container = "list", ("list", [])
                    first_item = last_item = self._item(index, text)
                    after_item = True
                elif QUOTE.match(text):
                    mode = "quote"
                    self.mark(index, "quote")
                else:
                    mode = "para"
                    # A run of items under a paragraph line (or a mistyped item) is one mistake.
                    para_reported = index in self.marked
                k += 1
                continue
            if mode == "list":
                # As ListProcessor splits its block: an item line at up to 3 spaces is a sibling;
                # one at 4 to 7 starts a nested item, which takes every line up to the next
                # sibling and is read again as a block of its own (4 spaces removed).
                if LIST_ITEM.match(text):
                    self._nested(nested)
                    last_item, after_item = self._item(index, text), True
                    k += 1
                    continue
                if nested or 4 <= indent <= 7 and NESTED_ITEM.match(text):
                    nested.append((index, _dedent(text, 4)))
                elif after_item and SETEXT_UNDERLINE.match(text):
                    self._heading(last_item)  # the item's own text is read as a heading inside it
                after_item = False
                k += 1
                continue
            # mode == "para": a blockquote line starts a quote; anything else continues the paragraph.
            if QUOTE.match(text):
                mode = "quote"
                self.mark(index, "quote")
            elif indent <= 3 and TASK.match(text):
                if not para_reported:
                    self.page.checklist_problems.append(
                        Problem(
                            index + 1,
                            "this checklist item is read as part of the paragraph above it, so it shows as "
                            "plain text; put a blank line above the list",
                        )
                    )
                para_reported = True
                self.mark(index, "reported")
            k += 1
        self._nested(nested)
        if container is not None:
            self.region(container[1])

    def _nested(self, nested: list[tuple[int, str]]) -> None:
        """Read a list block's nested item (its lines, 4 spaces removed) as a region of its own; empty the list."""
        if nested:
            rows = nested[:]
            nested.clear()
            self.region(rows)

    def _item(self, index: int, text: str) -> ChecklistItem | None:
        """Record a list item's line as a checklist item when it is a task item; return the item."""
        task = TASK.match(text)
        if not task:
            return None
        self.mark(index, "item")
        return _add_item(self.page, task, index + 1)

    def _heading(self, item: ChecklistItem | None) -> None:
        """Report a task item that Python-Markdown reads as a setext heading (a ``---`` or ``===`` line under it)."""
        if item is None or item not in self.page.checklist:
            return
        self.page.checklist.remove(item)
        self.page.checklist_problems.append(
            Problem(
                item.line,
                "this checklist item is read as a heading because of the '---' or '===' line right under it; "
                "put a blank line between them",
            )
        )

    def _quiz(self, rows: list[tuple[int, str]], k: int) -> int:
        """Read the quiz opening at row ``k`` of a region; return the row after it."""
        start = rows[k][0]
        for m in range(k + 1, len(rows)):
            index, text = rows[m]
            if index < 0 or _indent(text) > 3:
                continue
            if QUIZ_CLOSE.match(text):
                indent = _indent(self.lines[start])
                quiz = _parse_quiz(self.lines, start, index, self.page.quiz_problems, indent)
                # Its placeholder goes where the region's blocks start, as a block of the region.
                self.page.quiz_spans.append((start, index, quiz, indent - _indent(rows[k][1])))
                if quiz is not None:
                    self.page.quizzes.append(quiz)
                for covered in range(start, index + 1):
                    self.mark(covered, "quiz")
                return m + 1
            if QUIZ_OPEN.match(text):
                break
        self.page.quiz_problems.append(
            Problem(start + 1, "'<quiz>' is never closed; add '</quiz>' on its own line after the explanation")
        )
        self.page.quiz_spans.append((start, start, None, _indent(self.lines[start]) - _indent(rows[k][1])))
        # One mistake, one message: what follows up to the next quiz is this quiz's, not items.
        m = k + 1
        while m < len(rows) and not (rows[m][0] >= 0 and QUIZ_OPEN.match(rows[m][1])):
            self.mark(rows[m][0], "quiz")
            m += 1
        self.mark(start, "quiz")
        return m

    def _reflection(self, rows: list[tuple[int, str]], k: int) -> int:
        """Read the reflection opening at row ``k`` of a region (blocks up to ``</reflection>``); return the row after it."""
        start, opening = rows[k]
        self.mark(start, "reflection")
        for m in range(k + 1, len(rows)):
            index, text = rows[m]
            if index >= 0:
                self.mark(index, "reflection")
            if index >= 0 and reflection_syntax.CLOSE.match(text):
                # A stashed line (code, HTML) reads as nothing in the prompt, as its placeholder does in the id.
                prompt = "\n".join(t.replace(_STASHED, " ") for _, t in rows[k + 1 : m])
                found = reflection_syntax.read_reflection(opening, prompt, start + 1, index + 1, self.page.reflection_problems)
                if found is not None:
                    self.page.reflections.append(found)
                self.page.reflection_spans.append((opening.strip(), start + 1, found, True))
                return m + 1
        self.page.reflection_problems.append(Problem(start + 1, reflection_syntax.NEVER_CLOSED))
        self.page.reflection_spans.append((opening.strip(), start + 1, None, False))
        return len(rows)  # the block processor takes every block left in the region

    def _checkin(self, rows: list[tuple[int, str]], k: int) -> int:
        """Read the check-in opening at row ``k`` of a region (checkin.py parses it); return the row after it."""
        start = rows[k][0]
        end = start if checkins.ONE_LINE.match(rows[k][1]) else None
        m = k  # the row of the closing tag
        if end is None:
            m += 1
        while end is None and m < len(rows):
            index, text = rows[m]
            if index >= 0 and checkins.CLOSE.match(text):
                end = index
                break
            if index >= 0 and checkins.OPEN.match(text):
                break
            m += 1
        indent = _indent(self.lines[start])
        span_indent = indent - _indent(rows[k][1])
        if end is None:
            self.page.checkin_problems.append(
                Problem(start + 1, "'<checkin>' is never closed; add '</checkin>' on its own line after the last statement or advice")
            )
            # One mistake, one message: what follows up to the next check-in is this one's, shown in its error box.
            last = max([index for index, _ in rows[k:m] if index >= 0] or [start])
            self.page.checkin_spans.append((start, last, None, span_indent))
            for covered in range(start, last + 1):
                self.mark(covered, "checkin")
            return m
        found, problems = checkins.parse([_dedent(line, indent) for line in self.lines[start : end + 1]], start + 1)
        self.page.checkin_problems += problems
        self.page.checkin_spans.append((start, end, found, span_indent))
        if found is not None:
            self.page.checkins.append(found)
        for covered in range(start, end + 1):
            self.mark(covered, "checkin")
        return m + 1

    # --- Pass 3: lines that look like an item or a quiz but are neither -------

    def report_unread_reflections(self) -> None:
        """Report each line starting with a reflection tag that Markdown will not read as a reflection."""
        raw_reported: set[int] = set()
        unread_open = False  # an opening tag above was reported: its closing tag is the same mistake
        for index in sorted(self.reflection_tags):
            why = self.why.get(index)
            if why in ("code", "comment", "reflection", "quote", "quiz"):
                continue
            closing = self.lines[index].lstrip().startswith("</")
            if isinstance(why, tuple):
                if why[1] not in raw_reported:
                    raw_reported.add(why[1])
                    self.page.reflection_problems.append(Problem(index + 1, reflection_syntax.IN_RAW_HTML, related=why[1]))
            elif closing and not unread_open:
                self.page.reflection_problems.append(Problem(index + 1, reflection_syntax.STRAY_CLOSE))
            elif not closing:
                self.page.reflection_problems.append(Problem(index + 1, reflection_syntax.NOT_READ))
            unread_open = not closing and not isinstance(why, tuple)

    def report_unread(self) -> None:
        """Report each marked line that Markdown will not show as an item or a quiz, saying why."""
        raw_reported: set[int] = set()
        for index in sorted(self.marked):
            why = self.why.get(index)
            line = self.lines[index]
            quiz_tag = QUIZ_TAG.match(line) is not None
            if why in ("code", "comment", "quiz", "item", "reported", "quote", "checkin"):
                continue
            if checkins.TAG.match(line) and not quiz_tag:
                self._unread_checkin(index, why, raw_reported)
                continue
            problems = self.page.quiz_problems if quiz_tag else self.page.checklist_problems
            what = "this quiz" if quiz_tag else "this checklist item"
            if isinstance(why, tuple):
                if why[1] in raw_reported:
                    continue
                raw_reported.add(why[1])
                opener = self.lines[why[1] - 1]
                fix = (
                    "start that tag at the beginning of its line (Markdown reads markdown=\"1\" only there)"
                    if opener[:1] == " " and MARKDOWN_ATTR.search(opener)
                    else "add markdown=\"1\" to that tag"
                )
                problems.append(
                    Problem(
                        index + 1,
                        f"{what} is inside the raw HTML block that starts on line {why[1]}, so it shows as "
                        f"plain text; {fix}, or move it out of the HTML",
                    )
                )
            elif not quiz_tag and re.match(r"^\s*[-*+](?! )\s", line):
                problems.append(
                    Problem(
                        index + 1,
                        "the space after the list mark is not a plain space (a no-break or other Unicode "
                        "space), so this is not a checklist item; type an ordinary space after the '-'",
                    )
                )
            elif quiz_tag and QUIZ_CLOSE.match(line.strip()):
                problems.append(
                    Problem(index + 1, "'</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question")
                )
            elif quiz_tag:
                problems.append(
                    Problem(
                        index + 1,
                        "this '<quiz>' is not read as a quiz here (it continues the text above it, or is "
                        "indented more than its container); put it on a line of its own with a blank line "
                        "above, indented like the text around it",
                    )
                )
            else:
                problems.append(
                    Problem(
                        index + 1,
                        "this checklist item is not read as a list item here (it continues the text above "
                        "it); put a blank line above the list, and start it with '- [ ] '",
                    )
                )


    def _unread_checkin(self, index: int, why: object, raw_reported: set[int]) -> None:
        """Report a check-in tag that Markdown does not read as a check-in, saying why."""
        line = self.lines[index]
        if isinstance(why, tuple):
            if why[1] in raw_reported:
                return
            raw_reported.add(why[1])
            message = (
                f"this check-in is inside the raw HTML block that starts on line {why[1]}, so it shows as plain text; "
                "move it out of the HTML"
            )
        elif checkins.CLOSE.match(line.strip()):
            message = "'</checkin>' has no matching '<checkin>'; remove it or add '<checkin>' above the statements"
        else:
            message = (
                "this '<checkin>' is not read as a check-in here (it continues the text above it, or is indented "
                "more than its container); put it on a line of its own with a blank line above, indented like the text around it"
            )
        self.page.checkin_problems.append(Problem(index + 1, message))


def _comment_start(line: str) -> int:
    """Return where an HTML comment opens on a line (not inside a code span), or -1."""
    column = line.find("<!--")
    if column < 0 or line.count("`", 0, column) % 2:
        return -1
    return column


def _parse_quiz(lines: list[str], start: int, end: int, problems: list[Problem], indent: int = 0) -> Quiz | None:
    """Parse the lines between ``<quiz>`` and ``</quiz>`` (indented by ``indent`` in a container); None when unusable."""
    if _has_blanks(lines, start, end, indent):
        return _parse_blank_quiz(lines, start, end, problems, indent)
    if bad := _bad_marks(lines, start, end, indent):  # one mistake, one message: not "only one option" too
        problems.extend(bad)
        return None
    found: list[Problem] = []
    line_no = start + 1
    attrs = _parse_attrs(QUIZ_OPEN.match(_dedent(lines[start], indent)).group("attrs") or "", line_no, found)
    question: list[str] = []
    options: list[Option] = []
    explanation: list[str] = []
    state = "question"  # question -> options -> explanation
    after_blank = False
    in_feedback = False  # the line above is feedback: an indented line goes on with it
    for index in range(start + 1, end):
        line, number = _dedent(lines[index], indent), index + 1
        option = OPTION.match(line)
        feedback = FEEDBACK.match(line)
        if state in ("question", "options") and option:
            state = "options"
            options.append(Option(option.group("text").strip(), option.group("mark") in ("x", "X"), number))
            if not options[-1].text:
                found.append(Problem(number, "quiz option has no text; write the answer after '- [ ]' or '- [x]'"))
            in_feedback = False
        elif state == "options" and feedback and not after_blank:
            options[-1].feedback += feedback.group("text") + "\n"
            in_feedback = True
        elif feedback and (state == "question" or (state == "options" and after_blank)):
            found.append(
                Problem(
                    number,
                    "feedback line '>' is not directly under an option; put it on the line right "
                    "after the option it explains, with no blank line between",
                )
            )
            state = "explanation" if state == "options" else state
        elif state == "options" and _blank(line):
            after_blank = True
            continue
        elif state == "options" and in_feedback and not after_blank:
            # Markdown's lazy continuation: a line under a '>' line belongs to that quote.
            options[-1].feedback += line.strip() + "\n"
        elif state == "options" and line.startswith("  ") and not after_blank:
            options[-1].text += " " + line.strip()  # a wrapped option line
        elif state == "question":
            question.append(line)
        else:
            state = "explanation"
            explanation.append(line)
        after_blank = False

    question_text, hint = _split_hint("\n".join(question).strip())
    if hint is not None and not hint:
        found.append(Problem(line_no, "the quiz's 'Hint:' has no text; write the hint after 'Hint:', or remove the line"))
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
    for option in options:
        for part, text in (("option", option.text), ("feedback", option.feedback)):
            if unbalanced := _unbalanced_tag(text):
                found.append(
                    Problem(
                        option.line,
                        f"the raw HTML '{unbalanced}' in this quiz {part} is not closed or not opened "
                        "inside it, which would break the page; close it there, or write it as `code`",
                    )
                )
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
        hint=hint or "",
        shuffle=None if "shuffle" not in attrs else attrs["shuffle"] == "true",
    )


def _split_hint(question: str) -> tuple[str, str | None]:
    """Split a quiz's question from its hint: a last paragraph starting with 'Hint:' (None when there is none)."""
    head, _, last = question.rpartition("\n\n")
    if not last.startswith(HINT_MARK):
        return question, None
    return head.strip(), last[len(HINT_MARK) :].strip()


# mkdocs-quiz's fill-in-the-blank: "[[answer]]" in a quiz's question. No '[' inside, so a search is linear.
BLANK = re.compile(r"\[\[(?P<answer>[^\[\]]*)\]\]")
# In a fill-in quiz (as in mkdocs-quiz) a line '---' ends the question; the explanation follows it.
BLANK_SEPARATOR = "---"
BOTH_KINDS = (
    "this quiz has blanks ('[[...]]') and options ('- [ ]'); a quiz is one or the other: remove the options "
    "to ask for typed answers, or write the blanks' words as options"
)
EMPTY_BLANK = "this blank '[[]]' has no answer; write the word(s) the learner should type between '[[' and ']]'"
UNCLOSED_BLANK = (
    "'[[' starts a blank that does not end with ']]' on this line (a blank holds no '[' or ']'); "
    "close it with ']]', or write the brackets as `code`"
)
BLANK_IN_HINT = "the hint has a blank '[[...]]'; blanks go in the question, so write the hint's words without brackets"


def _outside_fences(lines: list[str]):
    """Yield ``(index, line)`` for each line outside fenced code, with its `code spans` blanked out."""
    fence = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
        elif match:
            fence = match.group(1)
        elif "[" in line or "`" in line:
            yield index, _without_code_spans(line)
        else:
            yield index, line


def _has_blanks(lines: list[str], start: int, end: int, indent: int) -> bool:
    """Tell whether a quiz is a fill-in-the-blank one: a '[[answer]]' before its first option or '---' line."""
    body = [_dedent(lines[index], indent) for index in range(start + 1, end)]
    for _, text in _outside_fences(body):
        if text.strip() == BLANK_SEPARATOR or OPTION.match(text):
            return False
        if "[[" in text and BLANK.search(text):
            return True
    return False


# An option mark mkdocs-quiz refuses too: anything but 'x', 'X', a space or nothing between the brackets.
BAD_MARK = re.compile(r"^ {0,3}[-*+]\s+\[(?P<mark>[^\]\sxX])\]")


def _bad_marks(lines: list[str], start: int, end: int, indent: int) -> list[Problem]:
    """Return a problem for each quiz line that looks like an option with a mark other than 'x' or a space ('- [y] ...')."""
    found = []
    for index, text in _outside_fences([_dedent(lines[number], indent) for number in range(start + 1, end)]):
        if "[" in text and (bad := BAD_MARK.match(text)):
            found.append(
                Problem(
                    start + 2 + index,
                    f"'[{bad.group('mark')}]' is not an option mark; write '- [x]' for a right answer or '- [ ]' for a wrong one",
                )
            )
    return found


def _parse_blank_quiz(lines: list[str], start: int, end: int, problems: list[Problem], indent: int) -> Quiz | None:
    """Parse a fill-in-the-blank quiz (mkdocs-quiz's form): the question with its '[[answer]]' blanks, then '---' and the explanation."""
    found: list[Problem] = []
    line_no = start + 1
    attrs = _parse_attrs(QUIZ_OPEN.match(_dedent(lines[start], indent)).group("attrs") or "", line_no, found)
    body = [_dedent(lines[index], indent) for index in range(start + 1, end)]
    separator = next((i for i, text in _outside_fences(body) if text.strip() == BLANK_SEPARATOR), len(body))
    question_lines, explanation = body[:separator], body[separator + 1 :]
    option = next((i for i, text in _outside_fences(question_lines) if OPTION.match(text)), None)
    if option is not None:
        found.append(Problem(start + 2 + option, BOTH_KINDS))
    # The question's text starts at its first line that is not blank (strip() drops the ones above).
    first = next((i for i, line in enumerate(question_lines) if not _blank(line)), 0)
    question_text, hint = _split_hint("\n".join(question_lines).strip())
    if hint and BLANK.search(_without_code_spans(hint)):
        found.append(Problem(line_no, BLANK_IN_HINT))
    elif hint is not None and not hint:
        found.append(Problem(line_no, "the quiz's 'Hint:' has no text; write the hint after 'Hint:', or remove the line"))
    blanks: list[Blank] = []
    text_lines = question_text.split("\n")
    offsets = [0]
    for text in text_lines:
        offsets.append(offsets[-1] + len(text) + 1)
    for index, text in _outside_fences(text_lines):
        number = start + 2 + first + index
        for match in BLANK.finditer(text):
            answer = " ".join(match.group("answer").split())
            if not answer:
                found.append(Problem(number, EMPTY_BLANK))
            blanks.append(Blank(answer, number, offsets[index] + match.start(), offsets[index] + match.end()))
        if "[[" in BLANK.sub("", text):
            found.append(Problem(number, UNCLOSED_BLANK))
    problems.extend(found)
    if found:
        return None
    explicit = attrs.get("id")
    return Quiz(
        id=explicit or derived_id("q", question_text),
        line=line_no,
        end_line=end + 1,
        question=question_text,
        options=[],
        explanation="\n".join(explanation).strip(),
        explicit_id=explicit is not None,
        hint=hint or "",
        blanks=blanks,
    )


def _unbalanced_tag(text: str) -> str | None:
    """Return the first raw HTML tag of ``text`` that is not closed, or closed without being opened, in it."""
    if "<" not in text:
        return None
    open_tags: list[tuple[str, str]] = []
    for tag in TAG.finditer(_without_code_spans(text)):
        name = tag.group("tag").lower()
        if name in VOID_TAGS or name not in CHECKED_TAGS or tag.group("rest").endswith("/"):
            continue
        if not tag.group("close"):
            open_tags.append((name, tag.group(0)))
        elif open_tags and open_tags[-1][0] == name:
            open_tags.pop()
        else:
            return tag.group(0)
    return open_tags[0][1] if open_tags else None


def _without_code_spans(text: str) -> str:
    """Return ``text`` with its `code spans` blanked out (their tags are shown, not parsed)."""
    if "`" not in text:
        return text
    parts = text.split("`")
    return "".join(part if number % 2 == 0 else " " * len(part) for number, part in enumerate(parts))


def _parse_attrs(raw: str, line_no: int, problems: list[Problem]) -> dict[str, str]:
    """Read ``id="..."`` and ``shuffle="true|false"`` from a quiz's opening tag."""
    attrs: dict[str, str] = {}
    if not raw.strip():
        return attrs
    rest, last = [], 0
    for match in ATTR.finditer(raw):
        rest.append(raw[last : match.start()])
        last = match.end()
        name, value = match.group(1), next(v for v in match.groups()[1:] if v is not None)
        if name == "shuffle":
            if value not in ("true", "false"):
                problems.append(
                    Problem(line_no, f"'<quiz shuffle=\"{value}\">' is not valid; write shuffle=\"true\" or shuffle=\"false\"")
                )
            else:
                attrs["shuffle"] = value
        elif name != "id":
            problems.append(
                Problem(line_no, f"'<quiz>' has no attribute '{name}'; the ones it has are id=\"...\" and shuffle=\"true|false\"")
            )
        elif not is_valid_id(value):
            problems.append(
                Problem(line_no, f"quiz id '{value}' is not valid; use a letter then letters, digits, '-' or '_'")
            )
        else:
            attrs["id"] = value
    rest.append(raw[last:])
    leftover = " ".join(" ".join(rest).split())
    if leftover:
        problems.insert(0, Problem(line_no, f"cannot read '{leftover}' in '<quiz>'; write attributes as id=\"my-id\""))
    return attrs


def _add_item(page: PageSyntax, task: re.Match[str], number: int) -> ChecklistItem | None:
    """Record one checklist item from a task-list line; return it (None when it has a mistake)."""
    text = task.group("text").rstrip()
    explicit = None
    brace = text.rfind("{")
    if brace >= 0 and text.endswith("}"):
        explicit = EXPLICIT.fullmatch(text, brace)
    if explicit:
        text = text[:brace].strip()
        if not is_valid_id(explicit.group("id")):
            page.checklist_problems.append(
                Problem(
                    number,
                    f"checklist id '{explicit.group('id')}' is not valid; "
                    "use a letter then letters, digits, '-' or '_'",
                )
            )
            return None
    if not text:
        page.checklist_problems.append(Problem(number, "checklist item has no text; write the action after '- [ ]'"))
        return None
    item = ChecklistItem(
        id=explicit.group("id") if explicit else derived_id("c", text),
        line=number,
        text=text,
        checked=task.group("mark") != " ",
        explicit_id=explicit is not None,
    )
    page.checklist.append(item)
    return item


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


def _check_unique_reflection_ids(page: PageSyntax) -> None:
    """Report reflections whose ids clash on a page, which would save one text for both."""
    page.reflection_problems += _clashes(
        page.reflections, explicit=reflection_syntax.CLASH_EXPLICIT, derived=reflection_syntax.CLASH_DERIVED
    )


def _clashes(found: list[Quiz] | list[ChecklistItem] | list[Reflection], *, explicit: str, derived: str) -> list[Problem]:
    """Return a problem for each quiz or item whose id an earlier one on the page already has."""
    problems, seen = [], {}
    for thing in found:
        first = seen.setdefault(thing.id, thing)
        if first is not thing:
            template = explicit if thing.explicit_id else derived
            # {related} stays a placeholder: Problem shifts it by the front matter's lines.
            problems.append(Problem(thing.line, template.replace("{id}", thing.id), related=first.line))
    return problems
