"""The plan page in real Chromium: the learner's own answers under their labels.

What the learner writes in a module shows under its label, and writing there is writing in the
module; without JavaScript, ruled lines; on paper, lines or the words.

tests/plan_pages adds the module extras/agreements (two plan reflections, "Our phone rule" and "Our
break signal", and one that is not on the plan) and the page our-plan with the plan marker.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.build import copy_fixture_course
from playwright.sync_api import Browser, Page, expect

PLAN_PAGES = Path(__file__).resolve().parent / "plan_pages"
MODULE = "extras/agreements/"
PLAN = "our-plan/"
PHONES = "When do phones go away, and where do they go?"


@pytest.fixture(scope="module")
def plan_url(serve_build, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture course with the plan pages, built and served."""
    config = copy_fixture_course(tmp_path_factory.mktemp("plan"))
    shutil.copytree(PLAN_PAGES, config.parent / "docs", dirs_exist_ok=True)
    return serve_build(config, COURSE_PDF=None).url


def saved(page: Page) -> None:
    """Wait until the reflection being written says it is saved."""
    expect(page.get_by_role("status").filter(has_text="Saved in this browser.")).to_be_visible()


def test_an_answer_written_in_the_module_is_on_the_plan_and_edited_there_for_the_module(page: Page, page_log, plan_url):
    page.goto(plan_url + MODULE)
    page.get_by_role("textbox", name=PHONES).fill("After nine, phones sleep in the kitchen.")
    saved(page)

    page.goto(plan_url + PLAN)
    expect(page.get_by_role("heading", name="Our phone rule", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Our break signal", level=2)).to_be_visible()
    # Only the plan reflections: the module's other prompt is not an agreement.
    expect(page.get_by_role("main").get_by_role("textbox")).to_have_count(2)
    box = page.get_by_role("textbox", name=PHONES)
    expect(box).to_have_value("After nine, phones sleep in the kitchen.")
    box.fill("After nine, phones sleep in the hall.")
    saved(page)

    page.get_by_role("link", name="From Agreements").first.click()
    expect(page.get_by_role("heading", name="Agreements", level=1)).to_be_visible()
    expect(page.get_by_role("textbox", name=PHONES)).to_have_value("After nine, phones sleep in the hall.")
    page_log.assert_no_errors()


def test_the_plan_prints_ruled_lines_or_with_my_answers_the_learners_words(page: Page, plan_url):
    page.goto(plan_url + PLAN)
    page.get_by_role("textbox", name=PHONES).fill("Phones off at dinner.")
    saved(page)
    expect(page.get_by_role("button", name="Print with my answers")).to_be_visible()
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    page.emulate_media(media="print")
    phones = page.locator(".course-plan__item").filter(has=page.get_by_role("heading", name="Our phone rule"))
    expect(phones.locator(".course-reflection__lines")).to_be_visible()
    expect(phones.get_by_text("Phones off at dinner.")).to_be_hidden()
    page.evaluate("document.documentElement.classList.add('course-print-answers')")
    expect(phones.get_by_text("Phones off at dinner.")).to_be_visible()
    expect(phones.locator(".course-reflection__lines")).to_be_hidden()
    # A plan reflection with no words keeps its lines to write on.
    breaks = page.locator(".course-plan__item").filter(has=page.get_by_role("heading", name="Our break signal"))
    expect(breaks.locator(".course-reflection__lines")).to_be_visible()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_the_plan_shows_labels_links_and_lines_to_write_on(page_without_js: Page, plan_url):
    page = page_without_js
    page.goto(plan_url + PLAN)
    expect(page.get_by_role("heading", name="Our phone rule", level=2)).to_be_visible()
    expect(page.get_by_role("link", name="From Agreements")).to_have_count(2)
    expect(page.get_by_role("main").get_by_role("textbox")).to_have_count(0)
    expect(page.locator(".course-reflection__lines").first).to_be_visible()
    assert page.locator(".course-reflection__lines").first.bounding_box()["height"] > 20
