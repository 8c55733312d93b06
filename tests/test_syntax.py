"""The line scanner reads quizzes, checklist items and mistakes exactly as written.

Every message is asserted in full, with its line: an author reads these in the
build log and must find the line and the fix from the message alone.
"""
from __future__ import annotations

import hashlib

import pytest

from mkdocs_course import syntax
from mkdocs_course.ids import derived_id, is_valid_id, normalise


def lines(*rows: str) -> str:
    """Join rows into Markdown text, so a test shows each line on its own."""
    return "\n".join(rows) + "\n"


def problems(text: str) -> list[tuple[int, str]]:
    """Return every (line, message) the scanner reports, in line order."""
    return [(p.line, p.text()) for p in syntax.scan(text).problems]


def sha(text: str) -> str:
    """Return the first 8 hex digits of a text's SHA-1, the way ids are made."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


# --- Reading a valid quiz -----------------------------------------------------


def test_quiz_is_read_with_options_feedback_explanation_and_lines():
    page = syntax.scan(
        lines(
            "# Listening",  # 1
            "",
            "<quiz>",  # 3
            "What is **active** listening?",
            "- [x] Paying full attention",  # 5
            "  > Yes: attention is the heart of it.",
            "  > It shows.",
            "- [ ] Planning your reply",  # 8
            "- [ ] Nodding",
            "",
            "Active listening means *attending*.",
            "</quiz>",  # 12
        )
    )
    assert page.problems == []
    [quiz] = page.quizzes
    assert quiz.line == 3
    assert quiz.end_line == 12
    assert quiz.question == "What is **active** listening?"
    assert [(o.text, o.correct, o.line, o.feedback) for o in quiz.options] == [
        ("Paying full attention", True, 5, "Yes: attention is the heart of it.\nIt shows."),
        ("Planning your reply", False, 8, ""),
        ("Nodding", False, 9, ""),
    ]
    assert quiz.explanation == "Active listening means *attending*."
    assert quiz.kind == "single"
    assert quiz.id == "q-" + sha("what is active listening?")
    assert not quiz.explicit_id


def test_two_correct_options_make_a_multiple_choice_quiz():
    page = syntax.scan(lines("<quiz>", "Pick two.", "- [x] a", "- [ ] b", "- [X] c", "</quiz>"))
    assert page.quizzes[0].kind == "multiple"
    assert [o.correct for o in page.quizzes[0].options] == [True, False, True]


def test_explicit_quiz_id_is_used_as_written():
    page = syntax.scan(lines('<quiz id="first-step">', "Where?", "- [x] a", "- [ ] b", "</quiz>"))
    assert page.quizzes[0].id == "first-step"
    assert page.quizzes[0].explicit_id


def test_a_wrapped_option_line_continues_the_option():
    page = syntax.scan(lines("<quiz>", "Q?", "- [x] A long answer", "  that wraps", "- [ ] b", "</quiz>"))
    assert page.quizzes[0].options[0].text == "A long answer that wraps"


def test_closing_tag_inside_fenced_code_in_the_explanation_does_not_end_the_quiz():
    page = syntax.scan(
        lines("<quiz>", "Q?", "- [x] a", "- [ ] b", "", "```text", "</quiz>", "```", "", "After the code.", "</quiz>")
    )
    assert page.problems == []
    [quiz] = page.quizzes
    assert quiz.end_line == 11
    assert quiz.explanation == "```text\n</quiz>\n```\n\nAfter the code."


def test_quiz_inside_fenced_code_is_not_a_quiz():
    text = lines("```markdown", "<quiz>", "Q?", "- [ ] a", "</quiz>", "```", "~~~", "</quiz>", "~~~")
    page = syntax.scan(text)
    assert page.quizzes == []
    assert page.quiz_spans == []
    assert page.checklist == []
    assert page.problems == []


def test_quiz_options_are_not_checklist_items_but_task_lists_around_them_are():
    page = syntax.scan(lines("- [ ] Before", "", "<quiz>", "Q?", "- [x] a", "- [ ] b", "</quiz>", "", "- [ ] After"))
    assert [(item.text, item.line) for item in page.checklist] == [("Before", 1), ("After", 9)]


def test_quiz_indented_four_spaces_is_code_not_a_quiz():
    page = syntax.scan(lines("    <quiz>", "    Q?", "    </quiz>"))
    assert page.quizzes == [] and page.problems == []


# --- Quiz mistakes: one exact message each, on the right line -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            lines("Intro.", "", "<quiz>", "What is trust?", "</quiz>"),
            [(3, "quiz has no options; add answers as task-list items: '- [x] right' and '- [ ] wrong'")],
            id="no-options",
        ),
        pytest.param(
            lines("<quiz>", "Which one?", "- [ ] This", "- [ ] That", "</quiz>"),
            [(1, "quiz has no correct option; mark the right answer(s) with '- [x]'")],
            id="no-correct-option",
        ),
        pytest.param(
            lines("", "<quiz>", "Which one?", "- [x] Only this", "</quiz>"),
            [(2, "quiz has only one option; add at least one more '- [ ] ...' answer")],
            id="only-one-option",
        ),
        pytest.param(
            lines("Intro.", "", "<quiz>", "Which one?", "- [x] This", "- [ ] That", "", "More text."),
            [(3, "'<quiz>' is never closed; add '</quiz>' on its own line after the explanation")],
            id="unclosed",
        ),
        pytest.param(
            lines("<quiz>", "Which one?", "> Feedback before any option", "- [x] This", "- [ ] That", "</quiz>"),
            [
                (
                    3,
                    "feedback line '>' is not directly under an option; put it on the line right "
                    "after the option it explains, with no blank line between",
                )
            ],
            id="feedback-in-question",
        ),
        pytest.param(
            lines("<quiz>", "Which one?", "- [x] This", "- [ ] That", "", "> Feedback after a blank line", "</quiz>"),
            [
                (
                    6,
                    "feedback line '>' is not directly under an option; put it on the line right "
                    "after the option it explains, with no blank line between",
                )
            ],
            id="feedback-after-blank-line",
        ),
        pytest.param(
            lines("Intro.", "<quiz>", "- [x] This", "- [ ] That", "</quiz>"),
            [(2, "quiz has no question; write the question on the lines after '<quiz>'")],
            id="empty-question",
        ),
        pytest.param(
            lines("<quiz>", "Which one?", "- [x] This", "- [ ]", "</quiz>"),
            [(4, "quiz option has no text; write the answer after '- [ ]' or '- [x]'")],
            id="empty-option",
        ),
        pytest.param(
            lines('<quiz id="1st">', "Which one?", "- [x] This", "- [ ] That", "</quiz>"),
            [(1, "quiz id '1st' is not valid; use a letter then letters, digits, '-' or '_'")],
            id="invalid-id",
        ),
        pytest.param(
            lines('<quiz kind="multiple">', "Which one?", "- [x] This", "- [ ] That", "</quiz>"),
            [(1, "'<quiz>' has no attribute 'kind'; the ones it has are id=\"...\" and shuffle=\"true|false\"")],
            id="unknown-attribute",
        ),
        pytest.param(
            lines("<quiz shuffle>", "Which one?", "- [x] This", "- [ ] That", "</quiz>"),
            [(1, "cannot read 'shuffle' in '<quiz>'; write attributes as id=\"my-id\"")],
            id="attribute-without-value",
        ),
        pytest.param(
            lines("Some text.", "", "</quiz>"),
            [(3, "'</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question")],
            id="stray-closing-tag",
        ),
    ],
)
def test_quiz_mistake_is_reported_once_with_its_line(text, expected):
    page = syntax.scan(text)
    assert problems(text) == expected
    assert page.quizzes == []
    assert page.checklist_problems == []


def test_duplicate_explicit_quiz_ids_name_the_first_quiz():
    text = lines(
        '<quiz id="trust">', "First?", "- [x] a", "- [ ] b", "</quiz>",  # 1-5
        "",
        '<quiz id="trust">', "Second?", "- [x] a", "- [ ] b", "</quiz>",  # 7-11
    )
    assert problems(text) == [(7, "quiz id 'trust' is already used on line 1; give this quiz another id")]


def test_two_quizzes_asking_the_same_question_in_different_markup_collide():
    first = "What is **trust**?"
    text = lines(
        "<quiz>", first, "- [x] a", "- [ ] b", "</quiz>",  # 1-5
        "",
        "<quiz>", "What  is trust?", "- [x] c", "- [ ] d", "</quiz>",  # 7-11
    )
    quiz_id = derived_id("q", first)
    assert problems(text) == [
        (
            7,
            "this quiz asks the same question as the quiz on line 1, so both would get "
            f"the id '{quiz_id}'; reword one question or give it an id: <quiz id=\"...\">",
        )
    ]


def test_quizzes_with_different_questions_do_not_collide():
    text = lines("<quiz>", "One?", "- [x] a", "- [ ] b", "</quiz>", "<quiz>", "Two?", "- [x] a", "- [ ] b", "</quiz>")
    page = syntax.scan(text)
    assert page.problems == []
    assert len({q.id for q in page.quizzes}) == 2


def test_unclosed_quiz_followed_by_another_reports_only_the_unclosed_one():
    text = lines("<quiz>", "First?", "", "<quiz>", "Second?", "- [x] a", "- [ ] b", "</quiz>")
    page = syntax.scan(text)
    assert problems(text) == [(1, "'<quiz>' is never closed; add '</quiz>' on its own line after the explanation")]
    assert [q.line for q in page.quizzes] == [4]


def test_spans_cover_valid_and_broken_quizzes():
    text = lines("<quiz>", "Q?", "- [x] a", "- [ ] b", "</quiz>", "", "<quiz>", "Q2?", "- [ ] a", "- [ ] b", "</quiz>")
    page = syntax.scan(text)
    assert [(start, end, quiz is not None) for start, end, quiz, _ in page.quiz_spans] == [(0, 4, True), (6, 10, False)]


# --- Checklists ----------------------------------------------------------------


def test_checklist_items_are_read_with_lines_ids_and_ticks():
    page = syntax.scan(
        lines(
            "## Your checklist",
            "",
            "- [ ] Call your **partner** {#call}",
            "- [x] Read the guide",
            "    - [ ] A nested step",
            "* [ ] Star bullets count too",
        )
    )
    assert [(i.id, i.line, i.text, i.checked, i.explicit_id) for i in page.checklist] == [
        ("call", 3, "Call your **partner**", False, True),
        ("c-" + sha("read the guide"), 4, "Read the guide", True, False),
        ("c-" + sha("a nested step"), 5, "A nested step", False, False),
        ("c-" + sha("star bullets count too"), 6, "Star bullets count too", False, False),
    ]
    assert page.problems == []


def test_attr_list_style_explicit_id_is_accepted():
    page = syntax.scan("- [ ] Call {: #call }\n")
    assert [(i.id, i.text) for i in page.checklist] == [("call", "Call")]


def test_plain_list_items_are_not_checklist_items():
    assert syntax.scan(lines("- one", "- [link](x.md)", "1. [ ] numbered")).checklist == []


def test_checklist_items_in_fenced_code_are_ignored():
    assert syntax.scan(lines("```", "- [ ] Not an item", "```")).checklist == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            lines("- [ ] Call your partner", "- [ ] Plan a walk", "- [ ] call your  **partner**"),
            [
                (
                    3,
                    "this checklist item has the same text as the one on line 1, so both would get "
                    "the same id; reword one or give it an id at the end: {#my-id}",
                )
            ],
            id="duplicate-text",
        ),
        pytest.param(
            lines("- [ ] Call {#talk}", "", "Text.", "", "- [ ] Walk {#talk}"),
            [(5, "checklist id 'talk' is already used on line 1; give this item another id")],
            id="duplicate-explicit-id",
        ),
        pytest.param(
            lines("- [ ] Call", "- [ ] {#empty}"),
            [(2, "checklist item has no text; write the action after '- [ ]'")],
            id="empty-item",
        ),
        pytest.param(
            lines("- [ ] Call {#1st}"),
            [(1, "checklist id '1st' is not valid; use a letter then letters, digits, '-' or '_'")],
            id="invalid-id",
        ),
    ],
)
def test_checklist_mistake_is_reported_once_with_its_line(text, expected):
    page = syntax.scan(text)
    assert problems(text) == expected
    assert page.quiz_problems == []


def test_same_text_with_distinct_explicit_ids_is_fine():
    page = syntax.scan(lines("- [ ] Call {#monday}", "- [ ] Call {#friday}"))
    assert page.problems == []
    assert [i.id for i in page.checklist] == ["monday", "friday"]


def test_a_problem_shifts_both_of_its_lines_by_the_front_matter():
    [problem] = syntax.scan(lines("- [ ] Call {#a}", "- [ ] Walk {#a}")).problems
    assert problem.at("docs/m.md") == "docs/m.md:2: checklist id 'a' is already used on line 1; give this item another id"
    assert problem.at("docs/m.md", 10) == (
        "docs/m.md:12: checklist id 'a' is already used on line 11; give this item another id"
    )


def test_problems_from_quizzes_and_checklists_come_in_line_order():
    text = lines("- [ ] Same", "<quiz>", "Q?", "- [ ] a", "- [ ] b", "</quiz>", "- [ ] Same")
    assert [line for line, _ in problems(text)] == [2, 7]


# --- Ids -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "What is trust?",
        "What  is\ttrust?",
        "  what is TRUST?  ",
        "What is **trust**?",
        "What is *trust*?",
        "What is _trust_?",
        "What is `trust`?",
        "What is [trust](glossary.md#trust)?",
        "What is\ntrust?",
    ],
)
def test_derived_id_ignores_whitespace_case_and_markup(variant):
    assert derived_id("q", variant) == derived_id("q", "What is trust?") == "q-" + sha("what is trust?")


def test_derived_id_changes_when_the_words_change():
    assert derived_id("q", "What is trust?") != derived_id("q", "What is respect?")


def test_normalise_keeps_what_a_reader_sees():
    assert normalise("Read **the** [guide](a/b.md) with `care`<br>now.") == "read the guide with care now."


def test_editing_one_checklist_item_changes_only_its_id():
    before = syntax.scan(lines("- [ ] Call your partner", "- [ ] Plan a walk", "- [ ] Say thank you"))
    after = syntax.scan(lines("- [ ] Call your partner", "- [ ] Plan a long walk", "- [ ] Say thank you"))
    old, new = [i.id for i in before.checklist], [i.id for i in after.checklist]
    assert old[0] == new[0] and old[2] == new[2]
    assert old[1] != new[1]


def test_reordering_checklist_items_keeps_their_ids():
    before = syntax.scan(lines("- [ ] Call your partner", "- [ ] Plan a walk"))
    after = syntax.scan(lines("- [ ] Plan a walk", "", "Some new text.", "", "- [ ] Call your partner"))
    assert {i.text: i.id for i in before.checklist} == {i.text: i.id for i in after.checklist}


@pytest.mark.parametrize("value", ["a", "call", "step-1", "my_id", "A9"])
def test_valid_explicit_ids(value):
    assert is_valid_id(value)


@pytest.mark.parametrize("value", ["", "1st", "-a", "has space", "a/b", "é", 'a"b'])
def test_invalid_explicit_ids(value):
    assert not is_valid_id(value)


# --- Long lines: every scan is linear ------------------------------------------
# A generous bound: each of these took ten seconds and more when a pattern
# was quadratic, and takes milliseconds now. Timing is measured by scripts;
# this only catches a blow-up.

SPACES = " " * 40_000
LONG_LINES = {
    "task item with a long run of spaces": "- [ ] a" + SPACES + "b",
    "quiz tag with a long run of spaces": "<quiz" + SPACES,
    "quiz attribute with a long run of spaces": "<quiz id" + SPACES + "x>\nQ?\n- [x] a\n- [ ] b\n</quiz>",
    "quiz tag with a long word": "<quiz " + "a" * 40_000 + ">\nQ?\n- [x] a\n- [ ] b\n</quiz>",
    "item id brace with a long run of spaces": "- [ ] a {" + SPACES + "b",
    "item with many '<'": "- [ ] " + "<" * 40_000,
    "item with many link openings": "- [ ] " + "](" * 20_000,
    "unclosed comment with a long run of spaces": "<!--" + SPACES,
    "raw HTML with many '<'": "<div " + "<" * 40_000,
    "feedback with a long run of spaces": "<quiz>\nQ?\n- [x] a\n  >" + SPACES + "x\n- [ ] b\n</quiz>",
    "fill-in quiz with many '[['": "<quiz>\nA [[a]] " + "[[" * 20_000 + "\n</quiz>",
    "fill-in blank with a long run of spaces": "<quiz>\nA [[" + SPACES + "b]] c\n</quiz>",
    "fill-in quiz with many blanks": "<quiz>\n" + "[[a]] " * 5_000 + "\n</quiz>",
    "many mkdocs-quiz markers never closed": "<!-- mkdocs-quiz x " * 2_500,
}


@pytest.mark.parametrize("text", list(LONG_LINES.values()), ids=list(LONG_LINES))
def test_a_long_odd_line_is_scanned_and_rendered_in_well_under_seconds(text):
    import time

    import markdown

    start = time.perf_counter()
    syntax.scan(text)
    scanned = time.perf_counter()
    extensions = ["course_quiz", "course_checklist", "admonition", "md_in_html", "pymdownx.superfences", "pymdownx.tasklist"]
    markdown.Markdown(extensions=extensions).convert(text)
    rendered = time.perf_counter()
    # The scan takes milliseconds; the render includes Python-Markdown's own HTML
    # parser, which needs most of a second on 40,000 '<' on a busy machine.
    assert scanned - start < 1.0
    assert rendered - scanned < 6.0


def test_an_indented_tag_with_markdown_1_stays_raw_html_as_python_markdown_reads_it():
    page = syntax.scan('  <div markdown="1">\n- [ ] Item 1\n</div>\n')
    assert page.checklist == []
    assert [problem.at("x.md") for problem in page.problems] == [
        'x.md:2: this checklist item is inside the raw HTML block that starts on line 1, so it shows as plain text; '
        'start that tag at the beginning of its line (Markdown reads markdown="1" only there), or move it out of the HTML'
    ]
