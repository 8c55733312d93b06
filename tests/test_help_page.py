"""The help page keeps what a reader in danger relies on.

A contributor who adds a helpline without its source, moves the erase control
out of the tech-safety section, or drops the section for a worried friend sees
one of these tests fail with what went missing.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_course import syntax

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HELP = DOCS / "get-help.md"
TEXT = HELP.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
SOURCE = re.compile(r"<!-- [^>]*https://[^\s>]+[^>]* checked on 2026-12-01 -->")
ERASE = "<!-- course: erase -->"


def _section(heading: str) -> list[str]:
    """Return the lines under a level-two heading, up to the next one."""
    start = next(i for i, line in enumerate(LINES) if line.startswith(f"## {heading}"))
    end = next((i for i in range(start + 1, len(LINES)) if LINES[i].startswith("## ")), len(LINES))
    return LINES[start:end]


def test_every_phone_number_names_the_page_it_was_checked_on():
    dialled = [(n, line) for n, line in enumerate(LINES, start=1) if "(tel:" in line]
    assert len(dialled) >= 10, "the helplines lost their numbers"
    unsourced = [f"get-help.md:{n}: {line[:60]}" for n, line in dialled if not SOURCE.search(line)]
    assert unsourced == []


def test_the_emergency_numbers_name_their_sources_too():
    danger = LINES[: LINES.index("## It is not your fault")]
    for number in ("999", "911", "000", "111"):
        assert any(f"it is {number}" in line for line in danger), f"the emergency number {number} is not given"
        assert any(line.strip().startswith(f"<!-- {number}") and SOURCE.search(line) for line in danger), (
            f"the emergency number {number} has no checked source"
        )


@pytest.mark.parametrize("country", ["United Kingdom", "United States", "Canada", "Australia", "Ireland", "New Zealand"])
def test_each_country_has_a_checked_line(country):
    start = LINES.index(f"### {country}")
    end = next(i for i in range(start + 1, len(LINES)) if LINES[i].startswith("#"))
    assert any(SOURCE.search(line) for line in LINES[start:end]), f"{country} lists no checked line"


def test_a_directory_covers_every_other_country():
    other = LINES[LINES.index("### Other countries") :]
    assert any("https://" in line and SOURCE.search(line) for line in other[:4])


def test_the_erase_control_stands_alone_in_the_tech_safety_section():
    assert LINES.count(ERASE) == 1, "the page needs exactly one erase line"
    where = LINES.index(ERASE)
    assert LINES[where - 1] == "" and LINES[where + 1] == "", "the erase line needs a blank line on each side"
    assert ERASE in _section("Staying safe on your phone and computer")


@pytest.mark.parametrize(
    "heading",
    [
        "It is not your fault",
        "Abuse can happen to anyone",
        "Some problems are not trust problems",
        "Stop the couple exercises if you are afraid",
        "Leaving, staying and making a safety plan",
        "Helplines",
        "Staying safe on your phone and computer",
        "If you are worried about a friend",
        "If you are the one causing harm",
    ],
)
def test_the_page_keeps_its_sections(heading):
    assert any(line.startswith(f"## {heading}") for line in LINES), f"get-help.md lost '## {heading}'"


@pytest.mark.parametrize(
    "words",
    [
        "gaslighting",
        "breaks or throws things",
        "stalking",
        "intimate photos",
        "birth control",
        "immigration status",
        '"out" you',
        "debt in your name",
        "strangling",
    ],
)
def test_the_signs_name_the_less_obvious_forms_of_abuse(words):
    assert words in TEXT


def test_tech_safety_warns_before_the_reader_changes_anything():
    tech = "\n".join(_section("Staying safe on your phone and computer"))
    for words in ("tracking app", "location sharing", "advocate first", "spyware", "Leave this site", "Shift key three times",
                  "Don't keep my progress on this device", "cache", "autofill", "history"):
        assert words in tech, f"the tech-safety section no longer mentions '{words}'"
    for browser in ("Chrome", "Safari", "Firefox"):
        assert f"**{browser}" in tech


def test_people_who_harm_are_sent_to_behaviour_change_not_couples_work():
    harm = "\n".join(_section("If you are the one causing harm"))
    assert "behaviour-change programme" in harm
    assert "Anger management on its own" in harm and "Couples counselling" in harm


def test_nothing_on_the_page_is_fetched_from_another_host():
    assert not re.search(r"!\[|<(img|iframe|script|link|video|audio|object|embed)\b", TEXT, re.I)


def test_no_ticked_checklist_item_reveals_looking_for_help():
    revealing = re.compile(r"get-help|control|abus|warning sign", re.I)
    hits = [
        f"{path.relative_to(ROOT)}:{item.line}: {item.text}"
        for path in sorted((DOCS / "steps").glob("*.md")) + sorted((DOCS / "strategies").glob("*.md"))
        for item in syntax.scan(path.read_text(encoding="utf-8")).checklist
        if revealing.search(item.text)
    ]
    assert hits == []
