"""Printable pages generated from the course: the workbook, the answer key, and its PDF.

``generated_pages`` is pure: it writes the Markdown of ``workbook.md`` (a cover,
then one section per module with its objectives, checklist, practice and room
for notes) and ``answer-key.md`` (every quiz with its answers) from the course
model. ``write_pdf`` prints the built workbook page with headless Chromium.

Both pages sit at the docs root, so links copied from a module are rebased
from the module's folder to the root. Checklist items get ids prefixed with
their module (``steps-open-communication--c-1a2b3c4d``): the same item in two
modules must not share an id on one page. The wrapper's
``data-course-page`` and ``data-course-item-prefix`` tell ``course.js`` which
module, and which item of it, a tick belongs to.
"""
from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig

from . import syntax
from .config import CourseConfig
from .model import Course, Module, page_url
from .syntax import Quiz

log = logging.getLogger("mkdocs.plugins.course")

WORKBOOK_URI = "workbook.md"
ANSWER_KEY_URI = "answer-key.md"
PDF_URI = "workbook.pdf"

SYSTEM_CHROMIUM = "/usr/bin/chromium"
PDF_TIMEOUT = 120  # seconds; a 14-module workbook prints in a few
# Keep Chromium from calling Google's services: on a closed network each call
# fails slowly, and a build must not talk to third parties anyway.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
HOW_TO_FIX = "install chromium (apt-get install chromium) or set CHROMIUM, or set extra.course.pdf: false"

# Words of the print pages. A course's own strings win, so these can move to
# strings.py (and become translatable and overridable) without changing code.
WORDS = {
    "workbook.title": "Workbook",
    "workbook.names": "Names",
    "workbook.date": "Date started",
    "workbook.how": "How to use this workbook",
    "workbook.how_steps": (
        "1. Take one module a week, in order. Read it on the site first.\n"
        "2. Tick each box on the checklist once you have done it.\n"
        "3. Plan your week with the practice, and write what you noticed under Notes.\n"
        "4. Come back to your notes when you start the next module."
    ),
    "workbook.answers": (
        "The quiz answers are not in this workbook, so you can try the quizzes on the site first. "
        "They are on a page of their own: the [answer key]({answer_key})."
    ),
    "workbook.online": "Read it on the site: [{title}]({url})",
    "workbook.checklist": "Your checklist",
    "workbook.notes": "Notes",
    "answers.title": "Answer key",
    "answers.intro": (
        "The answers to every quiz in the course, module by module. Try each quiz on its module's page first: "
        "working out an answer yourself teaches more than reading it. The [workbook]({workbook}) has the "
        "checklists without the answers."
    ),
    "answers.module": "The quizzes of [{title}]({url}).",
    "answers.question": "Question {number}",
    "answers.why": "Why",
    "answers.none": "This course has no quizzes yet.",
}

