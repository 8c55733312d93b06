"""Python-Markdown extension ``course_checklist``: task lists become checklists.

Each ``- [ ] item`` becomes one ``<label>`` holding its checkbox and its text,
with a stable ``data-item-id`` so a learner's ticks survive edits to other
items. A preprocessor reports problems with source lines and writes each
item's id onto its line; a tree processor (before pymdownx.tasklist and inline
parsing) builds the markup, so the extension works with or without tasklist.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import syntax
from .diagnostics import Problem, Reporter
from .page_render import PageRenderExtension, page_render_of
from .strings import fill, strings_for

MARKER = re.compile(r"^\[(?P<mark>[ xX])\]\s+")
# Matched from the last "{" of the line, never searched for: a search would try every position.
ID_SUFFIX = re.compile(r"\{:?\s*#(?P<id>[A-Za-z][\w-]*)\s*\}")


class ChecklistPreprocessor(Preprocessor):
    """Report checklist problems and pin every item's id onto its line."""

    def __init__(self, md: Markdown, reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.reporter = reporter
        self.shared = shared

    def run(self, lines: list[str]) -> list[str]:
        """Append ``{#id}`` to items that have no explicit id."""
        state = self.shared.page
        state.checklist_found, state.checklist_items = False, {}
        state.scanned_lines = state.scan = None
        if not any("[" in line for line in lines):
            return lines
        page = syntax.scan(lines)
        # The tree processor has nothing to do on a page without items.
        state.checklist_found = bool(page.checklist)
        out = list(lines)
        # The quiz preprocessor runs next on these lines: hand it this scan
        # (only checklist lines change here, and quizzes skip them).
        state.scanned_lines, state.scan = out, page
        for problem in page.checklist_problems:
            self.reporter.report(problem)
        # What the tree processor must find on the page: any left over is reported.
        state.checklist_items = {item.id: item for item in page.checklist}
        for item in page.checklist:
            if not item.explicit_id:
                out[item.line - 1] = out[item.line - 1].rstrip() + f" {{#{item.id}}}"
        return out


class ChecklistTreeprocessor(Treeprocessor):
    """Turn task-list items into labelled, saveable checkboxes."""

    def __init__(self, md: Markdown, strings: dict[str, str], reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(md)
        self.strings = strings
        self.reporter = reporter
        self.shared = shared

    def run(self, root: etree.Element) -> None:
        """Rebuild every list that holds task items."""
        state = self.shared.page
        # Taken, not read: a converted page's Markdown object lingers until the
        # garbage collector's next full pass, and should not keep its page.
        expected, state.checklist_items = state.checklist_items, {}
        if not state.checklist_found:
            return
        self.converted: set[str] = set()
        self._build(root)
        # The safety net under the scanner: an item it found that the page does not show.
        for item_id, item in expected.items():
            if item_id not in self.converted:
                self.reporter.report(
                    Problem(
                        item.line,
                        "this checklist item is not shown as a checkbox: Markdown reads its line as part of "
                        "something else here (code, HTML, a heading or the text above); put a blank line above "
                        "the list and start the line with '- [ ] '",
                    )
                )

    def _build(self, root: etree.Element) -> None:
        """Turn every list holding pinned task items into a checklist."""
        # Lists of both kinds: Python-Markdown merges "- [ ]" items into a numbered
        # list just above them, and each item's id was pinned on its line either way.
        lists = [(parent, child) for parent in root.iter() for child in parent if child.tag in ("ul", "ol")]
        for parent, ul in lists:
            items = [li for li in ul if li.tag == "li" and self._convert(li)]
            if not items:
                continue
            ul.set("class", _join(ul.get("class"), "course-checklist__items"))
            wrapper = etree.Element("div", {"class": "course-checklist"})
            index = list(parent).index(ul)
            parent.remove(ul)
            parent.insert(index, wrapper)
            wrapper.append(ul)
            wrapper.tail, ul.tail = ul.tail, None
            count = etree.SubElement(
                wrapper, "p", {"class": "course-checklist__count", "aria-live": "polite", "hidden": "hidden", "data-search-exclude": ""}
            )
            count.text = AtomicString(fill(self.strings["checklist.count"], done=0, total=len(items)))

    def _convert(self, li: etree.Element) -> bool:
        """Make one ``<li>`` a checklist item; False when it is not a task item."""
        holder = li
        if not (li.text or "").strip() and len(li) and li[0].tag == "p":
            holder = li[0]  # a loose list wraps the text in <p>
        match = MARKER.match(holder.text or "")
        if not match:
            return False
        text = holder.text[match.end() :]
        first, newline, more = text.partition("\n")
        first = first.rstrip()
        item_id = ID_SUFFIX.fullmatch(first, max(first.rfind("{"), 0)) if first.endswith("}") else None
        if not item_id:
            return False  # not pinned by the preprocessor (e.g. in a quiz), so nothing can save it
        first = first[: item_id.start()].rstrip()
        li.set("class", _join(li.get("class"), "course-checklist__item"))
        li.set("data-item-id", item_id.group("id"))
        self.converted.add(item_id.group("id"))
        label = etree.Element("label", {"class": "course-checklist__label"})
        box = etree.SubElement(label, "input", {"class": "course-checklist__box", "type": "checkbox"})
        if match.group("mark") != " ":
            box.set("checked", "checked")
        span = etree.SubElement(label, "span", {"class": "course-checklist__text"})
        span.text = first + newline + more
        # Inline children before the first block (links, emphasis) belong to the text.
        for child in list(holder):
            if child.tag in ("ul", "ol", "p", "div", "pre", "blockquote", "table"):
                break
            holder.remove(child)
            span.append(child)
        holder.text = None
        if holder is li:
            li.insert(0, label)
        else:
            index = list(li).index(holder)
            li.remove(holder)
            li.insert(index, label)
            label.tail = holder.tail
            for offset, child in enumerate(list(holder), start=1):
                li.insert(index + offset, child)
        return True


def _join(existing: str | None, extra: str) -> str:
    """Add a class to an element's class list."""
    return f"{existing} {extra}" if existing else extra


class ChecklistExtension(Extension):
    """Register the checklist preprocessor and tree processor."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the 'N of M done' line (follows theme.language)."],
            # Not None: Python-Markdown would read a None default as a yes/no option.
            "build": [Reporter(), "Where mistakes are reported, naming the file being rendered (the course build hands itself)."],
            "strings": [{}, "Overrides of UI strings, e.g. {'checklist.count': '{done}/{total}'}."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Run the preprocessor before quizzes are rewritten; the tree processor before tasklist (25)."""
        strings = strings_for(self.getConfig("language"), self.getConfig("strings"))
        shared, build = page_render_of(md), self.getConfig("build")
        md.preprocessors.register(ChecklistPreprocessor(md, build, shared), "course_checklist", 28)
        md.treeprocessors.register(ChecklistTreeprocessor(md, strings, build, shared), "course_checklist", 26)
        md.registerExtension(self)


def makeExtension(**kwargs) -> ChecklistExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension for ``markdown.Markdown(extensions=['mkdocs_course.checklist'])``."""
    return ChecklistExtension(**kwargs)
