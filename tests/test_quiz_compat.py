"""Content written for mkdocs-quiz: each mistake, or syntax the engine does not read, is one exact message.

Each malformed form fails the real ``mkdocs build --strict`` with its one
``path:line: what; how to fix`` line, and ``mkdocs-course check`` prints the
same line; the authoring guide explains every one of them.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from test_build_errors import FRONT_MATTER, MKDOCS_YML, assert_fails_with, mkdocs_build, warnings, write_course
from test_cli import guide_patterns

from mkdocs_course import cli, syntax
from mkdocs_course.page_options import render_options

INTRO = "# Fill in\n\n"  # lines 9-10 of the file: a quiz's first line is line 11


def page(body: str, front: str = FRONT_MATTER) -> str:
    """A module page: the front matter (8 lines), a title, then ``body`` from line 11."""
    return front + INTRO + body


def quiz_front(options: str) -> str:
    """The module's front matter with ``quiz:`` options added (``quiz:`` on line 8)."""
    return FRONT_MATTER.replace("\n---\n", f"\nquiz:\n{options}---\n")


MISTAKES = [
    pytest.param(
        page("<quiz>\nThe capital is [[Paris]].\n- [x] Paris\n- [ ] Rome\n</quiz>\n"),
        "docs/m.md:13: this quiz has blanks ('[[...]]') and options ('- [ ]'); a quiz is one or the other: "
        "remove the options to ask for typed answers, or write the blanks' words as options",
        id="blanks-and-options",
    ),
    pytest.param(
        page("<quiz>\nThe capital is [[Paris]],\non the [[ ]].\n</quiz>\n"),
        "docs/m.md:13: this blank '[[]]' has no answer; write the word(s) the learner should type between '[[' and ']]'",
        id="empty-blank",
    ),
    pytest.param(
        page("<quiz>\nThe capital is [[Paris]].\nIt lies on the [[Seine.\n</quiz>\n"),
        "docs/m.md:13: '[[' starts a blank that does not end with ']]' on this line (a blank holds no '[' or ']'); "
        "close it with ']]', or write the brackets as `code`",
        id="unclosed-blank",
    ),
    pytest.param(
        page("<quiz>\nThe capital is [[Paris]].\n\nHint: it starts with [[P]].\n</quiz>\n"),
        "docs/m.md:11: the hint has a blank '[[...]]'; blanks go in the question, so write the hint's words without brackets",
        id="blank-in-hint",
    ),
    pytest.param(
        page("<quiz>\nWhich?\n- [x] a\n- [y] b\n- [ ] c\n</quiz>\n"),
        "docs/m.md:14: '[y]' is not an option mark; write '- [x]' for a right answer or '- [ ]' for a wrong one",
        id="option-mark-not-x-or-space",
    ),
    pytest.param(
        page("<?quiz?>\nquestion: Are you ready?\nanswer-correct: Yes!\nanswer: No!\n<?/quiz?>\n"),
        "docs/m.md:11: this is mkdocs-quiz's syntax from before its 1.0 ('<?quiz?>'), which this engine does not read; "
        "rewrite the quiz as '<quiz>', the question, '- [x] right' and '- [ ] wrong' options and '</quiz>' "
        "(mkdocs-quiz's own `mkdocs-quiz migrate docs/` does it)",
        id="old-syntax",
    ),
    pytest.param(
        page("quiz-start\nquiz-question: Are you ready?\nquiz-answer-correct: Yes!\nquiz-end\n"),
        "docs/m.md:11: this is mkdocs-quiz's syntax from before its 1.0 ('quiz-start'), which this engine does not read; "
        "rewrite the quiz as '<quiz>', the question, '- [x] right' and '- [ ] wrong' options and '</quiz>' "
        "(mkdocs-quiz's own `mkdocs-quiz migrate docs/` does it)",
        id="oldest-syntax",
    ),
    pytest.param(
        page("Text.\n\n<!-- mkdocs-quiz progress -->\n"),
        "docs/m.md:13: '<!-- mkdocs-quiz progress -->' is not a marker this engine knows, so it shows nothing; "
        "use '<!-- mkdocs-quiz results -->' or '<!-- mkdocs-quiz intro -->', or remove it",
        id="unknown-marker",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  shuffle_answers: true\n  auto_submit: true\n")),
        "docs/m.md:10: mkdocs-quiz's `quiz: auto_submit: true` is not supported: this engine always has a "
        "'Check answer' button (a choice made by mistake is not an answer); remove it",
        id="option-auto-submit",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  disable_after_submit: true\n")),
        "docs/m.md:9: mkdocs-quiz's `quiz: disable_after_submit: true` is not supported: this engine always offers "
        "'Try again': its quizzes teach, so a learner may answer again; remove it",
        id="option-disable-after-submit",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  auto_number: true\n")),
        "docs/m.md:9: mkdocs-quiz's `quiz: auto_number: true` is not supported: this engine does not number "
        "questions; write the number in the question if you want one; remove it",
        id="option-auto-number",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  show_progress: false\n")),
        "docs/m.md:9: mkdocs-quiz's `quiz: show_progress: false` is not supported: this engine always shows the "
        "module's progress line, under the module's title; remove it",
        id="option-show-progress",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  enabled: false\n")),
        "docs/m.md:9: mkdocs-quiz's `quiz: enabled: false` is not supported: this engine renders every quiz "
        "(quiz syntax meant as text goes in a fenced code block); remove it",
        id="option-enabled",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  show_correct: sometimes\n")),
        "docs/m.md:9: `quiz: show_correct` must be true or false, not `sometimes`; write `show_correct: true` or "
        "`show_correct: false`",
        id="option-not-true-or-false",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  language: fr\n")),
        "docs/m.md:9: `quiz: language` is not supported: the course's words follow `theme.language` in mkdocs.yml "
        "(`en`); remove it",
        id="option-language",
    ),
    pytest.param(
        page("Text.\n", quiz_front("  confetti: false\n")),
        "docs/m.md:9: `quiz: confetti` is not a page option this engine knows; the ones it honours are "
        "shuffle_answers and show_correct; remove it",
        id="option-unknown",
    ),
    pytest.param(
        page("Text.\n", FRONT_MATTER.replace("\n---\n", "\nquiz: disable\n---\n")),
        "docs/m.md:8: `quiz: disable` (mkdocs-quiz's old way to turn quizzes off) is not supported: this engine "
        "renders every quiz (quiz syntax meant as text goes in a fenced code block); remove it",
        id="option-old-disable",
    ),
    pytest.param(
        page("Text.\n", FRONT_MATTER.replace("\n---\n", "\nquiz: [shuffle_answers]\n---\n")),
        "docs/m.md:8: `quiz` must be mkdocs-quiz's page options, one per line under `quiz:`, e.g. `  shuffle_answers: true`",
        id="options-not-a-mapping",
    ),
]


