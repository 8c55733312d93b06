"""Content written for mkdocs-quiz, in real Chromium: fill-in-the-blank quizzes, the results and intro panels, page options.

The pages of tests/quizcompat_pages are added to tests/fixture_course:
extras/fill-in has a fill-in quiz ("planets": Jupiter, Mercury), a choice
quiz ("colour": Blue is right), the intro panel in an admonition and the
results panel; extras/no-reveal has `quiz: show_correct: false`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ServeBuild, ServedBuild
from helpers.build import copy_fixture_course
from playwright.sync_api import Browser, Page, expect
from test_browser_a11y import assert_no_axe_violations
from test_html_valid import describe, run_vnu

PAGES = Path(__file__).resolve().parent / "quizcompat_pages"
FILL_IN = "extras/fill-in/"
KEY = "mkdocs-course:fixture-course"
PLANETS = "The largest planet is"


@pytest.fixture(scope="module")
def compat_build(serve_build: ServeBuild, tmp_path_factory: pytest.TempPathFactory) -> ServedBuild:
    """tests/fixture_course with the pages of tests/quizcompat_pages added, built once and served."""
    config = copy_fixture_course(tmp_path_factory.mktemp("compat"))
    shutil.copytree(PAGES, config.parent / "docs", dirs_exist_ok=True)
    return serve_build(config, COURSE_PDF=None)


@pytest.fixture(scope="module")
def compat_url(compat_build: ServedBuild) -> str:
    """Where `compat_build` is served."""
    return compat_build.url


def open_page(page: Page, url: str) -> None:
    """Open a page and wait until course.js has set up its quizzes."""
    page.goto(url)
    expect(page.get_by_role("button", name="Check answer").first).to_be_visible()


def saved_quizzes(page: Page, page_key: str = "extras/fill-in") -> dict:
    """The page's saved quiz answers."""
    record = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    return record["pages"].get(page_key, {}).get("quizzes", {})


def planets(page: Page):
    """The fill-in quiz about planets."""
    return page.locator('[data-quiz-id="planets"]')


# --- Fill in the blank ------------------------------------------------------------


def test_blanks_are_labelled_text_boxes_checked_without_case_or_spaces(page: Page, page_log, compat_url):
    open_page(page, compat_url + FILL_IN)
    q = planets(page)
    first = q.get_by_role("textbox", name="Blank 1 of 2")
    second = q.get_by_role("textbox", name="Blank 2 of 2")
    expect(q.get_by_text("Jupiter is more than twice as heavy")).to_be_hidden()
    first.fill("  jupiter ")
    second.fill("MERCURY")
    second.press("Enter")  # Enter in a blank checks the answer
    expect(q.get_by_role("status")).to_have_text("Well done: that is right.")
    expect(q.get_by_text("Jupiter is more than twice as heavy")).to_be_visible()
    expect(first).to_be_disabled()
    # The learner's own words are saved, as typed.
    assert saved_quizzes(page)["planets"] == {"answer": ["  jupiter ", "MERCURY"], "correct": True}
    page.reload()
    expect(planets(page).get_by_role("textbox", name="Blank 2 of 2")).to_have_value("MERCURY")
    expect(planets(page).get_by_role("status")).to_have_text("Well done: that is right.")
    page_log.assert_no_errors()


