"""Pieces of a rendered module page that the print pages reuse.

The workbook and the answer key repeat every module's checklist, practice and
quizzes. Rendering that Markdown a second time would double the build's work,
so the hooks keep the HTML each module page already produced and the print
pages assemble it. The markup is the engine's own (see ARCHITECTURE.md), so a
balanced-tag scan is enough to cut it out.
"""
from __future__ import annotations

import pickle
import posixpath
import re
import zlib
from html import escape, unescape
from typing import Any
from urllib.parse import urlsplit, urlunsplit

H2 = re.compile(r"<h2\b[^>]*>(?P<inner>.*?)</h2>", re.S)
TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
HEADING_ID = re.compile(r'(<h[1-6]\b[^>]*?)\s+id="[^"]*"')
URL_ATTR = re.compile(r'\b(?P<name>href|src)="(?P<url>[^"]*)"')
ANSWER_MARKER = 'class="course-quiz__answer"'
# The opening or closing tag of an element the pieces are cut at.
ELEMENT_EDGE = re.compile(r"<(/?)(div|details|ul|p)\b[^>]*>")


class QuizFragment:
    """A quiz's question and its answer disclosure, as HTML.

    The answer key reads the disclosure's key and explanation only when it
    is built.
    """

    __slots__ = ("question", "answer")

    def __init__(self, question: str, answer: str) -> None:
        self.question = question
        self.answer = answer

    @property
    def key(self) -> str:
        """Return the list of options with their verdicts and feedback."""
        return _portable(_outer(self.answer, "ul", 'class="course-quiz__key"'))

    @property
    def explanation(self) -> str:
        """Return the explanation's blocks ('' when the quiz has none)."""
        return _portable(_blocks_of(self.answer, "course-quiz__explanation"))


class ModuleFragments:
    """What the print pages take from one rendered module page."""

    __slots__ = ("url", "checklists", "practice", "quizzes", "reflections", "checkins")

    def __init__(self, url: str) -> None:
        self.url = url
        self.checklists: list[str] = []
        self.practice = ""
        self.quizzes: list[QuizFragment] = []
        self.reflections: list[str] = []  # each reflection prompt's HTML (workbook and notebook)
        self.checkins: list[str] = []  # each self-check-in's HTML: a form to fill on paper in the workbook


def pack(value: object) -> bytes:
    """Return ``value`` (a module's ModuleFragments, a page's widgets) compressed, as it waits to be used.

    The print pages are built last, so a course holds every module's pieces
    while MkDocs renders the rest, and each page's widgets from its
    ``on_page_content`` to its ``on_page_context``: compressed, a 1000-module
    course's take a few hundred KiB instead of several MiB.
    """
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Any:
    """Return what ``pack`` compressed."""
    return pickle.loads(zlib.decompress(packed))  # noqa: S301 (the build's own bytes, never a file)


def capture(html: str, url: str, practice_heading: str) -> ModuleFragments:
    """Cut the checklists, the practice section and the quizzes out of a module's HTML."""
    fragments = ModuleFragments(url=url)
    practice_start, practice_end = _section(html, practice_heading)
    for start, end in _blocks(html, "div", 'class="course-checklist"'):
        if not practice_start <= start < practice_end:
            fragments.checklists.append(_portable(html[start:end]))
    for start, end in _blocks(html, "div", 'class="course-reflection"'):
        fragments.reflections.append(_portable(html[start:end]))
    for start, end in _blocks(html, "div", 'class="course-checkin"'):
        fragments.checkins.append(_portable(html[start:end]))
    for start, end in _blocks(html, "div", 'class="course-quiz"'):
        quiz = html[start:end]
        answer = _outer(quiz, "details", ANSWER_MARKER)
        fragments.quizzes.append(QuizFragment(_portable(_blocks_of(quiz, "course-quiz__question")), answer))
    if practice_start < practice_end:
        practice = html[practice_start:practice_end]
        # Quizzes in the practice belong to the answer key, not to paper.
        for start, end in reversed(_blocks(practice, "div", 'class="course-quiz"')):
            practice = practice[:start] + practice[end:]
        # Reflections and check-ins have a place of their own in the workbook.
        for marker in ('class="course-reflection"', 'class="course-checkin"'):
            for start, end in reversed(_blocks(practice, "div", marker)):
                practice = practice[:start] + practice[end:]
        fragments.practice = _portable(practice.strip())
    return fragments


