"""Author mistakes fail the real ``mkdocs build --strict`` with one exact line each.

Every test writes a tiny course to a temporary folder, makes one mistake, and
runs MkDocs in a subprocess the way an author does. The line numbers in the
messages are the lines the author sees in their editor: front matter counts.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "course.py"

MKDOCS_YML = f"""\
site_name: Tiny course
theme:
  name: material
hooks:
  - {HOOK.as_posix()}
extra_css: [assets/course/course.css]
extra_javascript: [{{path: assets/course/course.js, type: module}}]
markdown_extensions:
  - course_quiz
  - course_checklist
  - admonition
  - md_in_html
  - pymdownx.superfences
  - pymdownx.tasklist
extra:
  course:
    sections:
      - id: basics
        title: The basics
"""  # extra.course starts on line 16; its first section on line 18

FRONT_MATTER = """\
---
title: Listening
section: basics
order: 1
summary: Listen to the end before you answer.
minutes: 5
objectives: [Let your partner finish, Say back what you heard]
---
"""  # 8 lines: the body's first line is line 9 of the file

BODY = """\
# Listening

Stop what you are doing.
<quiz>
What helps most?
- [x] Turning to face them
  > Yes: it shows they matter.
- [ ] Carrying on cooking

Attention comes first.
</quiz>

- [ ] Put the phone away
- [ ] Let them finish
"""  # <quiz> on line 12 of the file, the checklist on lines 21-22

NO_CORRECT = "quiz has no correct option; mark the right answer(s) with '- [x]'"


def write_course(root: Path, pages: dict[str, str], config: str = MKDOCS_YML) -> Path:
    """Write mkdocs.yml and docs/ under root; return the config file."""
    for uri, text in pages.items():
        path = root / "docs" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(config, encoding="utf-8")
    return config_file


def mkdocs_build(config_file: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs build`` as an author would; output and errors merged."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(config_file.parent / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        command + (["--strict"] if strict else []),
        cwd=config_file.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )


def warnings(output: str) -> list[str]:
    """Return MkDocs' warning lines, without the ``WARNING -`` prefix."""
    return [line.split("-", 1)[1].strip() for line in output.splitlines() if line.startswith("WARNING")]


def assert_fails_with(config_file: Path, *messages: str) -> str:
    """Build strictly; assert it fails and warns exactly ``messages``, once each and nothing else."""
    done = mkdocs_build(config_file)
    assert done.returncode != 0, f"the build should fail:\n{done.stdout}"
    assert warnings(done.stdout) == list(messages), done.stdout
    assert f"Aborted with {len(messages)} warnings in strict mode!" in done.stdout, done.stdout
    return done.stdout


def test_a_clean_course_builds(tmp_path):
    config_file = write_course(tmp_path, {"index.md": "# Welcome\n", "m.md": FRONT_MATTER + BODY})
    done = mkdocs_build(config_file)
    assert done.returncode == 0, done.stdout
    assert warnings(done.stdout) == []
    manifest = json.loads((tmp_path / "site" / "course-manifest.json").read_text(encoding="utf-8"))
    [module] = manifest["modules"]
    assert (module["id"], module["url"], len(module["checklist"]), len(module["quizzes"])) == ("m", "m/", 2, 1)
    html = (tmp_path / "site" / "m" / "index.html").read_text(encoding="utf-8")
    assert f'data-quiz-id="{module["quizzes"][0]}"' in html
    assert all(f'data-item-id="{item}"' in html for item in module["checklist"])
    assert "course-error" not in html and "<quiz" not in html


def test_quiz_mistake_names_the_file_line_counting_front_matter(tmp_path):
    page = FRONT_MATTER + BODY.replace("- [x] Turning", "- [ ] Turning")
    assert page.split("\n")[11] == "<quiz>"  # line 12
    config_file = write_course(tmp_path, {"m.md": page})
    output = assert_fails_with(config_file, f"docs/m.md:12: {NO_CORRECT}")
    assert [line for line in output.splitlines() if "docs/m.md:12: quiz has no correct option" in line] == [
        f"WARNING -  docs/m.md:12: {NO_CORRECT}"
    ]


