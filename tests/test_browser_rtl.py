"""An Arabic course is laid out right to left: the course's own parts mirror with Material's."""

from __future__ import annotations

import pytest
from helpers.build import copy_fixture_course
from playwright.sync_api import Page, expect

from mkdocs_course.strings import STRINGS

AR = STRINGS["ar"]


@pytest.fixture(scope="module")
def arabic_url(serve_build, tmp_path_factory) -> str:
    """The fixture course with ``theme.language: ar``, built and served."""
    config = copy_fixture_course(tmp_path_factory.mktemp("arabic"))
    text = config.read_text(encoding="utf-8")
    assert "  language: en\n" in text
    config.write_text(text.replace("  language: en\n", "  language: ar\n"), encoding="utf-8")
    return serve_build(config, COURSE_PDF=None).url


def box(page: Page, selector: str) -> dict[str, float]:
    """Return the bounding box of the first element matching ``selector``."""
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not laid out"
    return found


def test_a_module_in_arabic_lines_up_on_the_right(page: Page, arabic_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(arabic_url + "basics/listening/")
    expect(page.locator("body")).to_have_attribute("dir", "rtl")
    mark_read = page.get_by_role("button", name=AR["module.mark_read"]).first
    expect(mark_read).to_be_visible()

    content = box(page, ".md-content__inner")
    button = mark_read.bounding_box()
    assert content["x"] + content["width"] - (button["x"] + button["width"]) < 40, "the button starts on the right"

    # A checklist's box sits to the right of its words.
    checkbox = page.get_by_role("checkbox", name="Let them finish")
    words = page.locator(".course-checklist__item", has_text="Let them finish")
    assert checkbox.bounding_box()["x"] > words.bounding_box()["x"] + words.bounding_box()["width"] / 2

    # The quiz options' marker line is on their right edge.
    option = page.locator(".course-quiz__option").first
    widths = option.evaluate("o => [getComputedStyle(o).borderRightWidth, getComputedStyle(o).borderLeftWidth]")
    assert widths[0] != "0px" and widths[1] == "0px", widths

    # "Next" goes to the left, the end of a right-to-left line.
    next_link = box(page, ".course-pager__link--next")
    assert next_link["x"] < content["x"] + content["width"] / 2


def test_the_progress_bars_fill_from_the_right(page: Page, arabic_url):
    page.goto(arabic_url)
    bar = page.get_by_role("progressbar").first
    expect(bar).to_be_visible()
    gradient = bar.evaluate("b => getComputedStyle(b).backgroundImage")
    assert gradient.startswith("linear-gradient(270deg"), gradient
