"""Broken, disabled, full and outdated localStorage: the course keeps working and says what happened.

Saved progress lives under `mkdocs-course:fixture-course`; a record that cannot
be read is set aside under `<key>:backup` (then `:backup-2`, `:backup-3`), never
silently overwritten; with no room left it is offered as a download. A failed
save is retried at the next change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

LISTENING = "basics/listening/"
KEY = "mkdocs-course:fixture-course"
BACKUP = KEY + ":backup"
ANOTHER_APP = ("another-app:settings", '{"theme":"dark"}')

RESET_NOTICE = "Saved progress could not be read, so it was set aside and a fresh record started."
UNAVAILABLE_NOTICE = (
    "Your browser is not letting this site save progress (private mode or storage turned off). "
    "Ticks and answers work, but will be gone when you leave."
)
FULL_NOTICE = "Your browser's storage is full, so this change was not saved."

# Run before any page script: every use of localStorage throws, as in some
# private modes and with "block all site data".
STORAGE_DISABLED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user denied permission to access the database.", "SecurityError"); },
});
"""

# Reads work; every write fails as it does when the origin's quota is used up.
STORAGE_FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
};
"""


def seed(page: Page, url: str, items: dict[str, str]) -> None:
    """Put raw strings in the site's localStorage before any course page has run."""
    # A JSON file of the site: same origin, and no script of ours runs on it.
    page.goto(url + "course-manifest.json")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items)


def stored(page: Page, key: str) -> str | None:
    """The raw string stored under `key`."""
    return page.evaluate("key => localStorage.getItem(key)", key)


def manifest_module(site: Path, module_id: str) -> dict:
    """One module's entry in the built course manifest."""
    manifest = json.loads((site / "course-manifest.json").read_text())
    return next(m for m in manifest["modules"] if m["id"] == module_id)


def notice(page: Page, text: str) -> Locator:
    """The course notice with `text`: a status message at the top of the article."""
    return page.locator("article").get_by_role("status").filter(has_text=text)


def assert_page_still_works(page: Page) -> None:
    """Ticking, counting and answering a quiz still work on the listening module."""
    page.get_by_role("checkbox", name="Let them finish").check()
    expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    quiz = page.locator(".course-quiz").first
    quiz.get_by_role("radio", name="Turn the heat down and face them.").check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.get_by_role("status")).to_have_text("Well done: that is right.")


# --- A record that cannot be read -------------------------------------------------------


UNREADABLE = {
    "corrupt-json": '{"version": 1, "pages": {"basics/listening": {"checks": {',
    "newer-version": json.dumps({"version": 3, "course": "fixture-course", "pages": {"x": {"read": True}}}),
    "not-an-object": "[1, 2, 3]",
    "pages-not-an-object": json.dumps({"version": 1, "course": "fixture-course", "pages": "all of them"}),
}


