"""Reflection prompts: ``<reflection>`` blocks become an ungraded writing prompt.

Syntax (an HTML-like block, read as plain text where no extension runs)::

    <reflection>                or  <reflection id="my-id">
    What does a safe, ordinary evening look like for you? (Markdown)
    </reflection>

The block processor sees blocks as Python-Markdown does: a ``<reflection>``
in fenced or indented code, a comment or raw HTML is already stashed or is
code, and one in an admonition, details, tab or list item is read when that
container's content is. Its id is ``r-`` and 8 hex digits of the normalised
prompt, or the explicit one. HTML: ARCHITECTURE.md, "Reflection".
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from .diagnostics import Reporter
from .page_render import PageRenderExtension
from .reflection_syntax import CLOSE, OPEN, Reflection


class ReflectionBlockProcessor(BlockProcessor):
    """Render a ``<reflection>`` ... ``</reflection>`` block (it may span blank lines) as a prompt with a text box.

    The quiz preprocessor scanned the page (``syntax.scan``) and reported
    every reflection mistake the scan found, as ``check`` does; it leaves the
    reflections read in the page's ``PageRender.reflection_spans``, in page order, and
    each block here takes its own (id, plan label).
    """

    def __init__(self, parser, strings: dict[str, str], reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(parser)
        self.strings = strings
        self.reporter = reporter
        self.shared = shared

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block whose first line opens a reflection."""
        return block.startswith("<") and OPEN.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Take the blocks up to ``</reflection>``; render the prompt, or show a broken one's text.

        A block the scan did not read as a reflection (one in a blockquote)
        is left to the other block processors, so the page shows exactly the
        reflections the manifest and ``check`` know, as with quizzes.
        """
        scanned = self._scanned(blocks[0].split("\n", 1)[0].strip())
        if scanned is None:
            return False
        first = blocks.pop(0)
        opening = OPEN.match(first)
        body, rest = first[opening.end() :], None
        parts = [body]
        while True:
            close = CLOSE.search(parts[-1])
            if close:
                parts[-1], rest = parts[-1][: close.start()], parts[-1][close.end() :]
                break
            if not blocks:
                break
            parts.append(blocks.pop(0))
        prompt = "\n\n".join(part.strip("\n") for part in parts).strip()
        if rest is not None and rest.strip():
            blocks.insert(0, rest.lstrip("\n"))
        _, _, reflection, closed = scanned
        if not closed or rest is None:
            return self._show_as_text(parent, first, parts)
        if reflection is not None:
            self.render(parent, reflection.id, prompt, reflection.plan)
        return True

    def _scanned(self, opening: str) -> tuple[str, int, Reflection | None, bool] | None:
        """Take the scan's next reflection with this opening line (None when the scan read none)."""
        spans = self.shared.page.reflection_spans
        for number, span in enumerate(spans):
            if span[0] == opening:
                del spans[: number + 1]
                return span
        return None

    def render(self, parent: etree.Element, reflection_id: str, prompt: str, plan: str | None = None) -> None:
        """Append the reflection's HTML (ARCHITECTURE.md, "Reflection") to ``parent``."""
        t, base = self.strings, f"reflection-{reflection_id}"
        attrs = {"class": "course-reflection", "id": base, "data-reflection-id": reflection_id}
        if plan:
            attrs["data-plan"] = plan  # the plan page's heading for it
        root = etree.SubElement(parent, "div", attrs)
        holder = etree.SubElement(root, "div", {"class": "course-reflection__prompt", "id": f"{base}-prompt"})
        self.parser.parseChunk(holder, prompt)
        etree.SubElement(
            root,
            "textarea",
            {
                "class": "course-reflection__answer course-js",
                "id": f"{base}-answer",
                "aria-labelledby": f"{base}-prompt",
                "aria-describedby": f"{base}-status",
                "rows": "5",
                "hidden": "",
            },
        ).text = ""
        note = etree.SubElement(root, "p", {"class": "course-reflection__note"})
        note.text = AtomicString(t["reflection.no_js"])
        etree.SubElement(
            root, "p", {"class": "course-reflection__status", "id": f"{base}-status", "role": "status"}
        ).text = ""
        # Ruled lines to write on, for paper only.
        etree.SubElement(root, "div", {"class": "course-reflection__lines", "aria-hidden": "true"}).text = ""

    def _show_as_text(self, parent: etree.Element, first: str, parts: list[str]) -> bool:
        """Show a broken reflection's source in an error box instead of hiding it."""
        source = html.escape(first.split("\n", 1)[0] + "\n" + "\n\n".join(parts))
        placeholder = self.parser.md.htmlStash.store(
            '<div class="admonition failure course-error"><p class="admonition-title">'
            f"This reflection could not be built; see the build log.</p><pre><code>{source}</code></pre></div>"
        )
        etree.SubElement(parent, "p").text = placeholder
        return True
