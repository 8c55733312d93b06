"""What the course's Markdown processors share while one page is converted.

The checklist and quiz extensions (and the reflection processor the quiz
extension registers) hand each other one page's scan and what is still to be
rendered. That lives on one ``PageRender`` object, owned by a small extension
registered once per ``Markdown`` instance through Python-Markdown's own
``registerExtension``, so ``md.reset()`` starts it afresh and no processor
sticks attributes onto the Markdown object.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.extensions import Extension

if TYPE_CHECKING:  # syntax imports the check-in parser, which imports this module
    from . import syntax


@dataclass
class PageRender:
    """One page's conversion, from the first preprocessor to the last tree processor."""

    # The lines the checklist preprocessor scanned (and hands on), with their scan:
    # the quiz preprocessor reuses the scan when it is handed the same list.
    scanned_lines: list[str] | None = None
    scan: syntax.PageSyntax | None = None
    # The reflections the scan read, in page order: each block takes its own (id, plan label).
    reflection_spans: list = field(default_factory=list)
    # Placeholder number -> (check-in, its definition, this page's source path) not yet rendered;
    # the preprocessors after the check-in one; check-ins shown again whose links need rewriting.
    checkins: dict[str, tuple] = field(default_factory=dict)
    checkin_preprocessors: list = field(default_factory=list)
    checkin_relink: list = field(default_factory=list)
    # Placeholder number -> quiz not yet rendered (what is left is reported).
    quizzes: dict[str, syntax.Quiz] = field(default_factory=dict)
    # The preprocessors after the quiz one: each piece of a quiz's Markdown goes through them.
    quiz_preprocessors: list = field(default_factory=list)
    # (option text element, key item) pairs: the key repeats each option's rendered words.
    key_texts: list[tuple[etree.Element, etree.Element]] = field(default_factory=list)
    # The page's `quiz:` front matter options (page_options.py), its fill-in questions whose
    # blanks are placed once inline Markdown is rendered, and how many quizzes it shows.
    quiz_page: dict = field(default_factory=dict)
    blank_questions: list = field(default_factory=list)
    quiz_total: int = 0
    # Whether the page has checklist items, and the ones still to be shown (what is left is reported).
    checklist_found: bool = False
    checklist_items: dict[str, syntax.ChecklistItem] = field(default_factory=dict)


class PageRenderExtension(Extension):
    """Keep the ``PageRender`` of the page being converted; ``md.reset()`` starts a new one."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.page = PageRender()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register for ``md.reset()``; this extension adds no processor of its own."""
        md.registerExtension(self)

    def reset(self) -> None:
        """Forget the last page (called by ``md.reset()``)."""
        self.page = PageRender()


def page_render_of(md: Markdown) -> PageRenderExtension:
    """The one ``PageRenderExtension`` of ``md``, registered on first use by whichever course extension comes first."""
    for extension in md.registeredExtensions:
        if isinstance(extension, PageRenderExtension):
            return extension
    extension = PageRenderExtension()
    extension.extendMarkdown(md)
    return extension
