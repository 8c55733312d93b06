"""Python-Markdown extension ``course_quiz``: ``<quiz>`` blocks become quizzes.

Two steps, so that problems name the right source line and the quiz's own
Markdown (code blocks included) is rendered by the page's full parser:

1. A preprocessor reads the raw lines, reports problems with their line
   numbers, swaps each valid quiz for a one-line placeholder at its
   container's indentation (so a quiz in an admonition, details, a tab or a
   list item stays there) and each broken quiz for a visible error box.
2. A block processor turns each placeholder into the accessible HTML described
   in ARCHITECTURE.md, from the quiz the scan read.
3. A tree processor copies option words into the answer key, and reports any
   quiz the scan found that the page does not show.
"""
from __future__ import annotations

import copy
import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from . import checkin, compat, syntax
from .diagnostics import Problem, Reporter
from .page_render import PageRenderExtension, page_render_of
from .reflection import ReflectionBlockProcessor
from .strings import fill, strings_for

# What the preprocessor leaves where a quiz was: one line, found again by the block processor.
PLACEHOLDER = '<quiz data-course-quiz="{}"></quiz>'
PLACEHOLDER_START = '<quiz data-course-quiz="'
QUIZ_MENTION = re.compile(r"</?(?:quiz|reflection)", re.I)


