"""A module's front matter is read with its lines and checked key by key.

Each mistake gives exactly one message, on the line of the key at fault (line
1, the opening ``---``, when the key is missing), saying how to fix it.
"""
from __future__ import annotations

import pytest

from mkdocs_course.frontmatter import read_front_matter, validate_module

SECTIONS = ["basics", "extras"]

MODULE = """\
---
title: Listening
section: basics
order: 1
summary: Listen to the end before you answer.
minutes: 5
objectives:
  - Let your partner finish
  - Say back what you heard
---

# Listening
"""


def problems(text: str, sections: list[str] = SECTIONS) -> list[tuple[int, str]]:
    """Return every (line, message) for a page's front matter."""
    front = read_front_matter(text)
    return [(p.line, p.message) for p in front.problems + validate_module(front, sections)]


def edit(old: str, new: str) -> str:
    """Return the valid module with one line changed."""
    assert old in MODULE
    return MODULE.replace(old, new, 1)


def test_front_matter_is_read_with_the_line_of_each_key():
    front = read_front_matter(MODULE)
    assert front.is_module
    assert front.data["objectives"] == ["Let your partner finish", "Say back what you heard"]
    assert front.lines == {"title": 2, "section": 3, "order": 4, "summary": 5, "minutes": 6, "objectives": 7}
    assert front.body_line == 12  # MkDocs drops the blank line after the front matter too
    assert front.problems == []


def test_a_valid_module_has_no_problems():
    assert problems(MODULE) == []


def test_a_page_without_front_matter_is_not_a_module():
    front = read_front_matter("# Home\n\nWelcome.\n")
    assert not front.is_module
    assert front.data == {} and front.body_line == 1
    assert validate_module(front, SECTIONS) == []


def test_a_page_with_only_theme_keys_is_fine():
    assert problems("---\ntitle: Home\nhide:\n  - navigation\nsearch:\n  exclude: true\n---\n") == []


@pytest.mark.parametrize(
    ("key", "example"),
    [
        ("title", "title: Open communication"),
        ("order", "order: 1"),
        ("summary", "summary: One line that says what the learner will be able to do."),
        ("minutes", "minutes: 15"),
    ],
)
def test_missing_key_names_it_with_an_example(key, example):
    text = "\n".join(line for line in MODULE.split("\n") if not line.startswith(f"{key}:"))
    assert problems(text) == [(1, f"module front matter is missing `{key}`; add a line like `{example}`")]


def test_missing_objectives_shows_the_list_form():
    text = MODULE.replace("objectives:\n  - Let your partner finish\n  - Say back what you heard\n", "")
    assert problems(text) == [
        (1, "module front matter is missing `objectives`; add a line like `objectives:\\n  - Listen without planning your reply\\n  - ...`")
    ]


def test_misspelt_key_is_one_message_suggesting_the_right_key():
    # Regression: it also said "missing `minutes`", two messages for one typo.
    assert problems(edit("minutes: 5", "minuts: 5")) == [(6, "unknown front-matter key `minuts`; did you mean `minutes`?")]


def test_misspelt_section_key_is_one_message():
    # Regression: the page stopped being a module, so `order` was reported as stray too.
    assert problems(edit("section: basics", "sectoin: basics")) == [
        (3, "unknown front-matter key `sectoin`; did you mean `section`?")
    ]


def test_unknown_key_on_a_module_lists_the_module_keys():
    assert problems(edit("minutes: 5", "minutes: 5\nfavourite_colour: blue")) == [
        (7, "unknown front-matter key `favourite_colour`; module keys are: title, section, order, summary, minutes, objectives, id")
    ]


def test_unknown_key_on_an_ordinary_page_is_only_reported_when_it_looks_like_a_typo():
    assert problems("---\ntitle: Home\nsumary: A page.\n---\n") == [(3, "unknown front-matter key `sumary`; did you mean `summary`?")]
    assert problems("---\ntitle: Home\nlayout_hint: wide\n---\n") == []


def test_module_key_on_a_page_without_section_asks_for_a_section():
    assert problems("---\ntitle: Home\norder: 3\n---\n") == [
        (3, "`order` is only used by modules, but this page has no `section`; add e.g. `section: basics`")
    ]


