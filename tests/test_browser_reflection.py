"""Reflection prompts in real Chromium: saving as the learner types, the notebook, print and no JavaScript.

The page extras/practice (tests/learn_pages) ends with the prompt
"What does a calm evening at home look like for you?" (id calm-evening).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

PRACTICE = "extras/practice/"
KEY = "mkdocs-course:fixture-course"
PROMPT = "What does a calm evening at home look like for you?"
WORDS = "Dinner together,\nphones away."


def saved_record(page: Page) -> dict:
    """The record as stored."""
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def test_what_the_learner_writes_is_saved_quietly_and_kept_across_reloads(page: Page, page_log, learn_url):
    page.goto(learn_url + PRACTICE)
    box = page.get_by_role("textbox", name=PROMPT)
    box.fill(WORDS)
    status = page.locator(".course-reflection").get_by_role("status")
    expect(status).to_have_text("Saved in this browser.")
    assert saved_record(page)["pages"]["extras/practice"]["reflections"]["calm-evening"]["text"] == WORDS
    # Never right or wrong: the module's progress line counts quizzes and ticks only.
    expect(page.locator(".course-module__progress")).to_contain_text("0 of 4 quizzes correct")

    page.reload()
    expect(page.get_by_role("textbox", name=PROMPT)).to_have_value(WORDS)
    page_log.assert_no_errors()


def test_the_notebook_linked_from_the_dashboard_gathers_prompts_with_the_learners_words(page: Page, page_log, learn_url):
    page.goto(learn_url + PRACTICE)
    page.get_by_role("textbox", name=PROMPT).fill(WORDS)
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")

    page.goto(learn_url)
    page.get_by_role("link", name="Open my notebook").click()
    expect(page.get_by_role("heading", name="My notebook", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Extra 2: Practice")).to_be_visible()
    notebook_box = page.get_by_role("textbox", name=PROMPT)
    expect(notebook_box).to_have_value(WORDS)
    expect(page.get_by_role("button", name="Print my notebook")).to_be_visible()

    # Writing in the notebook is writing in the module.
    notebook_box.fill("Cooking side by side.")
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    page.goto(learn_url + PRACTICE)
    expect(page.get_by_role("textbox", name=PROMPT)).to_have_value("Cooking side by side.")
    page_log.assert_no_errors()


def test_print_shows_ruled_lines_or_with_my_answers_the_learners_words(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    page.get_by_role("textbox", name=PROMPT).fill(WORDS)
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    page.emulate_media(media="print")
    reflection = page.locator(".course-reflection")
    expect(reflection.locator(".course-reflection__lines")).to_be_visible()
    expect(reflection.get_by_text("Dinner together,")).to_be_hidden()
    page.evaluate("document.documentElement.classList.add('course-print-answers')")
    expect(reflection.locator(".course-reflection__lines")).to_be_hidden()
    expect(reflection.locator(".course-reflection__words")).to_have_text(WORDS)


def test_a_reset_of_the_whole_course_clears_what_was_written(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    page.get_by_role("textbox", name=PROMPT).fill(WORDS)
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    page.goto(learn_url)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset the whole course").click()
    page.goto(learn_url + PRACTICE)
    expect(page.get_by_role("textbox", name=PROMPT)).to_have_value("")


def test_a_malformed_saved_reflection_reads_as_empty_and_the_page_works(page: Page, page_log, learn_url):
    page.goto(learn_url)
    record = {"version": 2, "course": "fixture-course", "seed": "s", "pages": {
        "extras/practice": {"reflections": {"calm-evening": {"text": ["not", "text"]}}}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])
    page.goto(learn_url + PRACTICE)
    box = page.get_by_role("textbox", name=PROMPT)
    expect(box).to_have_value("")
    box.fill("Fresh words.")
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    page_log.assert_no_errors()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_the_prompt_and_a_note_about_the_workbook_are_shown(page_without_js: Page, learn_url):
    page = page_without_js
    page.goto(learn_url + PRACTICE)
    expect(page.get_by_text(PROMPT)).to_be_visible()
    expect(page.get_by_text("Write your answer on paper: the printed workbook has room for it.")).to_be_visible()
    expect(page.get_by_role("textbox", name=PROMPT)).to_have_count(0)
    # The workbook has the prompt, to write on paper.
    page.goto(learn_url + "workbook/")
    expect(page.get_by_text(PROMPT)).to_be_visible()


def test_an_imported_progress_file_brings_its_reflection_and_keeps_newer_words(page: Page, page_log, learn_url, tmp_path):
    record = {"version": 2, "course": "fixture-course", "updated": "", "last": "", "seed": "s", "pages": {
        "extras/practice": {"reflections": {"calm-evening": {"text": "From my old phone.", "updated": "2026-01-01T00:00:00Z"}}}}}
    progress = tmp_path / "progress.json"
    progress.write_text(json.dumps({"format": "mkdocs-course-progress", "version": 2, "course": "fixture-course",
                                    "progress": record}), encoding="utf-8")
    page.goto(learn_url)
    page.get_by_label("Progress file").set_input_files(progress)
    expect(page.get_by_text("Progress imported and merged with what was already saved.")).to_be_visible()
    page.goto(learn_url + PRACTICE)
    box = page.get_by_role("textbox", name=PROMPT)
    expect(box).to_have_value("From my old phone.")

    # Words written since are newer than the file's: importing it again keeps them.
    box.fill("Written today.")
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    page.goto(learn_url)
    page.get_by_label("Progress file").set_input_files(progress)
    expect(page.get_by_text("Progress imported and merged with what was already saved.")).to_be_visible()
    page.goto(learn_url + PRACTICE)
    expect(page.get_by_role("textbox", name=PROMPT)).to_have_value("Written today.")
    page_log.assert_no_errors()