# Markdown syntax the copier rewrites; fences and code spans are left alone.
INLINE_LINK = re.compile(
    r"(?P<text>!?\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\])\((?P<space>\s*)(?P<target><[^>\n]*>|[^\s()<>]+)(?P<rest>(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*)\)"
)
REFERENCE_LINK = re.compile(r"(?P<text>!?\[(?:[^\[\]\\]|\\.)*\])\[(?P<label>[^\[\]]*)\]")
SHORTCUT_LINK = re.compile(r"(?<![\]\\])(?P<text>!?\[(?P<label>(?:[^\[\]\\]|\\.)+)\])(?![\[(:])")
REFERENCE_DEF = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target><[^>]*>|\S+)(?P<title>.*)$")
CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)")
HEADING = re.compile(r"^(?P<hashes>#{1,6})(?=\s|$)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")
# Lines that start a new block, so they cannot continue a list item lazily.
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|<|`{3}|~{3}|\||\{)")


class PdfError(Exception):
    """The workbook PDF could not be produced."""


def generated_pages(course: Course, config: CourseConfig) -> dict[str, str]:
    """Return the Markdown of the workbook and the answer key by source path.

    Also sets ``course.pdf_url`` when ``extra.course.pdf`` is on, so templates
    can offer the download.
    """
    if config.pdf:
        course.pdf_url = PDF_URI
    else:
        course.pdf_url = None
        log.info(
            "The workbook PDF is off. To print workbook.pdf with Chromium after each build, set "
            "extra.course.pdf: true in mkdocs.yml (with `pdf: !ENV [COURSE_PDF, false]`, run with COURSE_PDF=true)."
        )
    return {
        WORKBOOK_URI: workbook_page(course, config.practice_heading),
        ANSWER_KEY_URI: answer_key_page(course),
    }


# --- The workbook ---------------------------------------------------------------


def workbook_page(course: Course, practice_heading: str) -> str:
    """Return the Markdown of the printable workbook: a cover, then one section per module."""
    t = _words(course)
    parts = [
        _front_matter(t["workbook.title"], "workbook"),
        '<div class="course-workbook-cover" markdown>',
        f"# {t['workbook.title']}",
        f"{_escape(course.title)}\n{{: .course-workbook-cover__course }}",
        '<div class="course-workbook-cover__fields">\n'
        f'<p class="course-workbook-field">{_html(t["workbook.names"])}</p>\n'
        f'<p class="course-workbook-field">{_html(t["workbook.date"])}</p>\n'
        "</div>",
        f"## {t['workbook.how']} {{#how-to-use}}",
        t["workbook.how_steps"],
        t["workbook.answers"].format(answer_key=ANSWER_KEY_URI),
        "</div>",
    ]
    practice_heading = practice_heading.strip()
    for module in course.modules:
        parts.append(_workbook_module(course, module, practice_heading, t))
    return "\n\n".join(parts) + "\n"


def _workbook_module(course: Course, module: Module, practice_heading: str, t: dict[str, str]) -> str:
    """Return one module's section of the workbook."""
    slug = module_slug(module)
    about = course.strings["module.minutes"].format(minutes=module.minutes)
    online = t["workbook.online"].format(title=_escape(module.title), url=module.src_uri)
    parts = [
        '<section class="course-workbook-module" markdown>',
        '<div class="course-workbook-module__body" markdown>',
        f"## {module_heading(module)} {{#{slug}}}",
        f"{_rebase(module.summary, module.src_uri)}\n{{: .course-workbook-module__summary }}",
        f"{online} · {about}\n{{: .course-workbook-module__meta }}",
    ]
    if module.objectives:
        objectives = "\n".join(f"- {_rebase(o, module.src_uri)}" for o in module.objectives)
        parts.append(f"**{course.strings['module.objectives']}**\n\n{objectives}")
    checklist = checklist_markdown(module)
    if checklist:
        parts += [
            f"### {t['workbook.checklist']} {{#{slug}--checklist}}",
            f'<div class="course-workbook-checklist" data-course-page="{_html(module.id)}" '
            f'data-course-item-prefix="{slug}--" markdown>',
            checklist,
            "</div>",
        ]
    practice = practice_markdown(module, practice_heading)
    if practice:
        parts += [f"### {_escape(practice_heading)} {{#{slug}--practice}}", practice]
    # The notes sit apart from the body, so print CSS can stretch them to the page's end.
    parts += [
        "</div>",
        '<div class="course-workbook-module__notes" markdown>',
        f"### {t['workbook.notes']} {{#{slug}--notes}}",
        '<div class="course-notes" aria-hidden="true"></div>',
        "</div>",
        "</section>",
    ]
    return "\n\n".join(parts)


def module_heading(module: Module) -> str:
    """Return a module's heading in the print pages, e.g. ``Step 3: Healthy boundaries``."""
    return f"{module.label} {module.position}: {_escape(module.title)}"


def module_slug(module: Module) -> str:
    """Return a module's id as an HTML id: ``steps/open-communication`` -> ``steps-open-communication``."""
    slug = NOT_ID.sub("-", module.id).strip("-")
    return slug if slug[:1].isalpha() else f"m-{slug}"


def workbook_item_id(module: Module, item_id: str) -> str:
    """Return a checklist item's id in the workbook: unique across modules on one page."""
    return f"{module_slug(module)}--{item_id}"


def checklist_markdown(module: Module) -> str:
    """Return the module's checklist items as one task list, ids prefixed by the module.

    Each item keeps what is nested under it; boxes are always empty on paper.
    """
    lines = module.body.split("\n")
    items = {item.line: item for item in module.syntax.checklist}
    blocks: list[str] = []
    done: set[int] = set()
    for item in module.syntax.checklist:
        if item.line in done:
            continue  # already copied, nested under an earlier item
        start = item.line - 1
        indent = len(syntax.TASK.match(lines[start]).group("indent"))
        end = _list_item_end(lines, start, indent)
        block = []
        for number in range(start + 1, end + 1):
            line = lines[number - 1]
            if number in items:
                done.add(number)
                task = syntax.TASK.match(line)
                line = f"{task.group('indent')}- [ ] {items[number].text} {{#{workbook_item_id(module, items[number].id)}}}"
            block.append(line[indent:] if not line[:indent].strip() else line.lstrip())
        blocks.append(_rebase("\n".join(block).rstrip(), module.src_uri))
    return "\n".join(blocks)


def _list_item_end(lines: list[str], start: int, indent: int) -> int:
    """Return the 1-based last line of the list item opened at ``lines[start]``."""
    end = start + 1
    blank = False
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            blank = True
            continue
        deeper = len(line) - len(line.lstrip()) > indent
        lazy = not blank and not BLOCK_START.match(line)
        if not (deeper or lazy):
            break
        end, blank = index + 1, False
    return end


def practice_markdown(module: Module, heading: str) -> str:
    """Return the module's practice section, ready to sit under a level-3 heading of the workbook.

    Quizzes are left out (their answers belong to the answer key); task items
    become plain bullets, because the checklist above already has their boxes;
    headings move one level down and links are rebased to the docs root.
    """
    text = module.section_markdown(heading)
    if not text:
        return ""
    lines = text.split("\n")
    skip = {i for start, end, _ in syntax.scan(lines).quiz_spans for i in range(start, end + 1)}
    out: list[str] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        if index in skip:
            continue
        opening = syntax.FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        elif task := syntax.TASK.match(line):
            text_only = syntax.EXPLICIT.sub("", task.group("text"))
            line = f"{task.group('indent')}- {text_only}"
        elif heading_match := HEADING.match(line):
            hashes = heading_match.group("hashes")
            line = "#" * min(len(hashes) + 1, 6) + line[len(hashes) :]
        out.append(line)
    return _rebase("\n".join(out).strip(), module.src_uri, _references(module))


# --- The answer key -------------------------------------------------------------


def answer_key_page(course: Course) -> str:
    """Return the Markdown of the answer key: every quiz with each option's verdict and feedback."""
    t = _words(course)
    parts = [
        _front_matter(t["answers.title"], "answer-key"),
        '<div class="course-answer-key" markdown>',
        f"# {t['answers.title']}",
        t["answers.intro"].format(workbook=WORKBOOK_URI),
    ]
    with_quizzes = [m for m in course.modules if m.syntax.quizzes]
    if not with_quizzes:
        parts.append(t["answers.none"])
    for module in with_quizzes:
        slug = module_slug(module)
        parts += [
            '<section class="course-answer-key__module" markdown>',
            f"## {module_heading(module)} {{#answers-{slug}}}",
            t["answers.module"].format(title=_escape(module.title), url=module.src_uri),
        ]
        for number, quiz in enumerate(module.syntax.quizzes, start=1):
            parts.append(_answer(course, module, quiz, number, t))
        parts.append("</section>")
    parts.append("</div>")
    return "\n\n".join(parts) + "\n"


def _answer(course: Course, module: Module, quiz: Quiz, number: int, t: dict[str, str]) -> str:
    """Return one quiz as plain Markdown: question, options with verdicts and feedback, explanation."""
    references = _references(module)

    def rebase(text: str) -> str:
        return _rebase(text, module.src_uri, references)

    options = []
    for option in quiz.options:
        mark = "✓" if option.correct else "✗"
        verdict = course.strings["quiz.correct" if option.correct else "quiz.wrong"]
        line = f"- {mark} **{verdict}:** {rebase(option.text)}"
        if option.feedback:
            line += "\n\n" + _indent(rebase(option.feedback), 4)
        options.append(line)
    parts = [
        '<div class="course-answer-key__quiz" markdown>',
        f"### {t['answers.question'].format(number=number)} {{#answers-{module_slug(module)}--{quiz.id}}}",
        rebase(quiz.question),
        "\n\n".join(options),
    ]
    if quiz.explanation:
        explanation = rebase(quiz.explanation)
        # Run the label into a first paragraph; a list or a heading needs it on its own.
        joiner = "\n\n" if BLOCK_START.match(explanation) else " "
        parts += [
            '<div class="course-answer-key__why" markdown>',
            f"**{t['answers.why']}:**{joiner}{explanation}",
            "</div>",
        ]
    parts.append("</div>")
    return "\n\n".join(parts)


# --- Copying Markdown to the docs root ------------------------------------------


def rebase_link(target: str, src_uri: str) -> str:
    """Return a link target written in ``src_uri`` as seen from a page at the docs root.

    ``../get-help.md`` in ``steps/x.md`` becomes ``get-help.md``; ``#tip``
    becomes ``steps/x.md#tip``; absolute URLs and paths are kept.
    """
    if not target or SCHEME.match(target) or target.startswith(("/", "\\")):
        return target
    parts = urlsplit(target)
    if not parts.path:
        return urlunsplit(("", "", src_uri, parts.query, parts.fragment)) if parts.fragment else target
    path = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
    if path == ".." or path.startswith("../"):
        return target  # points outside docs/: the module's own link check reports it
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def _references(module: Module) -> dict[str, str]:
    """Return the module's link reference definitions (``[label]: target``), labels folded."""
    found: dict[str, str] = {}
    for line in _outside_fences(module.body.split("\n")):
        if match := REFERENCE_DEF.match(line):
            target = match.group("target").strip("<>")
            title = match.group("title").strip()
            found.setdefault(_fold(match.group("label")), f"{target} {title}".strip())
    return found


def _rebase(text: str, src_uri: str, references: dict[str, str] | None = None) -> str:
    """Rebase every link in Markdown copied from ``src_uri``, outside code.

    Reference links become inline links, because the definitions stay behind
    in the module.
    """
    references = references or {}
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        opening = syntax.FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        if definition := REFERENCE_DEF.match(line):
            target = definition.group("target")
            new = rebase_link(target.strip("<>"), src_uri)
            out.append(line[: definition.start("target")] + (f"<{new}>" if target.startswith("<") else new) + definition.group("title"))
            continue
        out.append(_outside_code(line, lambda part: _rebase_inline(part, src_uri, references)))
    return "\n".join(out)


def _rebase_inline(text: str, src_uri: str, references: dict[str, str]) -> str:
    """Rebase inline links and inline the module's reference links in one stretch of text."""

    def inline(match: re.Match[str]) -> str:
        target = match.group("target")
        bare = target[1:-1] if target.startswith("<") else target
        new = rebase_link(bare, src_uri)
        new = f"<{new}>" if target.startswith("<") else new
        return f"{match.group('text')}({match.group('space')}{new}{match.group('rest')})"

    def reference(match: re.Match[str]) -> str:
        label = match.group("label") or match.group("text").lstrip("!")[1:-1]
        found = references.get(_fold(label))
        if found is None:
            return match.group(0)
        target, _, title = found.partition(" ")
        title = f" {title}" if title else ""
        return f"{match.group('text')}({rebase_link(target, src_uri)}{title})"

    text = INLINE_LINK.sub(inline, text)
    if references:
        text = REFERENCE_LINK.sub(reference, text)
        text = SHORTCUT_LINK.sub(reference, text)
    return text


def _outside_code(line: str, change) -> str:
    """Apply ``change`` to the parts of a line that are not code spans."""
    out, last = [], 0
    for match in CODE_SPAN.finditer(line):
        out += [change(line[last : match.start()]), match.group(0)]
        last = match.end()
    out.append(change(line[last:]))
    return "".join(out)


def _outside_fences(lines: list[str]) -> Iterator[str]:
    """Yield the lines that are not inside fenced code blocks."""
    fence: str | None = None
    for line in lines:
        opening = syntax.FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        else:
            yield line


def _fold(label: str) -> str:
    """Return a reference label the way Markdown matches it: case and spacing ignored."""
    return " ".join(label.split()).casefold()


# --- Small helpers --------------------------------------------------------------


def _words(course: Course) -> dict[str, str]:
    """Return the print pages' words, the course's own strings first."""
    return {key: course.strings.get(key, text) for key, text in WORDS.items()}


def _front_matter(title: str, course_page: str) -> str:
    """Return the front matter of a generated print page (kept out of search: it repeats the modules)."""
    return f"---\ntitle: {_yaml(title)}\ncourse_page: {course_page}\nsearch:\n  exclude: true\n---"


def _yaml(text: str) -> str:
    """Return text as a double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape(text: str) -> str:
    """Return plain text (a title) safe to put in a Markdown heading or link text."""
    return re.sub(r"([\\`*_\[\]{}<>#|])", r"\\\1", text)


