"""`python -m mkdocs_course check` and `ids`, the pre-commit hook, the module template and the guide.

Each test runs the real command in a subprocess on a small course written to a
temporary folder, and asserts exactly what an author would see.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_course.strings import STRINGS

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "module.md"
GUIDE = ROOT / "CONTRIBUTING.md"
GUIDE_PAGE = ROOT / "docs" / "authoring" / "index.md"
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"

CONFIG = """\
site_name: Check test
extra:
  course:
    sections:
      - id: basics
        title: The basics
      - id: extras
        title: Extras
"""


def module(title: str, section: str, order: int, body: str = "", /, **front: str | None) -> str:
    """Return a module page with valid front matter, changed by `front` (a value of None drops the key)."""
    keys = {
        "title": title,
        "section": section,
        "order": str(order),
        "summary": f"What {title} teaches.",
        "minutes": "5",
        "objectives": "\n  - Do one thing\n  - Do another thing",
    }
    keys.update(front)
    lines = "".join(f"{key}: {value}\n" for key, value in keys.items() if value is not None)
    return f"---\n{lines}---\n\n# {title}\n{body}"


CLEAN_BODY = """
- [ ] Water the plants
- [ ] Open a window {#air}

<quiz>
Which is right?

- [x] This one
  > Yes.
- [ ] That one
  > No.

Because it is.
</quiz>
"""

BROKEN_QUIZ = """
<quiz>
Which is right?

- [ ] This one
- [ ] That one

Neither, as it happens.
</quiz>

</quiz>
"""

TWICE = """
- [ ] Water the plants
- [ ] Water the plants
"""


def write_course(root: Path, pages: dict[str, str], config: str = CONFIG) -> Path:
    """Write mkdocs.yml and docs/<path> for each page; return the course folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for path, text in {"index.md": "# Home\n", **pages}.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(text, encoding="utf-8")
    return root


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m mkdocs_course ARGS` in `cwd`, as an author would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_course", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=60, check=False,
    )


@pytest.fixture
def clean_course(tmp_path: Path) -> Path:
    """Two valid modules in two sections."""
    return write_course(tmp_path, {
        "basics/one.md": module("One", "basics", 1, CLEAN_BODY),
        "extras/two.md": module("Two", "extras", 1),
    })


@pytest.fixture
def broken_course(tmp_path: Path) -> Path:
    """Six mistakes in four files, mkdocs.yml included."""
    return write_course(
        tmp_path,
        {
            "basics/one.md": module("One", "basics", 1, minutes=None, minuts="5"),
            "basics/two.md": module("Two", "basics", 2, BROKEN_QUIZ),
            "extras/three.md": module("Three", "extras", 1, TWICE, section="extra"),
        },
        config=CONFIG + "    complettion: [read]\n",
    )


BROKEN_COURSE_OUTPUT = [
    "mkdocs.yml:9: extra.course has no setting 'complettion'; did you mean 'completion'?",
    "docs/basics/one.md:9: unknown front-matter key `minuts`; did you mean `minutes`?",
    "docs/extras/three.md:3: section `extra` is not defined; did you mean `extras`?",
    "docs/basics/two.md:14: quiz has no correct option; mark the right answer(s) with '- [x]'",
    "docs/basics/two.md:23: '</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question",
    "docs/extras/three.md:15: this checklist item has the same text as the one on line 14, so both would get "
    "the same id; reword one or give it an id at the end: {#my-id}",
]


# --- check --------------------------------------------------------------------


def test_a_clean_course_passes_with_exit_code_0(clean_course: Path) -> None:
    done = run("check", "docs", cwd=clean_course)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "No problems found.\n")


def test_every_mistake_in_every_file_is_reported_with_its_line(broken_course: Path) -> None:
    done = run("check", "docs", cwd=broken_course)
    assert done.stdout.splitlines() == BROKEN_COURSE_OUTPUT
    assert done.stderr == "6 problems found\n"
    assert done.returncode == 1


def test_one_problem_is_counted_in_the_singular(tmp_path: Path) -> None:
    course = write_course(tmp_path, {"basics/one.md": module("One", "basics", 1, TWICE)})
    done = run("check", "docs", cwd=course)
    assert done.stdout.splitlines() == [
        "docs/basics/one.md:15: this checklist item has the same text as the one on line 14, so both would get "
        "the same id; reword one or give it an id at the end: {#my-id}",
    ]
    assert (done.returncode, done.stderr) == (1, "1 problem found\n")


def test_the_docs_folder_defaults_to_docs_and_paths_stay_relative_to_mkdocs_yml(broken_course: Path) -> None:
    from_inside = run("check", cwd=broken_course)
    from_outside = run("check", broken_course / "docs", "-f", broken_course / "mkdocs.yml", cwd=broken_course.parent)
    assert from_inside.stdout.splitlines() == BROKEN_COURSE_OUTPUT
    assert from_outside.stdout.splitlines() == BROKEN_COURSE_OUTPUT


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["check", "nowhere"], "error: no such folder: nowhere"),
        (["check", "docs", "-f", "missing.yml"], "error: no mkdocs.yml at missing.yml; pass -f path/to/mkdocs.yml"),
        (["lint"], "error: argument command: invalid choice: 'lint'"),
        ([], "error: the following arguments are required: command"),
    ],
)
def test_bad_usage_exits_with_code_2_and_says_why(clean_course: Path, args: list[str], error: str) -> None:
    done = run(*args, cwd=clean_course)
    assert done.returncode == 2
    assert done.stdout == ""
    assert error in done.stderr
    assert done.stderr.startswith("usage: python -m mkdocs_course")


def test_a_missing_mkdocs_yml_next_to_docs_is_bad_usage(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    done = run("check", "docs", cwd=tmp_path)
    assert done.returncode == 2
    assert f"error: no mkdocs.yml at {tmp_path.resolve() / 'mkdocs.yml'}; pass -f path/to/mkdocs.yml" in done.stderr


# --- ids ----------------------------------------------------------------------


def test_ids_lists_every_quiz_and_item_with_its_line(clean_course: Path) -> None:
    done = run("ids", "docs/basics/one.md", cwd=clean_course)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert [re.sub(r"[0-9a-f]{8}", "HASH", line) for line in lines] == [
        "docs/basics/one.md:14: item c-HASH  Water the plants",
        "docs/basics/one.md:15: item air  Open a window",
        "docs/basics/one.md:17: quiz q-HASH  Which is right?",
    ]
    # The ids are the ones the site saves progress under: pinning one keeps it.
    pinned = (clean_course / "docs/basics/one.md").read_text().replace(
        "- [ ] Water the plants", f"- [ ] Water the plants every day {{#{lines[0].split()[2]}}}"
    )
    (clean_course / "docs/basics/one.md").write_text(pinned)
    assert run("ids", "docs/basics/one.md", cwd=clean_course).stdout.splitlines()[0] == (
        f"docs/basics/one.md:14: item {lines[0].split()[2]}  Water the plants every day"
    )


def test_ids_reads_whole_folders(clean_course: Path) -> None:
    done = run("ids", cwd=clean_course)
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["docs/basics/one.md"] * 3


def test_ids_of_a_missing_file_is_bad_usage(clean_course: Path) -> None:
    done = run("ids", "docs/nope.md", cwd=clean_course)
    assert done.returncode == 2
    assert "error: no such file or folder: docs/nope.md" in done.stderr


# --- The pre-commit hook --------------------------------------------------------


def test_the_pre_commit_hook_runs_the_check_on_the_whole_course(broken_course: Path) -> None:
    (hook,) = yaml.safe_load(HOOKS_FILE.read_text())
    assert hook["id"] == "mkdocs-course-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    triggers = re.compile(hook["files"])
    assert triggers.search("docs/steps/quality-time.md") and triggers.search("mkdocs.yml")
    assert not triggers.search("hooks/course.py")
    command = hook["entry"].split()
    assert command[0] == "python"
    # pre-commit runs the entry in the repository's root with the hook's own Python.
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=broken_course, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout.splitlines()) == (1, BROKEN_COURSE_OUTPUT)


# --- The module template --------------------------------------------------------


def test_the_module_template_passes_the_check_as_it_is(tmp_path: Path) -> None:
    course = write_course(tmp_path, {}, config=CONFIG.replace("id: basics", "id: steps"))
    (course / "docs" / "steps").mkdir()
    shutil.copy(TEMPLATE, course / "docs" / "steps" / "new-module.md")
    done = run("check", "docs", cwd=course)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "No problems found.\n")
    kinds = [line.split()[1] for line in run("ids", "docs/steps", cwd=course).stdout.splitlines()]
    assert kinds.count("item") >= 3 and kinds.count("quiz") == 2


# --- The authoring guide ----------------------------------------------------------


def guide_patterns() -> list[re.Pattern[str]]:
    """Every message the guide explains (the lines of its `text` blocks), as patterns."""
    section = GUIDE.read_text().split("## What the error messages mean", 1)[1].split("\n## ", 1)[0]
    lines = [line for block in re.findall(r"```text\n(.*?)```", section, re.S) for line in block.splitlines()]
    assert len(lines) > 30, "the guide's list of messages looks cut short"
    # {placeholders} stand for the parts that change: a path, a line, a key.
    return [re.compile(".+?".join(map(re.escape, re.split(r"\{[A-Za-z][A-Za-z ]*\}", line)))) for line in lines]


MANY_MISTAKES = {
    "basics/a.md": module("A", "basics", 1, minutes=None, minuts="5"),
    "basics/b.md": module("B", "basics", 2, order="two", objectives="[]"),
    "basics/c.md": module("C", "basics", 3, summary='""', objectives="\n  - Only one"),
    "basics/d.md": module("D", "basics", 4, BROKEN_QUIZ + TWICE, title='""', id="bad id"),
    "basics/e.md": module("E", "basics", 5, section="basic", minutes="0"),
    "extras/f.md": module("F", "extras", 1, id="extras/shared"),
    "extras/g.md": module("G", "extras", 2, id="extras/shared"),
    "extras/h.md": module("H", "extras", 3, title=None, colour="red", objectives="\n  - One\n  -\n  - Three"),
    "extras/i.md": module("I", "extras", 5),
    "extras/j.md": module("J", "extras", 6),
    "extras/k.md": module("K", "extras", 6),
    "page.md": "---\ntitle: A page\norder: 3\n---\n\n# A page\n",
    "page2.md": "---\ntitle: [unclosed\n---\n\n# Page two\n",
    "page3.md": "---\n- a list\n---\n\n# Page three\n",
    "quizzes.md": """# Quizzes

<quiz>
- [x] An answer with no question
- [ ] Another
</quiz>

<quiz colour="red">
No options at all.
</quiz>

<quiz id="1st">
One option only?

- [x] Yes
</quiz>

<quiz id="same">
Question one?

- [x] Yes
- [ ] No
</quiz>

<quiz id="same">
Question two?

- [x] Yes
- [ ] No
</quiz>

<quiz>
> Feedback with no option above it.
Question three?

- [x]
- [ ] No
</quiz>

<quiz id=x y>
Question four?

- [x] Yes
- [ ] No
</quiz>

<quiz>
Twice?

- [x] Yes
- [ ] No
</quiz>

<quiz>
Twice?

- [x] Yes
- [ ] No
</quiz>

<quiz>
Never closed?

- [x] Yes
""",
    "checklists.md": "# Lists\n\n- [ ] Fine {#ok}\n- [ ] Also fine {#ok}\n- [ ] Odd id {#9lives}\n- [ ]  \n",
    "unread.md": (
        "# Read differently\n\nText\n- [ ] After text\n\n- [ ] A heading\n---\n\n<div>\n- [ ] Raw\n</div>\n\n"
        "-\u00a0[ ] Odd space\n\nText\n    - [ ] Indented under text\n\nText\n    <quiz>\n\n"
        "<table><tr><td>\n<quiz>\nQ?\n- [x] a\n- [ ] b\n</quiz>\n</td></tr></table>\n\n"
        "<quiz>\nHalf a tag?\n- [x] a </div>\n- [ ] b\n</quiz>\n"
    ),
    "late.md": "\n---\ntitle: Late\n---\n",
    "open.md": "---\ntitle: Open\n\n# Open\n",
    "empty.md": "---\n---\n\n# Empty\n",
    "basics/l.md": module("L", "basics", 6, section=""),
    "basics/m.md": module("M", "basics", 7, section="[basics]"),
}

BAD_SETTINGS = CONFIG + """\
      - id: 2nd
        title: Bad id
      - id: extras
        title: Twice
        lable: Extra
    sections_order: []
    strings:
      quiz.sumbit: Check
      colour: red
"""


def test_the_guide_explains_every_message_the_check_prints(tmp_path: Path) -> None:
    course = write_course(tmp_path / "many", MANY_MISTAKES, BAD_SETTINGS)
    (course / "docs" / "latin-1.md").write_bytes("# Caf\u00e9\n".encode("latin-1"))
    messages = run("check", "docs", cwd=course).stdout.splitlines()
    # A setting MkDocs itself rejects stops the other checks of mkdocs.yml, so it has a course of its own.
    course = write_course(tmp_path / "choice", {}, CONFIG + "    completion: [read, quizes]\n")
    messages += run("check", "docs", cwd=course).stdout.splitlines()
    assert len(messages) > 40, "\n".join(messages)
    patterns = guide_patterns()
    unexplained = [m for m in messages if not any(p.fullmatch(m) for p in patterns)]
    assert not unexplained, "CONTRIBUTING.md does not explain these messages:\n" + "\n".join(unexplained)


def test_the_guide_lists_every_string_a_course_can_change() -> None:
    guide = GUIDE.read_text()
    missing = [key for key in STRINGS["en"] if f"| `{key}` |" not in guide]
    assert not missing, f"CONTRIBUTING.md does not list these strings: {missing}"


def test_the_site_page_is_the_same_guide_as_contributing() -> None:
    assert GUIDE_PAGE.read_text() == "---\ntitle: Authoring guide\n---\n\n" + GUIDE.read_text(), (
        "docs/authoring/index.md must be CONTRIBUTING.md with a title on top; copy CONTRIBUTING.md over it"
    )


def test_the_guide_page_shows_syntax_without_rendering_it() -> None:
    done = run("ids", GUIDE_PAGE, cwd=ROOT)
    assert done.stdout == "", "docs/authoring/index.md has quiz or checklist syntax outside a code block"