@pytest.mark.parametrize("raw", list(UNREADABLE.values()), ids=list(UNREADABLE))
def test_an_unreadable_record_is_set_aside_with_a_notice_and_the_page_works(page: Page, page_log, fixture_url, raw):
    seed(page, fixture_url, {KEY: raw, ANOTHER_APP[0]: ANOTHER_APP[1]})
    page.goto(fixture_url + LISTENING)

    expect(notice(page, RESET_NOTICE)).to_be_visible()
    assert_page_still_works(page)
    assert stored(page, BACKUP) == raw, "The unreadable record was not kept as a backup"
    assert stored(page, ANOTHER_APP[0]) == ANOTHER_APP[1], "Another app's key on the same origin was changed"
    fresh = json.loads(stored(page, KEY))
    assert fresh["version"] == 2 and fresh["course"] == "fixture-course"
    assert fresh["pages"]["basics/listening"]["checks"], "The new tick was not saved in the fresh record"

    # The fresh record reads fine next time: no notice, the tick is there, the backup stays.
    page.reload()
    expect(page.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    expect(notice(page, RESET_NOTICE)).to_have_count(0)
    assert stored(page, BACKUP) == raw
    page_log.assert_no_errors()


# --- Storage that throws ------------------------------------------------------------------


def test_with_storage_disabled_the_page_works_and_says_progress_will_not_be_kept(page: Page, page_log, fixture_url):
    page.add_init_script(STORAGE_DISABLED)
    page.goto(fixture_url + LISTENING)

    expect(notice(page, UNAVAILABLE_NOTICE)).to_be_visible()
    expect(notice(page, UNAVAILABLE_NOTICE)).to_have_count(1)
    assert_page_still_works(page)
    page.get_by_role("button", name="Mark as read").first.click()
    expect(page.get_by_role("button", name="Mark as read").first).to_have_attribute("aria-pressed", "true")
    page_log.assert_no_errors()


def test_with_storage_disabled_ticks_last_for_the_visit_across_instant_navigation(page: Page, page_log, fixture_url):
    page.add_init_script(STORAGE_DISABLED)
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name="Let them finish").check()
    navigation = page.get_by_role("navigation", name="Navigation")
    navigation.get_by_role("link", name="Speaking").click()
    page.wait_for_url(fixture_url + "basics/speaking/")
    navigation.get_by_role("link", name="Listening").click()
    page.wait_for_url(fixture_url + LISTENING)
    expect(page.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    page_log.assert_no_errors()


def test_with_storage_disabled_the_dashboard_and_progress_tools_still_load(page: Page, page_log, fixture_url):
    page.add_init_script(STORAGE_DISABLED)
    page.goto(fixture_url)
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    expect(notice(page, UNAVAILABLE_NOTICE)).to_be_visible()
    expect(page.get_by_role("button", name="Export progress")).to_be_visible()
    page_log.assert_no_errors()


def test_with_storage_full_a_change_shows_a_notice_and_nothing_breaks(page: Page, page_log, fixture_url):
    saved = json.dumps({"version": 1, "course": "fixture-course", "updated": "", "last": "",
                        "pages": {"basics/speaking": {"read": True}}})
    seed(page, fixture_url, {KEY: saved})
    page.add_init_script(STORAGE_FULL)
    page.goto(fixture_url + LISTENING)

    assert_page_still_works(page)
    expect(notice(page, FULL_NOTICE)).to_be_visible()
    expect(notice(page, FULL_NOTICE)).to_have_count(1)
    assert stored(page, KEY) == saved, "What was saved before the store filled up changed"
    page_log.assert_no_errors()


# --- Ids the course no longer has ------------------------------------------------------------


def test_ids_the_course_no_longer_has_are_ignored_and_kept(page: Page, page_log, fixture_url, fixture_site):
    listening = manifest_module(fixture_site, "basics/listening")
    first_item, first_quiz = listening["checklist"][0], listening["quizzes"][0]
    record = {
        "version": 1,
        "course": "fixture-course",
        "updated": "2026-01-01T00:00:00.000Z",
        "last": "basics/listening",
        "pages": {
            "basics/listening": {
                "checks": {first_item: True, "c-removed1": True, "c-removed2": True},
                "quizzes": {"q-removed": {"answer": [0], "correct": True}},
            },
            "basics/speaking": {"read": True},
            "old/module": {"read": True, "checks": {"c-old": True}},
        },
    }
    seed(page, fixture_url, {KEY: json.dumps(record)})
    page.goto(fixture_url + LISTENING)

    expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    expect(page.locator(".course-module__progress")).to_have_text(
        "1 of 3 checklist items · 0 of 2 quizzes correct · In progress"
    )
    expect(page.get_by_role("status").filter(has_text="set aside")).to_have_count(0)

    page.get_by_role("checkbox", name="Say back what you heard").check()
    quiz = page.locator(f'[data-quiz-id="{first_quiz}"]')
    quiz.get_by_role("radio", name="Turn the heat down and face them.").check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(page.locator(".course-checklist__count")).to_have_text("2 of 3 done")

    saved = json.loads(stored(page, KEY))
    pages = saved["pages"]
    assert pages["basics/listening"]["checks"] == {
        first_item: True, "c-removed1": True, "c-removed2": True, listening["checklist"][2]: True
    }
    assert pages["basics/listening"]["quizzes"]["q-removed"] == {"answer": [0], "correct": True}
    assert pages["basics/listening"]["quizzes"][first_quiz] == {"answer": [1], "correct": True}
    assert pages["basics/speaking"] == {"read": True}
    assert pages["old/module"] == {"read": True, "checks": {"c-old": True}}
    assert stored(page, BACKUP) is None

    # The dashboard counts only what the manifest lists: listening has 3 of 6 parts
    # (2 ticks + 1 quiz; not read), speaking 1 of 4 (read), reading 0 of 1.
    page.goto(fixture_url)
    expect(page.get_by_role("progressbar", name="Listening")).to_have_attribute("aria-valuenow", "50")
    expect(page.get_by_role("progressbar", name="Speaking")).to_have_attribute("aria-valuenow", "25")
    expect(page.get_by_text("25% of the course complete")).to_be_visible()
    page_log.assert_no_errors()


def test_a_saved_answer_naming_an_option_the_quiz_no_longer_has_is_not_counted(
    page: Page, page_log, fixture_url, fixture_site
):
    listening = manifest_module(fixture_site, "basics/listening")
    first_quiz = listening["quizzes"][0]
    # Option 7 does not exist: the quiz lost options since this was saved.
    record = {"version": 1, "course": "fixture-course", "updated": "", "last": "",
              "pages": {"basics/listening": {"quizzes": {first_quiz: {"answer": [7], "correct": True}}}}}
    seed(page, fixture_url, {KEY: json.dumps(record)})
    page.goto(fixture_url + LISTENING)

    quiz = page.locator(f'[data-quiz-id="{first_quiz}"]')
    expect(quiz.get_by_role("button", name="Check answer")).to_be_visible()
    expect(quiz.get_by_role("status")).to_have_text("")
    for radio in quiz.get_by_role("radio").all():
        expect(radio).not_to_be_checked()
    # The quiz shows as unanswered, so the module must not count it as correct.
    expect(page.locator(".course-module__progress")).to_have_text(
        "0 of 3 checklist items · 0 of 2 quizzes correct · Not started"
    )
    page_log.assert_no_errors()


def test_a_last_visited_module_the_course_no_longer_has_falls_back_to_the_start(page: Page, page_log, fixture_url):
    record = {"version": 1, "course": "fixture-course", "updated": "", "last": "old/module",
              "pages": {"old/module": {"read": True}}}
    seed(page, fixture_url, {KEY: json.dumps(record)})
    page.goto(fixture_url)
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    start = page.get_by_role("link", name="Start the course")
    expect(start).to_be_visible()
    start.click()
    page.wait_for_url(fixture_url + LISTENING)
    page_log.assert_no_errors()


def test_malformed_entries_inside_a_readable_record_do_not_break_the_page(page: Page, page_log, fixture_url):
    record = {
        "version": 1, "course": "fixture-course", "updated": 5, "last": ["not", "a", "key"],
        "pages": {
            "basics/listening": "not an object",
            "basics/speaking": {"read": "yes", "checks": [1, 2], "quizzes": {"q-x": "right"}},
        },
    }
    seed(page, fixture_url, {KEY: json.dumps(record)})
    page.goto(fixture_url)
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    expect(page.get_by_role("link", name="Start the course")).to_be_visible()
    page.goto(fixture_url + "basics/speaking/")
    expect(page.locator(".course-module__progress")).to_have_text(
        "0 of 2 checklist items · 0 of 1 quizzes correct · Not started"
    )
    page.goto(fixture_url + LISTENING)
    assert_page_still_works(page)
    page.reload()
    expect(page.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    page_log.assert_no_errors()


def test_two_tabs_saving_in_turn_lose_nothing(page: Page, page_log, fixture_url):
    other = page.context.new_page()
    page.goto(fixture_url + LISTENING)
    other.goto(fixture_url + "basics/speaking/")
    expect(other.locator(".course-checklist__count")).to_have_text("0 of 2 done")

    page.get_by_role("checkbox", name="Let them finish").check()
    other.get_by_role("checkbox", name="Make one clear ask").check()
    page.get_by_role("button", name="Mark as read").first.click()

    record = json.loads(stored(page, KEY))
    assert len(record["pages"]["basics/listening"]["checks"]) == 1
    assert record["pages"]["basics/listening"]["read"] is True
    assert len(record["pages"]["basics/speaking"]["checks"]) == 1, "The other tab's tick was overwritten"
    other.close()
    page_log.assert_no_errors()


def test_without_the_manifest_module_pages_still_work(page: Page, page_log, fixture_url):
    page.route("**/course-manifest.json", lambda route: route.fulfill(status=404, body="Not found"))
    page.goto(fixture_url + LISTENING)
    assert_page_still_works(page)
    expect(page.locator(".course-module__progress")).to_have_text(
        "1 of 3 checklist items · 1 of 2 quizzes correct · In progress"
    )
    page.goto(fixture_url)
    expect(page.get_by_role("link", name="Listening").first).to_be_visible()
    # The 404 itself is logged to the console; nothing may be thrown.
    assert page_log.page_errors == [], "Uncaught errors:\n" + "\n".join(page_log.page_errors)


# --- Saving that fails, then works again ------------------------------------------------

# Every write fails while window.storageIsFull is true, as when the origin's quota
# is used up; the test sets it to false, as when the learner frees some room.
STORAGE_FULL_UNTIL_FREED = """
window.storageIsFull = true;
const setItemWhenThereIsRoom = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.storageIsFull) throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
  return setItemWhenThereIsRoom.call(this, key, value);
};
"""

# A quota of QUOTA characters over every key and value, as browsers count it:
# a write that would take the total above it fails.
STORAGE_QUOTA = """
const QUOTA = %d;
const setItemWithinQuota = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  let used = 0;
  for (let index = 0; index < this.length; index += 1) {
    const other = this.key(index);
    if (other !== key) used += other.length + this.getItem(other).length;
  }
  if (used + key.length + String(value).length > QUOTA) {
    throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
  }
  return setItemWithinQuota.call(this, key, value);
};
"""

SAVED_AGAIN_NOTICE = "Saving works again: every change you made is saved."
NO_ROOM_NOTICE = "Saved progress could not be read, and there is no room to set it aside."


def test_after_a_failed_save_the_next_change_saves_everything_and_says_so(page: Page, page_log, fixture_url):
    page.add_init_script(STORAGE_FULL_UNTIL_FREED)
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name="Let them finish").check()
    expect(notice(page, FULL_NOTICE)).to_be_visible()
    assert stored(page, KEY) is None

    page.evaluate("window.storageIsFull = false")
    page.get_by_role("checkbox", name="Say back what you heard").check()

    expect(notice(page, SAVED_AGAIN_NOTICE)).to_be_visible()
    expect(notice(page, FULL_NOTICE)).to_have_count(0)
    checks = json.loads(stored(page, KEY))["pages"]["basics/listening"]["checks"]
    assert len(checks) == 2, "The tick made while storage was full was not saved once there was room"
    page_log.assert_no_errors()


def export_file(pages: dict) -> dict:
    """A progress file as "Export progress" writes it for the fixture course."""
    record = {"version": 1, "course": "fixture-course", "updated": "", "last": "", "pages": pages}
    return {"format": "mkdocs-course-progress", "version": 1, "course": "fixture-course", "progress": record}


def test_an_import_that_could_not_be_saved_says_so_and_not_imported(page: Page, page_log, fixture_url, tmp_path):
    progress = tmp_path / "progress.json"
    progress.write_text(json.dumps(export_file({"basics/speaking": {"read": True}})), encoding="utf-8")
    page.add_init_script(STORAGE_FULL)
    page.goto(fixture_url)

    page.get_by_label("Progress file").set_input_files(progress)

    status = page.locator(".course-tool").filter(has=page.get_by_label("Progress file")).get_by_role("status")
    expect(status).to_have_text(
        "The file's progress is shown here but could not be saved: your browser's storage is full. "
        "Keep the file and import it again once there is room."
    )
    expect(page.get_by_role("progressbar", name="Speaking")).to_have_attribute("aria-valuenow", "25")
    assert stored(page, KEY) is None
    assert json.loads(progress.read_text(encoding="utf-8"))["progress"]["pages"], "The learner's file changed"
    page_log.assert_no_errors()


def test_a_corrupt_record_too_big_to_back_up_is_offered_as_a_download_then_replaced(page: Page, page_log, fixture_url):
    raw = '{"version": 1, "pages": {' + "x" * 3000
    seed(page, fixture_url, {KEY: raw})
    page.add_init_script(STORAGE_QUOTA % 5000)
    page.goto(fixture_url + LISTENING)

    expect(notice(page, NO_ROOM_NOTICE)).to_be_visible()
    assert stored(page, KEY) == raw, "The unreadable record was replaced before the learner could download it"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the unreadable record").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == raw

    page.get_by_role("checkbox", name="Let them finish").check()
    assert json.loads(stored(page, KEY))["pages"]["basics/listening"]["checks"], "The fresh record was not saved"
    page.reload()
    expect(page.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    expect(notice(page, NO_ROOM_NOTICE)).to_have_count(0)
    page_log.assert_no_errors()


def test_each_corruption_keeps_its_own_backup_and_a_fourth_is_offered_as_a_download(page: Page, page_log, fixture_url):
    page.goto(fixture_url + "course-manifest.json")
    for number, slot in enumerate([":backup", ":backup-2", ":backup-3"], start=1):
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, f"corrupt {number}"])
        page.goto(fixture_url + LISTENING)
        expect(notice(page, RESET_NOTICE)).to_be_visible()
        assert stored(page, KEY + slot) == f"corrupt {number}"

    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, "corrupt 4"])
    page.goto(fixture_url + LISTENING)
    expect(notice(page, NO_ROOM_NOTICE)).to_be_visible()
    backups = [stored(page, KEY + slot) for slot in [":backup", ":backup-2", ":backup-3"]]
    assert backups == ["corrupt 1", "corrupt 2", "corrupt 3"], "An earlier backup was dropped"
    assert stored(page, KEY) == "corrupt 4"
    page_log.assert_no_errors()


def test_a_tick_in_one_tab_shows_in_the_other_without_reloading(page: Page, page_log, fixture_url):
    other = page.context.new_page()
    page.goto(fixture_url + LISTENING)
    other.goto(fixture_url + LISTENING)
    expect(other.locator(".course-checklist__count")).to_have_text("0 of 3 done")

    page.get_by_role("checkbox", name="Let them finish").check()

    expect(other.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    expect(other.locator(".course-checklist__count")).to_have_text("1 of 3 done")
    expect(other.locator(".course-module__progress")).to_contain_text("1 of 3 checklist items")
    other.close()
    page_log.assert_no_errors()
