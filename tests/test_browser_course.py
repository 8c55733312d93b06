"""The whole course in real Chromium.

Dashboard, navigation, saving, export and import, reset, instant navigation,
a new version of the course, a strict CSP and no third-party requests.

Completion in the fixture course is [read, checklist, quizzes], and each module's
share is the parts done over its parts: Listening has 6 (read, 3 items, 2 quizzes),
Speaking 4 (read, 2 items, 1 quiz), Further reading 1 (read). The course's
percentage is the mean of the three modules' shares.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers.build import build_site, copy_fixture_course
from helpers.server import SiteServer
from playwright.sync_api import Dialog, Locator, Page, expect

KEY = "mkdocs-course:fixture-course"

HOME, LISTENING, SPEAKING, READING = "", "basics/listening/", "basics/speaking/", "extras/reading/"
# The tools that keep progress sit under the dashboard, on the home page.
PROGRESS, WORKBOOK, ANSWERS = "", "workbook/", "answer-key/"

LISTENING_ITEMS = ("Put the phone face down", "Let them finish", "Say back what you heard")
SPEAKING_ITEMS = ('Start one sentence with "I feel"', "Make one clear ask")


# --- Helpers: what a learner does --------------------------------------------------------


def nav(page: Page) -> Locator:
    """Material's site navigation (the left sidebar)."""
    return page.get_by_role("navigation", name="Navigation")


def quiz(page: Page, question: str) -> Locator:
    """The quiz whose question starts with `question`."""
    return page.locator(".course-quiz").filter(has=page.get_by_role("group", name=question))


def answer(page: Page, question: str, *choices: str) -> Locator:
    """Choose `choices` in a quiz and check the answer; return the quiz."""
    q = quiz(page, question)
    for choice in choices:
        q.get_by_label(choice).check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.get_by_role("status")).not_to_have_text("")
    return q


def tick(page: Page, *items: str) -> None:
    """Tick checklist items by their text."""
    for item in items:
        page.get_by_role("checkbox", name=item).check()


def module_progress(page: Page) -> Locator:
    """The progress line in the module header."""
    return page.locator(".course-module__progress")


def mark_as_read(page: Page) -> Locator:
    """The first "Mark as read" button (the module header's)."""
    return page.get_by_role("button", name="Mark as read").first


def card_state(page: Page, title: str) -> Locator:
    """The state ("Not started", "In progress", "Complete") on a module's dashboard card."""
    return page.locator(".course-card").filter(has=page.get_by_role("link", name=title, exact=True)).locator(
        ".course-card__state"
    )


def saved(page: Page) -> dict:
    """The saved progress record."""
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert raw is not None, "Nothing is saved"
    return json.loads(raw)


def do_listening_and_speaking(page: Page, url: str) -> None:
    """Do part of both modules.

    Listening: every item ticked and both quizzes right, not read (5 of 6).
    Speaking: one item ticked and the quiz wrong (1 of 4).
    """
    page.goto(url + LISTENING)
    tick(page, *LISTENING_ITEMS)
    answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    answer(page, "Which replies show you listened?", '"So you felt left out?"', '"Tell me more about that."')
    page.goto(url + SPEAKING)
    tick(page, "Make one clear ask")
    answer(page, "You are upset that your partner", '"You were rude all night."')


def tool(page: Page, heading: str) -> Locator:
    """One of the tools that keep progress (on the home page), by its heading."""
    return page.locator(".course-tool").filter(has=page.get_by_role("heading", name=heading))