def test_a_wrong_blank_is_marked_but_its_answer_is_not_shown_until_asked(page: Page, page_log, compat_url):
    open_page(page, compat_url + FILL_IN)
    q = planets(page)
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text("Type an answer first.")
    q.get_by_role("textbox", name="Blank 1 of 2").fill("Jupiter")
    q.get_by_role("textbox", name="Blank 2 of 2").fill("Venus")
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text("Not quite. Read the notes and try again.")
    expect(q.locator(".course-quiz__blank-mark")).to_have_text(["Correct", "Not correct"])
    expect(q.get_by_text("Mercury")).to_have_count(0)
    expect(q.get_by_text("Jupiter is more than twice as heavy")).to_be_hidden()
    assert saved_quizzes(page)["planets"] == {"answer": ["Jupiter", "Venus"], "correct": False}

    # "Try again" keeps the words and puts the learner in the blank to correct.
    q.get_by_role("button", name="Try again").click()
    expect(q.get_by_role("textbox", name="Blank 2 of 2")).to_be_focused()
    expect(q.get_by_role("textbox", name="Blank 2 of 2")).to_have_value("Venus")
    q.get_by_role("button", name="Show the answer").click()
    expect(q.get_by_role("status")).to_have_text("Here is the answer. Try the question again whenever you like.")
    expect(q.locator(".course-quiz__blank-mark").nth(1)).to_have_text("Not correct · The answer: Mercury")
    expect(q.get_by_text("Jupiter is more than twice as heavy")).to_be_visible()
    assert saved_quizzes(page)["planets"] == {"answer": ["Jupiter", "Venus"], "correct": False, "gaveUp": True}
    page_log.assert_no_errors()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_blanks_are_lines_and_the_answer_key_names_each_answer(page_without_js: Page, compat_url):
    page = page_without_js
    page.goto(compat_url + FILL_IN)
    q = planets(page)
    expect(q.get_by_role("textbox")).to_have_count(0)
    expect(q.locator(".course-quiz__blank")).to_have_count(2)
    expect(q.get_by_text("Blank 1 of 2: Jupiter")).to_be_hidden()
    q.get_by_text("Show answer").click()
    expect(q.get_by_text("Blank 1 of 2: Jupiter")).to_be_visible()
    expect(q.get_by_text("Blank 2 of 2: Mercury")).to_be_visible()
    expect(page.get_by_text("Questions on this page: 2.")).to_be_visible()
    expect(page.get_by_text("Without JavaScript your answers on this page are not saved.")).to_be_visible()
    # The buttons need JavaScript: hidden, so not offered.
    expect(page.get_by_role("button", name="Clear my answers on this page")).to_have_count(0)


def test_the_answer_key_page_lists_each_blanks_answer(page: Page, compat_url):
    page.goto(compat_url + "answer-key/")
    expect(page.get_by_text("Blank 1 of 2: Jupiter")).to_be_visible()
    expect(page.get_by_text("Blank 2 of 2: Mercury")).to_be_visible()


# --- "Show the answer" -----------------------------------------------------------


def test_show_the_answer_is_offered_before_a_first_try(page: Page, page_log, compat_url):
    open_page(page, compat_url + FILL_IN)
    q = page.locator('[data-quiz-id="colour"]')
    q.get_by_role("button", name="Show the answer").click()
    expect(q.get_by_role("status")).to_have_text("Here is the answer. Try the question again whenever you like.")
    expect(q.get_by_text("Air scatters blue light the most.")).to_be_visible()
    expect(q.get_by_role("button", name="Show the answer")).to_be_hidden()
    assert saved_quizzes(page)["colour"] == {"answer": [], "correct": False, "gaveUp": True}
    # Given up is not right: trying again and answering right is what counts.
    q.get_by_role("button", name="Try again").click()
    expect(q.get_by_role("button", name="Show the answer")).to_be_visible()
    q.get_by_role("radio", name="Blue").check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("button", name="Show the answer")).to_be_hidden()
    assert saved_quizzes(page)["colour"] == {"answer": [0], "correct": True}
    page_log.assert_no_errors()


def test_show_correct_false_in_the_front_matter_offers_no_show_the_answer(page: Page, compat_url):
    open_page(page, compat_url + "extras/no-reveal/")
    q = page.locator('[data-quiz-id="hidden-answer"]')
    expect(q.get_by_role("button", name="Show the answer")).to_have_count(0)
    q.get_by_role("radio", name="3").check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text("Not quite. Read the notes and try again.")
    expect(q.get_by_role("button", name="Try again")).to_be_visible()
    expect(q.get_by_role("button", name="Show the answer")).to_be_hidden()


def test_shuffle_answers_in_the_front_matter_shuffles_the_pages_quizzes(page: Page, compat_url):
    open_page(page, compat_url + "extras/no-reveal/")
    expect(page.locator('[data-quiz-id="hidden-answer"]')).to_have_attribute("data-quiz-shuffle", "true")
    open_page(page, compat_url + FILL_IN)  # shuffle_answers: false, and the course does not shuffle
    expect(page.locator('[data-quiz-id="colour"]')).not_to_have_attribute("data-quiz-shuffle", "true")


# --- Results and intro -------------------------------------------------------------


