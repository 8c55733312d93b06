"""axe-core on the practice page (hints, shuffled options, a reflection) and the notebook, light and dark, after the learner acts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_browser_a11y import assert_no_axe_violations


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_practice_page_and_the_notebook_have_no_axe_violations(page: Page, learn_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(learn_url + "extras/practice/")
    quiz = page.locator('[data-quiz-id="hinted"]')
    quiz.get_by_text("Hint", exact=True).click()
    quiz.get_by_role("radio", name="Hurry").check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.get_by_role("button", name="Show the answer")).to_be_visible()
    page.get_by_role("textbox", name="What does a calm evening at home look like for you?").fill("Quiet.")
    expect(page.locator(".course-reflection").get_by_role("status")).to_have_text("Saved in this browser.")
    assert_no_axe_violations(page, f"the practice page, answered wrong, {scheme}")
    quiz.get_by_role("button", name="Show the answer").click()
    assert_no_axe_violations(page, f"the practice page, answer shown, {scheme}")
    page.goto(learn_url + "notebook/")
    expect(page.get_by_role("button", name="Print my notebook")).to_be_visible()
    assert_no_axe_violations(page, f"the notebook, {scheme}")