def test_blank_lines_after_front_matter_still_count(tmp_path):
    page = FRONT_MATTER + "\n\n\n" + BODY.replace("- [x] Turning", "- [ ] Turning")
    config_file = write_course(tmp_path, {"m.md": page})
    assert_fails_with(config_file, f"docs/m.md:15: {NO_CORRECT}")


def test_a_page_without_front_matter_counts_from_line_one(tmp_path):
    page = "# Welcome\n\n<quiz>\nWhich?\n- [ ] a\n- [ ] b\n</quiz>\n"
    config_file = write_course(tmp_path, {"index.md": page, "m.md": FRONT_MATTER + BODY})
    assert_fails_with(config_file, f"docs/index.md:3: {NO_CORRECT}")


def test_a_page_in_a_folder_is_named_by_its_path(tmp_path):
    page = FRONT_MATTER + BODY.replace("</quiz>\n\n-", "\n-", 1)  # the closing tag removed
    config_file = write_course(tmp_path, {"steps/m.md": page})
    assert_fails_with(
        config_file, "docs/steps/m.md:12: '<quiz>' is never closed; add '</quiz>' on its own line after the explanation"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "- [ ] Let them finish", "- [ ] Put the **phone** away",
            "docs/m.md:22: this checklist item has the same text as the one on line 21, so both would get "
            "the same id; reword one or give it an id at the end: {#my-id}",
            id="checklist-duplicate-text",
        ),
        pytest.param(
            "- [ ] Let them finish", "- [ ] {#finish}",
            "docs/m.md:22: checklist item has no text; write the action after '- [ ]'",
            id="checklist-empty-item",
        ),
        pytest.param(
            "<quiz>", '<quiz id="2nd">',
            "docs/m.md:12: quiz id '2nd' is not valid; use a letter then letters, digits, '-' or '_'",
            id="quiz-invalid-id",
        ),
        pytest.param(
            "\nAttention comes first.", "\n> Attention comes first.",
            "docs/m.md:18: feedback line '>' is not directly under an option; put it on the line right "
            "after the option it explains, with no blank line between",
            id="quiz-stray-feedback",
        ),
        pytest.param(
            "- [ ] Let them finish", "- [ ] Let them finish\n</quiz>",
            "docs/m.md:23: '</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question",
            id="stray-closing-tag",
        ),
    ],
)
def test_each_page_mistake_fails_the_build_with_one_message(tmp_path, old, new, message):
    assert old in BODY
    config_file = write_course(tmp_path, {"m.md": FRONT_MATTER + BODY.replace(old, new, 1)})
    assert_fails_with(config_file, message)


def test_duplicate_quiz_ids_name_both_lines_as_the_author_sees_them(tmp_path):
    second = '\n<quiz id="help">\nAnother?\n- [x] a\n- [ ] b\n</quiz>\n'  # opens on line 24
    page = FRONT_MATTER + BODY.replace("<quiz>", '<quiz id="help">') + second
    config_file = write_course(tmp_path, {"m.md": page})
    assert_fails_with(config_file, "docs/m.md:24: quiz id 'help' is already used on line 12; give this quiz another id")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param("minutes: 5", "minuts: 5", "docs/m.md:6: unknown front-matter key `minuts`; did you mean `minutes`?",
                     id="misspelt-key"),
        pytest.param("section: basics", "section: basic", "docs/m.md:3: section `basic` is not defined; did you mean `basics`?",
                     id="undefined-section"),
        pytest.param("order: 1", "order: first", "docs/m.md:4: `order` must be a whole number above 0, not `first`",
                     id="order-type"),
        pytest.param("summary: Listen to the end before you answer.\n", "",
                     "docs/m.md:1: module front matter is missing `summary`; add a line like "
                     "`summary: One line that says what the learner will be able to do.`",
                     id="missing-key"),
    ],
)
def test_front_matter_mistake_fails_the_build_with_one_message(tmp_path, old, new, message):
    config_file = write_course(tmp_path, {"m.md": FRONT_MATTER.replace(old, new, 1) + BODY})
    assert_fails_with(config_file, message)