def accept_next_dialog(page: Page) -> list[str]:
    """Accept the next confirm() and return a list that receives its message."""
    messages: list[str] = []

    def accept(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    return messages


# --- Dashboard, navigation marks, continue, mark as read ----------------------------------


def test_the_dashboard_shows_each_modules_progress_and_the_courses_percentage(page: Page, page_log, fixture_url):
    page.goto(fixture_url)
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    expect(card_state(page, "Listening")).to_have_text("Not started")

    do_listening_and_speaking(page, fixture_url)
    nav(page).get_by_role("link", name="Fixture course").click()
    page.wait_for_url(fixture_url)

    expect(page.get_by_role("progressbar", name="Listening")).to_have_attribute("aria-valuenow", "83")
    expect(page.get_by_role("progressbar", name="Speaking")).to_have_attribute("aria-valuenow", "25")
    expect(page.get_by_role("progressbar", name="Further reading")).to_have_attribute("aria-valuenow", "0")
    expect(card_state(page, "Listening")).to_have_text("In progress")
    expect(card_state(page, "Speaking")).to_have_text("In progress")
    expect(card_state(page, "Further reading")).to_have_text("Not started")
    # (5/6 + 1/4 + 0) / 3 = 36%
    expect(page.get_by_text("36% of the course complete")).to_be_visible()
    expect(page.get_by_role("progressbar", name="36% of the course complete")).to_have_attribute("aria-valuenow", "36")
    expect(nav(page).locator("[data-course-done]")).to_have_count(0)

    # Reading Listening completes it: the card, the navigation and the percentage follow.
    page.goto(fixture_url + LISTENING)
    mark_as_read(page).click()
    expect(module_progress(page)).to_have_text("3 of 3 checklist items · 2 of 2 quizzes correct · Complete")
    expect(nav(page).get_by_role("link", name="Listening Complete")).to_be_visible()
    page.goto(fixture_url)
    expect(card_state(page, "Listening")).to_have_text("Complete")
    expect(page.get_by_role("progressbar", name="Listening")).to_have_attribute("aria-valuenow", "100")
    # (1 + 1/4 + 0) / 3 = 42%
    expect(page.get_by_text("42% of the course complete")).to_be_visible()
    expect(nav(page).get_by_role("link", name="Listening Complete")).to_be_visible()
    expect(nav(page).get_by_role("link", name="Speaking", exact=True)).to_be_visible()
    page_log.assert_no_errors()


def test_the_navigation_marks_completed_modules_on_every_page(page: Page, page_log, fixture_url):
    page.goto(fixture_url + READING)
    expect(nav(page).get_by_role("link", name="Further reading", exact=True)).to_be_visible()
    mark_as_read(page).click()
    expect(nav(page).get_by_role("link", name="Further reading Complete")).to_be_visible()
    for path in (HOME, SPEAKING, PROGRESS, WORKBOOK):
        page.goto(fixture_url + path)
        expect(nav(page).get_by_role("link", name="Further reading Complete")).to_be_visible()
        expect(nav(page).locator("[data-course-done]")).to_have_count(1)
    # Unmarking takes the mark away again.
    page.goto(fixture_url + READING)
    mark_as_read(page).click()
    expect(nav(page).locator("[data-course-done]")).to_have_count(0)
    page_log.assert_no_errors()


def test_continue_where_you_left_off_goes_to_the_last_module_visited(page: Page, page_log, fixture_url):
    page.goto(fixture_url)
    start = page.get_by_role("link", name="Start the course")
    expect(start).to_have_attribute("href", re.compile(r"basics/listening/$"))

    page.goto(fixture_url + SPEAKING)
    page.goto(fixture_url + READING)
    page.goto(fixture_url + WORKBOOK)  # not a module: does not count as the place to go back to
    page.goto(fixture_url)
    resume = page.get_by_role("link", name="Continue where you left off")
    expect(resume).to_contain_text("Further reading")
    resume.click()
    page.wait_for_url("**/" + READING)

    nav(page).get_by_role("link", name="Speaking").click()
    page.wait_for_url("**/" + SPEAKING)
    nav(page).get_by_role("link", name="Fixture course").click()
    page.wait_for_url(fixture_url)
    expect(page.get_by_role("link", name="Continue where you left off")).to_contain_text("Speaking")
    page_log.assert_no_errors()


def test_mark_as_read_toggles_is_saved_and_updates_the_module_header(page: Page, page_log, fixture_url):
    page.goto(fixture_url + READING)
    buttons = page.get_by_role("button", name="Mark as read")
    expect(buttons).to_have_count(2)  # at the top and at the end of the module
    expect(module_progress(page)).to_have_text("Not started")
    for button in buttons.all():
        expect(button).to_have_attribute("aria-pressed", "false")

    buttons.last.click()
    for button in buttons.all():
        expect(button).to_have_attribute("aria-pressed", "true")
    expect(module_progress(page)).to_have_text("Complete")

    page.reload()
    expect(mark_as_read(page)).to_have_attribute("aria-pressed", "true")
    expect(module_progress(page)).to_have_text("Complete")

    mark_as_read(page).click()
    expect(mark_as_read(page)).to_have_attribute("aria-pressed", "false")
    expect(module_progress(page)).to_have_text("Not started")
    page.reload()
    expect(mark_as_read(page)).to_have_attribute("aria-pressed", "false")
    page_log.assert_no_errors()


def test_the_module_header_counts_ticks_and_right_answers(page: Page, page_log, fixture_url):
    page.goto(fixture_url + LISTENING)
    header = module_progress(page)
    expect(header).to_have_text("0 of 3 checklist items · 0 of 2 quizzes correct · Not started")
    tick(page, LISTENING_ITEMS[0])
    expect(header).to_have_text("1 of 3 checklist items · 0 of 2 quizzes correct · In progress")
    answer(page, "Your partner starts to tell you", "Suggest a fix right away.")
    expect(header).to_have_text("1 of 3 checklist items · 0 of 2 quizzes correct · In progress")
    q = quiz(page, "Your partner starts to tell you")
    q.get_by_role("button", name="Try again").click()
    answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    expect(header).to_have_text("1 of 3 checklist items · 1 of 2 quizzes correct · In progress")
    page.reload()
    expect(module_progress(page)).to_have_text("1 of 3 checklist items · 1 of 2 quizzes correct · In progress")
    page_log.assert_no_errors()


def test_without_javascript_the_dashboard_and_progress_page_say_what_needs_it(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.goto(fixture_url)
        dashboard = page.get_by_role("region", name="Your course")
        expect(dashboard.get_by_role("link", name="Listening", exact=True)).to_be_visible()
        expect(page.get_by_text("Listen to the end before you answer.")).to_be_visible()
        expect(page.get_by_role("link", name="Start the course")).to_be_visible()
        expect(page.get_by_role("progressbar")).to_have_count(0)
        page.goto(fixture_url + PROGRESS)
        # Playwright's text locators skip <noscript>, so find its paragraph by tag.
        expect(page.locator(".course-manage > noscript p")).to_be_visible()
        expect(page.locator(".course-manage > noscript p")).to_have_text(
            "Export, import and reset need JavaScript, which is turned off in this browser."
        )
        # The erase control says where a browser clears what a site stored.
        expect(page.locator(".course-erase noscript p")).to_contain_text("settings for cookies and site data")
        expect(page.get_by_role("button", name="Export progress")).to_be_hidden()
        page.goto(fixture_url + LISTENING)
        expect(page.get_by_role("button", name="Mark as read")).to_have_count(0)
        expect(page.get_by_role("checkbox", name=LISTENING_ITEMS[0])).to_be_visible()
    finally:
        context.close()


# --- Export and import --------------------------------------------------------------------


def export(page: Page, url: str, into: Path) -> tuple[Path, dict]:
    """Export progress from the progress page; return the saved file and its JSON."""
    page.goto(url + PROGRESS)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export progress").click()
    download = download_info.value
    assert download.suggested_filename == "progress-fixture-course.json"
    path = into / download.suggested_filename
    download.save_as(path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_exported_progress_imports_back_after_clearing_the_browser(page: Page, page_log, fixture_url, tmp_path):
    do_listening_and_speaking(page, fixture_url)
    page.goto(fixture_url + READING)
    mark_as_read(page).click()
    before = saved(page)["pages"]

    file, exported = export(page, fixture_url, tmp_path)
    assert exported["format"] == "mkdocs-course-progress"
    assert exported["version"] == 2 and exported["course"] == "fixture-course"
    assert exported["progress"]["pages"] == before
    assert exported["progress"]["last"] == "extras/reading"

    page.evaluate("localStorage.clear()")
    page.goto(fixture_url + SPEAKING)
    expect(page.locator(".course-checklist__count")).to_have_text("0 of 2 done")
    tick(page, SPEAKING_ITEMS[0])  # made after the export: must survive the import

    page.goto(fixture_url + PROGRESS)
    page.get_by_label("Progress file").set_input_files(file)
    expect(tool(page, "Import progress").get_by_role("status")).to_have_text(
        "Progress imported and merged with what was already saved."
    )

    page.goto(fixture_url + LISTENING)
    for item in LISTENING_ITEMS:
        expect(page.get_by_role("checkbox", name=item)).to_be_checked()
    expect(quiz(page, "Which replies").get_by_role("status")).to_have_text("Well done: that is right.")
    page.goto(fixture_url + SPEAKING)
    expect(page.get_by_role("checkbox", name=SPEAKING_ITEMS[0])).to_be_checked()
    expect(page.get_by_role("checkbox", name=SPEAKING_ITEMS[1])).to_be_checked()
    expect(quiz(page, "You are upset").get_by_role("status")).to_have_text("Not quite. Read the notes and try again.")
    page.goto(fixture_url)
    expect(card_state(page, "Further reading")).to_have_text("Complete")
    # (5/6 + 2/4 + 1) / 3 = 78%
    expect(page.get_by_text("78% of the course complete")).to_be_visible()
    page_log.assert_no_errors()


def test_importing_keeps_the_better_answer_of_each_quiz(page: Page, page_log, fixture_url, tmp_path):
    # Exported: Listening's first quiz right, its second wrong.
    page.goto(fixture_url + LISTENING)
    answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    answer(page, "Which replies show you listened?", '"Anyway, about my day..."')
    file, _ = export(page, fixture_url, tmp_path)

    # Here now: the first quiz wrong, the second right.
    page.evaluate("localStorage.clear()")
    page.goto(fixture_url + LISTENING)
    answer(page, "Your partner starts to tell you", "Keep cooking")
    answer(page, "Which replies show you listened?", '"So you felt left out?"', '"Tell me more about that."')
    page.goto(fixture_url + PROGRESS)
    page.get_by_label("Progress file").set_input_files(file)
    expect(tool(page, "Import progress").get_by_role("status")).to_contain_text("Progress imported")

    page.goto(fixture_url + LISTENING)
    expect(quiz(page, "Your partner starts to tell you").get_by_role("status")).to_have_text("Well done: that is right.")
    expect(quiz(page, "Which replies").get_by_role("status")).to_have_text("Well done: that is right.")
    expect(module_progress(page)).to_have_text("0 of 3 checklist items · 2 of 2 quizzes correct · In progress")
    page_log.assert_no_errors()


def _export_file(course: str = "fixture-course", version: int = 1, **progress) -> str:
    """The text of a progress file as the export writes it."""
    record = {"version": version, "course": course, "updated": "", "last": "",
              "pages": {"basics/speaking": {"read": True}}, **progress}
    return json.dumps({"format": "mkdocs-course-progress", "version": version, "course": course,
                       "exported": "2026-01-01T00:00:00.000Z", "progress": record})


NOT_PROGRESS = "This file is not a progress file from this course, so nothing was changed."
OTHER_COURSE = "This progress file belongs to another course, so nothing was changed."
NEWER = "This progress file comes from a newer version of the course site, so nothing was changed."
BAD_FILES = {
    "not-json": ("progress, but a spreadsheet", NOT_PROGRESS),
    "json-but-not-progress": ('{"hello": "world"}', NOT_PROGRESS),
    "no-pages": (_export_file(pages=None), NOT_PROGRESS),
    "another-course": (_export_file(course="another-course"), OTHER_COURSE),
    "newer-version": (_export_file(version=3), NEWER),
}


@pytest.mark.parametrize(("content", "message"), list(BAD_FILES.values()), ids=list(BAD_FILES))
def test_a_bad_progress_file_is_refused_with_a_clear_message(
    page: Page, page_log, fixture_url, tmp_path, content, message
):
    page.goto(fixture_url + LISTENING)
    tick(page, LISTENING_ITEMS[1])
    page.goto(fixture_url + PROGRESS)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")

    file = tmp_path / "progress.json"
    file.write_text(content, encoding="utf-8")
    page.get_by_label("Progress file").set_input_files(file)

    expect(tool(page, "Import progress").get_by_role("status")).to_have_text(message)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before, "A refused file changed the saved progress"
    page_log.assert_no_errors()


# --- Reset ------------------------------------------------------------------------------------


def test_resetting_one_module_after_confirming_leaves_the_others(page: Page, page_log, fixture_url):
    do_listening_and_speaking(page, fixture_url)
    speaking_before = saved(page)["pages"]["basics/speaking"]
    page.goto(fixture_url + PROGRESS)
    reset = tool(page, "Start again")
    reset.get_by_label("Module").select_option(label="Listening")

    # Cancelling the confirm changes nothing.
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.get_by_role("button", name="Reset this module").click()
    expect(reset.get_by_role("status")).to_have_text("")
    assert "basics/listening" in saved(page)["pages"]

    messages = accept_next_dialog(page)
    reset.get_by_role("button", name="Reset this module").click()
    expect(reset.get_by_role("status")).to_have_text("Progress cleared.")
    assert messages == ["Clear all saved progress for “Listening”? This cannot be undone."]
    pages = saved(page)["pages"]
    assert "basics/listening" not in pages
    assert pages["basics/speaking"] == speaking_before

    page.goto(fixture_url + LISTENING)
    expect(page.locator(".course-checklist__count")).to_have_text("0 of 3 done")
    expect(quiz(page, "Which replies").get_by_role("button", name="Check answer")).to_be_visible()
    page.goto(fixture_url + SPEAKING)
    expect(page.get_by_role("checkbox", name="Make one clear ask")).to_be_checked()
    page_log.assert_no_errors()


def test_resetting_the_whole_course_clears_every_module(page: Page, page_log, fixture_url):
    do_listening_and_speaking(page, fixture_url)
    page.goto(fixture_url + PROGRESS)
    reset = tool(page, "Start again")
    messages = accept_next_dialog(page)
    reset.get_by_role("button", name="Reset the whole course").click()
    expect(reset.get_by_role("status")).to_have_text("Progress cleared.")
    assert messages == ["Clear all saved progress for the whole course? This cannot be undone."]
    assert saved(page)["pages"] == {}

    page.goto(fixture_url)
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    for title in ("Listening", "Speaking", "Further reading"):
        expect(card_state(page, title)).to_have_text("Not started")
    expect(page.get_by_role("link", name="Start the course")).to_be_visible()
    page_log.assert_no_errors()


# --- Instant navigation, and full page loads -----------------------------------------------


@pytest.fixture(scope="module")
def url_without_instant(serve_build, tmp_path_factory) -> str:
    """The fixture course built without navigation.instant: every link loads a whole page."""
    config = copy_fixture_course(tmp_path_factory.mktemp("no-instant"), features_without="navigation.instant")
    return serve_build(config, COURSE_PDF=None).url


@pytest.fixture(params=["instant", "full-page-loads"])
def navigation_site(request, fixture_url) -> tuple[str, bool]:
    """(url, instant) for the fixture course with and without instant navigation."""
    if request.param == "instant":
        return fixture_url, True
    return request.getfixturevalue("url_without_instant"), False


# Counts print() calls instead of opening the print dialog.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def go(page: Page, link: str, path: str, url: str) -> None:
    """Follow a link in the site navigation and wait for the page."""
    nav(page).get_by_role("link", name=link, exact=True).click()
    page.wait_for_url(url + path)


def assert_listening_is_set_up_once(page: Page) -> None:
    """Every widget of the listening module is there exactly once."""
    expect(page.locator(".course-checklist__count")).to_have_count(1)
    expect(page.locator(".course-checklist__count")).to_be_visible()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(2)
    expect(page.get_by_role("button", name="Mark as read")).to_have_count(2)
    expect(page.get_by_role("button", name="Print checklist")).to_have_count(1)
    expect(module_progress(page)).to_have_count(1)
    expect(page.locator(".course-notice")).to_have_count(0)
    expect(page.get_by_text("Show answer")).to_have_count(0)


def test_widgets_work_once_after_navigating_back_and_forth(page: Page, page_log, navigation_site):
    url, instant = navigation_site
    page.add_init_script(COUNT_PRINTS)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.goto(url + LISTENING)
    tick(page, LISTENING_ITEMS[0])
    page.evaluate("window.__sameDocument = true")

    for _ in range(3):
        go(page, "Speaking", SPEAKING, url)
        expect(page.locator(".course-checklist__count")).to_have_text("0 of 2 done")
        go(page, "Workbook", WORKBOOK, url)
        go(page, "Listening", LISTENING, url)
        assert_listening_is_set_up_once(page)
        expect(page.get_by_role("checkbox", name=LISTENING_ITEMS[0])).to_be_checked()
        expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    page.go_back()
    page.wait_for_url(url + WORKBOOK)
    page.go_forward()
    page.wait_for_url(url + LISTENING)
    assert_listening_is_set_up_once(page)

    same_document = page.evaluate("window.__sameDocument === true")
    assert same_document is instant, (
        "Links loaded whole pages: instant navigation was not used" if instant else "The page was never reloaded"
    )

    # One click, one effect: a second listener would toggle the button straight back.
    mark_as_read(page).click()
    expect(mark_as_read(page)).to_have_attribute("aria-pressed", "true")
    expect(module_progress(page)).to_have_text("1 of 3 checklist items · 0 of 2 quizzes correct · In progress")
    tick(page, LISTENING_ITEMS[1])
    expect(page.locator(".course-checklist__count")).to_have_text("2 of 3 done")
    prints = page.evaluate("window.__prints")
    page.get_by_role("button", name="Print checklist").click()
    assert page.evaluate("window.__prints") == prints + 1, "One click on Print checklist printed more than once"
    q = answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    expect(q.get_by_role("status")).to_have_text("Well done: that is right.")
    expect(q.locator(".course-quiz__mark")).to_have_count(3)
    go(page, "Speaking", SPEAKING, url)
    go(page, "Listening", LISTENING, url)
    q = quiz(page, "Your partner starts to tell you")
    expect(q.get_by_role("status")).to_have_text("Well done: that is right.")
    expect(q.locator(".course-quiz__mark")).to_have_count(3)
    expect(mark_as_read(page)).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".course-checklist__count")).to_have_text("2 of 3 done")

    # State is right on the next pages too, and the progress tools run once per click.
    go(page, "Fixture course", HOME, url)
    expect(card_state(page, "Listening")).to_have_text("In progress")
    expect(page.get_by_role("progressbar", name="Listening")).to_have_attribute("aria-valuenow", "67")
    expect(page.locator(".course-overall")).to_have_count(1)
    page.get_by_role("button", name="Export progress").click()  # the tools sit under the dashboard
    page.wait_for_timeout(500)
    assert len(downloads) == 1, f"One click on Export progress downloaded {len(downloads)} files"
    page_log.assert_no_errors()


# --- A new version of the course ------------------------------------------------------------


def test_a_new_version_of_the_course_counts_its_own_checklist_and_keeps_everything_else(
    page: Page, page_log, serve_build, tmp_path
):
    config = copy_fixture_course(tmp_path)
    url, site = serve_build(config, COURSE_PDF=None)
    page.goto(url + LISTENING)
    tick(page, *LISTENING_ITEMS)
    answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    page.goto(url + SPEAKING)
    tick(page, SPEAKING_ITEMS[0])
    mark_as_read(page).click()
    before = saved(page)["pages"]

    # The author removes "Let them finish", adds "Ask one question", and publishes
    # again at the same address, so the browser keeps its saved progress.
    listening = config.parent / "docs" / "basics" / "listening.md"
    text = listening.read_text(encoding="utf-8")
    assert "- [ ] Let them finish\n" in text
    listening.write_text(
        text.replace("- [ ] Let them finish\n", "").replace(
            "- [ ] Say back what you heard\n", "- [ ] Say back what you heard\n- [ ] Ask one question\n"
        ),
        encoding="utf-8",
    )
    build_site(config, site, {"SITE_URL": url, "COURSE_PDF": None})

    page.goto(url + LISTENING)
    expect(page.get_by_role("checkbox", name="Let them finish")).to_have_count(0)
    expect(page.get_by_role("checkbox", name="Put the phone face down")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Say back what you heard")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Ask one question")).not_to_be_checked()
    expect(page.locator(".course-checklist__count")).to_have_text("2 of 3 done")
    expect(module_progress(page)).to_have_text("2 of 3 checklist items · 1 of 2 quizzes correct · In progress")

    page.goto(url)
    # Listening: 2 ticks + 1 quiz of 6 = 50%; Speaking: read + 1 tick of 4 = 50%.
    expect(page.get_by_role("progressbar", name="Listening")).to_have_attribute("aria-valuenow", "50")
    expect(page.get_by_role("progressbar", name="Speaking")).to_have_attribute("aria-valuenow", "50")
    expect(page.get_by_text("33% of the course complete")).to_be_visible()

    after = saved(page)["pages"]
    assert after["basics/listening"]["checks"] == before["basics/listening"]["checks"], (
        "The tick of the removed item was dropped; it is kept (not counted) in case the item comes back"
    )
    assert after["basics/listening"]["quizzes"] == before["basics/listening"]["quizzes"]
    assert after["basics/speaking"] == before["basics/speaking"]
    page_log.assert_no_errors()


