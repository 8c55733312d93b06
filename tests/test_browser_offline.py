"""After one visit the course works offline, in real Chromium, and a new deployment takes over.

The shared `context` fixture blocks service workers (so that no other test is
served from a cache); these tests open contexts that allow them.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.build import build_site as _build_site
from helpers.build import copy_fixture_course
from helpers.server import SiteServer
from playwright.sync_api import Browser, BrowserContext, Page, expect


@pytest.fixture
def offline_context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context in which service workers run."""
    context = browser.new_context(locale="en-US", service_workers="allow")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    """A copy of the fixture course that a test may edit and rebuild."""
    return copy_fixture_course(tmp_path).parent


@pytest.fixture
def served(course_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The copy built and served under /course/; yields (url, site dir)."""
    site = tmp_path / "site"
    site.mkdir()
    server = SiteServer(site)
    _build_site(course_copy / "mkdocs.yml", site, {"SITE_URL": server.url, "COURSE_PDF": None})
    yield server.url, site
    server.close()


def _rebuild(course_copy: Path, site: Path, url: str) -> None:
    """Build the course again into the served folder, as a new deployment would."""
    _build_site(course_copy / "mkdocs.yml", site, {"SITE_URL": url, "COURSE_PDF": None})


def _visit_until_controlled(page: Page, url: str) -> None:
    """Open the course and wait until its service worker controls the page."""
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)


def _eventually(page: Page, check: str, timeout: float = 20) -> None:
    """Evaluate an async check in the page until it is true (wait_for_function does not await promises)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(check):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {check}"
        time.sleep(0.2)


def test_the_build_lists_every_file_of_the_site_for_the_worker(fixture_site: Path):
    script = (fixture_site / "sw.js").read_text("utf-8")
    first_line = script.splitlines()[0]
    assert first_line.startswith("self.COURSE_OFFLINE={")
    for listed in ('"./"', '"basics/listening/"', '"search/search_index.json"', '"assets/course/course.js"',
                   '"course-manifest.json"', '"sitemap.xml"', '"404.html"'):
        assert listed in first_line, listed
    assert '"sw.js"' not in first_line
    assert re.search(r'"version":"[0-9a-f]{16}"', first_line)


def test_after_one_visit_another_module_search_and_ticks_work_offline(offline_context: BrowserContext, served):
    url, _site = served
    page = offline_context.new_page()
    _visit_until_controlled(page, url)
    offline_context.set_offline(True)

    page.get_by_role("link", name="Speaking").first.click()
    expect(page.get_by_role("heading", level=1, name="Speaking")).to_be_visible()

    page.get_by_role("checkbox").first.check()
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Speaking")).to_be_visible()
    expect(page.get_by_role("checkbox").first).to_be_checked()

    page.get_by_role("textbox", name="Search").focus()
    page.keyboard.type("listening")
    expect(page.get_by_text(re.compile(r"matching document"))).to_be_visible()

    offline_context.set_offline(False)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_new_deployment_is_announced_and_then_shown(offline_context: BrowserContext, served, course_copy: Path):
    url, site = served
    page = offline_context.new_page()
    _visit_until_controlled(page, url + "basics/listening/")
    page.get_by_role("checkbox").first.check()

    listening = course_copy / "docs" / "basics" / "listening.md"
    listening.write_text(listening.read_text("utf-8") + "\nA sentence added by the new deployment.\n", "utf-8")
    _rebuild(course_copy, site, url)

    page.reload()
    # The new worker first caches the whole new site, then takes over and says so.
    expect(page.get_by_role("status").filter(has_text="This course has been updated")).to_be_visible(timeout=20_000)
    page.reload()
    expect(page.get_by_text("A sentence added by the new deployment.")).to_be_visible()
    expect(page.get_by_role("checkbox").first).to_be_checked()


def test_turning_offline_off_retires_the_worker_an_earlier_build_installed(
    offline_context: BrowserContext, served, course_copy: Path
):
    url, site = served
    page = offline_context.new_page()
    _visit_until_controlled(page, url)

    config = course_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  course:\n", "  course:\n    offline: false\n", 1), "utf-8")
    _rebuild(course_copy, site, url)
    assert '"retired":true' in (site / "sw.js").read_text("utf-8").splitlines()[0]

    page.reload()
    # The browser checks sw.js for an update on that navigation, in the
    # background; the retired worker then deletes the caches.
    _eventually(page, """async () => !(await caches.keys()).some(name => name.startsWith("mkdocs-course-offline:"))""")
    page.reload()
    # The page now comes from the new build, which removes the worker.
    assert page.evaluate("JSON.parse(document.querySelector('#__course').textContent).offline") is False
    _eventually(page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 0")


def test_erase_everything_also_removes_the_pages_kept_for_offline_reading(offline_context: BrowserContext, served):
    url, _site = served
    page = offline_context.new_page()
    _visit_until_controlled(page, url)
    assert page.evaluate("caches.keys()"), "the worker kept no copy of the site"

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".course-manage").get_by_role("button", name="Erase everything this course saved on this device").click()
    expect(page.get_by_role("status").filter(has_text="is erased")).to_be_visible()
    _eventually(page, """async () => !(await caches.keys()).some(name => name.startsWith("mkdocs-course-offline:"))
        && (await navigator.serviceWorker.getRegistrations()).length === 0""")
