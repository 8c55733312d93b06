"""Leave nothing behind, in real Chromium.

"Erase everything this course saved on this device" and "Don't keep my
progress on this device".

The course's keys all start with `mkdocs-course:fixture-course`; Material keeps
this site's own choices under its path (`/course/.__palette`). Another app on
the same origin must keep its keys.
"""

from __future__ import annotations

import json

from helpers.build import copy_fixture_course
from playwright.sync_api import Dialog, Page, expect

LISTENING = "basics/listening/"
KEY = "mkdocs-course:fixture-course"
ANOTHER_APP = ("another-app:settings", '{"theme":"dark"}')
ERASE = "Erase everything this course saved on this device"
VISIT_ONLY = "Don't keep my progress on this device"
MODE_DEVICE = "Your progress is kept in this browser on this device."
MODE_VISIT = "Your progress is kept only for this visit: it is gone when you close this tab."


def answer_next_dialog(page: Page, accept: bool) -> list[str]:
    """Accept or dismiss the next confirm(); the list gets its message."""
    messages: list[str] = []

    def answer(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", answer)
    return messages


def storage_keys(page: Page, area: str = "localStorage") -> list[str]:
    """Every key in the page's localStorage or sessionStorage, sorted."""
    return page.evaluate(f"Object.keys({area}).sort()")


def tick_on_listening(page: Page, url: str) -> None:
    """Open the listening module and tick its first item."""
    page.goto(url + LISTENING)
    page.get_by_role("checkbox", name="Let them finish").check()
    expect(page.locator(".course-checklist__count")).to_have_text("1 of 3 done")


def test_erase_everything_asks_once_then_removes_every_course_key_and_nothing_else(page: Page, page_log, fixture_url):
    tick_on_listening(page, fixture_url)
    page.evaluate(
        """([key, other]) => {
            localStorage.setItem(key + ":backup", "an old unreadable record");
            localStorage.setItem("/course/.__palette", '{"index":1}');
            localStorage.setItem(other[0], other[1]);
            sessionStorage.setItem(key + ":note", "x");
        }""",
        [KEY, list(ANOTHER_APP)],
    )
    page.goto(fixture_url)
    tools = page.locator(".course-manage")

    dismissed = answer_next_dialog(page, accept=False)
    tools.get_by_role("button", name=ERASE).click()
    assert dismissed == ["Erase everything this course saved on this device? This cannot be undone."]
    assert KEY in storage_keys(page), "Dismissing the question erased progress"

    answer_next_dialog(page, accept=True)
    tools.get_by_role("button", name=ERASE).click()
    expect(tools.get_by_role("status").filter(has_text="is erased")).to_have_text(
        "Everything this course saved on this device is erased."
    )
    assert storage_keys(page) == [ANOTHER_APP[0]]
    assert storage_keys(page, "sessionStorage") == []
    expect(page.get_by_text("0% of the course complete")).to_be_visible()
    page_log.assert_no_errors()


def test_the_erase_marker_puts_the_control_on_any_page_and_explains_it_without_javascript(
    page: Page, page_log, serve_build, tmp_path, browser
):
    config = copy_fixture_course(tmp_path)
    (config.parent / "docs" / "help.md").write_text(
        "# Get help\n\nTo leave nothing behind:\n\n<!-- course: erase -->\n", encoding="utf-8"
    )
    url = serve_build(config, COURSE_PDF=None).url
    tick_on_listening(page, url)
    page.goto(url + "help/")
    expect(page.get_by_text("<!-- course: erase -->")).to_have_count(0)

    answer_next_dialog(page, accept=True)
    page.get_by_role("button", name=ERASE).click()
    expect(page.get_by_role("status").filter(has_text="is erased")).to_be_visible()
    assert [key for key in storage_keys(page) if key.startswith(KEY)] == []

    without_js = browser.new_context(java_script_enabled=False)
    try:
        plain = without_js.new_page()
        plain.goto(url + "help/")
        # Playwright's text locators skip <noscript>, so find its paragraph by tag.
        explanation = plain.locator(".course-erase noscript p")
        expect(explanation).to_be_visible()
        expect(explanation).to_contain_text("use your browser's settings for cookies and site data")
        expect(plain.get_by_role("button", name=ERASE)).to_be_hidden()
    finally:
        without_js.close()
    page_log.assert_no_errors()


def test_dont_keep_my_progress_keeps_it_for_the_visit_only_and_leaves_nothing_on_the_device(
    page: Page, page_log, fixture_url, browser
):
    tick_on_listening(page, fixture_url)
    page.goto(fixture_url)
    expect(page.get_by_text(MODE_DEVICE)).to_be_visible()

    answer_next_dialog(page, accept=True)
    page.get_by_role("checkbox", name=VISIT_ONLY).check()
    expect(page.get_by_text(MODE_VISIT)).to_be_visible()
    assert [key for key in storage_keys(page) if key.startswith(KEY)] == [], "Progress stayed on the device"

    # The rest of the visit keeps (and adds to) what was there, on the device nothing.
    page.goto(fixture_url + LISTENING)
    expect(page.get_by_role("checkbox", name="Let them finish")).to_be_checked()
    page.get_by_role("checkbox", name="Say back what you heard").check()
    page.reload()
    expect(page.locator(".course-checklist__count")).to_have_text("2 of 3 done")
    assert [key for key in storage_keys(page) if key.startswith(KEY)] == []
    assert json.loads(page.evaluate("key => sessionStorage.getItem(key)", KEY))["pages"]["basics/listening"]

    # A new visit (another tab's session) finds nothing saved, and saves on the device again.
    later = page.context.new_page()
    later.goto(fixture_url + LISTENING)
    expect(later.locator(".course-checklist__count")).to_have_text("0 of 3 done")
    later.goto(fixture_url)
    expect(later.get_by_text(MODE_DEVICE)).to_be_visible()
    expect(later.get_by_role("checkbox", name=VISIT_ONLY)).not_to_be_checked()
    later.close()
    page_log.assert_no_errors()


def test_keeping_progress_on_the_device_again_moves_the_visit_s_progress_there(page: Page, page_log, fixture_url):
    page.goto(fixture_url)
    page.get_by_role("checkbox", name=VISIT_ONLY).check()  # nothing saved yet: no question
    tick_on_listening(page, fixture_url)
    page.goto(fixture_url)
    page.get_by_role("checkbox", name=VISIT_ONLY).uncheck()
    expect(page.get_by_text(MODE_DEVICE)).to_be_visible()
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))["pages"]["basics/listening"]["checks"]
    assert page.evaluate("key => sessionStorage.getItem(key)", KEY) is None
    page_log.assert_no_errors()
