"""Self-check-ins: the Markdown they are written in, the HTML they become, and one exact message per mistake.

Golden cases live in tests/golden/checkin-*/ (input.md, expected.html,
expected.log). Each malformed form fails the real ``mkdocs build --strict``
with one message, and ``mkdocs-course check`` prints the same one.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import golden
import pytest
from test_build_errors import FRONT_MATTER, assert_fails_with, mkdocs_build, warnings, write_course

from mkdocs_course import cli

# The check-in opens on line 11 of docs/m.md: 8 lines of front matter, the title, a blank line.
HEAD = FRONT_MATTER + "# Listening\n\n"
GOOD = '<checkin id="evening" scale="Never|Sometimes|Always">\n1. We ate together.\n2. I felt rushed.\n</checkin>\n'


@pytest.mark.parametrize("case", golden.cases("checkin-"))
def test_golden(case: Path):
    golden.check(case)


MISTAKES = [
    pytest.param(
        "<checkin>\n1. One\n",
        "docs/m.md:11: '<checkin>' is never closed; add '</checkin>' on its own line after the last statement or advice",
        id="never-closed",
    ),
    pytest.param(
        "<checkin>\nJust words, no list.\n</checkin>\n",
        "docs/m.md:11: check-in has no statements; write them as one list ('1. ...' or '- ...'), one statement per item",
        id="no-list",
    ),
    pytest.param(
        "<checkin>\n1. One\n\n- Two\n</checkin>\n",
        "docs/m.md:14: check-in has more than one list; write every statement in one list, and nothing else as a list",
        id="two-lists",
    ),
    pytest.param(
        "<checkin>\n" + "".join(f"{n}. Statement number {n}\n" for n in range(1, 22)) + "</checkin>\n",
        "docs/m.md:11: check-in has 21 statements, more than 20; keep it short, or split it into two check-ins",
        id="too-many-statements",
    ),
    pytest.param(
        '<checkin title="Evenings">\n1. One\n</checkin>\n',
        "docs/m.md:11: '<checkin>' has no attribute 'title'; the ones it has are id=\"...\" and scale=\"...\" and again=\"...\"",
        id="unknown-attribute",
    ),
    pytest.param(
        '<checkin id="2nd">\n1. One\n</checkin>\n',
        "docs/m.md:11: check-in id '2nd' is not valid; use a letter then letters, digits, '-' or '_'",
        id="bad-id",
    ),
    pytest.param(
        '<checkin scale="Always">\n1. One\n</checkin>\n',
        "docs/m.md:11: scale=\"Always\" has 1 label; give 2 to 7 labels separated by '|'",
        id="scale-one-label",
    ),
    pytest.param(
        '<checkin scale="1|2|3|4|5|6|7|8">\n1. One\n</checkin>\n',
        "docs/m.md:11: scale=\"1|2|3|4|5|6|7|8\" has 8 labels; give 2 to 7 labels separated by '|'",
        id="scale-eight-labels",
    ),
    pytest.param(
        '<checkin scale="No||Yes">\n1. One\n</checkin>\n',
        "docs/m.md:11: scale=\"No||Yes\" has an empty label; write labels separated by '|': scale=\"Never|Sometimes|Often\"",
        id="scale-empty-label",
    ),
    pytest.param(
        '<checkin>\n1. One\n\n<advice statements="1">\nRead more.\n</advice>\n</checkin>\n',
        "docs/m.md:14: advice has no answers=\"...\"; name the scale labels that show it, e.g. answers=\"Often|Always\"",
        id="advice-without-answers",
    ),
    pytest.param(
        '<checkin scale="No|Yes">\n1. One\n\n<advice answers="Often">\nRead more.\n</advice>\n</checkin>\n',
        "docs/m.md:14: advice names the answer 'Often', which is not on the scale; use labels of the scale in "
        "answers=\"...\": No|Yes",
        id="advice-unknown-label",
    ),
    pytest.param(
        '<checkin>\n1. One\n\n<advice answers="Sometimes|Seldom">\nRead more.\n</advice>\n</checkin>\n',
        "docs/m.md:14: advice names the answer 'Seldom', which is not on the scale; use labels of the scale in "
        "answers=\"...\": Never|Rarely|Sometimes|Often|Always",
        id="advice-unknown-label-of-the-default-scale",
    ),
    pytest.param(
        '<checkin>\n1. One\n2. Two\n\n<advice statements="3" answers="Often">\nRead more.\n</advice>\n</checkin>\n',
        "docs/m.md:15: advice names statement 3, but the check-in has 2; use numbers from 1 to 2 in statements=\"...\"",
        id="advice-unknown-statement",
    ),
    pytest.param(
        '<checkin>\n1. One\n\n<advice statements="first" answers="Often">\nRead more.\n</advice>\n</checkin>\n',
        "docs/m.md:14: advice statements=\"first\" is not a list of numbers; write e.g. statements=\"1, 3\"",
        id="advice-statements-not-numbers",
    ),
    pytest.param(
        '<checkin>\n1. One\n\n<advice answers="Often">\nRead more.\n</checkin>\n',
        "docs/m.md:14: '<advice>' is never closed; add '</advice>' on its own line after the advice",
        id="advice-never-closed",
    ),
    pytest.param(
        '<checkin>\n<advice answers="Often">\nRead more.\n</advice>\n\n1. One\n</checkin>\n',
        "docs/m.md:12: '<advice>' comes before the statements; put every '<advice>' after the list",
        id="advice-before-the-statements",
    ),
    pytest.param(
        "<checkin>\n1. One\n\nA closing thought.\n</checkin>\n",
        "docs/m.md:14: text after the statements is not inside '<advice>'; put the intro before the list, "
        "or wrap this text in '<advice answers=\"...\">' ... '</advice>'",
        id="text-after-the-list",
    ),
    pytest.param(
        '<checkin again="nowhere"></checkin>\n',
        "docs/m.md:11: no check-in has the id 'nowhere'; give the check-in you mean id=\"nowhere\" where it is "
        "defined, or fix the name in again=\"...\"",
        id="again-unknown-id",
    ),
    pytest.param(
        GOOD + '\n<checkin again="evening" scale="No|Yes"></checkin>\n',
        "docs/m.md:16: '<checkin again=\"...\">' takes its statements and scale from the check-in it names; "
        "remove scale=\"...\" here (set them where the check-in is defined)",
        id="again-with-a-scale",
    ),
    pytest.param(
        GOOD + '\n<checkin id="evening">\n1. Another.\n</checkin>\n',
        "docs/m.md:16: check-in id 'evening' is already used on line 11; give this check-in another id",
        id="id-used-twice-on-a-page",
    ),
    pytest.param(
        "Some words.\n\n1. One\n</checkin>\n",
        "docs/m.md:14: '</checkin>' has no matching '<checkin>'; remove it or add '<checkin>' above the statements",
        id="stray-closing-tag",
    ),
]


def _course(tmp_path: Path, body: str, extra: dict[str, str] | None = None) -> Path:
    """Write a one-module course whose page holds ``body`` under its title; return mkdocs.yml."""
    return write_course(tmp_path, {"index.md": "# Welcome\n", "m.md": HEAD + body, **(extra or {})})


@pytest.mark.parametrize(("body", "message"), MISTAKES)
def test_each_checkin_mistake_fails_the_build_with_one_message(tmp_path, body, message):
    assert_fails_with(_course(tmp_path, body), message)


@pytest.mark.parametrize(("body", "message"), MISTAKES)
def test_check_gives_the_same_message_as_the_build(tmp_path, body, message):
    config = _course(tmp_path, body)
    assert cli.check(config.parent / "docs", config) == [message]


@pytest.mark.parametrize(("body", "message"), MISTAKES)
def test_the_extension_on_its_own_gives_the_same_message(body, message):
    _, log = golden.render("# Listening\n\n" + body)
    # Without front matter every line the message names is 8 lines earlier.
    shift = len(FRONT_MATTER.splitlines())
    expected = re.sub(r"(?<=line )\d+", lambda found: str(int(found.group(0)) - shift), message.split(":", 2)[2])
    line = int(message.split(":")[1]) - shift
    assert log == [f"WARNING: <markdown>:{line}:{expected}"]


def test_an_id_defined_on_two_pages_fails_the_build_naming_both(tmp_path):
    second = FRONT_MATTER.replace("order: 1", "order: 2").replace("Listening", "Speaking") + "# Speaking\n\n" + GOOD
    config = _course(tmp_path, GOOD, {"n.md": second})
    message = (
        "docs/n.md:11: check-in id 'evening' is already defined at docs/m.md:11; give this check-in another id, "
        "or show that one here with <checkin again=\"evening\"></checkin>"
    )
    assert_fails_with(config, message)
    assert cli.check(config.parent / "docs", config) == [message]


def test_a_checkin_taken_again_on_another_page_saves_under_its_defining_page(tmp_path):
    advice = '\n<advice statements="2" answers="Always">\nSee [the help page](help.md).\n</advice>\n'
    body = GOOD.replace("</checkin>", advice + "</checkin>")
    later = "# Later\n\n<checkin again=\"evening\"></checkin>\n"
    config = _course(tmp_path, body, {"help.md": "# Help\n", "later/index.md": later})
    done = mkdocs_build(config)
    assert done.returncode == 0, done.stdout
    assert warnings(done.stdout) == []
    html = (tmp_path / "site" / "later" / "index.html").read_text(encoding="utf-8")
    assert 'data-checkin-id="evening"' in html and 'data-checkin-page="m"' in html
    # The advice's link was written for docs/m.md; shown on later/, it still reaches the help page.
    assert 'href="../help/"' in html
    manifest = json.loads((tmp_path / "site" / "course-manifest.json").read_text(encoding="utf-8"))
    assert manifest["checkins"] == [{"id": "evening", "page": "m", "url": "m/", "title": "Listening", "statements": 2}]
    # Never counted towards the module: its ids are the checklist's and the quizzes' only.
    assert manifest["modules"][0]["checklist"] == [] and manifest["modules"][0]["quizzes"] == []


def test_the_workbook_prints_a_modules_checkin_as_a_form(tmp_path):
    config = _course(tmp_path, GOOD)
    done = mkdocs_build(config)
    assert done.returncode == 0, done.stdout
    workbook = (tmp_path / "site" / "workbook" / "index.html").read_text(encoding="utf-8")
    assert workbook.count('class="course-checkin"') == 1
    assert '<legend class="course-checkin__legend"><span class="course-checkin__number">1.</span> ' in workbook
    assert 'data-checkin-page="m"' in workbook


def test_the_derived_id_follows_the_statements():
    one, _ = golden.render("<checkin>\n- I slept well.\n- I ate well.\n</checkin>\n")
    two, _ = golden.render("Intro.\n\n<checkin>\nAn intro changes nothing.\n\n1. I slept well.\n2. I ate well.\n</checkin>\n")
    other, _ = golden.render("<checkin>\n- I slept badly.\n- I ate well.\n</checkin>\n")
    ident = one.split('data-checkin-id="', 1)[1].split('"', 1)[0]
    assert ident.startswith("k-")
    assert f'data-checkin-id="{ident}"' in two
    assert f'data-checkin-id="{ident}"' not in other


def test_ids_lists_each_checkin_so_an_author_can_pin_it(tmp_path):
    page = tmp_path / "m.md"
    page.write_text("# Title\n\n<checkin>\n- I slept well.\n</checkin>\n\n<checkin again=\"k-x\"></checkin>\n", encoding="utf-8")
    [row] = cli.ids([page])
    assert row.startswith(f"{page.as_posix()}:3: checkin k-") and row.endswith("  I slept well.")


@pytest.mark.parametrize(("body", "message"), MISTAKES)
def test_the_authoring_guide_explains_the_message(body, message):
    from test_cli import guide_patterns

    assert any(pattern.fullmatch(message) for pattern in guide_patterns()), message
