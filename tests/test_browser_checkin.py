"""Self-check-ins in real Chromium: saving takes, the history, advice, answering without saving, again elsewhere, no JavaScript.

The page extras/practice (tests/learn_pages) ends with the check-in "evenings"
(scale Never|Sometimes|Often|Always; advice for statement 2 answered Often or
Always, and for statements 1 or 3 answered Never); the page later/ shows it
again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from test_browser_a11y import assert_no_axe_violations
from test_browser_storage import STORAGE_DISABLED, STORAGE_FULL

PRACTICE = "extras/practice/"
LATER = "later/"
KEY = "mkdocs-course:fixture-course"
PHONES = "1. We ate together without phones."
RUSHED = "2. I felt rushed when we talked."
LAUGHED = "3. We laughed together."
RUSHED_ADVICE = "Feeling rushed is common"
NEVER_ADVICE = "A small start counts"


def checkin(page: Page) -> Locator:
    """The check-in on the page."""
    return page.locator(".course-checkin")


def answer(page: Page, **choices: str) -> None:
    """Choose a label for statements, by their legend (phones, rushed, laughed)."""
    legends = {"phones": PHONES, "rushed": RUSHED, "laughed": LAUGHED}
    for statement, label in choices.items():
        checkin(page).get_by_role("group", name=legends[statement]).get_by_role("radio", name=label).check()


def saved_takes(page: Page) -> list[dict]:
    """The check-in's takes as stored."""
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    record = json.loads(raw) if raw else {}
    return record.get("pages", {}).get("extras/practice", {}).get("checkins", {}).get("evenings", [])


def saved_pages(page: Page) -> dict:
    """What the record keeps per page (its ticks, answers, takes ...), {} when nothing is saved."""
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw)["pages"] if raw else {}


def history_rows(page: Page) -> Locator:
    """The rows of the history table, one per take."""
    return checkin(page).get_by_role("table", name="Your answers so far").locator("tbody").get_by_role("row")


def test_saving_announces_it_shows_the_matching_advice_and_the_history_survives_a_reload(page: Page, page_log, learn_url):
    page.goto(learn_url + PRACTICE)
    form = checkin(page)
    expect(form.get_by_text(RUSHED_ADVICE)).to_be_hidden()
    answer(page, phones="Sometimes", rushed="Often")
    form.get_by_role("button", name="Save my answers").click()
    expect(form.get_by_role("status")).to_have_text("Saved in this browser. There is a note for you below.")
    expect(form.get_by_text(RUSHED_ADVICE)).to_be_visible()
    expect(form.get_by_text(NEVER_ADVICE)).to_be_hidden()
    expect(form.get_by_role("button", name="Take it again")).to_be_focused()
    [take] = saved_takes(page)
    assert take["ratings"] == [2, 3, 0]
    expect(history_rows(page)).to_have_count(1)
    expect(history_rows(page).first.get_by_role("cell")).to_have_text(["Sometimes", "Often", "Skipped", "Remove"])
    # Never counted as progress: the module's line still counts quizzes and ticks only.
    expect(page.locator(".course-module__progress")).to_contain_text("0 of 4 quizzes correct")

    page.reload()
    expect(history_rows(page)).to_have_count(1)
    expect(history_rows(page).first.get_by_role("cell").first).to_have_text("Sometimes")
    expect(checkin(page).locator(".course-checkin__chart")).to_be_attached()
    page_log.assert_no_errors()


