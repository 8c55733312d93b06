"""What only ``mkdocs serve`` adds: live reload under the page's CSP, and the build's mistakes on the pages.

Nothing here runs in ``mkdocs build``: a built site keeps its policy and its
pages exactly as they are.

- **Live reload.** MkDocs 1.6 injects its reload loop into every served page
  as an inline script, which the page's ``script-src 'self'`` blocks. The
  server is given an injector that adds a same-origin ``livereload.js`` (the
  same loop, written into the served site) with the build's epoch as data
  attributes, so the policy needs no exception at all.
- **Mistakes on the page.** Every warning the build logs (front matter, course
  settings, quizzes, checklists, navigation, links) is also shown, after the
  build, in a box at the top of the page it names; one that names no page
  (``mkdocs.yml``, the nav) on every page.
- **Less work per rebuild.** Templates compiled by one build are kept for the
  next (Jinja compiles again any whose source changed), and the workbook PDF
  is printed after the pages are served rather than before, so a reload never
  waits for Chromium; a newer build stops a print that it makes useless.
"""
from __future__ import annotations

import contextlib
import html
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

log = logging.getLogger("mkdocs.plugins.course")

LIVERELOAD_URI = "assets/course/livereload.js"
LIVERELOAD_SOURCE = Path(__file__).with_name("livereload.js")
BOX_START = "<!-- course-serve-mistakes -->"
BOX_END = "<!-- /course-serve-mistakes -->"
BOX_ID = "course-serve-mistakes"
# Material's content column; the box goes first in it, above the page's title.
ARTICLE = '<article class="md-content__inner md-typeset">'
# Warnings that are not an author's mistake: the dev server's own request log
# ("GET /favicon.ico" code 404) and MkDocs' notice on every --dirty build.
NOT_MISTAKES = ("mkdocs.livereload",)
NOT_MISTAKE_TEXTS = ("A 'dirty' build is being performed",)


def livereload_tag(script_url: str, epoch: int, request_id: int) -> bytes:
    """Return the ``<script>`` that loads the reload loop for a page served at ``epoch``."""
    url = html.escape(script_url, quote=True)
    return f'<script src="{url}" data-epoch="{epoch}" data-request-id="{request_id}"></script>'.encode()


def with_script(page: bytes, tag: bytes) -> bytes:
    """Return a page's HTML with ``tag`` before its last ``</body>`` (at the end when it has none)."""
    end = page.rfind(b"</body>")
    if end < 0:
        return page + tag
    return page[:end] + tag + page[end:]


class MistakeLog(logging.Handler):
    """Every warning MkDocs and the course log during a build, in order, as its text."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep an author's mistake (called with the handler's lock held)."""
        if record.name.startswith(NOT_MISTAKES):
            return
        message = record.getMessage()
        if not message.startswith(NOT_MISTAKE_TEXTS):
            self.messages.append(message)

    def take(self) -> list[str]:
        """Return the messages logged since the last call, and forget them."""
        with self.lock:
            messages, self.messages = self.messages, []
        return messages


class ServedPage:
    """A built page as mistakes name it: its source (``src_uri`` and path from mkdocs.yml) and its HTML file."""

    __slots__ = ("src_uri", "display_path", "dest_path")

    def __init__(self, src_uri: str, display_path: str, dest_path: str) -> None:
        self.src_uri = src_uri
        self.display_path = display_path
        self.dest_path = dest_path


def sort_mistakes(messages: Iterable[str], pages: Iterable[ServedPage]) -> tuple[dict[str, list[str]], list[str]]:
    """Split messages into each page's (by ``src_uri``) and the site's (naming no page).

    A message is a page's when it starts with the page's path as the course
    writes it (``docs/a.md:12: ...``) or as MkDocs does (``Doc file 'a.md' ...``).
    """
    prefixes = [(f"{page.display_path}:", f"Doc file '{page.src_uri}'", page.src_uri) for page in pages]
    by_page: dict[str, list[str]] = {}
    site_wide: list[str] = []
    for message in messages:
        owner = next((uri for ours, theirs, uri in prefixes if message.startswith((ours, theirs))), None)
        if owner is None:
            site_wide.append(message)
        else:
            by_page.setdefault(owner, []).append(message)
    return by_page, site_wide


def mistakes_box(page_messages: list[str], site_messages: list[str]) -> str:
    """Return the box that lists a page's mistakes, then the site's, or ``""`` when there are none."""
    messages = page_messages + site_messages
    if not messages:
        return ""
    count = len(messages)
    title = f"{count} mistake{'s' if count > 1 else ''} to fix (shown only while mkdocs serve runs; also in its terminal)"
    items = "".join(f"<li>{_message_html(message)}</li>" for message in messages)
    return (
        f'{BOX_START}<section class="admonition failure course-error course-serve-mistakes" aria-labelledby="{BOX_ID}">'
        f'<p class="admonition-title" id="{BOX_ID}">{title}</p><ul>{items}</ul></section>{BOX_END}'
    )


def _message_html(message: str) -> str:
    """Return a message as HTML: what it quotes in backticks as code, its lines kept."""
    parts = html.escape(message, quote=False).split("`")
    if len(parts) % 2 == 0:  # an odd backtick: show the text as it is
        parts = ["`".join(parts)]
    marked = "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))
    return marked.replace("\n", "<br>")


