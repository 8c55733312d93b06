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
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from . import syntax
from .diagnostics import Problem, Reporter
from .reflection import ReflectionBlockProcessor
from .strings import strings_for

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

    def __init__(self, md: Markdown, reporter: Reporter) -> None:
        super().__init__(md)
        self.reporter = reporter

    def run(self, lines: list[str]) -> list[str]:
        """Report problems and replace each quiz block by its placeholder (or a broken one by an error box)."""
        # Taken, not read: a converted page's Markdown object lingers until the
        # garbage collector's next full pass, and should not keep its page.
        shared = self.md.__dict__.pop("course_scan", None)
        self.md.course_quizzes = {}
        self.md.course_reflection_spans = []
        if shared and shared[0] is lines:
            page = shared[1]  # scanned by the checklist preprocessor
        elif QUIZ_MENTION.search("\n".join(lines)):
            page = syntax.scan(lines)
        else:
            return lines
        for problem in page.quiz_problems:
            self.reporter.report(problem)
        # Reflections are this extension's too: their mistakes are the scan's, as in `check`.
        for problem in page.reflection_problems:
            self.reporter.report(problem)
        self.md.course_reflection_spans = list(page.reflection_spans)
        if not page.quiz_spans:
            return lines
        out = list(lines)
        # The preprocessors after this one never see the quiz's lines: each piece of
        # Markdown the quiz renders goes through them when it is rendered.
        processors = list(self.md.preprocessors)
        self.md.course_quiz_preprocessors = processors[processors.index(self) + 1 :]
        # Walk backwards so that inserted blank lines do not move later spans.
        for number in range(len(page.quiz_spans) - 1, -1, -1):
            start, end, quiz, indent = page.quiz_spans[number]
            if quiz is None:
                box = " " * indent + self.md.htmlStash.store(_error_box(lines[start : end + 1]))
            else:
                box = " " * indent + PLACEHOLDER.format(number)
                self.md.course_quizzes[str(number)] = quiz
            out[start : end + 1] = ["", box, ""]
        return out


class QuizBlockProcessor(BlockProcessor):
    """Render a quiz's placeholder as the quiz."""

    def __init__(self, parser, strings: dict[str, str], shuffle: bool = False) -> None:
        super().__init__(parser)
        self.strings = strings
        self.shuffle = shuffle  # the course's setting; a quiz's shuffle="..." wins

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block that starts with a quiz placeholder (asked of every block of the page)."""
        return block.startswith(PLACEHOLDER_START)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Render the quiz the placeholder stands for; put back what follows it in the block."""
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        number = first[len(PLACEHOLDER_START) : first.find('"', len(PLACEHOLDER_START))]
        quiz = getattr(self.parser.md, "course_quizzes", {}).pop(number, None)
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
        attrs = {"class": "course-quiz", "id": base, "data-quiz-id": quiz.id, "data-quiz-kind": quiz.kind}
        if (self.shuffle if quiz.shuffle is None else quiz.shuffle) and len(quiz.options) > 1:
            attrs["data-quiz-shuffle"] = "true"  # course.js shows the learner's own order; the HTML keeps the author's
        root = etree.SubElement(parent, "div", attrs)
        self._blocks(root, quiz.question, "course-quiz__question").set("id", f"{base}-question")
        if quiz.hint:
            # A hint is help, not the answer; still kept out of search, which should find the question.
            hint = etree.SubElement(root, "details", {"class": "course-quiz__hint", "data-search-exclude": ""})
            etree.SubElement(hint, "summary").text = AtomicString(t["quiz.hint"])
            self._blocks(hint, quiz.hint, "course-quiz__hint-text")
        options = etree.SubElement(
            root, "fieldset", {"class": "course-quiz__options", "aria-labelledby": f"{base}-question"}
        )
        kind = "checkbox" if quiz.kind == "multiple" else "radio"
        texts = []
        # Each option's words follow its verdict in the key once inline Markdown is rendered (QuizKeyTreeprocessor).
        key_texts = self.parser.md.__dict__.setdefault("course_key_texts", [])
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
        for processor in getattr(self.parser.md, "course_quiz_preprocessors", ()):
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

    def __init__(self, md: Markdown, reporter: Reporter) -> None:
        super().__init__(md)
        self.reporter = reporter

    def run(self, root: etree.Element) -> None:
        """Copy each option's rendered text into its key item, after the verdict; report quizzes left unrendered."""
        # The safety net under the scanner: a quiz it found that the page does not show.
        for quiz in self.md.__dict__.pop("course_quizzes", {}).values():
            self.reporter.report(
                Problem(
                    quiz.line,
                    "this quiz is not shown as a quiz: Markdown reads its lines as part of something else here "
                    "(code, HTML or the text above); put '<quiz>' on a line of its own with a blank line above, "
                    "indented like the text around it",
                )
            )
        key_texts = self.md.__dict__.pop("course_key_texts", ())
        if key_texts:  # only a page with quizzes has quiz headings
            _headings_out_of_toc(root)
        for text, item in key_texts:
            item[0].tail = ": " + (text.text or "")
            for offset, child in enumerate(text, start=1):
                item.insert(offset, copy.deepcopy(child))


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


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
        md.preprocessors.register(QuizPreprocessor(md, self.getConfig("build")), "course_quiz", 27)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, strings, self.getConfig("shuffle")), "course_quiz", 105)
        # Reflection prompts are the quiz's ungraded kin: one extension registers both.
        md.parser.blockprocessors.register(
            ReflectionBlockProcessor(md.parser, strings, self.getConfig("build")), "course_reflection", 104
        )
        # Right after "inline" (20), before the tree processors that read the text.
        md.treeprocessors.register(QuizKeyTreeprocessor(md, self.getConfig("build")), "course_quiz_key", 19)
        md.registerExtension(self)


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension for ``markdown.Markdown(extensions=['mkdocs_course.quiz'])``."""
    return QuizExtension(**kwargs)