# --- CSP and privacy ----------------------------------------------------------------------------


# Collects every CSP violation the page reports, including ones not logged to the console.
COLLECT_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"} (${where})`);
});
"""


def test_under_a_strict_csp_header_nothing_is_blocked_and_quizzes_work(page: Page, page_log, fixture_url_csp):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(COLLECT_CSP_VIOLATIONS)
    violations: list[str] = []
    for path in (HOME, PROGRESS, WORKBOOK, ANSWERS, READING, LISTENING):
        page.goto(fixture_url_csp + path)
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__cspViolations")

    q = answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    expect(q.get_by_role("status")).to_have_text("Well done: that is right.")
    tick(page, LISTENING_ITEMS[0])
    expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    # And on a page reached by instant navigation.
    go(page, "Speaking", SPEAKING, fixture_url_csp)
    q = answer(page, "You are upset that your partner", '"I felt alone tonight. Can we put our phones away at dinner?"')
    expect(q.get_by_role("status")).to_have_text("Well done: that is right.")
    violations += page.evaluate("window.__cspViolations")

    assert not violations, "The Content Security Policy blocked:\n" + "\n".join(violations)
    csp_console = [text for text in console if "Content Security Policy" in text or "Content-Security-Policy" in text]
    assert not csp_console, "CSP messages in the console:\n" + "\n".join(csp_console)
    page_log.assert_no_errors()


class _ScriptAudit(HTMLParser):
    """Collect inline scripts, inline event handlers and CSP meta tags of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.inline_scripts.append(self.get_starttag_text() or tag)
        self.handlers += [f"<{tag} {name}=...>" for name, _ in attrs if name.startswith("on")]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")


