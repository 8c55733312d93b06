"""``extra.course`` in mkdocs.yml is validated like a plugin's config.

Each test writes a real mkdocs.yml, so a message's line number can be checked
against the line an author would open.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_course.config import COMPLETION_RULES, CourseConfig, load_course_config

HEAD = """\
site_name: A course
theme:
  name: material
extra:
  course:
"""  # extra.course's settings start on line 6


def load(tmp_path: Path, course: str) -> tuple[CourseConfig, list[str]]:
    """Write mkdocs.yml with ``course`` as the body of extra.course and validate it."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(HEAD + course, encoding="utf-8")
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))["extra"]["course"]
    return load_course_config(raw, str(config_file))


SECTIONS = """\
    sections:
      - id: basics
        title: The basics
        label: Step
"""


def test_a_valid_course_config_is_read_with_defaults(tmp_path):
    course, messages = load(tmp_path, "    id: trust-course\n" + SECTIONS)
    assert messages == []
    assert course.id == "trust-course"
    assert [(s.id, s.title, s.label) for s in course.sections] == [("basics", "The basics", "Step")]
    assert list(course.completion) == list(COMPLETION_RULES)
    assert course.pdf is False
    assert course.practice_heading == "Try this week"
    assert course.strings == {}


def test_no_course_settings_at_all_is_fine():
    course, messages = load_course_config(None, None)
    assert messages == []
    assert course.sections == []
    assert list(course.completion) == list(COMPLETION_RULES)


def test_section_label_defaults_to_module(tmp_path):
    course, messages = load(tmp_path, "    sections:\n      - id: basics\n        title: The basics\n")
    assert messages == []
    assert course.sections[0].label == "Module"


def test_unknown_key_suggests_the_closest(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    completoin: [read]\n")
    assert messages == ["mkdocs.yml:10: extra.course has no setting 'completoin'; did you mean 'completion'?"]


def test_unknown_key_without_a_close_match_lists_the_keys(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    colour: teal\n")
    assert messages == [
        "mkdocs.yml:10: extra.course has no setting 'colour'; known keys: id, sections, completion, pdf, paper, practice_heading, offline, shuffle, strings, csp, leave_site, leave_site_url"
    ]


def test_unknown_key_inside_a_section_names_the_section_key(tmp_path):
    # Regression: it said "extra.course has no setting 'sections'; did you mean 'sections'?".
    _, messages = load(tmp_path, "    sections:\n      - id: basics\n        title: The basics\n        lable: Step\n")
    assert messages == ["mkdocs.yml:9: a section in extra.course.sections has no setting 'lable'; did you mean 'label'?"]


def test_wrong_type(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    pdf: sometimes\n")
    assert messages == ["mkdocs.yml:10: extra.course.pdf: Expected type: <class 'bool'> but received: <class 'str'>"]


def test_completion_rule_must_be_one_of_the_choices(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    completion: [read, quizes]\n")
    assert messages == [
        "mkdocs.yml:10: extra.course.completion: Expected one of: ('read', 'checklist', 'quizzes') but received: 'quizes'"
    ]


def test_completion_must_be_a_list(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    completion: read\n")
    assert messages == ["mkdocs.yml:10: extra.course.completion: Expected a list of items, but a <class 'str'> was given."]


def test_section_without_title(tmp_path):
    _, messages = load(tmp_path, "    sections:\n      - id: basics\n")
    assert messages == ["mkdocs.yml:6: extra.course.sections: Sub-option 'title': Required configuration not provided."]


def test_section_id_must_be_usable_as_an_id(tmp_path):
    _, messages = load(tmp_path, "    sections:\n      - id: 1st steps\n        title: First steps\n")
    assert messages == ["mkdocs.yml:7: section id '1st steps' must be a letter then letters, digits, '-' or '_'"]


def test_duplicate_section_id_points_at_the_repeat(tmp_path):
    # Regression: the line was the first listing's, not the repeat's.
    _, messages = load(tmp_path, SECTIONS + "      - id: basics\n        title: More basics\n")
    assert messages == ["mkdocs.yml:10: section id 'basics' is listed twice; give each section its own id"]


def test_unknown_string_key_suggests_the_closest(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    strings:\n      quiz.sumbit: Check\n")
    assert messages == ["mkdocs.yml:11: extra.course.strings has no string 'quiz.sumbit'; did you mean 'quiz.submit'?"]


def test_unknown_string_key_without_a_close_match(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    strings:\n      banner: Hello\n")
    assert messages == ["mkdocs.yml:11: extra.course.strings has no string 'banner'; see the authoring guide for the list"]


def test_string_values_must_be_text(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    strings:\n      quiz.submit: [Check]\n")
    assert len(messages) == 1
    assert messages[0].startswith("mkdocs.yml:10: extra.course.strings: ")


def test_known_string_overrides_are_kept(tmp_path):
    course, messages = load(tmp_path, SECTIONS + "    strings:\n      quiz.submit: Check\n")
    assert messages == []
    assert course.strings == {"quiz.submit": "Check"}


def test_course_settings_that_are_not_a_mapping(tmp_path):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(HEAD + "    - basics\n", encoding="utf-8")
    _, messages = load_course_config(["basics"], str(config_file))
    assert messages == ["mkdocs.yml:5: extra.course must be a mapping of settings"]


@pytest.mark.parametrize("rules", [["read"], ["checklist", "quizzes"], []])
def test_any_subset_of_completion_rules(tmp_path, rules):
    course, messages = load(tmp_path, SECTIONS + f"    completion: {rules}\n")
    assert messages == []
    assert list(course.completion) == rules


def test_several_mistakes_give_one_message_each(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    pdf: maybe\n    colour: teal\n")
    assert messages == [
        "mkdocs.yml:10: extra.course.pdf: Expected type: <class 'bool'> but received: <class 'str'>",
        "mkdocs.yml:11: extra.course has no setting 'colour'; known keys: id, sections, completion, pdf, paper, practice_heading, offline, shuffle, strings, csp, leave_site, leave_site_url",
    ]