@pytest.mark.parametrize(("text", "message"), MISTAKES)
def test_each_mistake_fails_the_strict_build_and_check_prints_the_same_line(tmp_path: Path, text: str, message: str):
    config_file = write_course(tmp_path, {"m.md": text})
    assert_fails_with(config_file, message)
    problems = cli.check(tmp_path / "docs", config_file)
    assert problems == [message]
    assert any(pattern.fullmatch(message) for pattern in guide_patterns()), "the authoring guide does not explain it"


def test_a_blank_in_an_indented_code_block_is_reported_by_the_build(tmp_path: Path):
    body = page("<quiz>\nSee:\n\n    [[x]]\n\nThe capital is [[Paris]].\n</quiz>\n")
    config_file = write_course(tmp_path, {"m.md": body})
    message = (
        "docs/m.md:14: this blank is inside an indented code block or raw HTML, so it is not shown as a blank; "
        "take it out of the code block (four spaces after a blank line make one) or the HTML"
    )
    assert_fails_with(config_file, message)
    assert any(pattern.fullmatch(message) for pattern in guide_patterns())
    assert "[[x]]" in (tmp_path / "site" / "m" / "index.html").read_text(encoding="utf-8")


def test_check_names_the_mkdocs_quiz_plugin_in_mkdocs_yml(tmp_path: Path):
    config = MKDOCS_YML.replace("theme:\n", "plugins:\n  - search\n  - mkdocs_quiz\ntheme:\n")
    config_file = write_course(tmp_path, {"m.md": page("Text.\n")}, config)
    message = (
        f"{config_file}:4: the mkdocs-quiz plugin is listed in `plugins`; remove it: this engine renders '<quiz>' "
        "blocks itself, and with both, mkdocs-quiz takes the quizzes before the engine sees them"
    )
    assert cli.check(tmp_path / "docs", config_file) == [message]
    assert any(pattern.fullmatch(message) for pattern in guide_patterns())


