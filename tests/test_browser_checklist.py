"""Checklists in real Chromium: ticking, the running count, saving, labels, and the workbook copy.

The fixture module basics/listening has a three-item checklist.
"""

from __future__ import annotations

import json

from helpers.build import copy_fixture_course
from playwright.sync_api import Locator, Page, expect

LISTENING = "basics/listening/"
ITEMS = ("Put the phone face down", "Let them finish", "Say back what you heard")
STORAGE_KEY = "mkdocs-course:fixture-course"


def checklist(page: Page) -> Locator:
    """The first checklist on the page."""
    return page.locator(".course-checklist").first


def count(page: Page) -> Locator:
    """The "N of M done" line of the first checklist."""
    return checklist(page).get_by_text(" done")


def saved_checks(page: Page, module: str = "basics/listening") -> dict[str, bool]:
    """The ticks saved in localStorage for `module`, by item id."""
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    return record["pages"].get(module, {}).get("checks", {})


def test_ticking_items_updates_the_count(page: Page, page_log, fixture_url):
    page.goto(fixture_url + LISTENING)
    expect(count(page)).to_have_text("0 of 3 done")
    expect(count(page)).to_have_attribute("aria-live", "polite")

    page.get_by_role("checkbox", name=ITEMS[0]).check()
    expect(count(page)).to_have_text("1 of 3 done")
    page.get_by_role("checkbox", name=ITEMS[2]).check()
    expect(count(page)).to_have_text("2 of 3 done")
    page.get_by_role("checkbox", name=ITEMS[1]).check()
    expect(count(page)).to_have_text("3 of 3 done")
    page.get_by_role("checkbox", name=ITEMS[0]).uncheck()
    expect(count(page)).to_have_text("2 of 3 done")
    page_log.assert_no_errors()


def test_ticks_are_kept_after_a_reload_and_an_untick_is_too(page: Page, page_log, fixture_url, fixture_site):
    manifest = json.loads((fixture_site / "course-manifest.json").read_text())
    listening = next(m for m in manifest["modules"] if m["id"] == "basics/listening")
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name=ITEMS[0]).check()
    page.get_by_role("checkbox", name=ITEMS[1]).check()
    expect(count(page)).to_have_text("2 of 3 done")

    page.reload()
    expect(page.get_by_role("checkbox", name=ITEMS[0])).to_be_checked()
    expect(page.get_by_role("checkbox", name=ITEMS[1])).to_be_checked()
    expect(page.get_by_role("checkbox", name=ITEMS[2])).not_to_be_checked()
    expect(count(page)).to_have_text("2 of 3 done")
    # Saved under the ids the manifest lists, in the same order as the page.
    assert saved_checks(page) == {listening["checklist"][0]: True, listening["checklist"][1]: True}

    page.get_by_role("checkbox", name=ITEMS[0]).uncheck()
    page.reload()
    expect(page.get_by_role("checkbox", name=ITEMS[0])).not_to_be_checked()
    expect(count(page)).to_have_text("1 of 3 done")
    assert saved_checks(page) == {listening["checklist"][1]: True}
    page_log.assert_no_errors()


def test_items_tick_with_the_keyboard(page: Page, page_log, fixture_url):
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name=ITEMS[0]).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name=ITEMS[1])).to_be_focused()
    page.keyboard.press("Space")
    expect(count(page)).to_have_text("2 of 3 done")
    page.keyboard.press("Space")
    expect(count(page)).to_have_text("1 of 3 done")
    expect(page.get_by_role("checkbox", name=ITEMS[1])).to_be_focused()
    page_log.assert_no_errors()


def test_each_checkbox_sits_inside_its_label_so_the_text_toggles_it(page: Page, fixture_url):
    page.goto(fixture_url + LISTENING)
    boxes = checklist(page).get_by_role("checkbox")
    expect(boxes).to_have_count(len(ITEMS))
    for box in boxes.all():
        assert box.evaluate("b => b.parentElement.tagName === 'LABEL' && b.closest('label').control === b"), (
            f"{box.evaluate('b => b.outerHTML')} is not inside its own <label>"
        )
    # Clicking the words ticks the box, as the label promises.
    checklist(page).get_by_text(ITEMS[1], exact=True).click()
    expect(page.get_by_role("checkbox", name=ITEMS[1])).to_be_checked()
    expect(count(page)).to_have_text("1 of 3 done")


def test_ticks_show_in_the_workbook_and_ticks_made_there_show_in_the_module(page: Page, page_log, fixture_url):
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name=ITEMS[0]).check()

    page.goto(fixture_url + "workbook/")
    listening = page.locator(".course-checklist").first
    expect(listening.get_by_role("checkbox", name=ITEMS[0])).to_be_checked()
    expect(listening.get_by_text(" done")).to_have_text("1 of 3 done")
    listening.get_by_role("checkbox", name=ITEMS[2]).check()
    expect(listening.get_by_text(" done")).to_have_text("2 of 3 done")
    # The other module's checklist is untouched.
    speaking = page.locator(".course-checklist").nth(1)
    expect(speaking.get_by_role("checkbox", name="Make one clear ask")).not_to_be_checked()
    expect(speaking.get_by_text(" done")).to_have_text("0 of 2 done")

    page.goto(fixture_url + LISTENING)
    expect(page.get_by_role("checkbox", name=ITEMS[2])).to_be_checked()
    expect(count(page)).to_have_text("2 of 3 done")
    page_log.assert_no_errors()


def test_a_checklist_nested_in_an_item_keeps_its_own_count(page: Page, page_log, serve_build, tmp_path):
    # Each checklist counts only its own items and writes only its own line:
    # ticking a sub-step moves the sub-list's count, not its parent's.
    config = copy_fixture_course(tmp_path)
    listening = config.parent / "docs" / "basics" / "listening.md"
    text = listening.read_text(encoding="utf-8")
    nested = "- [ ] Let them finish\n    - [ ] Count to three\n    - [ ] Ask if there is more\n"
    assert "- [ ] Let them finish\n" in text
    listening.write_text(text.replace("- [ ] Let them finish\n", nested), encoding="utf-8")
    url, _ = serve_build(config, COURSE_PDF=None)
    page.goto(url + LISTENING)
    outer = checklist(page)
    inner = outer.locator(".course-checklist")
    outer_count = outer.locator(":scope > .course-checklist__count")
    inner_count = inner.locator(".course-checklist__count")
    expect(outer_count).to_have_text("0 of 3 done")
    expect(inner_count).to_have_text("0 of 2 done")

    page.get_by_role("checkbox", name="Count to three").check()
    expect(inner_count).to_have_text("1 of 2 done")
    expect(outer_count).to_have_text("0 of 3 done")
    page.get_by_role("checkbox", name=ITEMS[0]).check()
    expect(outer_count).to_have_text("1 of 3 done")
    expect(inner_count).to_have_text("1 of 2 done")

    page.reload()
    expect(page.get_by_role("checkbox", name="Count to three")).to_be_checked()
    expect(outer_count).to_have_text("1 of 3 done")
    expect(inner_count).to_have_text("1 of 2 done")
    page_log.assert_no_errors()
