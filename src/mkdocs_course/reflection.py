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
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from .diagnostics import Problem, Reporter
from .ids import derived_id, is_valid_id
from .page_render import PageRenderExtension

OPEN = re.compile(r"^<reflection(?P<attrs>\s[^>]*)?>[ \t]*(?:\n|$)", re.I)
CLOSE = re.compile(r"^</reflection>[ \t]*$", re.I | re.M)
ID_ATTR = re.compile(r"""^\s*id\s*=\s*(?:"([^"]*)"|'([^']*)')\s*$""")


class ReflectionBlockProcessor(BlockProcessor):
    """Render a ``<reflection>`` ... ``</reflection>`` block (it may span blank lines) as a prompt with a text box."""

    def __init__(self, parser, strings: dict[str, str], reporter: Reporter, shared: PageRenderExtension) -> None:
        super().__init__(parser)
        self.strings = strings
        self.reporter = reporter
        self.shared = shared

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a block whose first line opens a reflection."""
        return block.startswith("<") and OPEN.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        """Take the blocks up to ``</reflection>``; render the prompt, or report the mistake and show the text."""
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
        line = self._line(first)
        if rest is None:
            self._problem(line, "'<reflection>' is never closed; add '</reflection>' on its own line after the prompt")
            return self._show_as_text(parent, first, parts)
        if rest.strip():
            blocks.insert(0, rest.lstrip("\n"))
        attrs = (opening.group("attrs") or "").strip()
        explicit = None
        if attrs:
            found = ID_ATTR.match(attrs)
            explicit = found and (found.group(1) if found.group(1) is not None else found.group(2))
            if not found:
                self._problem(line, f"cannot read '{attrs}' in '<reflection>'; the only attribute is id=\"my-id\"")
            elif not is_valid_id(explicit):
                self._problem(line, f"reflection id '{explicit}' is not valid; use a letter then letters, digits, '-' or '_'")
                explicit = None
        if not prompt:
            self._problem(line, "reflection has no prompt; write the question on the lines between the tags")
            return True
        self.render(parent, explicit or derived_id("r", prompt), prompt)
        return True

    def render(self, parent: etree.Element, reflection_id: str, prompt: str) -> None:
        """Append the reflection's HTML (ARCHITECTURE.md, "Reflection") to ``parent``."""
        t, base = self.strings, f"reflection-{reflection_id}"
        root = etree.SubElement(
            parent, "div", {"class": "course-reflection", "id": base, "data-reflection-id": reflection_id}
        )
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

    def _line(self, first: str) -> int:
        """The source line of this opening tag: the next such line after the last one found (0 when unknown)."""
        state = self.shared.page
        lines = state.source_lines
        opening = first.split("\n", 1)[0].strip()
        for index in range(state.reflection_cursor, len(lines)):
            if lines[index].strip() == opening:
                state.reflection_cursor = index + 1
                return index + 1
        return 0

    def _problem(self, line: int, message: str) -> None:
        """Report an author mistake at ``line``."""
        self.reporter.report(Problem(line, message))

    def _show_as_text(self, parent: etree.Element, first: str, parts: list[str]) -> bool:
        """Show a broken reflection's source in an error box instead of hiding it."""
        source = html.escape(first.split("\n", 1)[0] + "\n" + "\n\n".join(parts))
        placeholder = self.parser.md.htmlStash.store(
            '<div class="admonition failure course-error"><p class="admonition-title">'
            f"This reflection could not be built; see the build log.</p><pre><code>{source}</code></pre></div>"
        )
        etree.SubElement(parent, "p").text = placeholder
        return True
