"""Quizzes in real Chromium: answering, feedback, retrying, the keyboard, saving, and no JavaScript.

The fixture module basics/listening has a single-choice quiz (the right answer
is "Turn the heat down and face them.") and a multiple-choice quiz (the right
answers are "So you felt left out?" and "Tell me more about that.").
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

LISTENING = "basics/listening/"

COOKING = "Your partner starts to tell you about their day while you cook."
KEEP_COOKING = 'Keep cooking and say "mm-hm" now and then.'
TURN_TO_THEM = "Turn the heat down and face them."
SUGGEST_A_FIX = "Suggest a fix right away."

REPLIES = "Which replies show you listened?"
LEFT_OUT = '"So you felt left out?"'
ABOUT_MY_DAY = '"Anyway, about my day..."'
TELL_ME_MORE = '"Tell me more about that."'

RIGHT = "Well done: that is right."
NOT_RIGHT = "Not quite. Read the notes and try again."
REVEALED = "Here is the answer. Try the question again whenever you like."


def quiz(page: Page, question: str) -> Locator:
    """The quiz whose question starts with `question`."""
    return page.locator(".course-quiz").filter(has=page.get_by_role("group", name=question))


def option(quiz: Locator, text: str) -> Locator:
    """The option row (input, text, mark and feedback) whose text is `text`."""
    return quiz.locator(".course-quiz__option").filter(has_text=text)


def open_listening(page: Page, url: str) -> None:
    """Open the listening module and wait until course.js has set up its quizzes."""
    page.goto(url + LISTENING)
    expect(page.get_by_role("button", name="Check answer").first).to_be_visible()


# --- Answering ----------------------------------------------------------------------


def test_a_wrong_answer_shows_its_own_feedback_and_not_quite_but_not_the_right_option(
    page: Page, page_log, fixture_url
):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    # Before an answer nothing gives it away, and the no-JavaScript answer key is gone.
    expect(q.get_by_text("Your attention stays on the pan.")).to_be_hidden()
    expect(q.get_by_text("Stopping what you do shows your partner they come first.")).to_be_hidden()
    expect(q.get_by_text("Show answer")).to_have_count(0)
    expect(q.get_by_role("status")).to_have_text("")
    # A learner who does not know may ask for the answer without guessing first.
    expect(q.get_by_role("button", name="Show the answer")).to_be_visible()

    q.get_by_role("radio", name=KEEP_COOKING).check()
    q.get_by_role("button", name="Check answer").click()

    expect(q.get_by_role("status")).to_have_text(NOT_RIGHT)
    expect(option(q, KEEP_COOKING).locator(".course-quiz__mark")).to_have_text("Your choice")
    # Nothing says which option is right: no verdicts, no other feedback, no explanation.
    expect(q.locator(".course-quiz__mark")).to_have_count(1)
    expect(q.get_by_text("Correct", exact=True)).to_have_count(0)
    expect(q.get_by_text("Your attention stays on the pan.")).to_be_visible()
    expect(q.get_by_text("Yes. Stopping shows they matter more than the task.")).to_be_hidden()
    expect(q.get_by_text("Fixing too early can feel like being rushed.")).to_be_hidden()
    expect(q.get_by_text("Stopping what you do shows your partner they come first.")).to_be_hidden()
    # The answer is locked until the learner asks to try again, or to be shown the answer.
    for radio in q.get_by_role("radio").all():
        expect(radio).to_be_disabled()
    expect(q.get_by_role("button", name="Check answer")).to_be_hidden()
    expect(q.get_by_role("button", name="Try again")).to_be_visible()
    expect(q.get_by_role("button", name="Show the answer")).to_be_visible()
    page_log.assert_no_errors()


def test_show_the_answer_reveals_the_key_and_is_saved_as_given_up_not_as_right(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    q.get_by_role("radio", name=KEEP_COOKING).check()
    q.get_by_role("button", name="Check answer").click()
    q.get_by_role("button", name="Show the answer").click()

    expect(q.get_by_role("status")).to_have_text(REVEALED)
    expect(option(q, TURN_TO_THEM).locator(".course-quiz__mark")).to_have_text("Correct")
    expect(option(q, KEEP_COOKING).locator(".course-quiz__mark")).to_have_text("Not correct · Your choice")
    expect(q.get_by_text("Stopping what you do shows your partner they come first.")).to_be_visible()
    expect(q.get_by_role("button", name="Show the answer")).to_be_hidden()
    expect(q.get_by_role("button", name="Try again")).to_be_focused()
    saved = page.evaluate("JSON.parse(localStorage.getItem('mkdocs-course:fixture-course'))")
    entry = next(iter(saved["pages"]["basics/listening"]["quizzes"].values()))
    assert entry == {"answer": [0], "correct": False, "gaveUp": True}
    # The module header counts it as not right, and so does the page after a reload.
    expect(page.locator(".course-module__progress")).to_contain_text("0 of 2 quizzes correct")
    page.reload()
    expect(quiz(page, COOKING).get_by_role("status")).to_have_text(REVEALED)
    expect(option(quiz(page, COOKING), TURN_TO_THEM).locator(".course-quiz__mark")).to_have_text("Correct")
    page_log.assert_no_errors()


def test_the_right_answer_is_announced_in_the_status_region(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    q.get_by_role("radio", name=TURN_TO_THEM).check()
    q.get_by_role("button", name="Check answer").click()

    status = q.get_by_role("status")
    expect(status).to_have_text(RIGHT)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(option(q, TURN_TO_THEM).locator(".course-quiz__mark")).to_have_text("Correct · Your choice")
    expect(q.get_by_text("Yes. Stopping shows they matter more than the task.")).to_be_visible()
    expect(q.get_by_text("Stopping what you do shows your partner they come first.")).to_be_visible()
    # The other quiz on the page is untouched.
    expect(quiz(page, REPLIES).get_by_role("status")).to_have_text("")
    page_log.assert_no_errors()


def test_checking_without_a_choice_asks_for_one_and_keeps_the_quiz_open(page: Page, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text("Choose an answer first.")
    expect(q.get_by_role("radio", name=KEEP_COOKING)).to_be_enabled()
    expect(q.locator(".course-quiz__mark")).to_have_count(0)


def test_try_again_clears_the_answer_marks_feedback_and_explanation(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    q.get_by_role("radio", name=KEEP_COOKING).check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text(NOT_RIGHT)

    q.get_by_role("button", name="Try again").click()

    expect(q.get_by_role("status")).to_have_text("")
    expect(q.locator(".course-quiz__mark")).to_have_count(0)
    expect(q.get_by_text("Your attention stays on the pan.")).to_be_hidden()
    expect(q.get_by_text("Stopping what you do shows your partner they come first.")).to_be_hidden()
    for radio in q.get_by_role("radio").all():
        expect(radio).to_be_enabled()
        expect(radio).not_to_be_checked()
    expect(q.get_by_role("button", name="Try again")).to_be_hidden()
    expect(q.get_by_role("button", name="Check answer")).to_be_focused()

    # A second attempt is judged afresh.
    q.get_by_role("radio", name=TURN_TO_THEM).check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).to_have_text(RIGHT)
    page_log.assert_no_errors()


@pytest.mark.parametrize(
    ("chosen", "verdict"),
    [
        pytest.param([LEFT_OUT, TELL_ME_MORE], RIGHT, id="both-right-answers"),
        pytest.param([LEFT_OUT], NOT_RIGHT, id="only-one-right-answer"),
        pytest.param([LEFT_OUT, TELL_ME_MORE, ABOUT_MY_DAY], NOT_RIGHT, id="right-answers-and-a-wrong-one"),
        pytest.param([ABOUT_MY_DAY], NOT_RIGHT, id="only-the-wrong-answer"),
    ],
)
def test_a_multiple_choice_quiz_is_right_only_with_exactly_the_right_answers(page: Page, fixture_url, chosen, verdict):
    open_listening(page, fixture_url)
    q = quiz(page, REPLIES)
    for text in chosen:
        q.get_by_role("checkbox", name=text).check()
    q.get_by_role("button", name="Check answer").click()

    expect(q.get_by_role("status")).to_have_text(verdict)
    if verdict == RIGHT:
        expect(option(q, LEFT_OUT).locator(".course-quiz__mark")).to_contain_text("Correct")
        expect(option(q, TELL_ME_MORE).locator(".course-quiz__mark")).to_contain_text("Correct")
        expect(option(q, ABOUT_MY_DAY).locator(".course-quiz__mark")).to_contain_text("Not correct")
    for text in (LEFT_OUT, ABOUT_MY_DAY, TELL_ME_MORE):
        mark = option(q, text).locator(".course-quiz__mark")
        if text in chosen:
            expect(mark).to_contain_text("Your choice")
        elif verdict == RIGHT:
            expect(mark).not_to_contain_text("Your choice")
        else:
            expect(mark).to_have_count(0)  # a wrong answer marks only what was chosen
    feedback = {
        LEFT_OUT: "Yes. You checked what you heard.",
        ABOUT_MY_DAY: "This moves the talk to you.",
        TELL_ME_MORE: "Yes. You invite them to go on.",
    }
    for text, note in feedback.items():
        if text in chosen:
            expect(q.get_by_text(note)).to_be_visible()
        else:
            expect(q.get_by_text(note)).to_be_hidden()
    explanation = q.get_by_text("Checking what you heard and asking for more")
    expect(explanation).to_be_visible() if verdict == RIGHT else expect(explanation).to_be_hidden()


# --- Keyboard -----------------------------------------------------------------------


def assert_focus_not_lost(page: Page) -> None:
    """Fail if focus fell back to <body>, as it does when a focused element is hidden."""
    assert page.evaluate("document.activeElement !== document.body && document.activeElement !== null"), (
        "Focus fell back to <body>: a keyboard user loses their place in the quiz"
    )


def test_a_single_choice_quiz_works_with_the_keyboard_alone(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, COOKING)
    # Start on the last checklist box; the next stop is the quiz heading's permalink.
    page.get_by_role("checkbox", name="Say back what you heard").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("heading", name="Check your understanding").get_by_role("link")).to_be_focused()

    page.keyboard.press("Tab")
    expect(q.get_by_role("radio", name=KEEP_COOKING)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(q.get_by_role("radio", name=TURN_TO_THEM)).to_be_focused()
    expect(q.get_by_role("radio", name=TURN_TO_THEM)).to_be_checked()
    page.keyboard.press("Tab")
    expect(q.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Enter")

    expect(q.get_by_role("status")).to_have_text(RIGHT)
    assert_focus_not_lost(page)
    expect(q.get_by_role("button", name="Try again")).to_be_focused()

    page.keyboard.press("Enter")
    expect(q.get_by_role("status")).to_have_text("")
    assert_focus_not_lost(page)
    expect(q.get_by_role("button", name="Check answer")).to_be_focused()
    page_log.assert_no_errors()


def test_a_multiple_choice_quiz_works_with_tab_and_space(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    q = quiz(page, REPLIES)
    q.get_by_role("checkbox", name=LEFT_OUT).focus()

    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(q.get_by_role("checkbox", name=TELL_ME_MORE)).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(q.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Space")

    expect(q.get_by_role("status")).to_have_text(RIGHT)
    assert_focus_not_lost(page)
    expect(q.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Space")
    assert_focus_not_lost(page)
    expect(q.get_by_role("checkbox", name=LEFT_OUT)).not_to_be_checked()
    page_log.assert_no_errors()


# --- Saving -------------------------------------------------------------------------


def test_a_saved_answer_is_shown_again_after_a_reload(page: Page, page_log, fixture_url):
    open_listening(page, fixture_url)
    single, multiple = quiz(page, COOKING), quiz(page, REPLIES)
    single.get_by_role("radio", name=SUGGEST_A_FIX).check()
    single.get_by_role("button", name="Check answer").click()
    multiple.get_by_role("checkbox", name=LEFT_OUT).check()
    multiple.get_by_role("checkbox", name=TELL_ME_MORE).check()
    multiple.get_by_role("button", name="Check answer").click()
    expect(multiple.get_by_role("status")).to_have_text(RIGHT)

    page.reload()

    single, multiple = quiz(page, COOKING), quiz(page, REPLIES)
    expect(single.get_by_role("radio", name=SUGGEST_A_FIX)).to_be_checked()
    expect(single.get_by_role("radio", name=SUGGEST_A_FIX)).to_be_disabled()
    expect(single.get_by_role("status")).to_have_text(NOT_RIGHT)
    expect(option(single, SUGGEST_A_FIX).locator(".course-quiz__mark")).to_have_text("Your choice")
    expect(single.get_by_role("button", name="Show the answer")).to_be_visible()
    expect(single.get_by_text("Fixing too early can feel like being rushed.")).to_be_visible()
    expect(single.get_by_role("button", name="Try again")).to_be_visible()
    expect(multiple.get_by_role("checkbox", name=LEFT_OUT)).to_be_checked()
    expect(multiple.get_by_role("checkbox", name=TELL_ME_MORE)).to_be_checked()
    expect(multiple.get_by_role("checkbox", name=ABOUT_MY_DAY)).not_to_be_checked()
    expect(multiple.get_by_role("status")).to_have_text(RIGHT)

    # Trying again and reloading shows the new answer, not the old one.
    single.get_by_role("button", name="Try again").click()
    single.get_by_role("radio", name=TURN_TO_THEM).check()
    single.get_by_role("button", name="Check answer").click()
    page.reload()
    expect(quiz(page, COOKING).get_by_role("radio", name=TURN_TO_THEM)).to_be_checked()
    expect(quiz(page, COOKING).get_by_role("status")).to_have_text(RIGHT)
    page_log.assert_no_errors()


# --- Loading ------------------------------------------------------------------------


def quiz_code_requests(page_log) -> list[str]:
    """The requests for quiz.js, the quizzes' code."""
    return [url for url in page_log.requests if url.endswith("/assets/course/quiz.js")]


