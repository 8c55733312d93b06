"""Reflections across the course: `check` reads them as the build does, and the plan page.

The manifest lists reflection ids, the notebook exists only when there are some, and `plan="..."`
puts a reflection on the page with the `<!-- course: plan -->` line.

The Markdown of each reflection is in golden cases (tests/golden/reflection-*); here are the course
as a whole, the plan page's HTML and the messages that need more than one page.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from helpers.build import copy_fixture_course, run_mkdocs_build
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from test_cli import guide_patterns
from test_model import build, module
from test_scan_matches_render import EXTENSIONS as SCAN_EXTENSIONS
from test_scan_matches_render import INDENTS, PIECES

from mkdocs_course import print_pages, syntax, widgets
from mkdocs_course.config import CourseConfig, load_course_config
from mkdocs_course.fragments import capture
from mkdocs_course.ids import derived_id

PLAN_PAGES = Path(__file__).resolve().parent / "plan_pages"


@pytest.fixture
def settings() -> CourseConfig:
    """Two sections, validated the way the hooks validate mkdocs.yml (as in test_model)."""
    course, messages = load_course_config(
        {"sections": [{"id": "basics", "title": "The basics", "label": "Step"}, {"id": "extras", "title": "Extras"}]}, None
    )
    assert messages == []
    return course
PHONES = '<reflection id="phones" plan="Our phone rule">\nWhen do phones go away?\n</reflection>\n'
BREAKS = '<reflection plan="Our break signal">\nWhich word pauses a talk?\n</reflection>\n'


def test_the_scan_reads_each_reflection_with_its_line_id_and_plan_label():
    page = syntax.scan("# Page\n\n" + PHONES + "\n!!! note\n\n    " + BREAKS.replace("\n", "\n    "))
    assert [(r.line, r.id, r.plan) for r in page.reflections] == [
        (3, "phones", "Our phone rule"),
        (9, derived_id("r", "Which word pauses a talk?"), "Our break signal"),
    ]
    assert page.problems == []


def test_a_reflection_in_code_or_a_comment_is_not_read_and_not_reported():
    page = syntax.scan("```\n" + PHONES + "```\n\n<!--\n" + BREAKS + "-->\n\n    <reflection>\n    Code.\n    </reflection>\n")
    assert page.reflections == [] and page.problems == []


# --- The course model -----------------------------------------------------------


def test_the_same_explicit_id_in_two_modules_is_one_clear_mistake(settings):
    course, problems = build(settings, {
        "steps/one.md": module(1, body=PHONES),
        "steps/two.md": module(2, body='<reflection id="phones">\nWho charges the phones?\n</reflection>\n'),
    })
    assert problems == [
        "docs/steps/two.md:12: reflection id 'phones' is already used by docs/steps/one.md:12; give this "
        "reflection an id of its own (ids name the learner's saved words, and the plan page lists each once)"
    ]


def test_the_same_question_in_two_modules_is_fine_each_is_saved_under_its_module(settings):
    prompt = "<reflection>\nHow did last week's practice go?\n</reflection>\n"
    _, problems = build(settings, {"steps/one.md": module(1, body=prompt), "steps/two.md": module(2, body=prompt)})
    assert problems == []


def test_a_plan_label_is_used_once_in_the_course(settings):
    _, problems = build(settings, {
        "steps/one.md": module(1, body=PHONES),
        "steps/two.md": module(2, body='<reflection plan="our phone Rule">\nWhere do phones sleep?\n</reflection>\n'),
    })
    assert problems == [
        "docs/steps/two.md:12: the plan label 'our phone Rule' is already used by docs/steps/one.md:12; "
        "give each plan reflection a label of its own (each is a heading on the plan page)"
    ]


def test_a_plan_reflection_outside_a_module_is_reported(settings):
    _, problems = build(settings, {"steps/one.md": module(1, body=PHONES), "notes.md": "# Notes\n\n" + BREAKS})
    assert problems == [
        "docs/notes.md:3: this reflection has plan=\"Our break signal\" but the page is not a module, so the plan "
        "page leaves it out; move it into a module, or remove plan"
    ]


def test_the_plan_marker_needs_a_plan_reflection_somewhere_in_the_course(settings):
    pages = {"steps/one.md": module(1, body="<reflection>\nA prompt.\n</reflection>\n"), "plan.md": "# Plan\n\n<!-- course: plan -->\n"}
    _, problems = build(settings, pages)
    assert problems == [
        "docs/plan.md:3: '<!-- course: plan -->' shows the course's plan reflections, but no reflection has "
        "plan=\"...\"; add plan=\"Our phone rule\" (a short label) to the reflections that belong on the plan, or remove the line"
    ]
    pages["steps/two.md"] = module(2, body=PHONES)
    assert build(settings, pages)[1] == []


def test_modules_keep_their_reflection_ids_and_plan_prompts_in_page_order(settings):
    course, _ = build(settings, {"steps/one.md": module(1, body=BREAKS + "\n<reflection>\nPlain.\n</reflection>\n\n" + PHONES)})
    (one,) = course.modules
    assert one.reflections == [derived_id("r", "Which word pauses a talk?"), derived_id("r", "Plain."), "phones"]
    assert [(p.id, p.label) for p in one.plans] == [(one.reflections[0], "Our break signal"), ("phones", "Our phone rule")]


def test_a_course_without_reflections_has_no_notebook_and_no_link_to_it(settings):
    course, _ = build(settings, {"steps/one.md": module(1, body="- [ ] Tick me\n")})
    assert "notebook.md" not in print_pages.generated_pages(course, settings)
    assert "notebook" not in widgets.dashboard(course, lambda url: url)
    course, _ = build(settings, {"steps/one.md": module(1, body=PHONES)})
    assert "notebook.md" in print_pages.generated_pages(course, settings)
    assert 'href="notebook/">Open my notebook</a>' in widgets.dashboard(course, lambda url: url)


# --- The plan page ---------------------------------------------------------------

PLAN_HTML = """\
<div class="course-plan">
<p class="buttons"></p>
<section class="course-plan__item" aria-labelledby="plan-steps-one-phones">
<h2 id="plan-steps-one-phones">Our phone rule</h2>
<p class="course-plan__from"><a href="../steps/one/">From Module 1</a></p>
<div class="course-reflections" data-course-page="steps/one"><div class="course-reflection" data-plan="Our phone rule" \
data-reflection-id="phones" id="reflection-phones"><p>Prompt, <a href="../steps/two/">linked</a>.</p></div></div>
</section>
</div>"""


def test_the_plan_page_lists_each_plan_reflection_under_its_label_with_its_module(settings):
    course, _ = build(settings, {"steps/one.md": module(1, body=PHONES)})
    piece = capture(
        '<p>Text</p><div class="course-reflection" data-plan="Our phone rule" data-reflection-id="phones" id="reflection-phones">'
        '<p>Prompt, <a href="../two/">linked</a>.</p></div>',
        "steps/one/",
        "Try this week",
    )
    html = print_pages.plan_html(course, {"steps/one phones": piece.reflections[0]}, "our-plan/", '<p class="buttons"></p>')
    assert html == PLAN_HTML


def test_a_plan_page_without_plan_reflections_says_so(settings):
    course, _ = build(settings, {"steps/one.md": module(1)})
    assert "No reflection in this course is part of the plan yet." in print_pages.plan_html(course, {}, "plan/")


# --- check and the build agree ------------------------------------------------------

MISTAKES = """
<reflection plan="">
An empty label.
</reflection>

