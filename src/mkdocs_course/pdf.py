"""Print the built workbook page to ``workbook.pdf`` with headless Chromium.

Chromium is what learners print with too, so the PDF matches the browser's
own print of the page; it is found at ``$CHROMIUM`` or Debian's
``/usr/bin/chromium``. Every failure says how to fix it.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import partial
from html import escape, unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from .model import page_url
from .paper import CSS_SIZE, paper_for
from .print_pages import PDF_URI, WORKBOOK_URI

log = logging.getLogger("mkdocs.plugins.course")

SYSTEM_CHROMIUM = "/usr/bin/chromium"
PDF_TIMEOUT = 120  # seconds; a 14-module workbook prints in a few
# Keep Chromium from calling Google's services: on a closed network each call
# fails slowly, and a build must not talk to third parties anyway.
QUIET_CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_FLAGS = ("--headless", *QUIET_CHROMIUM_FLAGS, "--no-pdf-header-footer")
HOW_TO_FIX = "install chromium (apt-get install chromium) or set CHROMIUM, or set extra.course.pdf: false"


class PdfError(Exception):
    """The workbook PDF could not be produced."""


# The last PDF this process printed for a site, by a fingerprint of what it was
# printed from. `mkdocs serve` rebuilds the whole site on every save, in one
# process: when the workbook and the files it uses are unchanged, so is the
# PDF, and Chromium (a few seconds) need not run again.
_last_print: dict[str, bytes] = {}
# The files a printed page can use besides its HTML (not other pages, nor the
# search index, which change with every edit of the course).
PRINT_INPUTS = {".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


def _fingerprint(site_dir: Path, page: Path) -> str:
    """Return a hash of the site's place, the workbook page and every file it may load."""
    digest = hashlib.sha256(str(site_dir.resolve()).encode())
    digest.update(page.read_bytes())
    for path in sorted(site_dir.rglob("*")):
        if path.suffix.lower() in PRINT_INPUTS and path.is_file():
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def chromium_path() -> str:
    """Return the Chromium to print with: ``$CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    explicit = os.environ.get("CHROMIUM")
    candidates = [explicit] if explicit else [SYSTEM_CHROMIUM, shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    where = f"CHROMIUM={explicit} is not an executable file" if explicit else f"no Chromium at {SYSTEM_CHROMIUM}"
    raise PdfError(f"Cannot print the workbook PDF: {where}; {HOW_TO_FIX}")


def write_pdf(
    config: MkDocsConfig, paper: str = "auto", started: Callable[[subprocess.Popen], None] | None = None
) -> Path:
    """Print the built workbook page to ``workbook.pdf`` at the site root; return its path.

    ``paper`` is ``extra.course.paper``. Only the PDF gets that paper (Chromium
    prints the page with an ``@page size`` added): a learner printing the page
    from the site keeps their own printer's paper. ``started`` is given
    Chromium's process (``mkdocs serve`` stops a print that a newer build has
    made useless).
    """
    site_dir = Path(config.site_dir)
    url = page_url(WORKBOOK_URI, config.use_directory_urls)
    page = site_dir / (url + "index.html" if url.endswith("/") else url)
    if not page.is_file():
        raise PdfError(f"Cannot print the workbook PDF: the workbook page {page} was not built")
    target = site_dir / PDF_URI
    size = CSS_SIZE[paper_for(paper, config.theme.get("language"), config.theme.locale.territory)]
    key = _fingerprint(site_dir, page) + size
    if (printed_before := _last_print.get(key)) is not None:
        target.write_bytes(printed_before)
        log.info(f"Workbook PDF unchanged since the last build: {target} written again without printing")
        return target
    chromium = chromium_path()
    with tempfile.TemporaryDirectory(prefix="mkdocs-course-pdf-", ignore_cleanup_errors=True) as scratch:
        printed = Path(scratch) / PDF_URI
        html = _for_print(page.read_text(encoding="utf-8"), size, config.site_url, url)
        with _serve(site_dir, {"/" + url: html.encode("utf-8")}) as root:
            command = [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={Path(scratch) / 'profile'}",
                f"--print-to-pdf={printed}",
                root + url,
            ]
            returncode, output = _run(command, chromium, started)
        if returncode != 0 or not _is_pdf(printed):
            last = "\n".join(output.strip().splitlines()[-5:])
            raise PdfError(
                f"Cannot print the workbook PDF: Chromium ({chromium}) exited with {returncode} and wrote no PDF. "
                f"Its last words:\n{last}\nCheck that it starts (`{chromium} --headless --version`); {HOW_TO_FIX}"
            )
        shutil.move(printed, target)
    _last_print.clear()  # one site at a time: serve keeps one, a build prints once
    _last_print[key] = target.read_bytes()
    log.info(f"Workbook PDF written to {target} ({target.stat().st_size // 1024} KiB)")
    return target


# A link's target in the page's HTML, unless it is to a place on the page itself.
_LINK = re.compile(r'(<a\s[^>]*?href=")(?!#)([^"]*)"')


def _for_print(html: str, size: str, site_url: str | None, url: str) -> str:
    """Return the workbook page as Chromium prints it: on ``size`` paper, its links to the published site.

    Chromium writes each link into the PDF as the address it resolved it to:
    the build's own short-lived server, unless the links name the site
    (``site_url``). A site's own addresses are not spelt out in print.
    """
    style = f"@page {{ size: {size}; }}"
    if site_url:
        here = urljoin(site_url, url)
        html = _LINK.sub(lambda link: f'{link[1]}{escape(urljoin(here, unescape(link[2])))}"', html)
        own = site_url.replace('"', "%22")
        style += f' .md-typeset a[href^="{own}"]::after {{ content: none !important; }}'
    return html.replace("</head>", f"<style>{style}</style></head>", 1)


def _run(command: list[str], chromium: str, started: Callable[[subprocess.Popen], None] | None = None) -> tuple[int, str]:
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
    if started is not None:
        started(process)
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
    """Serve the site's files without logging each request to the build output.

    ``pages`` maps a URL path to the HTML served there instead of the file
    (the workbook with its paper size).
    """

    def __init__(self, *args, pages: dict[str, bytes], **kwargs) -> None:
        """Remember the pages served from memory, then handle the request."""
        self.pages = pages
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        """Answer with an in-memory page, or else the file."""
        body = self.pages.get(self.path.split("?", 1)[0])
        if body is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Stay quiet."""


@contextlib.contextmanager
def _serve(site_dir: Path, pages: dict[str, bytes] | None = None) -> Iterator[str]:
    """Serve ``site_dir`` (and ``pages`` from memory) on a free 127.0.0.1 port while printing; yield the root URL.

    Over HTTP the page loads as it does on the web (course.js can fetch the
    manifest); a file:// URL would block that.
    """
    handler = partial(_QuietHandler, directory=str(site_dir), pages=pages or {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