def with_mistakes_box(page: str, box: str) -> str:
    """Return a page's HTML with its mistakes box replaced by ``box`` (none when ``box`` is empty)."""
    start = page.find(BOX_START)
    if start >= 0:
        end = page.find(BOX_END, start)
        page = page[:start] + page[end + len(BOX_END) :] if end >= 0 else page
    if not box:
        return page
    at = page.find(ARTICLE)
    at = at + len(ARTICLE) if at >= 0 else page.find(">", page.find("<body")) + 1
    return page[:at] + box + page[at:]


class TemplateCache(BytecodeCache):
    """Compiled templates, kept in memory from one rebuild to the next.

    MkDocs makes a new Jinja environment for every build, which compiles each
    template again (Material's pages use about forty). Jinja keys a template
    by name and file and checks its source's checksum, so an edited override
    is compiled again and the pages are those of a full build.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give Jinja the code compiled before, which it uses only if the source is unchanged."""
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template Jinja has just compiled."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _Print:
    """A workbook PDF being printed in the background, and the Chromium printing it."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.process = None
        self.stopped = False
        self.lock = threading.Lock()

    def started(self, process) -> None:
        """Note Chromium's process, or end it at once if the print was stopped before it started."""
        with self.lock:
            self.process = process
            if self.stopped:
                self._end()

    def stop(self) -> None:
        """End Chromium (and its helpers, in its session) and wait for the print's thread."""
        with self.lock:
            self.stopped = True
            if self.process is not None:
                self._end()
        self.thread.join()

    def _end(self) -> None:
        """Kill Chromium's process group (it runs in a session of its own)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


class ServeMode:
    """One ``mkdocs serve`` session, kept across its rebuilds."""

    def __init__(self) -> None:
        self.log = MistakeLog()
        # Where the reload loop is served, once the server is known (on_serve).
        self.script_url: str | None = None
        # Pages given a box by the last build: under --dirty an unchanged page
        # keeps its file, and so its box, which must go once fixed.
        self.boxed: set[str] = set()
        self.templates = TemplateCache()
        # The workbook PDF being printed after the last build, if any.
        self.printing: _Print | None = None

    def start(self) -> None:
        """Begin collecting the warnings of every build."""
        logging.getLogger("mkdocs").addHandler(self.log)

    def stop(self) -> None:
        """Stop collecting warnings."""
        logging.getLogger("mkdocs").removeHandler(self.log)

    def attach(self, server, site_url: str, site_dir: str) -> None:
        """Make the live-reload server inject the same-origin reload loop instead of its inline script.

        ``server`` is MkDocs' ``LiveReloadServer`` (given to ``on_serve``); its
        injector takes the page and the build's epoch, and the reload loop
        asks ``/livereload/<epoch>/<request id>`` as MkDocs' own does.
        """
        from urllib.parse import urlsplit

        self.script_url = (urlsplit(site_url).path or "/").rstrip("/") + "/" + LIVERELOAD_URI

        def inject(page: bytes, epoch: int) -> bytes:
            return with_script(page, livereload_tag(self.script_url, epoch, round(time.monotonic() * 1000)))

        server._inject_js_into_html = inject  # MkDocs 1.6's one seam for what a served page gets
        self.write_script(site_dir)

    def write_script(self, site_dir: str) -> None:
        """Write the reload loop into the served site (each build cleans the site folder)."""
        if self.script_url is not None:
            target = Path(site_dir) / LIVERELOAD_URI
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(LIVERELOAD_SOURCE.read_bytes())

    def after_build(self, pages: list[ServedPage], site_dir: str) -> None:
        """Write the reload loop, and show this build's mistakes on the pages they name."""
        self.write_script(site_dir)
        by_page, site_wide = sort_mistakes(self.log.take(), pages)
        boxed = set()
        for page in pages:
            page_messages = by_page.get(page.src_uri, [])
            if not (page_messages or site_wide or page.dest_path in self.boxed):
                continue
            path = Path(page.dest_path)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:  # not written by this build (a draft, or an excluded page)
                continue
            box = mistakes_box(page_messages, site_wide)
            path.write_text(with_mistakes_box(text, box), encoding="utf-8")
            if box:
                boxed.add(page.dest_path)
        self.boxed = boxed

    def print_later(self, print_pdf: Callable[..., object], error: type[Exception]) -> None:
        """Print the workbook PDF once the build has returned, so the pages reload at once.

        ``print_pdf(started)`` prints and hands ``started`` Chromium's process.
        A failure to print is logged (and so shown on the pages after the next
        build) instead of stopping the server.
        """
        self.stop_printing()
        printing = _Print()

        def run() -> None:
            try:
                print_pdf(printing.started)
            except error as failure:
                if not printing.stopped:
                    log.warning(str(failure))

        printing.thread = threading.Thread(target=run, name="workbook pdf", daemon=True)
        printing.thread.start()
        self.printing = printing

    def stop_printing(self) -> None:
        """Stop the last build's print, which a new build makes useless, before it cleans the site folder."""
        if self.printing is not None:
            self.printing.stop()
            self.printing = None

    def wait_for_print(self) -> None:
        """Wait until the last build's workbook PDF is printed (when the server stops)."""
        if self.printing is not None:
            self.printing.thread.join()
            self.printing = None

    def build_failed(self) -> None:
        """Forget a failed build's warnings: its pages were not written."""
        self.log.take()
