"""The ``course_checklist`` extension turns task lists into saved checklists.

Golden cases live in tests/golden/checklist-*/; the tests below check the log,
the ids a learner's ticks are stored under, and the count line.
"""
from __future__ import annotations

import re
from pathlib import Path

import golden
import markdown
import pytest
from golden import lines

from mkdocs_course import syntax
from mkdocs_course.diagnostics import Reporter, Source

ITEM_ID = re.compile(r'data-item-id="([^"]*)"')


@pytest.mark.parametrize("case", golden.cases("checklist-"))
def test_golden(case: Path):
    golden.check(case)


def convert(text: str, source: Source | None = None, **configs: dict) -> str:
    """Render text with the course extensions, naming the file when given."""
    reporter = Reporter()
    for name in ("course_quiz", "course_checklist"):
        configs[name] = {**configs.get(name, {}), "build": reporter}
    md = markdown.Markdown(extensions=golden.EXTENSIONS, extension_configs=configs)
    with reporter.rendering(source or Source("docs/m.md")):
        return md.convert(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            lines("Intro.", "", "- [ ] Call your partner", "- [ ] Plan a walk", "- [ ] Call your **partner**"),
            "docs/m.md:5: this checklist item has the same text as the one on line 3, so both would get "
            "the same id; reword one or give it an id at the end: {#my-id}",
            id="duplicate-text",
        ),
        pytest.param(
            lines("- [ ] Call {#talk}", "- [ ] Walk {#talk}"),
            "docs/m.md:2: checklist id 'talk' is already used on line 1; give this item another id",
            id="duplicate-explicit-ids",
        ),
        pytest.param(
            lines("- [ ] Call", "- [ ] {#nothing}"),
            "docs/m.md:2: checklist item has no text; write the action after '- [ ]'",
            id="empty-item",
        ),
        pytest.param(
            lines("- [ ] Call {#2nd}"),
            "docs/m.md:1: checklist id '2nd' is not valid; use a letter then letters, digits, '-' or '_'",
            id="invalid-id",
        ),
    ],
)
def test_each_mistake_is_logged_once_as_a_warning_naming_file_and_line(text, message, course_log):
    convert(text)
    assert course_log.lines == [f"WARNING: {message}"]


def test_line_numbers_count_the_front_matter_mkdocs_removed(course_log):
    convert(lines("# Module", "", "- [ ] Call {#a}", "- [ ] Walk {#a}"), Source("docs/one.md", line_offset=8))
    assert course_log.lines == ["WARNING: docs/one.md:12: checklist id 'a' is already used on line 11; give this item another id"]


def test_a_page_with_quiz_and_checklist_mistakes_reports_each_once(course_log):
    text = lines(
        "- [ ] Same", "", "<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>", "", "- [ ] Same",
    )
    convert(text)
    assert sorted(course_log.lines) == [
        "WARNING: docs/m.md:3: quiz has no correct option; mark the right answer(s) with '- [x]'",
        "WARNING: docs/m.md:9: this checklist item has the same text as the one on line 1, so both would get "
        "the same id; reword one or give it an id at the end: {#my-id}",
    ]


def test_rendered_ids_are_the_ids_the_scanner_puts_in_the_manifest(course_log):
    text = lines(
        "- [ ] Call your **partner** {#call}",
        "- [x] Read [the guide](guide.md)",
        "    - [ ] Nested step",
        "",
        "Text.",
        "",
        "1. Numbered",
        "",
        "* [ ] Say *thank you*",
    )
    html = convert(text)
    assert ITEM_ID.findall(html) == [item.id for item in syntax.scan(text).checklist]
    assert ITEM_ID.findall(html)[0] == "call"
    assert course_log.lines == []


def test_editing_one_item_changes_only_its_rendered_id():
    before = ITEM_ID.findall(convert(lines("- [ ] Call your partner", "- [ ] Plan a walk", "- [ ] Say thanks")))
    after = ITEM_ID.findall(convert(lines("- [ ] Call your partner", "- [ ] Plan a long walk", "- [ ] Say thanks")))
    assert [b == a for b, a in zip(before, after, strict=True)] == [True, False, True]


def test_rewording_markup_or_spacing_keeps_the_rendered_id():
    plain = ITEM_ID.findall(convert("- [ ] Call your partner today\n"))
    marked = ITEM_ID.findall(convert("- [ ] Call  your **partner** _today_\n"))
    assert plain == marked


def test_explicit_id_is_not_shown_to_the_learner():
    html = convert("- [ ] Call your partner {#call}\n")
    assert "{#" not in html and "call}" not in html
    assert '<span class="course-checklist__text">Call your partner</span>' in html


def test_attr_list_style_id_is_accepted_and_hidden():
    html = convert("- [ ] Call your partner {: #call }\n")
    assert ITEM_ID.findall(html) == ["call"]
    assert '<span class="course-checklist__text">Call your partner</span>' in html


def test_no_pinned_id_ever_shows_in_the_page():
    # Regression: items Python-Markdown merged into a numbered list above showed "{#c-...}".
    html = convert(lines("1. Do this", "2. Then that", "", "- [ ] Tick it", "- [ ] And this"))
    assert "{#" not in html
    assert len(ITEM_ID.findall(html)) == 2


def test_ticked_item_starts_checked():
    html = convert("- [x] Done already\n- [ ] Not yet\n")
    assert html.count('checked="checked"') == 1
    assert re.search(r'<input checked="checked" class="course-checklist__box" type="checkbox" />'
                     r'<span class="course-checklist__text">Done already</span>', html)


def test_count_line_counts_the_items_of_its_own_list():
    html = convert(lines("- [ ] a", "- [ ] b", "- [ ] c", "", "Text.", "", "- [ ] d"))
    assert re.findall(r'hidden="hidden">(.*?)</p>', html) == ["0 of 3 done", "0 of 1 done"]


def test_count_line_follows_language_and_overrides():
    html = convert("- [ ] a\n- [ ] b\n", course_checklist={"language": "fr"})
    assert ">0 sur 2 faits</p>" in html
    html = convert("- [ ] a\n- [ ] b\n", course_checklist={"strings": {"checklist.count": "{done}/{total}"}})
    assert ">0/2</p>" in html


def test_task_list_inside_an_admonition_is_a_checklist():
    html = convert(lines("!!! note", "", "    - [ ] Inside the note"))
    assert ITEM_ID.findall(html) == [syntax.scan("- [ ] Inside the note").checklist[0].id]


def test_task_list_in_fenced_code_stays_code():
    html = convert(lines("```text", "- [ ] Not a checklist", "```"))
    assert "course-checklist" not in html and "- [ ] Not a checklist" in html


def test_task_list_inside_a_quiz_is_not_a_checklist_without_an_id():
    # Regression: it used to become an item with data-item-id="", which no tick could be saved under.
    html = convert(lines("<quiz>", "Q?", "- [x] a", "- [ ] b", "", "Then:", "", "- [ ] Reread it", "</quiz>"))
    assert "course-checklist" not in html
    assert 'data-item-id=""' not in html