def test_the_results_panel_counts_answers_live_and_its_reset_clears_only_this_pages_quizzes(
    page: Page, page_log, compat_url
):
    page.goto(compat_url)
    other_page = {"basics/listening": {"read": True, "quizzes": {"q-other": {"answer": [1], "correct": True}}}}
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [KEY, json.dumps({"version": 2, "course": "fixture-course", "seed": "s", "pages": other_page})],
    )
    open_page(page, compat_url + FILL_IN)
    results = page.locator(".course-quiz-summary--results")
    count = results.get_by_text("Answered:")
    expect(count).to_have_text("Answered: 0 of 2. Right: 0.")
    colour = page.locator('[data-quiz-id="colour"]')
    colour.get_by_role("radio", name="Green").check()
    colour.get_by_role("button", name="Check answer").click()
    expect(count).to_have_text("Answered: 1 of 2. Right: 0.")
    planets(page).get_by_role("textbox", name="Blank 1 of 2").fill("Jupiter")
    planets(page).get_by_role("textbox", name="Blank 2 of 2").fill("Mercury")
    planets(page).get_by_role("button", name="Check answer").click()
    expect(count).to_have_text("Answered: 2 of 2. Right: 1.")

    page.once("dialog", lambda dialog: dialog.accept())
    results.get_by_role("button", name="Clear my answers on this page").click()
    expect(count).to_have_text("Answered: 0 of 2. Right: 0.")
    expect(results.get_by_role("status")).to_have_text("Your answers on this page are cleared.")
    expect(colour.get_by_role("button", name="Check answer")).to_be_visible()
    expect(planets(page).get_by_role("textbox", name="Blank 1 of 2")).to_have_value("")
    assert saved_quizzes(page) == {}
    # Another page's answers stay.
    assert saved_quizzes(page, "basics/listening") == other_page["basics/listening"]["quizzes"]
    page_log.assert_no_errors()


def test_the_intro_says_where_answers_are_kept_and_asks_before_clearing(page: Page, compat_url):
    open_page(page, compat_url + FILL_IN)
    intro = page.locator(".course-quiz-summary--intro")
    expect(intro.get_by_text("kept in this browser only, on this device")).to_be_visible()
    expect(intro.get_by_text("Without JavaScript")).to_be_hidden()
    colour = page.locator('[data-quiz-id="colour"]')
    colour.get_by_role("radio", name="Blue").check()
    colour.get_by_role("button", name="Check answer").click()
    page.once("dialog", lambda dialog: dialog.dismiss())
    intro.get_by_role("button", name="Clear my answers on this page").click()
    assert saved_quizzes(page)["colour"] == {"answer": [0], "correct": True}
    page.once("dialog", lambda dialog: dialog.accept())
    intro.get_by_role("button", name="Clear my answers on this page").click()
    expect(colour.get_by_role("button", name="Check answer")).to_be_visible()
    assert saved_quizzes(page) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_fill_in_page_has_no_axe_violations(page: Page, compat_url, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, compat_url + FILL_IN)
    assert_no_axe_violations(page, f"the fill-in page, new, {scheme}")
    q = planets(page)
    q.get_by_role("textbox", name="Blank 1 of 2").fill("Saturn")
    q.get_by_role("button", name="Check answer").click()
    assert_no_axe_violations(page, f"the fill-in page, answered wrong, {scheme}")
    q.get_by_role("button", name="Show the answer").click()
    assert_no_axe_violations(page, f"the fill-in page, answer shown, {scheme}")


def test_the_pages_are_valid_html(compat_build: ServedBuild):
    pages = [compat_build.site / "extras" / name / "index.html" for name in ("fill-in", "no-reveal")]
    messages = run_vnu(*pages)
    problems = [describe(m) for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not problems, "\n".join(problems)


def test_an_imported_progress_file_keeps_a_fill_in_answers_words(page: Page, page_log, compat_url, tmp_path):
    answers = {"planets": {"answer": ["Jupiter", "mercury "], "correct": True}}
    progress = {"version": 2, "course": "fixture-course", "seed": "s", "pages": {"extras/fill-in": {"quizzes": answers}}}
    exported = tmp_path / "progress.json"
    exported.write_text(
        json.dumps({"format": "mkdocs-course-progress", "version": 2, "course": "fixture-course", "exported": "", "progress": progress}),
        encoding="utf-8",
    )
    page.goto(compat_url)
    page.get_by_label("Progress file").set_input_files(exported)
    expect(page.get_by_text("Progress imported and merged with what was already saved.")).to_be_visible()
    assert saved_quizzes(page) == answers
    open_page(page, compat_url + FILL_IN)
    expect(planets(page).get_by_role("textbox", name="Blank 2 of 2")).to_have_value("mercury ")
    expect(planets(page).get_by_role("status")).to_have_text("Well done: that is right.")
    page_log.assert_no_errors()