def test_undefined_section_suggests_the_closest():
    assert problems(edit("section: basics", "section: basic")) == [(3, "section `basic` is not defined; did you mean `basics`?")]


def test_undefined_section_without_a_close_match_lists_the_sections():
    assert problems(edit("section: basics", "section: zebra")) == [
        (3, "section `zebra` is not defined; sections in mkdocs.yml (extra.course.sections) are: basics, extras")
    ]


def test_undefined_section_when_none_are_defined():
    assert problems(MODULE, sections=[]) == [
        (3, "section `basics` is not defined; sections in mkdocs.yml (extra.course.sections) are: none yet")
    ]


@pytest.mark.parametrize(
    ("line", "shown"),
    [("order: first", "first"), ("order: 0", "0"), ("order: -2", "-2"), ("order: 1.5", "1.5"), ("order: true", "True")],
)
def test_order_must_be_a_whole_number_above_zero(line, shown):
    assert problems(edit("order: 1", line)) == [(4, f"`order` must be a whole number above 0, not `{shown}`")]


@pytest.mark.parametrize(("line", "shown"), [("minutes: five", "five"), ("minutes: 0", "0"), ("minutes: '15'", "15")])
def test_minutes_must_be_a_whole_number_above_zero(line, shown):
    assert problems(edit("minutes: 5", line)) == [(6, f"`minutes` must be a whole number above 0, not `{shown}`")]


@pytest.mark.parametrize("value", ["objectives: []", "objectives:", "objectives: Listen well"])
def test_objectives_empty_or_not_a_list(value):
    text = MODULE.replace("objectives:\n  - Let your partner finish\n  - Say back what you heard", value)
    assert problems(text) == [
        (7, "`objectives` is empty; list 2 to 4 things the learner will be able to do, one `- ` line each")
    ]


def test_too_many_objectives():
    text = edit("  - Say back what you heard", "  - Two\n  - Three\n  - Four\n  - Five")
    assert problems(text) == [(7, "a module has 2 to 4 objectives, this one has 5; merge or add some")]


def test_too_few_objectives():
    text = edit("  - Say back what you heard\n", "")
    assert problems(text) == [(7, "a module has 2 to 4 objectives, this one has 1; merge or add some")]


def test_empty_objective_line():
    assert problems(edit("  - Say back what you heard", "  -")) == [
        (7, "every objective must be a line of text; remove empty `- ` lines")
    ]


def test_empty_title_and_summary():
    text = edit("title: Listening", "title: ''").replace("summary: Listen to the end before you answer.", "summary: ' '")
    assert problems(text) == [
        (2, "`title` is empty; give the module a short title"),
        (5, "`summary` is empty; write one line about what the learner will be able to do"),
    ]


@pytest.mark.parametrize("value", ["steps/listening", "listening", "a_1/b-2"])
def test_valid_module_ids(value):
    assert problems(edit("title: Listening", f"title: Listening\nid: {value}")) == []


@pytest.mark.parametrize("value", ["9lives", "steps//x", "with space", "/lead"])
def test_invalid_module_id(value):
    assert problems(edit("title: Listening", f"title: Listening\nid: {value}")) == [
        (3, f"module id `{value}` must be letters, digits, '-', '_' and '/'")
    ]


def test_invalid_yaml_names_the_line_and_the_fix():
    # A colon in an unquoted title: the commonest YAML slip.
    assert problems(edit("title: Listening", "title: Listening: the basics")) == [
        (2, "front matter is not valid YAML (mapping values are not allowed here); check quotes and indentation")
    ]


def test_front_matter_that_is_not_a_mapping():
    assert problems("---\n- title\n- section\n---\n") == [(1, "front matter must be 'key: value' lines between two '---' lines")]


def test_several_mistakes_give_one_message_each():
    text = edit("order: 1", "order: first").replace("minutes: 5", "minutes: 0").replace("section: basics", "section: basic")
    assert problems(text) == [
        (3, "section `basic` is not defined; did you mean `basics`?"),
        (4, "`order` must be a whole number above 0, not `first`"),
        (6, "`minutes` must be a whole number above 0, not `0`"),
    ]
