"""`mkdocs serve` as an author uses it: edits show up, mistakes are reported, the server stays up."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from test_browser_a11y import assert_no_axe_violations

from mkdocs_course.cli import _Loader
from mkdocs_course.serve import LIVERELOAD_URI

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture_course"


def free_port() -> int:
    """Return a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """Return a page's text, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, what: str, seconds: float = 60) -> None:
    """Poll until ``condition()`` is true; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the fixture course with a template override of its own, watched like the real mkdocs.yml watches its folders."""
    project = tmp_path / "course"
    shutil.copytree(FIXTURE / "docs", project / "docs")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("<p>Our footer.</p>\n", encoding="utf-8")
    config = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../hooks/course.py", str(ROOT / "hooks" / "course.py"))
    config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    (project / "mkdocs.yml").write_text(config + "\nwatch:\n  - overrides\n", encoding="utf-8")
    return project


def test_the_real_config_watches_the_engine_folders():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert {"hooks", "overrides", "src"} <= set(config["watch"])
    assert "strict" not in config, "strict: true in mkdocs.yml would stop `mkdocs serve` at the first mistake"


def test_serve_reports_a_mistake_keeps_running_and_shows_edits(course: Path, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/course/basics/listening/"
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/course/"}
    env.pop("COURSE_PDF", None)
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(course / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        wait_for(lambda: "Turn the heat down" in fetch(url), "the first build to be served")
        module = course / "docs" / "basics" / "listening.md"
        text = module.read_text(encoding="utf-8")
        line = text.splitlines().index("<quiz>") + 1

        # A quiz with no correct option: the terminal names the file and line.
        module.write_text(text.replace("- [x] Turn the heat down", "- [ ] Turn the heat down"), encoding="utf-8")
        message = f"docs/basics/listening.md:{line}: quiz has no correct option"
        wait_for(lambda: message in log_path.read_text(), "the mistake to be reported")
        assert server.poll() is None, "the server stopped after an author's mistake"
        assert fetch(url), "the server stopped answering after an author's mistake"

        # The fix and a new sentence show up in the preview.
        module.write_text(text.replace("Good listening starts", "Live edit. Good listening starts"), encoding="utf-8")
        wait_for(lambda: "Live edit." in fetch(url), "the edited module to be served")

        # An edit to the theme overrides reaches the preview too.
        partial = course / "overrides" / "partials" / "copyright.html"
        assert "Our footer." in fetch(url)
        partial.write_text("<p>Footer edit.</p>\n", encoding="utf-8")
        wait_for(lambda: "Footer edit." in fetch(url), "the edited template to be served")
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


# --- Live reload and mistakes, in Chromium ------------------------------------

# Today's policy (src/mkdocs_course/theme/partials/javascripts/base.html): a served page must carry exactly this one too.
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@contextlib.contextmanager
def mkdocs_serve(project: Path, log_path: Path, **extra_env: str):
    """Run `mkdocs serve` on a course folder, on a free port; yield the site's URL once the first build is served."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/course/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    env.pop("COURSE_PDF", None)
    env.update(extra_env)
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        wait_for(lambda: "Serving on" in log_path.read_text(), "the first build to be served")
        yield url
        assert server.poll() is None, "the server stopped:\n" + log_path.read_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def csp_violations(page: Page) -> list[str]:
    """Every Content-Security-Policy violation the test's page reports, across reloads."""
    violations: list[str] = []
    page.expose_function("courseTestViolation", lambda violation: violations.append(violation))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.courseTestViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`))"
    )
    return violations


def edit(path: Path, old: str, new: str) -> None:
    """Save a file with one piece of text replaced, as an author's editor would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_open_page_shows_an_edit_by_itself_under_the_strict_policy(
    course: Path, tmp_path: Path, page: Page, page_log, csp_violations: list[str]
):
    with mkdocs_serve(course, tmp_path / "serve.log") as url:
        page.goto(url + "basics/listening/")
        main = page.get_by_role("main")
        expect(main).to_contain_text("Good listening starts")
        served_policy = POLICY.search(page.content()).group(1)
        page.wait_for_load_state("load")
        page.get_by_role("heading", name="Check your understanding").scroll_into_view_if_needed()
        scrolled = page.evaluate("window.scrollY")
        assert scrolled > 0

        edit(course / "docs" / "basics" / "listening.md", "Good listening starts", "Live edit. Good listening starts")

        # No page.reload(): the page reloads itself once the rebuild is done, where the author was reading.
        expect(main).to_contain_text("Live edit.", timeout=60_000)
        page.wait_for_load_state("load")
        assert abs(page.evaluate("window.scrollY") - scrolled) < 50
        assert POLICY.search(page.content()).group(1) == served_policy
        page.goto("about:blank")  # before the server stops: its reload request would fail
    assert csp_violations == [], "the page's policy blocked something while serving"
    assert not [e for e in page_log.console_errors if "Content Security Policy" in e], page_log.console_errors
    page_log.assert_no_errors()


def test_a_built_site_keeps_the_policy_and_has_neither_live_reload_nor_mistake_boxes(fixture_site: Path, course: Path):
    policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'"
    page = (fixture_site / "basics" / "listening" / "index.html").read_text(encoding="utf-8")
    assert POLICY.search(page).group(1) == policy
    assert not (fixture_site / LIVERELOAD_URI).exists()
    assert "livereload" not in page

    # Even a site with a mistake in it (built without --strict) shows no box: the terminal reports it.
    edit(course / "docs" / "basics" / "listening.md", "minutes: 5", "minutes: lots")
    site = course / "built"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(course / "mkdocs.yml"), "-d", str(site)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "docs/basics/listening.md:6: `minutes` must be a whole number above 0" in done.stderr
    built = (site / "basics" / "listening" / "index.html").read_text(encoding="utf-8")
    assert "course-serve-mistakes" not in built and "mistake to fix" not in built
    assert not (site / LIVERELOAD_URI).exists()


def mistakes(page: Page):
    """The box that lists the page's mistakes while serving."""
    return page.get_by_role("region", name=re.compile("mistakes? to fix"))


def test_mistakes_show_on_the_pages_they_concern_while_serving(course: Path, tmp_path: Path, page: Page, page_log):
    module = course / "docs" / "basics" / "listening.md"
    original = module.read_text(encoding="utf-8")
    quiz_line = original.splitlines().index("<quiz>") + 1
    with mkdocs_serve(course, tmp_path / "serve.log") as url:
        page.goto(url + "basics/listening/")
        expect(page.get_by_role("main")).to_contain_text("Good listening starts")
        expect(mistakes(page)).to_have_count(0)
        page.wait_for_load_state("load")

        # A front-matter mistake, a quiz mistake and a broken link in one save.
        module.write_text(
            original.replace("minutes: 5", "minutes: lots")
            .replace("- [x] Turn the heat down", "- [ ] Turn the heat down")
            .replace("Good listening starts", "See [the missing page](missing.md). Good listening starts"),
            encoding="utf-8",
        )
        box = mistakes(page)
        expect(box).to_be_visible(timeout=60_000)
        expect(box).to_contain_text("docs/basics/listening.md:6: minutes must be a whole number above 0, not lots")
        expect(box).to_contain_text(f"docs/basics/listening.md:{quiz_line}: quiz has no correct option")
        expect(box).to_contain_text("contains a link 'missing.md', but the target 'basics/missing.md' is not found")
        expect(box.get_by_role("listitem")).to_have_count(3)
        assert_no_axe_violations(page, "a module with its mistakes box")

        # The other pages have no mistakes of their own.
        page.goto(url + "basics/speaking/")
        expect(page.get_by_role("main")).to_contain_text("How you say a thing")
        expect(mistakes(page)).to_have_count(0)
        page.wait_for_load_state("load")

        # A course setting's mistake is every page's.
        edit(course / "mkdocs.yml", "    completion: [read, checklist, quizzes]", "    completion: [read, checklist, quizzes]\n    pdff: true")
        expect(mistakes(page)).to_contain_text("extra.course has no setting 'pdff'; did you mean 'pdf'?", timeout=60_000)
        page.goto(url)
        expect(mistakes(page)).to_contain_text("extra.course has no setting 'pdff'")

        # Fixed: the boxes go, by themselves.
        page.goto(url + "basics/listening/")
        expect(mistakes(page)).to_contain_text("quiz has no correct option")
        page.wait_for_load_state("load")
        module.write_text(original, encoding="utf-8")
        edit(course / "mkdocs.yml", "\n    pdff: true", "")
        expect(mistakes(page)).to_have_count(0, timeout=60_000)
        expect(page.get_by_role("main")).to_contain_text("Good listening starts")
        page.goto("about:blank")  # before the server stops: its reload request would fail
    page_log.assert_no_errors()


def fetch_bytes(url: str) -> bytes:
    """Return a file's bytes, or b'' while it is not there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return b""


def test_the_page_reloads_before_the_workbook_pdf_is_printed_again(course: Path, tmp_path: Path, page: Page):
    # A stand-in for Chromium that prints only once the test lets it.
    release, runs = tmp_path / "release", tmp_path / "runs"
    chromium = tmp_path / "chromium"
    chromium.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done\n'
        f"while [ ! -e {release} ]; do sleep 0.1; done\n"
        f'echo run >> {runs}\nprintf "%%PDF-1.4 stand-in" > "$out"\n'
    )
    chromium.chmod(0o755)
    release.touch()
    with mkdocs_serve(course, tmp_path / "serve.log", COURSE_PDF="true", CHROMIUM=str(chromium)) as url:
        wait_for(lambda: fetch_bytes(url + "workbook.pdf") == b"%PDF-1.4 stand-in", "the first workbook PDF")
        release.unlink()
        page.goto(url + "basics/listening/")
        expect(page.get_by_role("main")).to_contain_text("Put your phone away")
        page.wait_for_load_state("load")

        # The workbook copies "Try this week", so the PDF must be printed again: the page does not wait for it.
        edit(course / "docs" / "basics" / "listening.md", "Put your phone away", "Leave your phone in another room")
        expect(page.get_by_role("main")).to_contain_text("Leave your phone in another room", timeout=60_000)
        assert runs.read_text().count("run") == 1, "the reload waited for the PDF"

        # Saved again before that print is done: the new build does not wait for a PDF it makes useless.
        edit(course / "docs" / "basics" / "listening.md", "Leave your phone in another room", "Leave your phone in a drawer")
        expect(page.get_by_role("main")).to_contain_text("Leave your phone in a drawer", timeout=60_000)

        release.touch()
        wait_for(lambda: fetch_bytes(url + "workbook.pdf") == b"%PDF-1.4 stand-in", "the new workbook PDF")
        assert runs.read_text().count("run") == 2, "the useless print was not stopped"
        assert "Cannot print the workbook PDF" not in (tmp_path / "serve.log").read_text()
        page.goto("about:blank")