def test_order_gap_names_the_module_after_it(tmp_path):
    config_file = write_course(
        tmp_path, {"m.md": FRONT_MATTER + BODY, "n.md": FRONT_MATTER.replace("order: 1", "order: 3") + "# Next\n"}
    )
    assert_fails_with(
        config_file, "docs/n.md:4: section 'basics' has no module with order 2; number the modules 1, 2, 3 ... without gaps"
    )


def test_course_config_mistake_names_mkdocs_yml_and_line(tmp_path):
    config = MKDOCS_YML + "    completoin: [read]\n"  # line 20
    config_file = write_course(tmp_path, {"m.md": FRONT_MATTER + BODY}, config)
    assert_fails_with(config_file, "mkdocs.yml:20: extra.course has no setting 'completoin'; did you mean 'completion'?")


def test_mistakes_on_two_pages_are_each_reported_once_with_their_own_file(tmp_path):
    broken_quiz = FRONT_MATTER + BODY.replace("- [x] Turning", "- [ ] Turning")
    broken_list = (
        FRONT_MATTER.replace("order: 1", "order: 2") + "\n# Next\n\n- [ ] Call {#call}\n- [ ] Walk {#call}\n"
    )  # the items on lines 12-13
    config_file = write_course(tmp_path, {"m.md": broken_quiz, "n.md": broken_list, "index.md": "# Home\n"})
    assert_fails_with(
        config_file,
        f"docs/m.md:12: {NO_CORRECT}",
        "docs/n.md:13: checklist id 'call' is already used on line 12; give this item another id",
    )


def test_without_strict_the_broken_quiz_is_shown_as_an_error_box(tmp_path):
    page = FRONT_MATTER + BODY.replace("- [x] Turning", "- [ ] Turning")
    config_file = write_course(tmp_path, {"m.md": page})
    done = mkdocs_build(config_file, strict=False)
    assert done.returncode == 0, done.stdout
    assert warnings(done.stdout) == [f"docs/m.md:12: {NO_CORRECT}"]
    html = (tmp_path / "site" / "m" / "index.html").read_text(encoding="utf-8")
    assert "This quiz could not be built; see the build log." in html
    assert 'class="course-quiz"' not in html and "<quiz" not in html


def test_a_module_left_out_of_an_authors_nav_is_reported(tmp_path):
    config = MKDOCS_YML + "nav:\n  - index.md\n"
    config_file = write_course(tmp_path, {"index.md": "# Welcome\n", "m.md": FRONT_MATTER + BODY}, config)
    assert_fails_with(
        config_file,
        "docs/m.md:1: module 'Listening' is not in the navigation; remove `nav` from mkdocs.yml to let the "
        "course order it, or add the page to `nav`",
    )


