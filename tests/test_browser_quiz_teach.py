"""Quizzes that teach, in real Chromium: hints on request and options shuffled per learner.

The page extras/practice (tests/learn_pages) has a quiz with a hint ("hinted"),
one shuffled with six options ("colours": Red is right) and one that keeps
the author's order ("kept").
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

PRACTICE = "extras/practice/"
KEY = "mkdocs-course:fixture-course"
AUTHOR_ORDER = ["Red", "Brown", "Grey", "Black", "White", "Pink"]


def quiz(page: Page, question: str) -> Locator:
    """The quiz whose question starts with `question`."""
    return page.locator(".course-quiz").filter(has=page.get_by_role("group", name=question))


def option_order(q: Locator) -> list[str]:
    """The option texts of quiz `q` in the order they are on the page."""
    return [text.strip() for text in q.locator(".course-quiz__text").all_inner_texts()]


def open_practice(page: Page, url: str, record: str | None = None) -> None:
    """Open the practice module (with `record` stored first, when given) and wait for course.js."""
    if record is not None:
        page.goto(url)
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, record])
    page.goto(url + PRACTICE)
    expect(page.get_by_role("button", name="Check answer").first).to_be_visible()


def test_a_hint_is_shown_only_on_request(page: Page, page_log, learn_url):
    open_practice(page, learn_url)
    q = quiz(page, "Which word names listening to the end?")
    hint = q.get_by_text("it starts with a P.")
    expect(hint).to_be_hidden()
    q.get_by_text("Hint", exact=True).click()
    expect(hint).to_be_visible()
    # The hint is not part of the question the options are labelled by.
    expect(q.get_by_role("group", name="Which word names listening to the end?", exact=True)).to_be_visible()
    page_log.assert_no_errors()


def test_shuffled_options_keep_one_order_per_learner_and_save_the_authors_numbers(page: Page, page_log, learn_url):
    open_practice(page, learn_url, '{"version": 2, "course": "fixture-course", "seed": "learner-one", "pages": {}}')
    q = quiz(page, "Which of these is a colour of the rainbow?")
    shown = option_order(q)
    assert sorted(shown) == sorted(AUTHOR_ORDER)
    assert shown != AUTHOR_ORDER, "this learner's seed gives another order than the author's"
    page.reload()
    expect(page.get_by_role("button", name="Check answer").first).to_be_visible()
    assert option_order(quiz(page, "Which of these is a colour of the rainbow?")) == shown

    # Another learner (another seed) sees another order.
    open_practice(page, learn_url, '{"version": 2, "course": "fixture-course", "seed": "learner-two", "pages": {}}')
    assert option_order(quiz(page, "Which of these is a colour of the rainbow?")) != shown

    # The saved answer names the author's option number, whatever the order shown.
    q = quiz(page, "Which of these is a colour of the rainbow?")
    q.get_by_role("radio", name="Pink").check()
    q.get_by_role("button", name="Check answer").click()
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert saved["pages"]["extras/practice"]["quizzes"]["colours"] == {"answer": [5], "correct": False}
    # A quiz with shuffle="false" keeps the author's order.
    assert option_order(quiz(page, "Which comes first?")) == ["One", "Two", "Three"]
    page_log.assert_no_errors()


def test_a_first_visit_saves_its_seed_so_the_order_survives_a_reload(page: Page, learn_url):
    open_practice(page, learn_url)
    shown = option_order(quiz(page, "Which of these is a colour of the rainbow?"))
    seed = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).seed")
    assert len(seed) == 16
    page.reload()
    expect(page.get_by_role("button", name="Check answer").first).to_be_visible()
    assert option_order(quiz(page, "Which of these is a colour of the rainbow?")) == shown


def test_print_shows_the_authors_order_and_the_screen_gets_the_learners_back(page: Page, learn_url):
    open_practice(page, learn_url, '{"version": 2, "course": "fixture-course", "seed": "learner-one", "pages": {}}')
    q = quiz(page, "Which of these is a colour of the rainbow?")
    shown = option_order(q)
    assert shown != AUTHOR_ORDER
    # The whole order is awaited: this seed's order also starts with "Red".
    page.emulate_media(media="print")
    expect(q.locator(".course-quiz__text")).to_have_text(AUTHOR_ORDER)
    page.emulate_media(media="screen")
    expect(q.locator(".course-quiz__text")).to_have_text(shown)


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_the_authors_order_and_a_closed_hint_are_shown(page_without_js: Page, learn_url):
    page = page_without_js
    page.goto(learn_url + PRACTICE)
    assert option_order(quiz(page, "Which of these is a colour of the rainbow?")) == AUTHOR_ORDER
    q = quiz(page, "Which word names listening to the end?")
    expect(q.get_by_text("it starts with a P.")).to_be_hidden()
    q.get_by_text("Hint", exact=True).click()
    expect(q.get_by_text("it starts with a P.")).to_be_visible()


def test_a_version_1_record_is_migrated_and_keeps_every_tick_and_answer(page: Page, page_log, learn_url):
    old = {
        "version": 1, "course": "fixture-course", "updated": "2026-01-01T00:00:00Z", "last": "basics/listening",
        "pages": {"basics/listening": {"read": True, "checks": {"c-0a0a0a0a": True},
                                        "quizzes": {"q-old": {"answer": [1], "correct": True}}}},
    }
    page.goto(learn_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(old)])
    open_practice(page, learn_url)
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert saved["version"] == 2
    assert len(saved["seed"]) == 16
    listening = saved["pages"]["basics/listening"]
    assert listening["read"] is True
    assert listening["checks"] == {"c-0a0a0a0a": True}
    assert listening["quizzes"] == {"q-old": {"answer": [1], "correct": True}}
    # Nothing was set aside as unreadable.
    assert page.evaluate(f"localStorage.getItem('{KEY}:backup')") is None
    page_log.assert_no_errors()


def test_an_explanation_that_is_only_a_code_block_shows_after_a_right_answer(page: Page, page_log, learn_url):
    open_practice(page, learn_url)
    q = quiz(page, "Which command lists files?")
    expect(q.get_by_text("ls -la")).to_be_hidden()
    q.get_by_role("radio", name="ls").check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_text("ls -la")).to_be_visible()
    page_log.assert_no_errors()