def test_a_quiz_s_code_is_downloaded_only_when_a_quiz_comes_near_the_screen(page: Page, page_log, fixture_url):
    # A small screen, so the quizzes start more than a screen below what shows.
    page.set_viewport_size({"width": 360, "height": 200})
    page.goto(fixture_url + LISTENING)
    single = quiz(page, COOKING)
    expect(page.locator(".course-module__progress")).to_be_visible()  # course.js has run
    assert single.evaluate("quiz => quiz.getBoundingClientRect().top") > 2 * 200
    page.wait_for_timeout(500)
    assert quiz_code_requests(page_log) == []
    # Until then the quiz is the server's form, which works without JavaScript.
    expect(single.locator("details.course-quiz__answer")).to_have_count(1)
    expect(single.get_by_role("button", name="Check answer")).to_have_count(0)

    single.scroll_into_view_if_needed()
    expect(single.get_by_role("button", name="Check answer")).to_be_visible()
    expect(single.locator("details.course-quiz__answer")).to_have_count(0)
    assert len(quiz_code_requests(page_log)) == 1
    single.get_by_role("radio", name=TURN_TO_THEM).check()
    single.get_by_role("button", name="Check answer").click()
    expect(single.get_by_role("status")).to_have_text(RIGHT)

    # A page with a saved answer sets its quizzes up at once, to show it.
    page.evaluate("window.scrollTo(0, 0)")
    page.reload()
    expect(quiz(page, COOKING).get_by_role("status")).to_have_text(RIGHT)
    assert page.evaluate("window.scrollY") == 0
    expect(quiz(page, REPLIES).get_by_role("button", name="Check answer")).to_be_attached()
    page_log.assert_no_errors()


