"""The published JSON Schemas agree with the engine: the same front matter and settings pass or fail both ways.

An editor flags what the schema rejects as the author types; the build
reports what the engine rejects. An author must never see one say "fine" and
the other "wrong", except where a schema cannot know (listed below, each
checked to still be the only difference).
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from mkdocs_course import schemas
from mkdocs_course.config import CourseConfig, SectionConfig, load_course_config
from mkdocs_course.frontmatter import read_front_matter, validate_module

ROOT = Path(__file__).resolve().parent.parent
COURSES = [ROOT / "mkdocs.yml", ROOT / "examples" / "french-course" / "mkdocs.yml", ROOT / "tests" / "fixture_course" / "mkdocs.yml"]


def validator(name: str) -> jsonschema.Draft7Validator:
    """Return a validator for a published schema file (checked to be a valid schema itself)."""
    schema = json.loads((schemas.SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


FRONT_MATTER = validator(schemas.FRONT_MATTER)
COURSE_SETTINGS = validator(schemas.COURSE_SETTINGS)


def mkdocs_yml(path: Path) -> dict:
    """Load a mkdocs.yml as MkDocs does (``!ENV`` resolved to its default)."""
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=get_yaml_loader())


def sections_of(config: Path) -> list[str]:
    """Return the section ids a course defines."""
    return [section["id"] for section in (mkdocs_yml(config).get("extra", {}).get("course") or {}).get("sections", [])]


def engine_accepts_front_matter(text: str, sections: list[str]) -> bool:
    """Tell whether the engine finds no mistake in a page's front matter."""
    front = read_front_matter(text)
    return not front.problems and not validate_module(front, sections)


def schema_accepts_front_matter(text: str) -> bool:
    """Tell whether the front-matter schema accepts a page's front matter, as an editor would."""
    front = read_front_matter(text)
    return not front.problems and FRONT_MATTER.is_valid(front.data)


def engine_accepts_settings(course: object) -> bool:
    """Tell whether the engine finds no mistake in ``extra.course``."""
    return load_course_config(course, None)[1] == []