class QuizPreprocessor(Preprocessor):
    """Validate quizzes against their source lines and swap each for a one-line placeholder.

    The placeholder keeps the quiz's indentation, so a quiz in an admonition,
    a details block, a content tab or a list item stays in it; the block
    processor finds it there and renders the quiz read from the source.
    """

    def __init__(self, md: Markdown, reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.reporter = reporter
        self.shared = shared

    def run(self, lines: list[str]) -> list[str]:
        """Report problems and replace each quiz block by its placeholder (or a broken one by an error box)."""
        state = self.shared.page
        # Taken, not read: a converted page's Markdown object lingers until the
        # garbage collector's next full pass, and should not keep its page.
        scanned_lines, scanned, state.scanned_lines, state.scan = state.scanned_lines, state.scan, None, None
        state.quizzes, state.key_texts, state.quiz_preprocessors, state.quiz_total = {}, [], [], 0
        state.reflection_spans = []  # the scan's reflections, for reflection.py
        # The page's own quiz options (its front matter's `quiz:`, read by the build): see page_options.py.
        state.quiz_page = getattr(self.reporter, "quiz_page", None) or {}
        for problem in compat.unsupported(lines):  # mkdocs-quiz syntax that would show as stray text
            self.reporter.report(problem)
        if scanned is not None and scanned_lines is lines:
            page = scanned  # scanned by the checklist preprocessor
        elif QUIZ_MENTION.search("\n".join(lines)):
            page = syntax.scan(lines)
        else:
            return lines
        for problem in page.quiz_problems:
            self.reporter.report(problem)
        # Reflections are this extension's too: their mistakes are the scan's, as in `check`.
        for problem in page.reflection_problems:
            self.reporter.report(problem)
        state.reflection_spans = list(page.reflection_spans)
        if not page.quiz_spans:
            return lines
        out = list(lines)
        # The preprocessors after this one never see the quiz's lines: each piece of
        # Markdown the quiz renders goes through them when it is rendered.
        processors = list(self.md.preprocessors)
        state.quiz_preprocessors = processors[processors.index(self) + 1 :]
        # Walk backwards so that inserted blank lines do not move later spans.
        for number in range(len(page.quiz_spans) - 1, -1, -1):
            start, end, quiz, indent = page.quiz_spans[number]
            if quiz is None:
                box = " " * indent + self.md.htmlStash.store(_error_box(lines[start : end + 1]))
            else:
                box = " " * indent + PLACEHOLDER.format(number)
                state.quizzes[str(number)] = quiz
            out[start : end + 1] = ["", box, ""]
        return out


class QuizBlockProcessor(BlockProcessor):
    """Render a quiz's placeholder as the quiz."""

    def __init__(self, parser, strings: dict[str, str], shared: PageRenderExtension, shuffle: bool = False) -> None:
        super().__init__(parser)
        self.strings = strings
        self.shared = shared
        self.shuffle = shuffle  # the course's setting; a quiz's shuffle="..." wins

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block that starts with a quiz placeholder (asked of every block of the page)."""
        return block.startswith(PLACEHOLDER_START)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Render the quiz the placeholder stands for; put back what follows it in the block."""
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        number = first[len(PLACEHOLDER_START) : first.find('"', len(PLACEHOLDER_START))]
        quiz = self.shared.page.quizzes.pop(number, None)
        if rest.strip():
            blocks.insert(0, rest)
        if quiz is None:
            return True  # a placeholder copied twice: its quiz is already on the page
        self.render(parent, quiz)
        return True

    def render(self, parent: etree.Element, quiz: syntax.Quiz) -> None:
        """Append the quiz's HTML (see ARCHITECTURE.md) to ``parent``.

        The markup is lean on purpose: every element is paid for again by the
        serializer, the table of contents, the search plugin and the browser.
        What only JavaScript uses (the buttons and the live status) is added
        by course.js, and a one-paragraph question, feedback or explanation is
        that paragraph, not a paragraph in a wrapper.
        """
        t = self.strings
        base = f"quiz-{quiz.id}"
        page = self.shared.page.quiz_page
        attrs = {"class": "course-quiz", "id": base, "data-quiz-id": quiz.id, "data-quiz-kind": quiz.kind}
        shuffle = next(choice for choice in (quiz.shuffle, page.get("shuffle"), self.shuffle) if choice is not None)
        if shuffle and len(quiz.options) > 1:
            attrs["data-quiz-shuffle"] = "true"  # course.js shows the learner's own order; the HTML keeps the author's
        if page.get("reveal") is False:
            attrs["data-quiz-reveal"] = "false"  # the page's `show_correct: false`: no "Show the answer" button
        root = etree.SubElement(parent, "div", attrs)
        if quiz.blanks:
            self.render_blanks(root, quiz)
            return
        self._blocks(root, quiz.question, "course-quiz__question").set("id", f"{base}-question")
        self._hint(root, quiz)
        options = etree.SubElement(
            root, "fieldset", {"class": "course-quiz__options", "aria-labelledby": f"{base}-question"}
        )
        kind = "checkbox" if quiz.kind == "multiple" else "radio"
        texts = []
        # Each option's words follow its verdict in the key once inline Markdown is rendered (QuizKeyTreeprocessor).
        key_texts = self.shared.page.key_texts
        for number, option in enumerate(quiz.options):
            wrapper = etree.SubElement(options, "div", {"class": "course-quiz__option", "data-option": str(number)})
            label = etree.SubElement(wrapper, "label", {"class": "course-quiz__label"})
            etree.SubElement(
                label, "input", {"class": "course-quiz__input", "type": kind, "name": base, "value": str(number)}
            )
            texts.append(etree.SubElement(label, "span", {"class": "course-quiz__text"}))
            texts[-1].text = option.text
        # The answers stay out of the search index: search should find the
        # question, not the answer.
        answer = etree.SubElement(root, "details", {"class": "course-quiz__answer", "data-search-exclude": ""})
        etree.SubElement(answer, "summary").text = AtomicString(t["quiz.show"])
        key = etree.SubElement(answer, "ul", {"class": "course-quiz__key"})
        for number, option in enumerate(quiz.options):
            item = etree.SubElement(
                key,
                "li",
                {
                    "class": "course-quiz__key-item",
                    "data-option": str(number),
                    "data-correct": "true" if option.correct else "false",
                },
            )
            verdict = etree.SubElement(item, "strong", {"class": "course-quiz__verdict"})
            verdict.text = AtomicString(t["quiz.correct"] if option.correct else t["quiz.wrong"])
            key_texts.append((texts[number], item))
            if option.feedback:
                self._blocks(item, option.feedback, "course-quiz__feedback")
        if quiz.explanation:
            self._blocks(answer, quiz.explanation, "course-quiz__explanation")

    def _hint(self, root: etree.Element, quiz: syntax.Quiz) -> None:
        """Append the quiz's hint, a closed disclosure, when it has one."""
        if quiz.hint:
            # A hint is help, not the answer; still kept out of search, which should find the question.
            hint = etree.SubElement(root, "details", {"class": "course-quiz__hint", "data-search-exclude": ""})
            etree.SubElement(hint, "summary").text = AtomicString(self.strings["quiz.hint"])
            self._blocks(hint, quiz.hint, "course-quiz__hint-text")

    def render_blanks(self, root: etree.Element, quiz: syntax.Quiz) -> None:
        """Fill in a fill-in-the-blank quiz's HTML (see ARCHITECTURE.md): the question with its blanks as lines, then the key.

        Each ``[[answer]]`` becomes a slot word in the question's Markdown, so
        inline Markdown around it renders as the author wrote it; once it has
        rendered, ``QuizKeyTreeprocessor`` puts a blank's line where its slot is.
        """
        t, base = self.strings, f"quiz-{quiz.id}"
        marked, last = [], 0
        for number, blank in enumerate(quiz.blanks):
            marked += [quiz.question[last : blank.start], blank_slot(number)]
            last = blank.end
        marked.append(quiz.question[last:])
        question = self._blocks(root, "".join(marked), "course-quiz__question")
        question.set("id", f"{base}-question")
        self.shared.page.blank_questions.append((question, quiz))
        self._hint(root, quiz)
        answer = etree.SubElement(root, "details", {"class": "course-quiz__answer", "data-search-exclude": ""})
        etree.SubElement(answer, "summary").text = AtomicString(t["quiz.show"])
        key = etree.SubElement(answer, "ul", {"class": "course-quiz__key"})
        for number, blank in enumerate(quiz.blanks):
            item = etree.SubElement(
                key, "li", {"class": "course-quiz__key-item", "data-blank": str(number), "data-answer": blank.answer}
            )
            verdict = etree.SubElement(item, "strong", {"class": "course-quiz__verdict"})
            verdict.text = AtomicString(blank_name(t, number, len(quiz.blanks)))
            verdict.tail = ": "
            words = etree.SubElement(item, "span", {"class": "course-quiz__key-answer"})
            words.text = AtomicString(blank.answer)
        if quiz.explanation:
            self._blocks(answer, quiz.explanation, "course-quiz__explanation")

    def _blocks(self, parent: etree.Element, markdown: str, css: str) -> etree.Element:
        """Render Markdown blocks into ``parent`` as one element of class ``css``; return it.

        One paragraph becomes ``<p class=css>``; anything else (several
        paragraphs, a list, code) sits in ``<div class=css>``.
        """
        if _is_plain_paragraph(markdown) and not self.parser.state.isstate("list"):
            # What the parser would make of it, without its pass over every
            # block processor: most questions and feedback are one sentence.
            paragraph = etree.SubElement(parent, "p", {"class": css})
            paragraph.text = markdown
            return paragraph
        holder = etree.SubElement(parent, "div", {"class": css})
        lines = markdown.split("\n")
        for processor in self.shared.page.quiz_preprocessors:
            lines = processor.run(lines)
        self.parser.parseChunk(holder, "\n".join(lines))
        only = holder[0] if len(holder) == 1 else None
        # A paragraph that is only a stashed block (fenced code, raw HTML) stays in the <div>: the
        # stash is put back as a block, which must not end up inside a <p> (the browser would split it).
        stashed = only is not None and HTML_PLACEHOLDER_RE.fullmatch((only.text or "").strip()) and not len(only)
        if only is not None and only.tag == "p" and not stashed and not (holder.text or "").strip() and not only.tail:
            paragraph = holder[0]
            paragraph.set("class", css)
            parent[list(parent).index(holder)] = paragraph
            return paragraph
        return holder


class QuizKeyTreeprocessor(Treeprocessor):
    """Repeat each option's words in the answer key, after "Correct:" or "Not correct:".

    Runs right after inline Markdown is rendered and copies the result, so the
    option's emphasis, code and links are rendered once, not twice.
    """

    def __init__(self, md: Markdown, reporter: Reporter, shared: PageRenderExtension, strings: dict[str, str] | None = None) -> None:
        super().__init__(md)
        self.reporter = reporter
        self.shared = shared
        self.strings = strings or strings_for("en", {})

    def run(self, root: etree.Element) -> None:
        """Copy each option's rendered text into its key item, after the verdict; report quizzes left unrendered."""
        state = self.shared.page
        # Taken, not read (see QuizPreprocessor.run).
        unrendered, key_texts, blank_questions = state.quizzes, state.key_texts, state.blank_questions
        state.quizzes, state.key_texts, state.quiz_preprocessors = {}, [], []
        state.reflection_spans, state.blank_questions, state.quiz_page = [], [], {}
        # The safety net under the scanner: a quiz it found that the page does not show.
        for quiz in unrendered.values():
            self.reporter.report(
                Problem(
                    quiz.line,
                    "this quiz is not shown as a quiz: Markdown reads its lines as part of something else here "
                    "(code, HTML or the text above); put '<quiz>' on a line of its own with a blank line above, "
                    "indented like the text around it",
                )
            )
        # How many quizzes the page shows, for its `<!-- mkdocs-quiz results -->` panel (QuizMarkerPostprocessor).
        state.quiz_total = (
            sum(element.get("class") == "course-quiz" for element in root.iter("div")) if key_texts or blank_questions else 0
        )
        if key_texts or blank_questions:  # only a page with quizzes has quiz headings
            _headings_out_of_toc(root)
        for question, quiz in blank_questions:
            _place_blanks(question, quiz, self.strings, self.reporter)
        for text, item in key_texts:
            item[0].tail = ": " + (text.text or "")
            for offset, child in enumerate(text, start=1):
                item.insert(offset, copy.deepcopy(child))


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What stands for a blank in the question's Markdown until it has rendered: letters and digits only,
# which no inline Markdown changes.
BLANK_SLOT = re.compile(r"zqblank(\d+)zq")


def blank_slot(number: int) -> str:
    """Return the word that stands for blank ``number`` in a question's Markdown."""
    return f"zqblank{number}zq"


def blank_name(strings: dict[str, str], number: int, total: int) -> str:
    """Return a blank's accessible name, e.g. "Blank 1 of 2" (the key's words and the text box's label)."""
    return fill(strings["quizpage.blank"], number=number + 1, total=total)


def _place_blanks(question: etree.Element, quiz: syntax.Quiz, strings: dict[str, str], reporter: Reporter) -> None:
    """Put each blank's line where its slot word is in the rendered question.

    A blank is a ``<span class="course-quiz__blank">`` holding its name (seen
    by screen readers, drawn as a line); course.js puts a text box in it. A
    slot that ended up in code (an indented code block) is written back as
    the author's ``[[answer]]``; a blank not placed (in code, or in raw HTML,
    which the tree never holds) is reported.
    """
    placed = set()
    size = str(_blank_size(quiz))
    # Built once: a question may hold thousands of blanks, and each lookup must not walk the tree again.
    parents = {child: parent for parent in question.iter() for child in parent}
    for element in list(question.iter()):
        in_code = element.tag in ("code", "pre")
        for side in ("text", "tail"):
            text = getattr(element, side)
            if not text or "zqblank" not in text:
                continue
            if in_code and side == "text":
                element.text = AtomicString(BLANK_SLOT.sub(lambda m: f"[[{quiz.blanks[int(m.group(1))].answer}]]", text))
                continue
            pieces = BLANK_SLOT.split(text)
            setattr(element, side, pieces[0])
            parent, position = (element, 0) if side == "text" else (parents[element], None)
            if position is None:
                position = list(parent).index(element) + 1
            for index in range(1, len(pieces), 2):
                number = int(pieces[index])
                placed.add(number)
                blank = etree.Element(
                    "span", {"class": "course-quiz__blank", "data-blank": str(number), "data-size": size}
                )
                name = etree.SubElement(blank, "span", {"class": "course-quiz__blank-name"})
                name.text = AtomicString(blank_name(strings, number, len(quiz.blanks)))
                blank.tail = pieces[index + 1]
                parent.insert(position, blank)
                position += 1
    for number, blank in enumerate(quiz.blanks):
        if number not in placed:
            reporter.report(
                Problem(
                    blank.line,
                    "this blank is inside an indented code block or raw HTML, so it is not shown as a blank; "
                    "take it out of the code block (four spaces after a blank line make one) or the HTML",
                )
            )


def _blank_size(quiz: syntax.Quiz) -> int:
    """Return the width (in characters) of every text box of a quiz: its longest answer and some room, so no box gives its answer's length away."""
    return max(8, max(len(blank.answer) for blank in quiz.blanks) + 3)


def _headings_out_of_toc(root: etree.Element) -> None:
    """Keep headings written inside a quiz (an explanation's "## Why") out of the page's table of contents.

    Each becomes a ``<p role="heading" aria-level="N">``: still a heading to
    assistive technology, but not one the ``toc`` extension (which runs
    later) lists or gives an anchor to.
    """
    for quiz in [element for element in root.iter("div") if element.get("class") == "course-quiz"]:
        for heading in [element for element in quiz.iter() if element.tag in HEADINGS]:
            level = heading.tag[1]
            heading.tag = "p"
            heading.set("class", f"course-quiz__heading course-quiz__heading--{level}")
            heading.set("role", "heading")
            heading.set("aria-level", level)


def _is_plain_paragraph(markdown: str) -> bool:
    """Tell whether Markdown is surely one plain paragraph: no blank line, every line starting with a letter.

    No block syntax starts with a letter (lists, quotes, headings, code, tables,
    HTML and stashed blocks all start with a mark, a digit or a space), so the
    block parser would only wrap these lines in one ``<p>``.
    """
    return bool(markdown) and all(line[:1].isalpha() for line in markdown.split("\n"))


def _error_box(lines: list[str]) -> str:
    """Return HTML that shows a broken quiz's source instead of hiding it."""
    source = html.escape("\n".join(lines))
    return (
        '<div class="admonition failure course-error"><p class="admonition-title">'
        "This quiz could not be built; see the build log.</p>"
        f"<pre><code>{source}</code></pre></div>"
    )


# mkdocs-quiz's page markers, as the page's HTML has them: a comment on a line of its own, or
# a paragraph holding only it (inside an admonition). Searched for only where "mkdocs-quiz" is.
QUIZ_MARKER = re.compile(
    r"<p><!--\s*mkdocs-quiz\s+(?P<p>results|intro)\s*--></p>|<!--\s*mkdocs-quiz\s+(?P<bare>results|intro)\s*-->"
)


class QuizMarkerPostprocessor(Postprocessor):
    """Replace ``<!-- mkdocs-quiz results -->`` and ``<!-- mkdocs-quiz intro -->`` with their panels.

    Runs after the raw HTML is put back, so a marker in code (escaped there)
    stays text, as Python-Markdown shows it.
    """

    def __init__(self, md: Markdown, strings: dict[str, str], shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.strings = strings
        self.shared = shared

    def run(self, text: str) -> str:
        """Return the page's HTML with each marker replaced by its panel."""
        # Read, not taken: the toc extension runs every postprocessor on each heading's text first.
        if "mkdocs-quiz" not in text:
            return text
        total = self.shared.page.quiz_total
        return QUIZ_MARKER.sub(lambda match: quiz_panel(self.strings, match.group("p") or match.group("bare"), total), text)


def quiz_panel(strings: dict[str, str], kind: str, total: int) -> str:
    """Return the HTML of a ``results`` or ``intro`` panel (see ARCHITECTURE.md); ``total`` is the page's number of quizzes."""
    t = {key: html.escape(value, quote=False) for key, value in strings.items() if key.startswith(("quiz.", "quizpage."))}
    reset = (
        '<p class="course-js" hidden><button type="button" class="md-button course-quiz-reset">'
        f'{t["quizpage.reset"]}</button></p>\n<p class="course-quiz-summary__status" role="status"></p>'
    )
    if kind == "results":
        body = (
            f'<p class="course-quiz-summary__title"><strong>{t["quizpage.results_title"]}</strong></p>\n'
            f'<p class="course-nojs">{fill(t["quizpage.results_nojs"], total=total)}</p>\n'
            f'<p class="course-quiz-summary__count course-js" hidden>{fill(t["quiz.results"], answered=0, total=total, right=0)}</p>'
        )
    else:
        body = f'<p class="course-js" hidden>{t["quizpage.intro"]}</p>\n<p class="course-nojs">{t["quizpage.intro_nojs"]}</p>'
    return f'<div class="course-quiz-summary course-quiz-summary--{kind}">\n{body}\n{reset}\n</div>'


class QuizExtension(Extension):
    """Register the quiz preprocessor, block processor and key tree processor."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the quiz buttons and labels (follows theme.language)."],
            # Not None: Python-Markdown would read a None default as a yes/no option.
            "build": [Reporter(), "Where mistakes are reported, naming the file being rendered (the course build hands itself)."],
            "strings": [{}, "Overrides of UI strings, e.g. {'quiz.submit': 'Check'}."],
            "shuffle": [False, "Show each learner the options in their own order (a quiz's shuffle=\"...\" wins)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Run before fenced code is stashed, so line numbers are the author's."""
        strings = strings_for(self.getConfig("language"), self.getConfig("strings"))
        shared, build = page_render_of(md), self.getConfig("build")
        md.preprocessors.register(QuizPreprocessor(md, build, shared), "course_quiz", 27)
        md.parser.blockprocessors.register(
            QuizBlockProcessor(md.parser, strings, shared, self.getConfig("shuffle")), "course_quiz", 105
        )
        # Reflection prompts are the quiz's ungraded kin: one extension registers both.
        md.parser.blockprocessors.register(
            ReflectionBlockProcessor(md.parser, strings, build, shared), "course_reflection", 104
        )
        # Self-check-ins too (checkin.py): one extension for every block a learner answers.
        checkin.register(md, strings, build, shared)
        # Right after "inline" (20), before the tree processors that read the text.
        md.treeprocessors.register(QuizKeyTreeprocessor(md, build, shared, strings), "course_quiz_key", 19)
        # After the raw HTML (30) is put back: the markers are HTML comments.
        md.postprocessors.register(QuizMarkerPostprocessor(md, strings, shared), "course_quiz_markers", 25)
        md.registerExtension(self)


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension for ``markdown.Markdown(extensions=['mkdocs_course.quiz'])``."""
    return QuizExtension(**kwargs)