def test_tabbing_into_a_quiz_sets_it_up(page: Page, page_log, fixture_url):
    page.set_viewport_size({"width": 360, "height": 200})
    page.goto(fixture_url + LISTENING)
    single = quiz(page, COOKING)
    expect(page.locator(".course-module__progress")).to_be_visible()
    # Focus moved in without scrolling first (as a screen reader's quick keys do).
    single.get_by_role("radio", name=TURN_TO_THEM).evaluate("radio => radio.focus({preventScroll: true})")
    expect(single.get_by_role("button", name="Check answer")).to_be_attached()
    page_log.assert_no_errors()


# --- Without JavaScript ---------------------------------------------------------------


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_the_question_options_and_a_closed_answer_are_readable(page_without_js: Page, fixture_url):
    page = page_without_js
    page.goto(fixture_url + LISTENING)
    q = quiz(page, COOKING)
    expect(q.get_by_text(COOKING)).to_be_visible()
    for text in (KEEP_COOKING, TURN_TO_THEM, SUGGEST_A_FIX):
        expect(q.get_by_role("radio", name=text)).to_be_visible()
    # Buttons that need JavaScript stay hidden.
    expect(q.get_by_role("button", name="Check answer")).to_be_hidden()

    answer = q.locator("details")
    expect(answer).not_to_have_attribute("open", "")
    expect(answer.get_by_text("Show answer")).to_be_visible()
    right = answer.locator(".course-quiz__key-item").filter(has_text=TURN_TO_THEM)
    expect(right).to_be_hidden()

    answer.get_by_text("Show answer").click()
    expect(right).to_be_visible()
    expect(right).to_contain_text("Correct")
    expect(right).to_contain_text("Yes. Stopping shows they matter more than the task.")
    expect(answer.locator(".course-quiz__key-item").filter(has_text=KEEP_COOKING)).to_contain_text("Not correct")
    expect(answer.get_by_text("Stopping what you do shows your partner they come first.")).to_be_visible()