def test_take_it_again_empties_the_form_and_a_second_take_adds_a_row(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    form = checkin(page)
    answer(page, phones="Never")
    form.get_by_role("button", name="Save my answers").click()
    expect(form.get_by_text(NEVER_ADVICE)).to_be_visible()
    form.get_by_role("button", name="Take it again").click()
    expect(form.get_by_role("radio", checked=True)).to_have_count(0)
    expect(form.get_by_text(NEVER_ADVICE)).to_be_hidden()
    expect(form.locator(".course-checkin__status")).to_have_text("")
    answer(page, phones="Always", laughed="Often")
    form.get_by_role("button", name="Save my answers").click()
    expect(form.get_by_role("status")).to_have_text("Saved in this browser.")
    expect(history_rows(page)).to_have_count(2)
    assert [take["ratings"] for take in saved_takes(page)] == [[1, 0, 0], [4, 0, 3]]
    # The chart: one row per statement, a dot per answer, a line where a statement has two; skipped ones leave a gap.
    chart = form.locator(".course-checkin__chart")
    expect(chart).to_have_attribute("aria-hidden", "true")
    expect(chart.locator("circle")).to_have_count(3)
    expect(chart.locator("polyline")).to_have_count(1)


def test_a_learner_can_remove_one_take_and_keeps_the_other(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    form = checkin(page)
    answer(page, phones="Never")
    form.get_by_role("button", name="Save my answers").click()
    form.get_by_role("button", name="Take it again").click()
    answer(page, phones="Often")
    form.get_by_role("button", name="Save my answers").click()
    expect(history_rows(page)).to_have_count(2)
    page.once("dialog", lambda dialog: dialog.accept())
    history_rows(page).first.get_by_role("button", name="Remove the answers of").click()
    expect(history_rows(page)).to_have_count(1)
    expect(form.get_by_role("status")).to_contain_text("are removed")
    assert [take["ratings"] for take in saved_takes(page)] == [[3, 0, 0]]


def test_showing_advice_without_saving_leaves_storage_as_it_was(page: Page, page_log, learn_url):
    page.goto(learn_url + PRACTICE)
    before = saved_pages(page)
    form = checkin(page)
    answer(page, rushed="Always")
    form.get_by_role("button", name="Show advice without saving").click()
    expect(form.get_by_role("status")).to_have_text(
        "Not saved: these answers are not kept anywhere. There is a note for you below."
    )
    expect(form.get_by_text(RUSHED_ADVICE)).to_be_visible()
    # The page's shuffled quiz may save the learner's seed as it is set up: only what is kept per page counts.
    assert saved_pages(page) == before
    expect(form.locator(".course-checkin__history")).to_be_hidden()
    page_log.assert_no_errors()


def test_the_privacy_note_links_to_erase_everything_on_the_home_page(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    form = checkin(page)
    expect(form.get_by_text("Your answers are kept only in this browser.")).to_be_visible()
    form.get_by_role("link", name="Erase everything this course saved").click()
    expect(page.get_by_role("button", name="Erase everything this course saved on this device")).to_be_visible()


def test_a_take_on_another_page_joins_the_same_history(page: Page, page_log, learn_url):
    page.goto(learn_url + PRACTICE)
    answer(page, phones="Sometimes")
    checkin(page).get_by_role("button", name="Save my answers").click()
    page.goto(learn_url + LATER)
    expect(history_rows(page)).to_have_count(1)
    answer(page, phones="Always")
    checkin(page).get_by_role("button", name="Save my answers").click()
    expect(history_rows(page)).to_have_count(2)
    assert [take["ratings"] for take in saved_takes(page)] == [[2, 0, 0], [4, 0, 0]]
    page.goto(learn_url + PRACTICE)
    expect(history_rows(page)).to_have_count(2)
    page_log.assert_no_errors()


def test_the_home_page_line_is_neutral_takes_latest_date_and_answers_changed(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    answer(page, phones="Never", rushed="Often")
    checkin(page).get_by_role("button", name="Save my answers").click()
    checkin(page).get_by_role("button", name="Take it again").click()
    answer(page, phones="Sometimes", rushed="Often")
    checkin(page).get_by_role("button", name="Save my answers").click()
    page.goto(learn_url)
    line = page.get_by_role("list", name="Your check-ins").get_by_role("listitem")
    expect(line).to_have_count(1)
    expect(line).to_contain_text("Practice: taken 2 times, last on ")
    expect(line).to_contain_text("Answers changed since the first time: 1 of 3.")
    expect(line.get_by_role("link", name="Practice")).to_be_visible()


def test_a_corrupt_saved_checkin_reads_as_no_history_and_the_page_works(page: Page, page_log, learn_url):
    page.goto(learn_url)
    record = {"version": 2, "course": "fixture-course", "seed": "s", "pages": {
        "extras/practice": {"checks": {}, "checkins": {"evenings": [{"date": 5, "ratings": "all"}, "junk"], "other": "x"}}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])
    page.goto(learn_url + PRACTICE)
    expect(checkin(page).locator(".course-checkin__history")).to_be_hidden()
    answer(page, laughed="Often")
    checkin(page).get_by_role("button", name="Save my answers").click()
    expect(history_rows(page)).to_have_count(1)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["pages"]["extras/practice"]["checkins"]
    assert stored["other"] == "x"  # what could not be read is kept, not thrown away
    page_log.assert_no_errors()


def test_an_imported_file_brings_its_takes_and_a_reset_clears_them(page: Page, page_log, learn_url, tmp_path):
    take = {"date": "2026-01-05T10:00:00.000Z", "ratings": [4, 1, 2]}
    record = {"version": 2, "course": "fixture-course", "updated": "", "last": "", "seed": "s",
              "pages": {"extras/practice": {"checkins": {"evenings": [take]}}}}
    progress = tmp_path / "progress.json"
    progress.write_text(json.dumps({"format": "mkdocs-course-progress", "version": 2, "course": "fixture-course",
                                    "progress": record}), encoding="utf-8")
    page.goto(learn_url)
    page.get_by_label("Progress file").set_input_files(progress)
    expect(page.get_by_text("Progress imported and merged with what was already saved.")).to_be_visible()
    page.goto(learn_url + PRACTICE)
    expect(history_rows(page)).to_have_count(1)
    expect(history_rows(page).first.get_by_role("cell")).to_have_text(["Always", "Never", "Sometimes", "Remove"])
    # The export carries it back out.
    page.goto(learn_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["progress"]["pages"]["extras/practice"]["checkins"]["evenings"] == [take]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset the whole course").click()
    page.goto(learn_url + PRACTICE)
    expect(checkin(page).locator(".course-checkin__history")).to_be_hidden()
    page_log.assert_no_errors()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_checkin_with_history_and_advice_has_no_axe_violations(page: Page, learn_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(learn_url + PRACTICE)
    answer(page, phones="Never", rushed="Always")
    checkin(page).get_by_role("button", name="Save my answers").click()
    expect(history_rows(page)).to_have_count(1)
    assert_no_axe_violations(page, f"a check-in answered, with its history, {scheme}")


def test_print_shows_the_form_and_every_advice_but_no_buttons_or_history(page: Page, learn_url):
    page.goto(learn_url + PRACTICE)
    answer(page, phones="Never")
    checkin(page).get_by_role("button", name="Save my answers").click()
    checkin(page).get_by_role("button", name="Take it again").click()
    page.emulate_media(media="print")
    form = checkin(page)
    expect(form.get_by_role("group", name=PHONES)).to_be_visible()
    expect(form.get_by_text(RUSHED_ADVICE)).to_be_visible()
    expect(form.get_by_text("If you answered Often or Always to statement 2:")).to_be_visible()
    expect(form.get_by_role("button", name="Save my answers")).to_be_hidden()
    expect(form.locator(".course-checkin__history")).to_be_hidden()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A page in a context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_the_form_is_there_to_read_and_fill_on_paper(page_without_js: Page, learn_url):
    page = page_without_js
    page.goto(learn_url + PRACTICE)
    form = checkin(page)
    expect(form.get_by_role("group", name=PHONES).get_by_role("radio", name="Sometimes")).to_be_visible()
    expect(form.get_by_text("Answer on paper: mark one box for each statement.")).to_be_visible()
    # No button sends the answers anywhere (not even into the address).
    expect(form.get_by_role("button")).to_have_count(0)
    expect(form.get_by_text(RUSHED_ADVICE)).to_be_visible()
    page.goto(learn_url + "workbook/")
    expect(page.get_by_role("group", name=PHONES)).to_be_visible()


def test_with_storage_full_a_take_is_shown_said_not_saved_and_the_page_keeps_working(page: Page, page_log, learn_url):
    page.add_init_script(STORAGE_FULL)
    page.goto(learn_url + PRACTICE)
    answer(page, rushed="Often")
    checkin(page).get_by_role("button", name="Save my answers").click()
    expect(checkin(page).get_by_role("status")).to_have_text(
        "Not saved: your browser is not keeping it. There is a note for you below."
    )
    expect(checkin(page).get_by_text(RUSHED_ADVICE)).to_be_visible()
    # Kept in memory for the visit, as every other change is.
    expect(history_rows(page)).to_have_count(1)
    page_log.assert_no_errors()


def test_with_storage_disabled_a_take_is_kept_for_the_visit(page: Page, page_log, learn_url):
    page.add_init_script(STORAGE_DISABLED)
    page.goto(learn_url + PRACTICE)
    answer(page, phones="Never")
    checkin(page).get_by_role("button", name="Save my answers").click()
    expect(checkin(page).get_by_role("status")).to_have_text("Saved in this browser. There is a note for you below.")
    expect(history_rows(page)).to_have_count(1)
    page_log.assert_no_errors()