def test_without_an_authors_nav_the_course_orders_the_navigation(tmp_path):
    second = FRONT_MATTER.replace("order: 1", "order: 2").replace("title: Listening", "title: Speaking")
    config_file = write_course(
        tmp_path, {"index.md": "# Welcome\n", "b.md": FRONT_MATTER + BODY, "a.md": second + "# Speaking\n"}
    )
    done = mkdocs_build(config_file)
    assert done.returncode == 0, done.stdout
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('md-nav--primary') :]
    # Course order (b.md is order 1), not file name order.
    assert nav.index("Listening") < nav.index("Speaking")
    # The workbook is listed; the answer key only linked from it, and a strict build does not call it omitted.
    assert "Workbook" in nav and "Answer key" not in nav
    workbook = (tmp_path / "site" / "workbook" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../answer-key/">Answer key</a>' in workbook
    assert (tmp_path / "site" / "answer-key" / "index.html").is_file()


def test_a_dirty_build_writes_the_same_workbook_answer_key_and_manifest_as_a_full_build(tmp_path):
    # A --dirty build renders only the pages that changed; the print pages and
    # the manifest still cover every module.
    second = FRONT_MATTER.replace("order: 1", "order: 2").replace("title: Listening", "title: Speaking")
    second += BODY.replace("Put the phone away", "Ask one question").replace("What helps most?", "What helps next?")
    pages = {"index.md": "# Home\n", "listening.md": FRONT_MATTER + BODY, "speaking.md": second}
    config_file = write_course(tmp_path, pages)
    site = tmp_path / "site"
    assert mkdocs_build(config_file).returncode == 0
    outputs = ("workbook/index.html", "answer-key/index.html", "course-manifest.json", "index.html")
    full = {name: (site / name).read_text(encoding="utf-8") for name in outputs}
    manifest = json.loads(full["course-manifest.json"])["modules"]
    assert [(len(m["checklist"]), len(m["quizzes"])) for m in manifest] == [(2, 1), (2, 1)]
    assert full["workbook/index.html"].count("data-item-id=") == 4
    assert full["answer-key/index.html"].count('class="course-quiz__key"') == 2

    untouched = (site / "listening" / "index.html").stat().st_mtime_ns
    os.utime(tmp_path / "docs" / "speaking.md")  # touched, not changed
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(config_file), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (site / "listening" / "index.html").stat().st_mtime_ns == untouched  # not rendered again
    assert {name: (site / name).read_text(encoding="utf-8") for name in outputs} == full


def test_a_course_that_lists_no_assets_or_extensions_gets_each_once(tmp_path):
    bare = MKDOCS_YML.replace("extra_css: [assets/course/course.css]\n", "").replace(
        "extra_javascript: [{path: assets/course/course.js, type: module}]\n", ""
    ).replace("  - course_quiz\n  - course_checklist\n", "")
    for name, config in (("bare", bare), ("listed", MKDOCS_YML)):
        config_file = write_course(tmp_path / name, {"index.md": "# Home\n", "listening.md": FRONT_MATTER + BODY}, config)
        done = mkdocs_build(config_file)
        assert done.returncode == 0 and warnings(done.stdout) == [], done.stdout
        html = (tmp_path / name / "site" / "listening" / "index.html").read_text(encoding="utf-8")
        assert html.count('<link rel="stylesheet" href="../assets/course/course.css">') == 1, name
        assert html.count('<script src="../assets/course/course.js" type="module">') == 1, name
        assert html.count('class="course-quiz"') == 1 and html.count("data-item-id=") == 2, name
        assert (tmp_path / name / "site" / "assets" / "course" / "course.js").is_file()


def test_quiet_strict_build_still_fails_on_a_course_mistake_and_lists_it(tmp_path):
    # MkDocs 1.6 drops warnings under -q before --strict counts them; the
    # course counts its own.
    page = FRONT_MATTER + BODY.replace("- [x] Turning", "- [ ] Turning")
    config_file = write_course(tmp_path, {"index.md": "# Home\n", "m.md": page})
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config_file), "-d", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode != 0, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert f"Aborted with 1 course mistake in strict mode:\n  docs/m.md:12: {NO_CORRECT}" in output, output

    not_strict = [part for part in command if part != "--strict"]
    quiet = subprocess.run(not_strict, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert quiet.returncode == 0, quiet.stderr  # without --strict a mistake does not fail the build


def test_markdown_may_link_to_the_anchors_of_the_course_widgets(tmp_path):
    # The dashboard and progress tools are added after the Markdown is
    # rendered; their anchors still count when --strict checks links.
    home = "# Home\n\nSee [your progress](#course-dashboard) and [keep a copy](#course-manage).\n"
    other = "# Other\n\nBack to [the progress tools](index.md#course-manage).\n"
    pages = {"index.md": home, "other.md": other, "listening.md": FRONT_MATTER + BODY}
    config_file = write_course(tmp_path, pages, MKDOCS_YML + "validation:\n  links:\n    anchors: warn\n")
    done = mkdocs_build(config_file)
    assert done.returncode == 0, done.stdout
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="course-manage"' in page and 'href="#course-manage"' in page

    (tmp_path / "docs" / "other.md").write_text(other.replace("#course-manage", "#course-nowhere"), encoding="utf-8")
    done = mkdocs_build(config_file)
    assert done.returncode != 0 and "course-nowhere" in done.stdout
