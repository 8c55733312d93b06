"""Odd author input either renders right or fails with one ``path:line`` message, the same in the build and in ``check``.

One small course holds one case per page (the shortest input that showed
it). It is built once with ``mkdocs build --strict`` and checked once with
``python -m mkdocs_course check``; each case then asserts the messages naming
its page: exactly the expected ones in both, with the same line, or none and
a page that shows what the author wrote.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_build_errors import FRONT_MATTER, MKDOCS_YML, mkdocs_build, warnings

QUIZ = "<quiz>\nWhich one?\n- [x] This one\n  > Yes.\n- [ ] That one\n</quiz>\n"


def indented(text: str) -> str:
    """Return text with every non-blank line indented by four spaces."""
    return "".join(f"    {line}" if line.strip() else line for line in text.splitlines(keepends=True))


def module(body: str, order: int, **front: str) -> str:
    """Return a module page (the shared front matter, 8 lines) with its own order and body."""
    text = FRONT_MATTER.replace("order: 1", f"order: {order}")
    for key, value in front.items():
        text = re.sub(rf"^{key}:.*$", f"{key}:{value}", text, count=1, flags=re.M)
    return text + body


NOT_READ_AFTER_PARAGRAPH = (
    "this checklist item is read as part of the paragraph above it, so it shows as plain text; "
    "put a blank line above the list"
)
SECTION_CHOICES = "write one section id from mkdocs.yml (extra.course.sections): basics"

# page -> (its text, the messages it must give: "line: message")
CASES: dict[str, tuple[str | bytes, list[str]]] = {
    "after-paragraph.md": ("# Before\n\nYou need:\n- [ ] A quiet room\n", [f"4: {NOT_READ_AFTER_PARAGRAPH}"]),
    "above-rule.md": (
        "# Rule\n\n- [ ] A quiet room\n---\n",
        ["3: this checklist item is read as a heading because of the '---' or '===' line right under it; "
         "put a blank line between them"],
    ),
    "in-raw-html.md": (
        "# Raw\n\n<div>\n- [ ] Inside\n</div>\n",
        ['4: this checklist item is inside the raw HTML block that starts on line 3, so it shows as plain text; '
         'add markdown="1" to that tag, or move it out of the HTML'],
    ),
    "quiz-in-table.md": (
        "# Table\n\n<table><tr><td>\n" + QUIZ + "</td></tr></table>\n",
        ['4: this quiz is inside the raw HTML block that starts on line 3, so it shows as plain text; '
         'add markdown="1" to that tag, or move it out of the HTML'],
    ),
    "no-break-space.md": (
        "# Space\n\n-\u00a0[ ] A no-break space\n",
        ["3: the space after the list mark is not a plain space (a no-break or other Unicode space), so this "
         "is not a checklist item; type an ordinary space after the '-'"],
    ),
    "unbalanced-html.md": (
        "# HTML\n\n<quiz>\nWhich one?\n- [x] This one </div>\n- [ ] That one\n</quiz>\n",
        ["5: the raw HTML '</div>' in this quiz option is not closed or not opened inside it, which would break "
         "the page; close it there, or write it as `code`"],
    ),
    "tab-indented-option.md": (
        "# Tab\n\n<quiz>\nWhich one?\n\t- [x] This one\n- [ ] That one\n</quiz>\n",
        ["3: quiz has only one option; add at least one more '- [ ] ...' answer"],
    ),
    "blank-before-front-matter.md": (
        "\n" + module("# Late\n", 10),
        ["2: front matter must start on the first line of the file, or MkDocs shows it as text and the page is "
         "not a module; remove the blank line(s) above '---'"],
    ),
    "unclosed-front-matter.md": (
        module("# Open\n", 11).replace("---\n# Open", "# Open"),
        ["1: front matter is never closed, so MkDocs shows it as text and the page is not a module; add a line "
         "'---' (followed by a line break) after its last key"],
    ),
    "section-empty.md": (module("# Empty\n", 12, section=""), [f"3: `section` is empty; {SECTION_CHOICES}"]),
    "section-list.md": (
        module("# List\n", 13, section=" [basics, other]"),
        [f"3: `section` is a list, not a section id; {SECTION_CHOICES}"],
    ),
    "section-mapping.md": (
        module("# Map\n", 14, section=" {id: basics}"),
        [f"3: `section` is a dict, not a section id; {SECTION_CHOICES}"],
    ),
    "latin-1.md": (
        "# Caf\n\nA line.\nCaf\xe9 au lait.\n".encode("latin-1"),
        ["4: this file is not UTF-8 text (byte 0xe9 on this line cannot be read); save it as UTF-8 in your editor"],
    ),
    # MkDocs leaves these front matters in the body: the lines after them must still be right.
    "empty-front-matter.md": (
        "---\n---\n\nText\n- [ ] Item\n",
        ["1: front matter is empty, so MkDocs shows its '---' lines on the page; remove them, or put "
         "'key: value' lines between them", f"5: {NOT_READ_AFTER_PARAGRAPH}"],
    ),
    "invalid-yaml.md": (
        "---\ntitle: [unclosed\n---\n\nText\n- [ ] Item\n",
        ["3: front matter is not valid YAML (expected ',' or ']', but got '<stream end>'); check quotes and "
         "indentation", f"6: {NOT_READ_AFTER_PARAGRAPH}"],
    ),
    "multimarkdown.md": ("Title: A page\nAuthor: Sam\n\nText\n- [ ] Item\n", [f"5: {NOT_READ_AFTER_PARAGRAPH}"]),
    # Valid, if odd: these render as Python-Markdown reads them, with no message.
    "hidden-and-code.md": (
        "# Hidden\n\n<!--\n- [ ] A hidden item\n" + QUIZ + "-->\n\nCode:\n\n" + indented("- [ ] Code\n" + QUIZ),
        [],
    ),
    "quiz-in-admonition.md": (
        module("# Note\n\n!!! note\n\n" + indented(QUIZ) + "\n1. A step\n\n" + indented(QUIZ.replace("one?", "two?")), 2),
        [],
    ),
    "capital-quiz.md": (module("# Caps\n\n" + QUIZ.replace("<quiz>", "<Quiz>").replace("</quiz>", "</QUIZ>"), 3), []),
}


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Write the course, build it strictly and check it; return both outputs and the site."""
    root = tmp_path_factory.mktemp("author-input")
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "m.md").write_text(FRONT_MATTER + "# Listening\n", encoding="utf-8")
    for name, (text, _) in CASES.items():
        path = docs / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    config_file = root / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML.replace("  - admonition\n", "  - admonition\n  - pymdownx.details\n"), encoding="utf-8")
    build = mkdocs_build(config_file)
    check = subprocess.run(
        [sys.executable, "-m", "mkdocs_course", "check", "docs"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )
    return {"build": build, "check": check, "site": root / "site"}


def messages_for(lines: list[str], page: str) -> list[str]:
    """Return the "line: message" parts of the messages that name a page."""
    prefix = f"docs/{page}:"
    return sorted(line[len(prefix) :] for line in lines if line.startswith(prefix))


@pytest.mark.parametrize("page", list(CASES))
def test_each_case_gives_its_messages_in_the_build_and_in_check_with_the_same_line(course, page: str) -> None:
    expected = sorted(CASES[page][1])
    built = messages_for(warnings(course["build"].stdout), page)
    checked = messages_for(course["check"].stdout.splitlines(), page)
    assert built == expected, course["build"].stdout
    assert checked == expected, course["check"].stdout


def test_the_strict_build_fails_and_check_exits_1_for_problems_found(course) -> None:
    assert course["build"].returncode != 0
    assert "Traceback" not in course["build"].stdout
    assert course["check"].returncode == 1 and "Traceback" not in course["check"].stderr
    every_message = sum(len(messages) for _, messages in CASES.values())
    assert f"{every_message} problems found" in course["check"].stderr


def test_quizzes_in_admonitions_list_items_and_capitals_render_and_count() -> None:
    """The valid cases, built without the broken pages: each quiz is on the page and in the manifest."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        docs = root / "docs"
        docs.mkdir()
        (docs / "index.md").write_text("# Home\n", encoding="utf-8")
        (docs / "m.md").write_text(FRONT_MATTER + "# Listening\n", encoding="utf-8")
        for name in ("hidden-and-code.md", "quiz-in-admonition.md", "capital-quiz.md"):
            (docs / name).write_text(CASES[name][0], encoding="utf-8")
        config_file = root / "mkdocs.yml"
        config_file.write_text(MKDOCS_YML, encoding="utf-8")
        done = mkdocs_build(config_file)
        assert done.returncode == 0 and warnings(done.stdout) == [], done.stdout
        manifest = json.loads((root / "site" / "course-manifest.json").read_text(encoding="utf-8"))
        by_url = {m["url"]: m for m in manifest["modules"]}
        for url, quizzes in (("quiz-in-admonition/", 2), ("capital-quiz/", 1)):
            html = (root / "site" / url / "index.html").read_text(encoding="utf-8")
            assert len(by_url[url]["quizzes"]) == quizzes
            assert all(f'data-quiz-id="{quiz}"' in html for quiz in by_url[url]["quizzes"])
            assert "<quiz" not in html.lower() and "[x]" not in html
        hidden = (root / "site" / "hidden-and-code" / "index.html").read_text(encoding="utf-8")
        assert "data-item-id" not in hidden and "data-quiz-id" not in hidden and "{#" not in hidden
        assert "<code>- [ ] Code" in hidden