def _html(text: str) -> str:
    """Return text safe inside an HTML attribute or element."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _indent(text: str, spaces: int) -> str:
    """Indent every non-blank line, so a block nests under a list item."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


# --- The PDF --------------------------------------------------------------------


def chromium_path() -> str:
    """Return the Chromium to print with: ``$CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    explicit = os.environ.get("CHROMIUM")
    candidates = [explicit] if explicit else [SYSTEM_CHROMIUM, shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    where = f"CHROMIUM={explicit} is not an executable file" if explicit else f"no Chromium at {SYSTEM_CHROMIUM}"
    raise PdfError(f"Cannot print the workbook PDF: {where}; {HOW_TO_FIX}")


def write_pdf(config: MkDocsConfig) -> Path:
    """Print the built workbook page to ``workbook.pdf`` at the site root; return its path."""
    site_dir = Path(config.site_dir)
    url = page_url(WORKBOOK_URI, config.use_directory_urls)
    page = site_dir / (url + "index.html" if url.endswith("/") else url)
    if not page.is_file():
        raise PdfError(f"Cannot print the workbook PDF: the workbook page {page} was not built")
    chromium = chromium_path()
    target = site_dir / PDF_URI
    with tempfile.TemporaryDirectory(prefix="mkdocs-course-pdf-", ignore_cleanup_errors=True) as scratch:
        printed = Path(scratch) / PDF_URI
        with _serve(site_dir) as root:
            command = [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={Path(scratch) / 'profile'}",
                f"--print-to-pdf={printed}",
                root + url,
            ]
            returncode, output = _run(command, chromium)
        if returncode != 0 or not _is_pdf(printed):
            last = "\n".join(output.strip().splitlines()[-5:])
            raise PdfError(
                f"Cannot print the workbook PDF: Chromium ({chromium}) exited with {returncode} and wrote no PDF. "
                f"Its last words:\n{last}\nCheck that it starts (`{chromium} --headless --version`); {HOW_TO_FIX}"
            )
        shutil.move(printed, target)
    log.info(f"Workbook PDF written to {target} ({target.stat().st_size // 1024} KiB)")
    return target


def _run(command: list[str], chromium: str) -> tuple[int, str]:
    """Run Chromium with a time limit; return its exit code and output.

    It runs in a session of its own, so that on a timeout its renderer and
    helper processes are ended with it rather than left behind.
    """
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
    except OSError as error:
        raise PdfError(f"Cannot print the workbook PDF: cannot run {chromium} ({error}); {HOW_TO_FIX}") from error
    try:
        output, _ = process.communicate(timeout=PDF_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfError(
            f"Cannot print the workbook PDF: Chromium ({chromium}) did not finish within {PDF_TIMEOUT} s; "
            "run the build again, or set extra.course.pdf: false"
        ) from error
    return process.returncode, output or ""


def _is_pdf(path: Path) -> bool:
    """Tell whether Chromium left a PDF file (it may exit 0 without one)."""
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve the site's files without logging each request to the build output."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Stay quiet."""


@contextlib.contextmanager
def _serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free 127.0.0.1 port while printing; yield the root URL.

    Over HTTP the page loads as it does on the web (course.js can fetch the
    manifest); a file:// URL would block that.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="workbook pdf server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