Text right above,
<reflection>
so not a reflection.
</reflection>

<reflection id="phones" colour="red">
Same id as the other module, and an attribute it does not have.
</reflection>

<reflection id="twice">
One.
</reflection>

<reflection id="twice">
Two.
</reflection>

<reflection plan="Our phone rule">
Never closed.
"""


@pytest.fixture(scope="module")
def course_with_mistakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with the plan pages, a module full of reflection mistakes and a plan prompt on a plain page."""
    mkdocs_yml = copy_fixture_course(tmp_path_factory.mktemp("plan-mistakes"))
    docs = mkdocs_yml.parent / "docs"
    shutil.copytree(PLAN_PAGES, docs, dirs_exist_ok=True)
    agreements = (docs / "extras" / "agreements.md").read_text(encoding="utf-8")
    mistakes = agreements.replace("title: Agreements", "title: Mistakes").replace("order: 2", "order: 3")
    (docs / "extras" / "mistakes.md").write_text(mistakes.split("# Agreements")[0] + "# Mistakes\n" + MISTAKES, encoding="utf-8")
    (docs / "notes.md").write_text("# Notes\n\n" + BREAKS, encoding="utf-8")
    return mkdocs_yml


def reflection_messages(lines: list[str]) -> set[str]:
    """The `path:line: message` lines about reflections or the plan."""
    return {line for line in lines if re.match(r"docs/\S+:\d+: ", line) and re.search(r"reflection|plan", line)}


def test_check_reports_every_reflection_mistake_with_the_same_line_as_the_build(course_with_mistakes: Path):
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_course", "check", "docs"],
        cwd=course_with_mistakes.parent, capture_output=True, text=True, timeout=120, check=False,
    )
    checked = reflection_messages(done.stdout.splitlines())
    built = run_mkdocs_build(course_with_mistakes, course_with_mistakes.parent / "site")
    assert built.returncode != 0, "a reflection mistake must fail a strict build"
    logged = reflection_messages([line.split(" -  ", 1)[-1] for line in built.stdout.splitlines() if line.startswith("WARNING")])
    assert checked == logged
    assert checked == {
        "docs/extras/mistakes.md:14: the reflection's plan label is empty; write a short label, such as "
        "plan=\"Our phone rule\", or remove plan",
        "docs/extras/mistakes.md:19: this '<reflection>' is not read as a reflection here (it continues the text "
        "above it, or is indented); put it at the start of a line of its own, with a blank line above",
        "docs/extras/mistakes.md:23: '<reflection>' has no attribute 'colour'; the ones it has are id=\"my-id\" and "
        "plan=\"Our phone rule\"",
        "docs/extras/mistakes.md:23: reflection id 'phones' is already used by docs/extras/agreements.md:16; give "
        "this reflection an id of its own (ids name the learner's saved words, and the plan page lists each once)",
        "docs/extras/mistakes.md:31: reflection id 'twice' is already used on line 27; give this reflection another id",
        "docs/extras/mistakes.md:35: '<reflection>' is never closed; add '</reflection>' on its own line after the prompt",
        "docs/notes.md:3: this reflection has plan=\"Our break signal\" but the page is not a module, so the plan "
        "page leaves it out; move it into a module, or remove plan",
    }
    patterns = guide_patterns()
    assert [m for m in checked if not any(p.fullmatch(m) for p in patterns)] == [], "the guide must explain each"


