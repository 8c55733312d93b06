"""axe-core on the course's pages, in real Chromium, before and after the learner acts.

A violation fails the test with axe's own report: rule, impact, the element and
how to fix it. Nothing is excluded.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

AXE = Axe()


def assert_no_axe_violations(page: Page, where: str) -> None:
    """Run axe-core on the whole page; fail with its report if it finds anything."""
    results = AXE.run(page)
    assert results.violations_count == 0, f"axe-core on {where} ({page.url}):\n{results.generate_report()}"


def course_ready(page: Page) -> None:
    """Wait until course.js has painted its parts of the page."""
    expect(page.locator(".course-js").first).to_be_visible()


def test_the_dashboard_has_no_axe_violations(page: Page, fixture_url):
    page.goto(fixture_url)
    expect(page.get_by_text("% of the course complete")).to_be_visible()
    assert_no_axe_violations(page, "the dashboard, new learner")

    # With progress: cards show bars and states, the navigation marks a module, "continue" has a title.
    page.goto(fixture_url + "extras/reading/")
    page.get_by_role("button", name="Mark as read").first.click()
    page.goto(fixture_url)
    expect(page.get_by_role("link", name="Continue where you left off")).to_be_visible()
    assert_no_axe_violations(page, "the dashboard, with progress")


def test_a_module_with_quizzes_and_a_checklist_has_no_axe_violations(page: Page, fixture_url):
    page.goto(fixture_url + "basics/listening/")
    course_ready(page)
    assert_no_axe_violations(page, "a module, before answering")

    page.get_by_role("checkbox", name="Let them finish").check()
    page.get_by_role("button", name="Mark as read").first.click()
    single = page.locator(".course-quiz").first
    single.get_by_role("radio", name="Keep cooking").check()
    single.get_by_role("button", name="Check answer").click()
    multiple = page.locator(".course-quiz").nth(1)
    multiple.get_by_role("checkbox", name="So you felt left out?").check()
    multiple.get_by_role("button", name="Check answer").click()
    expect(multiple.get_by_role("status")).not_to_have_text("")
    assert_no_axe_violations(page, "a module, after answering")

    single.get_by_role("button", name="Try again").click()
    assert_no_axe_violations(page, "a module, after trying again")


def test_a_module_as_served_before_course_js_runs_has_no_axe_violations(page: Page, fixture_url):
    # The markup a learner without JavaScript gets. axe itself needs JavaScript, so
    # only course.js is kept from loading, as when it fails to download.
    page.route("**/assets/course/course.js", lambda route: route.abort())
    page.goto(fixture_url + "basics/listening/")
    answer = page.locator("details.course-quiz__answer").first
    answer.get_by_text("Show answer").click()
    expect(answer.get_by_text("Stopping what you do shows your partner they come first.")).to_be_visible()
    assert_no_axe_violations(page, "a module without course.js, answer opened")


def test_the_progress_tools_have_no_axe_violations(page: Page, fixture_url, tmp_path):
    page.goto(fixture_url)
    course_ready(page)
    assert_no_axe_violations(page, "the home page with its progress tools")

    # With the status messages filled in.
    bad = tmp_path / "bad.json"
    bad.write_text("not a progress file", encoding="utf-8")
    page.get_by_label("Progress file").set_input_files(bad)
    expect(page.get_by_text("This file is not a progress file")).to_be_visible()
    assert_no_axe_violations(page, "the progress tools, after a refused import")


def test_the_workbook_has_no_axe_violations(page: Page, fixture_url):
    page.goto(fixture_url + "workbook/")
    course_ready(page)
    page.get_by_role("checkbox", name="Put the phone face down").check()
    assert_no_axe_violations(page, "the workbook")


def test_the_answer_key_has_no_axe_violations(page: Page, fixture_url):
    page.goto(fixture_url + "answer-key/")
    course_ready(page)
    assert_no_axe_violations(page, "the answer key")


def test_a_storage_notice_has_no_axe_violations(page: Page, fixture_url):
    page.goto(fixture_url + "course-manifest.json")
    page.evaluate("localStorage.setItem('mkdocs-course:fixture-course', '{broken')")
    page.goto(fixture_url + "basics/speaking/")
    expect(page.get_by_text("Saved progress could not be read")).to_be_visible()
    assert_no_axe_violations(page, "a module with the storage notice")


class _InPageLinks(HTMLParser):
    """Collect the ids of one page and the in-page links ("#id") in it, with their text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[list[str]] = []  # [target, text so far]
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self._open = [href[1:], ""]
            self.links.append(self._open)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1] += data


def test_skip_to_content_and_every_in_page_link_lands_on_an_element(fixture_site: Path):
    # A keyboard or screen-reader user following "Skip to content" or a table of
    # contents entry to a missing id stays where they were.
    broken = []
    for html in sorted(fixture_site.rglob("*.html")):
        page = _InPageLinks()
        page.feed(html.read_text(encoding="utf-8"))
        name = html.relative_to(fixture_site).as_posix()
        broken += [f"{name}: '{' '.join(text.split())}' -> #{target}" for target, text in page.links
                   if target not in page.ids]
    assert not broken, "In-page links to ids that do not exist:\n" + "\n".join(broken)