def test_built_pages_have_no_inline_code_and_carry_a_strict_csp(fixture_site: Path):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) >= 7, pages
    problems = []
    for html in pages:
        audit = _ScriptAudit()
        audit.feed(html.read_text(encoding="utf-8"))
        name = html.relative_to(fixture_site).as_posix()
        problems += [f"{name}: inline script {s}" for s in audit.inline_scripts]
        problems += [f"{name}: inline event handler {h}" for h in audit.handlers]
        if len(audit.csp) != 1:
            problems.append(f"{name}: {len(audit.csp)} CSP <meta> tags, expected 1")
            continue
        directives = {d.split()[0]: d.split()[1:] for d in audit.csp[0].split(";") if d.strip()}
        if directives.get("script-src") != ["'self'"]:
            problems.append(f"{name}: CSP script-src is {directives.get('script-src')}, expected 'self' only")
    assert not problems, "\n".join(problems)


def test_no_page_asks_any_host_but_the_sites_own(page: Page, page_log, fixture_url):
    for path in (HOME, LISTENING, SPEAKING, READING, PROGRESS, WORKBOOK, ANSWERS, "no-such-page/"):
        page.goto(fixture_url + path)
        page.wait_for_load_state("networkidle")
    # Interact too: answering, ticking, instant navigation and search all stay local.
    page.goto(fixture_url + LISTENING)
    tick(page, LISTENING_ITEMS[0])
    answer(page, "Your partner starts to tell you", "Turn the heat down and face them.")
    go(page, "Speaking", SPEAKING, fixture_url)
    page.get_by_role("textbox", name="Search").focus()
    page.keyboard.type("listening")
    expect(page.get_by_text(re.compile(r"matching document"))).to_be_visible()

    assert len(page_log.requests) > 20, page_log.requests
    hosts = {urlsplit(u).hostname for u in page_log.requests if urlsplit(u).scheme in ("http", "https")}
    assert hosts == {"127.0.0.1"}, f"Requests went to {sorted(h or '?' for h in hosts)}"
    page_log.assert_no_offsite_requests()