# --- Published files -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(schemas.schemas()))
def test_the_published_schemas_are_current(name):
    published = (schemas.SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert published == schemas.render(schemas.schemas()[name]), f"{name} is stale: run `python -m mkdocs_course.schemas`"


def test_the_schemas_name_every_setting_the_engine_reads():
    properties = COURSE_SETTINGS.schema["properties"]
    assert list(properties) == [key for key, _ in CourseConfig._schema]
    assert list(properties["sections"]["items"]["properties"]) == [key for key, _ in SectionConfig._schema]
    assert all(schema.get("description") for schema in properties.values()), "every setting needs a docstring in config.py"


# --- Front matter ----------------------------------------------------------------


def course_pages() -> list[tuple[Path, Path]]:
    """Every Markdown page of the three courses, with its course's mkdocs.yml."""
    return [(page, config) for config in COURSES for page in sorted((config.parent / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page, config", course_pages(), ids=lambda value: str(value.relative_to(ROOT)) if isinstance(value, Path) else value)
def test_every_page_of_the_courses_passes_both_ways(page, config):
    text = page.read_text(encoding="utf-8")
    assert engine_accepts_front_matter(text, sections_of(config))
    assert schema_accepts_front_matter(text)


MODULE = """---
title: Saying sorry
section: steps
order: 3
summary: Apologise in a way that repairs trust.
minutes: 15
objectives:
  - Name what you did
  - Offer a repair
{extra}---
# Saying sorry
"""

PLAIN = MODULE.format(extra="")

WRONG_FRONT_MATTER = {
    "a misspelt key": MODULE.format(extra="minuts: 3\n"),
    "an unknown key on a module": MODULE.format(extra="colour: blue\n"),
    "order not a number": PLAIN.replace("order: 3", "order: third"),
    "order zero": PLAIN.replace("order: 3", "order: 0"),
    "order true": PLAIN.replace("order: 3", "order: true"),
    "minutes negative": PLAIN.replace("minutes: 15", "minutes: -5"),
    "minutes missing": PLAIN.replace("minutes: 15\n", ""),
    "title missing": PLAIN.replace("title: Saying sorry\n", ""),
    "title empty": PLAIN.replace("title: Saying sorry", 'title: " "'),
    "summary empty": PLAIN.replace("summary: Apologise in a way that repairs trust.", "summary: ''"),
    "one objective": PLAIN.replace("  - Offer a repair\n", ""),
    "five objectives": PLAIN.replace("  - Offer a repair\n", "  - Offer a repair\n  - c\n  - d\n  - e\n"),
    "an empty objective": PLAIN.replace("  - Offer a repair", "  - ''"),
    "objectives not a list": PLAIN.replace("objectives:\n  - Name what you did\n  - Offer a repair", "objectives: Name what you did"),
    "an id with a space": MODULE.format(extra="id: steps/saying sorry\n"),
    "an id that is a number": MODULE.format(extra="id: 12\n"),
    "a module key on a page without section": "---\ntitle: Closing\nminutes: 5\n---\n# Closing\n",
    "front matter that is a list": "---\n- title\n- section\n---\n# A list\n",
    "front matter that is not YAML": "---\ntitle: [unclosed\n---\n# Broken\n",
}
RIGHT_FRONT_MATTER = {
    "a module": MODULE.format(extra=""),
    "a module with its own id": MODULE.format(extra="id: steps/apologies\n"),
    "a module with Material keys": MODULE.format(extra="hide:\n  - toc\ndescription: Say sorry well.\n"),
    "a page that is not a module": "---\ntitle: Closing\nhide: [navigation]\n---\n# Closing\n",
    "a page with no front matter": "# Just text\n",
    "a page with an unrelated key of its own": "---\nlayout_note: for me\n---\n# Mine\n",
}
# What a schema cannot know, so only the build reports it.
ENGINE_ONLY = {
    # The sections are the course's own, in its mkdocs.yml.
    "a section the course does not define": PLAIN.replace("section: steps", "section: stepz"),
    # The engine suggests the nearest key on any page; a schema only knows keys.
    "a misspelt key on a page that is not a module": "---\ntitel: Closing\n---\n# Closing\n",
}


@pytest.mark.parametrize("case", sorted(WRONG_FRONT_MATTER))
def test_wrong_front_matter_fails_both_ways(case):
    text = WRONG_FRONT_MATTER[case]
    assert not engine_accepts_front_matter(text, ["steps"]), "the engine accepts it"
    assert not schema_accepts_front_matter(text), "the schema accepts it"


@pytest.mark.parametrize("case", sorted(RIGHT_FRONT_MATTER))
def test_right_front_matter_passes_both_ways(case):
    text = RIGHT_FRONT_MATTER[case]
    assert engine_accepts_front_matter(text, ["steps"]), "the engine rejects it"
    assert schema_accepts_front_matter(text), "the schema rejects it"


@pytest.mark.parametrize("case", sorted(ENGINE_ONLY))
def test_only_the_build_knows_the_course_own_sections_and_near_misses(case):
    assert not engine_accepts_front_matter(ENGINE_ONLY[case], ["steps"])
    assert schema_accepts_front_matter(ENGINE_ONLY[case])


# --- Course settings ---------------------------------------------------------------


@pytest.mark.parametrize("config", COURSES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_course_settings_pass_both_ways(config):
    course = mkdocs_yml(config)["extra"]["course"]
    assert engine_accepts_settings(course)
    assert COURSE_SETTINGS.is_valid(course), [error.message for error in COURSE_SETTINGS.iter_errors(course)]


SECTION = {"id": "steps", "title": "The steps"}
WRONG_SETTINGS = {
    "a misspelt setting": {"pdff": True},
    "pdf as a word": {"pdf": "yes"},
    "an id that is a number": {"id": 12},
    "completion not a list": {"completion": "read"},
    "an unknown completion rule": {"completion": ["read", "watched"]},
    "sections not a list": {"sections": SECTION},
    "a section without a title": {"sections": [{"id": "steps"}]},
    "a section without an id": {"sections": [{"title": "The steps"}]},
    "a section with a misspelt key": {"sections": [{**SECTION, "lable": "Step"}]},
    "a section id with a space": {"sections": [{"id": "the steps", "title": "The steps"}]},
    "a section id that starts with a digit": {"sections": [{"id": "1steps", "title": "The steps"}]},
    "an unknown string": {"strings": {"quiz.sumbit": "Check"}},
    "a string that is a number": {"strings": {"quiz.submit": 3}},
    "strings empty": {"strings": None},
    "sections empty": {"sections": None},
    "settings that are a list": ["pdf"],
    "a heading that is a list": {"practice_heading": ["Try"]},
}
RIGHT_SETTINGS = {
    "nothing": None,
    "an empty mapping": {},
    "every setting": {
        "id": "my-course",
        "sections": [{**SECTION, "label": "Step"}],
        "completion": ["read"],
        "pdf": True,
        "practice_heading": "Practice",
        "strings": {"quiz.submit": "Check"},
    },
    "no completion rule": {"completion": []},
    "defaults left empty": {"id": None, "pdf": None, "practice_heading": None, "sections": [{**SECTION, "label": None}]},
}


@pytest.mark.parametrize("case", sorted(WRONG_SETTINGS))
def test_wrong_settings_fail_both_ways(case):
    assert not engine_accepts_settings(WRONG_SETTINGS[case]), "the engine accepts it"
    assert not COURSE_SETTINGS.is_valid(WRONG_SETTINGS[case]), "the schema accepts it"


@pytest.mark.parametrize("case", sorted(RIGHT_SETTINGS))
def test_right_settings_pass_both_ways(case):
    assert engine_accepts_settings(RIGHT_SETTINGS[case]), load_course_config(RIGHT_SETTINGS[case], None)[1]
    assert COURSE_SETTINGS.is_valid(RIGHT_SETTINGS[case]), [e.message for e in COURSE_SETTINGS.iter_errors(RIGHT_SETTINGS[case])]


def test_only_the_build_knows_a_section_is_listed_twice():
    twice = {"sections": [SECTION, SECTION]}
    assert not engine_accepts_settings(twice)
    assert COURSE_SETTINGS.is_valid(twice)


def test_the_mkdocs_yml_schema_checks_extra_course_through_the_settings_schema():
    schema = json.loads((schemas.SCHEMA_DIR / schemas.MKDOCS).read_text(encoding="utf-8"))
    base = (schemas.SCHEMA_DIR / schemas.MKDOCS).resolve().as_uri()
    registry_schema = json.loads((schemas.SCHEMA_DIR / schemas.COURSE_SETTINGS).read_text(encoding="utf-8"))
    from referencing import Registry, Resource

    registry = Registry().with_resource(
        (schemas.SCHEMA_DIR / schemas.COURSE_SETTINGS).resolve().as_uri(), Resource.from_contents(registry_schema)
    )
    check = jsonschema.Draft7Validator({**schema, "$id": base}, registry=registry)
    assert check.is_valid(mkdocs_yml(ROOT / "mkdocs.yml"))
    assert not check.is_valid({"extra": {"course": {"pdff": True}}})
