"""Python-Markdown extension ``course_quiz``: ``<quiz>`` blocks become quizzes.

Two steps, so that problems name the right source line and the quiz's own
Markdown (code blocks included) is rendered by the page's full parser:

1. A preprocessor reads the raw lines, reports problems with their line
   numbers, writes each quiz's id into its opening tag and swaps broken quizzes
   for a visible error box.
2. A block processor turns each valid block into the accessible HTML described
   in ARCHITECTURE.md.
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
from markdown.util import AtomicString

from . import syntax
from .diagnostics import Reporter
from .strings import strings_for

OPEN_WITH_ID = re.compile(r'^ {0,3}<quiz id="(?P<id>[^"]+)">\s*$')


class QuizPreprocessor(Preprocessor):
    """Validate quizzes against their source lines and mark each with its id."""

    def __init__(self, md: Markdown, reporter: Reporter) -> None:
        super().__init__(md)
        self.reporter = reporter

    def run(self, lines: list[str]) -> list[str]:
        """Report problems and rewrite quiz blocks for the block processor."""
        # Taken, not read: a converted page's Markdown object lingers until the
        # garbage collector's next full pass, and should not keep its page.
        shared = self.md.__dict__.pop("course_scan", None)
        if shared and shared[0] is lines:
            page = shared[1]  # scanned by the checklist preprocessor
        elif any("<quiz" in line or "</quiz" in line for line in lines):
            page = syntax.scan(lines)
        else:
            return lines
        for problem in page.quiz_problems:
            self.reporter.report(problem)
        if not page.quiz_spans:
            return lines
        out = list(lines)
        # What each quiz's block will say, and the quiz parsed from it: the block
        # processor need not parse it again unless a later preprocessor changed it.
        self.md.course_quizzes = {}
        # Walk backwards so that inserted blank lines do not move later spans.
        for start, end, quiz in reversed(page.quiz_spans):
            if quiz is None:
                box = self.md.htmlStash.store(_error_box(lines[start : end + 1]))
                out[start : end + 1] = ["", box, ""]
            else:
                block = [f'<quiz id="{quiz.id}">', *lines[start + 1 : end], "</quiz>"]
                self.md.course_quizzes[quiz.id] = ("\n".join(block), quiz)
                out[start : end + 1] = ["", *block, ""]
        return out


class QuizBlockProcessor(BlockProcessor):
    """Render a ``<quiz id="...">`` ... ``</quiz>`` run of blocks as a quiz."""

    def __init__(self, parser, strings: dict[str, str]) -> None:
        super().__init__(parser)
        self.strings = strings

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block that starts with a marked quiz opening tag (asked of every block of the page)."""
        return block.startswith('<quiz id="') and bool(OPEN_WITH_ID.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Consume the quiz's blocks and build its element tree."""
        collected: list[str] = []
        while blocks:
            block = blocks.pop(0)
            lines = block.split("\n")
            closing = next((i for i, line in enumerate(lines) if syntax.QUIZ_CLOSE.match(line)), None)
            if closing is None:
                collected.append(block)
                continue
            collected.append("\n".join(lines[: closing + 1]))
            rest = "\n".join(lines[closing + 1 :]).strip("\n")
            if rest:
                blocks.insert(0, rest)
            break
        text = "\n\n".join(collected)
        opening = OPEN_WITH_ID.match(collected[0].split("\n", 1)[0])
        known = getattr(self.parser.md, "course_quizzes", {}).pop(opening.group("id"), None) if opening else None
        if known and known[0] == text:
            quiz = known[1]
        else:  # another preprocessor changed the block (stashed HTML or code): read it as it is now
            page = syntax.scan(text.split("\n"))
            if not page.quizzes:
                return False
            quiz = page.quizzes[0]
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
        root = etree.SubElement(
            parent,
            "div",
            {"class": "course-quiz", "id": base, "data-quiz-id": quiz.id, "data-quiz-kind": quiz.kind},
        )
        self._blocks(root, quiz.question, "course-quiz__question").set("id", f"{base}-question")
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
        self.parser.parseChunk(holder, markdown)
        if len(holder) == 1 and holder[0].tag == "p" and not (holder.text or "").strip() and not holder[0].tail:
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

    def run(self, root: etree.Element) -> None:
        """Copy each option's rendered text into its key item, after the verdict."""
        for text, item in self.md.__dict__.pop("course_key_texts", ()):
            item[0].tail = ": " + (text.text or "")
            for offset, child in enumerate(text, start=1):
                item.insert(offset, copy.deepcopy(child))


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
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Run before fenced code is stashed, so line numbers are the author's."""
        strings = strings_for(self.getConfig("language"), self.getConfig("strings"))
        md.preprocessors.register(QuizPreprocessor(md, self.getConfig("build")), "course_quiz", 27)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, strings), "course_quiz", 105)
        # Right after "inline" (20), before the tree processors that read the text.
        md.treeprocessors.register(QuizKeyTreeprocessor(md), "course_quiz_key", 19)
        md.registerExtension(self)


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension for ``markdown.Markdown(extensions=['mkdocs_course.quiz'])``."""
    return QuizExtension(**kwargs)