def test_a_module_page_does_not_shift_when_course_js_fills_in_its_header(browser, fixture_site):
    """Cumulative layout shift 0: what course.js shows holds its place from the first paint (Lighthouse's CLS).

    Its own context and its own server, as a learner's browser loads the
    page from GitHub Pages: the shared context routes every request through
    the test's guard, and the shared server says `no-store`. Material then
    fetches every stylesheet again when it makes their addresses absolute,
    and a slow machine paints the page without them in between (a shift
    that a cached stylesheet, as GitHub Pages' `max-age=600` gives, never shows).
    """
    server = SiteServer(fixture_site, cache_control="max-age=600")
    fixture_url = server.url
    context = browser.new_context(viewport={"width": 412, "height": 823}, service_workers="block")
    context.add_init_script(
        """window.__shifts = [];
        new PerformanceObserver(list => { for (const entry of list.getEntries()) window.__shifts.push(entry.value); })
            .observe({type: "layout-shift", buffered: true});"""
    )
    page = context.new_page()
    try:
        for path in (LISTENING, WORKBOOK):
            page.goto(fixture_url + path)
            expect(page.locator(".course-actions").first).to_be_visible()
            page.wait_for_timeout(300)  # layout-shift entries arrive after the frame that shifted
            assert page.evaluate("window.__shifts") == [], path
    finally:
        context.close()
        server.close()
