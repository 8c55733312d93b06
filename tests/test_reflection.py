"""Reflection prompts: the Markdown they are written in, the HTML they become, the mistakes they report.

Golden cases live in tests/golden/reflection-*/ (input.md, expected.html,
expected.log); rendering goes through the course's extensions, as a page does.
"""
from __future__ import annotations

from pathlib import Path

import golden
import pytest


@pytest.mark.parametrize("case", golden.cases("reflection-"))
def test_golden(case: Path):
    golden.check(case)


def test_the_derived_id_follows_the_prompt_and_survives_reflowing_it():
    one, _ = golden.render("<reflection>\nWhat does a calm evening look like?\n</reflection>\n")
    two, _ = golden.render("<reflection>\nWhat does a calm\nevening look like?\n</reflection>\n")
    other, _ = golden.render("<reflection>\nWhat does a busy evening look like?\n</reflection>\n")
    assert 'data-reflection-id="r-' in one
    ident = one.split('data-reflection-id="', 1)[1].split('"', 1)[0]
    assert f'data-reflection-id="{ident}"' in two
    assert f'data-reflection-id="{ident}"' not in other


def test_a_mistake_names_the_line_of_its_own_reflection():
    _, log = golden.render("# Page\n\n<reflection>\nFine.\n</reflection>\n\n<reflection id=\"2x\">\nBad id.\n</reflection>\n")
    assert log == ["WARNING: <markdown>:7: reflection id '2x' is not valid; use a letter then letters, digits, '-' or '_'"]