def test_the_built_manifest_lists_each_modules_reflection_ids(tmp_path: Path):
    mkdocs_yml = copy_fixture_course(tmp_path)
    shutil.copytree(PLAN_PAGES, mkdocs_yml.parent / "docs", dirs_exist_ok=True)
    built = run_mkdocs_build(mkdocs_yml, tmp_path / "site")
    assert built.returncode == 0, built.stdout
    manifest = json.loads((tmp_path / "site" / "course-manifest.json").read_text(encoding="utf-8"))
    by_id = {m["id"]: m["reflections"] for m in manifest["modules"]}
    assert by_id["extras/agreements"] == ["phones", derived_id("r", "What helps you calm down?"), "break-signal"]
    assert by_id["basics/listening"] == []
    assert (tmp_path / "site" / "notebook" / "index.html").exists()


def test_the_fixture_course_has_no_reflections_so_no_notebook_and_no_link(fixture_site: Path):
    assert not (fixture_site / "notebook").exists()
    assert "Open my notebook" not in (fixture_site / "index.html").read_text(encoding="utf-8")


def test_ids_lists_each_reflection_with_its_line_so_an_author_can_pin_it(tmp_path: Path):
    page = tmp_path / "one.md"
    page.write_text("---\ntitle: One\n---\n\n# One\n\n" + BREAKS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_course", "ids", "one.md"], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout == f"one.md:7: reflection {derived_id('r', 'Which word pauses a talk?')}  Which word pauses a talk?\n"


LONG = " " * 40_000
LONG_REFLECTIONS = {
    "reflection tag with a long run of spaces": "<reflection" + LONG,
    "reflection attribute with a long run of spaces": "<reflection plan" + LONG + "x>\nQ?\n</reflection>",
    "reflection plan value never closed": '<reflection plan="' + "a b=" * 10_000 + ">\nQ?\n</reflection>",
    "reflection with many words for attributes": "<reflection " + "a=" * 20_000 + ">\nQ?\n</reflection>",
}


@pytest.mark.parametrize("text", list(LONG_REFLECTIONS.values()), ids=list(LONG_REFLECTIONS))
def test_a_long_odd_reflection_line_is_scanned_and_rendered_in_well_under_seconds(text):
    import time

    import markdown

    start = time.perf_counter()
    syntax.scan(text)
    scanned = time.perf_counter()
    markdown.Markdown(extensions=["course_quiz", "course_checklist", "md_in_html", "pymdownx.superfences"]).convert(text)
    rendered = time.perf_counter()
    assert scanned - start < 1.0
    assert rendered - scanned < 6.0


# --- The scan finds the reflections the page shows -------------------------------------

REFLECTION_LINES = ["<reflection>", "Prompt?", "</reflection>"]


@st.composite
def pages_with_reflections(draw: st.DrawFn) -> str:
    """Return a page of up to 12 of test_scan_matches_render's pieces, and reflections, each indented."""
    rows = []
    pieces = st.sampled_from([*PIECES, "REFLECTION", "REFLECTION", "<reflection>", "</reflection>"])
    for number, (indent, piece) in enumerate(draw(st.lists(st.tuples(st.sampled_from(INDENTS), pieces), max_size=12))):
        if piece == "REFLECTION":
            rows += [indent + line.replace("Prompt?", f"Prompt {number}?") for line in REFLECTION_LINES]
        elif piece:
            rows.append(indent + piece.replace("Item", f"Item {number}").replace("QUIZ", "Text."))
        else:
            rows.append("")
    return "\n".join(rows) + "\n"


@examples(max_examples=int(os.environ.get("SCAN_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages_with_reflections())
def test_the_scan_finds_the_reflections_the_page_shows(text: str) -> None:
    log = logging.getLogger("mkdocs.plugins.course")
    log.disabled = True  # the messages are not what this test is about
    try:
        html = markdown.Markdown(extensions=SCAN_EXTENSIONS).convert(text)
    finally:
        log.disabled = False
    shown = re.findall(r'data-reflection-id="([^"]+)"', html)
    assert [r.id for r in syntax.scan(text).reflections] == shown
