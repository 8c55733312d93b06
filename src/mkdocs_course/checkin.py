"""Self-check-ins: ``<checkin>`` blocks become a short self-assessment a learner can take again over time.

Syntax (an HTML-like block, read as plain text where no extension runs)::

    <checkin id="evenings" scale="Never|Sometimes|Often|Always">
    Think about the last two weeks. (optional Markdown intro)

    1. We ate together without phones.
    2. I felt rushed when we talked.

    <advice statements="2" answers="Often|Always">
    [Slower talks](../slower-talks.md) has ideas.
    </advice>
    </checkin>

    <checkin again="evenings"></checkin>     (the same check-in, on another page)

Three parts, like the quiz's: ``parse`` is pure (the scanner in ``syntax.py``
calls it, so the course model and ``mkdocs-course check`` know every check-in
and its mistakes before anything renders); a preprocessor swaps each check-in
for a one-line placeholder (reporting its mistakes when no course build has
already done so from the scan); a block processor renders the placeholder as
a server-rendered form (ARCHITECTURE.md, "Check-in"). A check-in never
counts towards completing a module.
"""
from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit, urlunsplit

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .diagnostics import Problem, Reporter
from .ids import derived_id, is_valid_id
from .page_render import PageRenderExtension
from .strings import fill

OPEN = re.compile(r"^ {0,3}<checkin(?P<attrs>\s[^>]*)?>\s*$", re.I)
# The one-line form, for `again`: <checkin again="id"></checkin>
ONE_LINE = re.compile(r"^ {0,3}<checkin(?P<attrs>\s[^>]*)?>\s*</checkin>\s*$", re.I)
CLOSE = re.compile(r"^ {0,3}</checkin>\s*$", re.I)
# Any check-in tag at the start of a line: one not read as a check-in is a mistake.
TAG = re.compile(r"\s*</?checkin\b", re.I)
ANYWHERE = re.compile(r"</?checkin\b", re.I)
ADVICE_OPEN = re.compile(r"^ {0,3}<advice(?P<attrs>\s[^>]*)?>\s*$", re.I)
ADVICE_CLOSE = re.compile(r"^ {0,3}</advice>\s*$", re.I)
ATTR = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
ITEM = re.compile(r"^ {0,3}(?P<mark>\d{1,9}[.)]|[-*+]) +(?P<text>.*)$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
MAX_STATEMENTS = 20
MIN_LABELS, MAX_LABELS = 2, 7
CHECKIN_ATTRS = ("id", "scale", "again")
ADVICE_ATTRS = ("statements", "answers")
PLACEHOLDER = '<checkin data-course-checkin="{}"></checkin>'
PLACEHOLDER_START = '<checkin data-course-checkin="'


class Advice:
    """An ``<advice>`` block: shown after submitting when any named statement got one of the named labels."""

    __slots__ = ("statements", "answers", "body", "line")

    def __init__(self, statements: list[int], answers: list[str], body: str, line: int) -> None:
        self.statements = statements  # 1-based statement numbers; empty: every statement
        self.answers = answers  # scale labels, as the author wrote them
        self.body = body  # Markdown
        self.line = line


class Checkin:
    """A parsed ``<checkin>`` block (or a reference to one with ``again``); lines are 1-based."""

    __slots__ = ("id", "line", "end_line", "explicit_id", "scale", "intro", "statements", "advice", "again")

    def __init__(
        self,
        id: str,
        line: int,
        end_line: int,
        *,
        explicit_id: bool = False,
        scale: list[str] | None = None,
        intro: str = "",
        statements: list[str] | None = None,
        advice: list[Advice] | None = None,
        again: bool = False,
    ) -> None:
        self.id = id
        self.line = line
        self.end_line = end_line
        self.explicit_id = explicit_id
        self.scale = scale  # None: the language's default scale (string checkin.scale_default)
        self.intro = intro
        self.statements = statements or []
        self.advice = advice or []
        self.again = again  # True: <checkin again="id">, shown from the definition of ``id``


def default_scale(strings: dict[str, str]) -> list[str]:
    """Return the language's default scale labels (``checkin.scale_default``, ``|``-separated)."""
    return [label.strip() for label in strings["checkin.scale_default"].split("|")]


def parse(lines: list[str], first: int) -> tuple[Checkin | None, list[Problem]]:
    """Parse a check-in's lines (from its opening tag to its closing one, dedented); ``first`` is the opening line's number.

    Returns the check-in (None when it has a mistake) and its mistakes. Advice
    labels are checked against the scale by ``label_problems``, which knows
    the language's default scale.
    """
    problems: list[Problem] = []
    one_line = ONE_LINE.match(lines[0])
    opening = one_line or OPEN.match(lines[0])
    attrs = _attributes(opening.group("attrs") or "", first, "<checkin>", CHECKIN_ATTRS, problems)
    body = [] if one_line else lines[1:-1]
    end = first + len(lines) - 1
    if "again" in attrs:
        return _again(attrs, body, first, end, problems)
    scale = None
    if "scale" in attrs:
        scale = _scale(attrs["scale"], first, problems)
    explicit = attrs.get("id")
    if explicit is not None and not is_valid_id(explicit):
        problems.append(Problem(first, f"check-in id '{explicit}' is not valid; use a letter then letters, digits, '-' or '_'"))
    intro, statements, advice = _body(body, first + 1, problems)
    if not statements and not any(p.line > first for p in problems):
        problems.append(
            Problem(first, "check-in has no statements; write them as one list ('1. ...' or '- ...'), one statement per item")
        )
    if len(statements) > MAX_STATEMENTS:
        problems.append(
            Problem(
                first,
                f"check-in has {len(statements)} statements, more than {MAX_STATEMENTS}; keep it short, "
                "or split it into two check-ins",
            )
        )
    for item in advice:
        for number in item.statements:
            if not 1 <= number <= len(statements):
                problems.append(
                    Problem(
                        item.line,
                        f"advice names statement {number}, but the check-in has {len(statements)}; "
                        f"use numbers from 1 to {len(statements)} in statements=\"...\"",
                    )
                )
    if problems:
        return None, problems
    checkin = Checkin(
        explicit or derived_id("k", "\n".join(statements)),
        first,
        end,
        explicit_id=explicit is not None,
        scale=scale,
        intro=intro,
        statements=statements,
        advice=advice,
    )
    return checkin, problems


def label_problems(checkin: Checkin, default: list[str]) -> list[Problem]:
    """Return a problem for each advice label that is not on the check-in's scale."""
    scale = checkin.scale or default
    problems = []
    for item in checkin.advice:
        for label in item.answers:
            if label not in scale:
                problems.append(
                    Problem(
                        item.line,
                        f"advice names the answer '{label}', which is not on the scale; "
                        f"use labels of the scale in answers=\"...\": {'|'.join(scale)}",
                    )
                )
    return problems


def _again(attrs: dict[str, str], body: list[str], first: int, end: int, problems: list[Problem]):
    """Read ``<checkin again="id">``: a reference to a check-in defined elsewhere."""
    others = [name for name in attrs if name != "again"]
    if others:
        problems.append(
            Problem(
                first,
                f"'<checkin again=\"...\">' takes its statements and scale from the check-in it names; "
                f"remove {' and '.join(others)}=\"...\" here (set them where the check-in is defined)",
            )
        )
    if any(line.strip() for line in body):
        problems.append(
            Problem(
                first,
                "'<checkin again=\"...\">' shows a check-in defined elsewhere and has no content; "
                "write it on one line: <checkin again=\"my-id\"></checkin>",
            )
        )
    target = attrs["again"]
    if not is_valid_id(target):
        problems.append(
            Problem(first, f"check-in id '{target}' in again=\"...\" is not valid; name the id=\"...\" of a check-in")
        )
    if problems:
        return None, problems
    return Checkin(target, first, end, explicit_id=True, again=True), problems


def _scale(raw: str, line: int, problems: list[Problem]) -> list[str] | None:
    """Read ``scale="A|B|C"``: 2 to 7 distinct, non-empty labels."""
    labels = [label.strip() for label in raw.split("|")]
    if any(not label for label in labels):
        problems.append(Problem(line, f"scale=\"{raw}\" has an empty label; write labels separated by '|': scale=\"Never|Sometimes|Often\""))
        return None
    if not MIN_LABELS <= len(labels) <= MAX_LABELS:
        problems.append(
            Problem(
                line,
                f"scale=\"{raw}\" has {len(labels)} label{'s' if len(labels) != 1 else ''}; "
                f"give {MIN_LABELS} to {MAX_LABELS} labels separated by '|'",
            )
        )
        return None
    repeated = next((label for index, label in enumerate(labels) if label in labels[:index]), None)
    if repeated:
        problems.append(Problem(line, f"scale=\"{raw}\" has the label '{repeated}' twice; give each label once"))
        return None
    return labels


def _attributes(raw: str, line: int, tag: str, known: tuple[str, ...], problems: list[Problem]) -> dict[str, str]:
    """Read ``name="value"`` attributes of a tag; report unknown or unreadable ones."""
    attrs: dict[str, str] = {}
    rest, last = [], 0
    names = " and ".join(f'{name}="..."' for name in known)
    for match in ATTR.finditer(raw):
        rest.append(raw[last : match.start()])
        last = match.end()
        name, value = match.group(1).lower(), next(v for v in match.groups()[1:] if v is not None)
        if name not in known:
            problems.append(Problem(line, f"'{tag}' has no attribute '{name}'; the ones it has are {names}"))
        elif name in attrs:
            problems.append(Problem(line, f"'{tag}' has {name}=\"...\" twice; keep one"))
        else:
            attrs[name] = value
    rest.append(raw[last:])
    leftover = " ".join(" ".join(rest).split())
    if leftover:
        problems.append(Problem(line, f"cannot read '{leftover}' in '{tag}'; write attributes as name=\"value\""))
    return attrs


def _body(lines: list[str], first: int, problems: list[Problem]) -> tuple[str, list[str], list[Advice]]:
    """Split a check-in's content into its intro (Markdown), its statements (one list) and its advice blocks."""
    intro: list[str] = []
    statements: list[str] = []
    advice: list[Advice] = []
    state = "intro"  # intro -> list -> after; "advice" while inside an <advice> block
    kind = ""  # the list's kind: "ordered" or "bullet"
    fence = None
    after_blank = True
    reported_text = reported_list = False
    current: Advice | None = None
    advice_lines: list[str] = []
    for offset, line in enumerate(lines):
        number = first + offset
        if fence is not None or (state != "list" and FENCE.match(line)):
            match = FENCE.match(line)
            if fence is None:
                fence = match.group(1)
            elif match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            (advice_lines if state == "advice" else intro).append(line)
            if state in ("after", "list") and not reported_text:
                reported_text = _text_outside_advice(number, problems)
            after_blank = False
            continue
        if state == "advice":
            if ADVICE_CLOSE.match(line):
                current.body = "\n".join(advice_lines).strip()
                advice.append(current)
                current, state = None, "after" if statements else "intro"  # advice before the list: reported
            else:
                advice_lines.append(line)
            continue
        if ADVICE_OPEN.match(line):
            if not statements:
                problems.append(
                    Problem(number, "'<advice>' comes before the statements; put every '<advice>' after the list")
                )
            current = _advice(ADVICE_OPEN.match(line).group("attrs") or "", number, problems)
            advice_lines, state = [], "advice"
            continue
        if ADVICE_CLOSE.match(line):
            problems.append(Problem(number, "'</advice>' has no matching '<advice>'; remove it or add '<advice answers=\"...\">' above"))
            continue
        blank = not line.strip()
        item = ITEM.match(line)
        item_kind = ("ordered" if item.group("mark")[0].isdigit() else "bullet") if item else ""
        if state == "intro":
            if item:
                state, kind = "list", item_kind
                statements.append(item.group("text").strip())
                _empty_statement(statements, number, problems)
            else:
                intro.append(line)
        elif state == "list":
            if item and item_kind == kind:
                statements.append(item.group("text").strip())
                _empty_statement(statements, number, problems)
            elif item:
                state = "after"
                reported_list = _second_list(number, problems)
            elif blank:
                pass
            elif not after_blank:
                statements[-1] = (statements[-1] + " " + line.strip()).strip()  # a wrapped statement
            elif line.startswith("    "):
                problems.append(
                    Problem(number, f"statement {len(statements)} has a second paragraph; keep each statement to one paragraph")
                )
            else:
                state = "after"
                reported_text = _text_outside_advice(number, problems)
        elif not blank:  # after the list
            if item and not reported_list:
                reported_list = _second_list(number, problems)
            elif not item and not reported_text:
                reported_text = _text_outside_advice(number, problems)
        after_blank = blank
    if state == "advice":
        problems.append(Problem(current.line, "'<advice>' is never closed; add '</advice>' on its own line after the advice"))
    return "\n".join(intro).strip(), statements, advice


def _empty_statement(statements: list[str], number: int, problems: list[Problem]) -> None:
    """Report a list item with no words."""
    if not statements[-1]:
        problems.append(Problem(number, "this statement has no text; write it after the list mark, or remove the item"))


def _second_list(number: int, problems: list[Problem]) -> bool:
    """Report a second list in a check-in; return True (reported)."""
    problems.append(
        Problem(number, "check-in has more than one list; write every statement in one list, and nothing else as a list")
    )
    return True


def _text_outside_advice(number: int, problems: list[Problem]) -> bool:
    """Report text after the statements that is not inside an ``<advice>`` block; return True (reported)."""
    problems.append(
        Problem(
            number,
            "text after the statements is not inside '<advice>'; put the intro before the list, "
            "or wrap this text in '<advice answers=\"...\">' ... '</advice>'",
        )
    )
    return True


def _advice(raw: str, line: int, problems: list[Problem]) -> Advice:
    """Read an ``<advice>`` tag's attributes: ``statements="1, 3"`` (optional) and ``answers="A|B"`` (required)."""
    attrs = _attributes(raw, line, "<advice>", ADVICE_ATTRS, problems)
    numbers: list[int] = []
    for part in attrs.get("statements", "").replace(",", " ").split():
        if part.isdigit():
            numbers.append(int(part))
        else:
            problems.append(
                Problem(line, f"advice statements=\"{attrs['statements']}\" is not a list of numbers; write e.g. statements=\"1, 3\"")
            )
            break
    answers = [label.strip() for label in attrs.get("answers", "").split("|") if label.strip()]
    if not answers:
        problems.append(
            Problem(line, "advice has no answers=\"...\"; name the scale labels that show it, e.g. answers=\"Often|Always\"")
        )
    return Advice(numbers, answers, "", line)


def unique_problems(checkins: list[Checkin]) -> list[Problem]:
    """Report check-ins of one page whose ids clash, which would mix up their histories."""
    problems, seen = [], {}
    for checkin in checkins:
        if checkin.again:
            continue
        first = seen.setdefault(checkin.id, checkin)
        if first is not checkin:
            if checkin.explicit_id:
                message = "check-in id '{id}' is already used on line {related}; give this check-in another id"
            else:
                message = (
                    "this check-in has the same statements as the one on line {related}; give one an id=\"...\", "
                    "or show the same check-in again with <checkin again=\"...\"></checkin>"
                )
            problems.append(Problem(checkin.line, message.replace("{id}", checkin.id), related=first.line))
    return problems


# --- Rendering -----------------------------------------------------------------


class Definition:
    """A check-in as defined: the page key its history is saved under, that page's URL and title ('' when unknown)."""

    __slots__ = ("checkin", "page", "url", "title", "src_uri")

    def __init__(self, checkin: Checkin, page: str = "", url: str = "", title: str = "", src_uri: str = "") -> None:
        self.checkin = checkin
        self.page = page
        self.url = url
        self.title = title
        self.src_uri = src_uri  # the defining page's source path: its links are relative to it

    def manifest(self) -> dict[str, object]:
        """Return the check-in's entry in ``course-manifest.json`` (the dashboard's line for it)."""
        return {
            "id": self.checkin.id, "page": self.page, "url": self.url, "title": self.title,
            "statements": len(self.checkin.statements),
        }  # fmt: skip


class CheckinPreprocessor(Preprocessor):
    """Swap each check-in for a one-line placeholder (a broken one for an error box); report its mistakes.

    Line counts are kept (the placeholder, then blank lines), so the quiz
    preprocessor after it reads the same line numbers. Inside a course build
    the mistakes were reported from the source scan when the course was built
    (``model.build_course``, as ``mkdocs-course check`` does); used on its own,
    the extension reports them here.
    """

    def __init__(self, md: Markdown, strings: dict[str, str], reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.strings = strings
        self.reporter = reporter
        self.shared = shared

    def run(self, lines: list[str]) -> list[str]:
        """Replace each check-in block of ``lines`` (in place: the quiz preprocessor reuses the scan) by its placeholder."""
        from . import syntax  # syntax imports this module's parser

        state = self.shared.page
        state.checkins, state.checkin_relink = {}, []
        if not any("<" in line and ANYWHERE.search(line) for line in lines):
            return lines
        page = state.scan if state.scan is not None and state.scanned_lines is lines else syntax.scan(lines)
        # The quiz preprocessor reuses this scan: the lines keep their count and their identity.
        state.scanned_lines, state.scan = lines, page
        course = getattr(self.reporter, "course", None)
        defined: dict[str, Definition] = dict(getattr(course, "checkins", None) or {})
        local = {checkin.id: Definition(checkin) for checkin in page.checkins if not checkin.again}
        if not getattr(self.reporter, "reports_checkins", False):
            for problem in page_problems(page, default_scale(self.strings), {**local, **defined}):
                self.reporter.report(problem)
        processors = [item.name for item in self.md.preprocessors._priority]
        after = processors[processors.index("course_checkin") + 1 :]
        state.checkin_preprocessors = [self.md.preprocessors[name] for name in after if not name.startswith("course_")]
        for number, (start, end, checkin, indent) in enumerate(page.checkin_spans):
            definition = None
            if checkin is not None and checkin.again:
                definition = defined.get(checkin.id) or local.get(checkin.id)
            elif checkin is not None:
                definition = Definition(checkin, defined[checkin.id].page if checkin.id in defined else "")
            if definition is None:
                box = self.md.htmlStash.store(_error_box(lines[start : end + 1]))
            else:
                box = PLACEHOLDER.format(number)
                here = getattr(self.reporter, "rendering_uri", "")
                state.checkins[str(number)] = (checkin, definition, here)
            lines[start : end + 1] = [" " * indent + box] + [""] * (end - start)
        return lines


def page_problems(page, default: list[str], known: dict[str, Definition]) -> list[Problem]:
    """Return a page's check-in mistakes: the scan's, labels off the scale, and ``again`` naming no known check-in."""
    problems = list(page.checkin_problems)
    for checkin in page.checkins:
        if checkin.again:
            if checkin.id not in known:
                problems.append(again_unknown(checkin))
        else:
            problems += label_problems(checkin, default)
    return sorted(problems, key=lambda problem: problem.line)


def again_unknown(checkin: Checkin) -> Problem:
    """The mistake of ``<checkin again="id">`` naming an id no check-in of the course has."""
    return Problem(
        checkin.line,
        f"no check-in has the id '{checkin.id}'; give the check-in you mean id=\"{checkin.id}\" where it is defined, "
        "or fix the name in again=\"...\"",
    )


class CheckinBlockProcessor(BlockProcessor):
    """Render a check-in's placeholder as the check-in's form."""

    def __init__(self, parser, strings: dict[str, str], shared: PageRenderExtension) -> None:
        super().__init__(parser)
        self.strings = strings
        self.shared = shared

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block that starts with a check-in placeholder."""
        return block.startswith(PLACEHOLDER_START)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Render the check-in the placeholder stands for; put back what follows it in the block."""
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        number = first[len(PLACEHOLDER_START) : first.find('"', len(PLACEHOLDER_START))]
        found = self.shared.page.checkins.pop(number, None)
        if rest.strip():
            blocks.insert(0, rest)
        if found is not None:
            self.render(parent, *found)
        return True

    def render(self, parent: etree.Element, checkin: Checkin, definition: Definition, here: str = "") -> None:
        """Append the check-in's HTML (ARCHITECTURE.md, "Check-in") to ``parent``; ``again`` shows its definition.

        ``here`` is the source path of the page being rendered: links in a
        check-in shown again on another page are rewritten from its defining page.
        """
        t, shown = self.strings, definition.checkin
        scale = shown.scale or default_scale(t)
        # Ids of the HTML must stay unique when the same check-in is shown twice on a page (the workbook).
        base = f"checkin-{shown.id}" + ("-again" if checkin.again else "")
        attrs = {"class": "course-checkin", "id": base, "data-checkin-id": shown.id, "data-checkin-scale": "|".join(scale)}
        if definition.page:
            attrs["data-checkin-page"] = definition.page
        root = etree.SubElement(parent, "div", attrs)
        if shown.intro:
            self._blocks(etree.SubElement(root, "div", {"class": "course-checkin__intro"}), shown.intro)
        # No accessible name: a named form is a landmark, and a page (the workbook) may hold several check-ins.
        form = etree.SubElement(root, "form", {"class": "course-checkin__form"})
        for index, statement in enumerate(shown.statements, start=1):
            fieldset = etree.SubElement(form, "fieldset", {"class": "course-checkin__statement", "data-statement": str(index)})
            legend = etree.SubElement(fieldset, "legend", {"class": "course-checkin__legend"})
            number = etree.SubElement(legend, "span", {"class": "course-checkin__number"})
            number.text, number.tail = AtomicString(f"{index}."), " "
            etree.SubElement(legend, "span", {"class": "course-checkin__text"}).text = statement
            choices = etree.SubElement(fieldset, "div", {"class": "course-checkin__scale"})
            for value, label in enumerate(scale, start=1):
                choice = etree.SubElement(choices, "label", {"class": "course-checkin__choice"})
                etree.SubElement(
                    choice, "input", {"class": "course-checkin__input", "type": "radio", "name": f"{base}-{index}", "value": str(value)}
                )
                etree.SubElement(choice, "span", {"class": "course-checkin__label"}).text = AtomicString(label)
        actions = etree.SubElement(form, "p", {"class": "course-checkin__actions course-js", "hidden": ""})
        save = etree.SubElement(actions, "button", {"type": "submit", "class": "md-button md-button--primary course-checkin__save"})
        save.text = AtomicString(t["checkin.save"])
        preview = etree.SubElement(actions, "button", {"type": "button", "class": "md-button course-checkin__preview"})
        preview.text = AtomicString(t["checkin.preview"])
        etree.SubElement(root, "p", {"class": "course-checkin__status", "role": "status"}).text = ""
        for item in shown.advice:
            self._advice(root, item, scale, len(shown.statements))
        note = etree.SubElement(root, "p", {"class": "course-checkin__note"})
        note.text = AtomicString(t["checkin.no_js"])
        # course.js fills in the learner's earlier takes (a table and a chart) and the privacy line.
        etree.SubElement(root, "div", {"class": "course-checkin__history", "hidden": ""}).text = ""
        if checkin.again and definition.src_uri and here and definition.src_uri != here:
            # Its links exist once inline Markdown is rendered: CheckinLinksTreeprocessor rewrites them then.
            self.shared.page.checkin_relink.append((root, definition.src_uri, here))

    def _advice(self, root: etree.Element, item: Advice, scale: list[str], count: int) -> None:
        """Append one advice block: when it applies (in words, for paper and no JavaScript), then its Markdown."""
        t = self.strings
        numbers = item.statements or list(range(1, count + 1))
        values = [str(scale.index(label) + 1) for label in item.answers if label in scale]
        box = etree.SubElement(
            root,
            "div",
            {"class": "course-checkin__advice", "data-statements": " ".join(map(str, numbers)), "data-answers": " ".join(values)},
        )
        answers = f" {t['checkin.or']} ".join(item.answers)
        if item.statements:
            key = "checkin.when_one" if len(item.statements) == 1 else "checkin.when_many"
            when = fill(t[key], answers=answers, statements=", ".join(map(str, item.statements)))
        else:
            when = fill(t["checkin.when_any"], answers=answers)
        etree.SubElement(box, "p", {"class": "course-checkin__when"}).text = AtomicString(when)
        self._blocks(etree.SubElement(box, "div", {"class": "course-checkin__advice-text"}), item.body)

    def _blocks(self, holder: etree.Element, markdown: str) -> None:
        """Render Markdown blocks into ``holder``, through the preprocessors that run after check-ins (fenced code)."""
        lines = markdown.split("\n")
        for processor in self.shared.page.checkin_preprocessors:
            lines = processor.run(lines)
        self.parser.parseChunk(holder, "\n".join(lines))


class CheckinLinksTreeprocessor(Treeprocessor):
    """Rewrite the links of each check-in shown again on another page, which its author wrote for the defining page.

    Runs right after inline Markdown is rendered, before MkDocs checks and converts the page's links.
    """

    def __init__(self, md: Markdown, shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.shared = shared

    def run(self, root: etree.Element) -> None:
        """Rewrite every relative ``href`` and ``src`` in the check-ins the block processor listed."""
        state = self.shared.page
        # Taken, not read (see QuizPreprocessor.run).
        relink_list, state.checkin_relink, state.checkins, state.checkin_preprocessors = state.checkin_relink, [], {}, []
        for checkin, source, here in relink_list:
            for element in checkin.iter():
                for name in ("href", "src"):
                    if element.get(name) is not None:
                        element.set(name, relink(element.get(name), source, here))


def relink(url: str, source: str, here: str) -> str:
    """Return a link written on the page ``source`` (a source path) as the page ``here`` must write it."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path)) if parts.path else source
    path = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def _error_box(lines: list[str]) -> str:
    """Return HTML that shows a broken check-in's source instead of hiding it."""
    source = html.escape("\n".join(lines))
    return (
        '<div class="admonition failure course-error"><p class="admonition-title">'
        "This check-in could not be built; see the build log.</p>"
        f"<pre><code>{source}</code></pre></div>"
    )


def register(md: Markdown, strings: dict[str, str], reporter: Reporter, shared: PageRenderExtension) -> None:
    """Register the check-in preprocessor and block processor (the quiz extension calls this)."""
    # After the checklist's preprocessor (28), whose scan it reuses; before the quiz's (27), which changes line counts.
    md.preprocessors.register(CheckinPreprocessor(md, strings, reporter, shared), "course_checkin", 27.5)
    md.parser.blockprocessors.register(CheckinBlockProcessor(md.parser, strings, shared), "course_checkin", 103)
    md.treeprocessors.register(CheckinLinksTreeprocessor(md, shared), "course_checkin_links", 19.5)