def test_syntax_shown_in_code_is_left_alone(tmp_path: Path):
    body = page(
        "```markdown\n<?quiz?>\n<!-- mkdocs-quiz progress -->\n```\n\n"
        "Write `<?quiz?>` or `<!-- mkdocs-quiz anything -->` in code to show them.\n"
    )
    config_file = write_course(tmp_path, {"m.md": body})
    assert cli.check(tmp_path / "docs", config_file) == []


def test_honoured_page_options_build_cleanly_and_reach_the_quizzes(tmp_path: Path):
    front = quiz_front("  shuffle_answers: true\n  show_correct: false\n  auto_submit: false\n  enabled: true\n")
    quiz = "<quiz>\nWhich?\n- [x] a\n- [ ] b\n</quiz>\n"
    config_file = write_course(tmp_path, {"m.md": page(quiz, front), "n.md": "# Other\n\n" + quiz})
    done = mkdocs_build(config_file)
    assert done.returncode == 0, done.stdout
    assert warnings(done.stdout) == []
    shuffled = (tmp_path / "site" / "m" / "index.html").read_text(encoding="utf-8")
    assert 'data-quiz-reveal="false"' in shuffled and 'data-quiz-shuffle="true"' in shuffled
    # Another page keeps the course's settings: the options are the page's own.
    other = (tmp_path / "site" / "n" / "index.html").read_text(encoding="utf-8")
    assert "data-quiz-reveal" not in other and "data-quiz-shuffle" not in other


def test_render_options_read_only_what_maps():
    assert render_options({"quiz": {"shuffle_answers": False, "show_correct": True, "auto_number": True}}) == {
        "shuffle": False,
        "reveal": True,
    }
    assert render_options({"quiz": "disable"}) == {}
    assert render_options({}) == {}


def test_a_blank_quiz_is_scanned_with_its_answers_and_lines():
    found = syntax.scan("<quiz>\nBy [[Guido van Rossum]] in [[ 1991 ]].\n\n`[[code]]`\n---\nWhy.\n</quiz>\n")
    [quiz] = found.quizzes
    assert (quiz.kind, [(b.answer, b.line) for b in quiz.blanks], quiz.explanation) == (
        "blanks",
        [("Guido van Rossum", 2), ("1991", 2)],
        "Why.",
    )
    assert found.problems == []


@pytest.mark.parametrize(
    ("config", "line"),
    [
        ("plugins:\n  - search\n  - mkdocs_quiz\n", 3),
        ("plugins:\n  - mkdocs-quiz:\n      confetti: false\n", 2),
        ("plugins:\n  - 'mkdocs_quiz'  # quizzes\n", 2),
        ("site_name: x\nplugins: [search, mkdocs_quiz]\n", 2),
        ("plugins:\n  - search\n  - course\n", None),
        ("# - mkdocs_quiz was here\nplugins: [search]\n", None),
    ],
)
def test_the_plugin_is_found_however_mkdocs_yml_lists_it(config: str, line: int | None):
    from mkdocs_course.compat import plugin_line

    assert plugin_line(config) == line