def reflection_id(html: str) -> str:
    """Return the ``data-reflection-id`` of a reflection's HTML ('' when it has none)."""
    start = html.find('data-reflection-id="')
    return html[start + 20 : html.index('"', start + 20)] if start >= 0 else ""


def rebase(html: str, from_url: str, to_url: str) -> str:
    """Rewrite relative links in HTML taken from the page at ``from_url`` for the page at ``to_url``.

    URLs are site-relative page URLs such as ``steps/open-communication/``. A
    bare ``#anchor`` points back to the module page it came from.
    """
    if 'href="' not in html and 'src="' not in html:
        return html  # most pieces link nowhere: skip the scan
    base, here = _directory(from_url), _directory(to_url) or "."

    def replace(match: re.Match[str]) -> str:
        url = unescape(match.group("url"))
        if not url or url.startswith("/"):
            return match.group(0)
        parts = urlsplit(url)
        if parts.scheme:  # another site, mail, a phone number...
            return match.group(0)
        absolute = posixpath.join(base, parts.path) if parts.path else from_url
        folder = absolute.endswith("/") or not absolute
        relative = posixpath.relpath(posixpath.normpath(absolute or "."), here)
        relative = "./" if relative == "." else relative + ("/" if folder else "")
        new = urlunsplit(("", "", relative, parts.query, parts.fragment))
        return f'{match.group("name")}="{escape(new, quote=True)}"'

    return URL_ATTR.sub(replace, html)


def _directory(url: str) -> str:
    """Return the folder a page URL's relative links start from ('' for the site root)."""
    return url if url.endswith("/") or not url else posixpath.dirname(url)


def _portable(html: str) -> str:
    """Drop heading ids and permalinks, which would clash when several modules share a page."""
    return HEADING_ID.sub(r"\1", HEADERLINK.sub("", html))


def _section(html: str, heading: str) -> tuple[int, int]:
    """Return where the content under the level-2 heading ``heading`` starts and ends (empty if absent)."""
    wanted = heading.strip().casefold()
    # Words every candidate's HTML must hold: a cheap test before the full one.
    words = escape(heading, quote=False).casefold().split()
    headings = list(H2.finditer(html))
    for index, match in enumerate(headings):
        inner = match.group("inner")
        if not all(word in inner.casefold() for word in words):
            continue
        text = unescape(TAG.sub("", HEADERLINK.sub("", inner))).strip().casefold()
        if text == wanted:
            return match.end(), headings[index + 1].start() if index + 1 < len(headings) else len(html)
    return len(html), len(html)


def _blocks(html: str, tag: str, marker: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every outermost ``<tag ... marker ...>`` element.

    Found with string search, not a pattern per tag and marker: each new
    pattern is compiled once per build (see "Build cost" in ARCHITECTURE.md).
    """
    found: list[tuple[int, int]] = []
    position = 0
    while (at := html.find(marker, position)) >= 0:
        start = html.rfind("<", 0, at)
        if html.startswith(tag, start + 1) and html[start + 1 + len(tag)] in " >":
            position = _close(html, tag, start)
            found.append((start, position))
        else:  # the marker on another kind of element
            position = at + len(marker)
    return found


def _close(html: str, tag: str, start: int) -> int:
    """Return the index just after the element of type ``tag`` that opens at ``start``."""
    depth = 0
    for match in ELEMENT_EDGE.finditer(html, start):
        if match.group(2) == tag:
            depth += -1 if match.group(1) else 1
            if depth == 0:
                return match.end()
    return len(html)


def _outer(html: str, tag: str, marker: str) -> str:
    """Return the first ``<tag ... marker ...>`` element with its tags ('' if absent)."""
    blocks = _blocks(html, tag, marker)
    return html[blocks[0][0] : blocks[0][1]] if blocks else ""


def _blocks_of(html: str, css: str) -> str:
    """Return the blocks of the quiz part of class ``css``: a ``<p>`` of its own, or a ``<div>``'s content."""
    marker = f'class="{css}"'
    paragraph = _outer(html, "p", marker)
    if paragraph:
        return f"<p>{paragraph[paragraph.index('>') + 1 : -len('</p>')]}</p>"
    return _inner(html, "div", marker)


def _inner(html: str, tag: str, marker: str) -> str:
    """Return the content of the first ``<tag ... marker ...>`` element ('' if absent)."""
    outer = _outer(html, tag, marker)
    if not outer:
        return ""
    return outer[outer.index(">") + 1 : outer.rindex(f"</{tag}>")].strip()
