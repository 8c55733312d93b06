"""A learner must read the course to pass its quizzes.

The figures come from ``scripts/quiz_balance.py``, which reads the course
through the engine's own model. Each test names a shortcut a learner could
take without reading a word (always the longest option, always the first,
avoiding "always" and "never") and fails when the shortcut beats blind
chance by more than a fair set of quizzes would by luck.

Why ten points above chance: a learner guessing blindly on about forty
three-option quizzes scores a third on average, with a spread (one standard
deviation) of about seven points. A shortcut that stays within ten points
of chance tells the learner nothing; the first edition's "always the
longest" scored 87% against 33%.
"""
from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARGIN = 0.10  # how far above blind chance a shortcut may score (see above)


def _load_script():
    """Import scripts/quiz_balance.py, which is not part of the package."""
    spec = importlib.util.spec_from_file_location("quiz_balance", ROOT / "scripts" / "quiz_balance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quiz_balance = _load_script()
REPORT = quiz_balance.measure(ROOT / "docs", ROOT / "mkdocs.yml")


def test_the_course_has_quizzes_of_both_kinds():
    assert len(REPORT.of_kind("single")) >= 30
    assert len(REPORT.of_kind("multiple")) >= 8


def test_the_right_answer_is_spread_over_every_position():
    positions = REPORT.right_positions("single")
    total = sum(positions.values())
    assert all(positions.values()), f"a position never holds the right answer: {positions}"
    assert max(positions.values()) <= 0.40 * total, f"one position holds too many right answers: {positions}"


def test_the_right_option_is_the_longest_in_at_most_a_third():
    assert REPORT.right_is_longest("single") <= 1 / 3


def test_always_picking_the_longest_option_scores_about_chance():
    chance = REPORT.chance("single")
    assert REPORT.longest_score("single") <= chance + MARGIN, (REPORT.longest_score("single"), chance)


def test_always_picking_the_shortest_option_scores_about_chance():
    # The mirror of the longest: short right answers and long, reasoned wrong
    # ones would give the game away just as well.
    chance = REPORT.chance("single")
    assert REPORT.shortest_score("single") <= chance + MARGIN, (REPORT.shortest_score("single"), chance)


def test_always_picking_the_first_option_scores_about_chance():
    chance = REPORT.chance("single")
    assert REPORT.first_score("single") <= chance + MARGIN, (REPORT.first_score("single"), chance)


def test_choose_all_that_apply_does_not_always_start_with_a_right_option():
    assert REPORT.first_is_right("multiple") <= 0.75


def test_choose_all_that_apply_cannot_be_passed_by_length():
    # Blind chance on four boxes is 1 in 15; allow a couple of quizzes to fall
    # to a length rule by luck, not a pattern.
    assert REPORT.longest_score("multiple") <= 0.20
    assert REPORT.shortest_score("multiple") <= 0.20
    assert REPORT.all_but_shortest_score() <= 0.20


def test_absolute_words_do_not_mark_the_wrong_options():
    right, wrong = REPORT.absolute_rates()
    assert abs(right - wrong) <= 0.15, f"absolute words in {right:.0%} of right and {wrong:.0%} of wrong options"
    avoid, pick = REPORT.absolute_scores()
    chance = REPORT.chance("single")
    assert avoid <= chance + MARGIN and pick <= chance + MARGIN, (avoid, pick, chance)


def test_every_objective_is_assessed():
    missing = [f"{module.id} objective {number}: {text}" for module, number, text in REPORT.unassessed()]
    assert missing == []


def test_every_assesses_marker_is_understood():
    assert REPORT.problems == []


def test_the_report_prints_every_figure(capsys):
    assert quiz_balance.main([str(ROOT / "docs"), "-f", str(ROOT / "mkdocs.yml")]) == 0
    printed = capsys.readouterr().out
    for words in ("right answers by position", "always the longest", "blind chance", "Absolute words", "Objectives assessed"):
        assert words in printed


# -- the objectives marker, on a course made for the test ----------------------

MODULE = """\
---
title: Listening
section: basics
order: 1
summary: Listen well.
minutes: 5
objectives:
  - Listen to the end
  - Ask before advising
---

# Listening

{body}
"""

QUIZ = """\
<quiz>
{question}

- [x] Yes
  > Right.
- [ ] No
  > Not so.

Because.
</quiz>
"""


@pytest.fixture
def small_course(tmp_path):
    """Return a function that writes a one-module course with the given body and measures it."""

    def make(body: str):
        docs = tmp_path / "docs"
        (docs / "basics").mkdir(parents=True, exist_ok=True)
        (docs / "basics" / "listening.md").write_text(MODULE.format(body=body), encoding="utf-8")
        config = tmp_path / "mkdocs.yml"
        config.write_text(
            textwrap.dedent(
                """\
                site_name: Test
                extra:
                  course:
                    sections:
                      - id: basics
                        title: Basics
                """
            ),
            encoding="utf-8",
        )
        return quiz_balance.measure(docs, config)

    return make


def test_a_marker_above_a_quiz_assesses_the_objectives_it_names(small_course):
    report = small_course("<!-- assesses: 1, 2 -->\n" + QUIZ.format(question="Did you listen?"))
    assert report.problems == []
    assert report.unassessed() == []
    assert [(a.kind, a.objectives) for a in report.activities["basics/listening"]] == [("quiz", [1, 2])]


def test_an_objective_no_marker_names_is_reported(small_course):
    report = small_course("<!-- assesses: 2 -->\n" + QUIZ.format(question="Did you ask?"))
    assert [(number, text) for _, number, text in report.unassessed()] == [(1, "Listen to the end")]
    assert "not assessed: basics/listening objective 1: Listen to the end" in quiz_balance.render(report)


def test_a_reflection_or_check_in_may_assess_an_objective(small_course):
    body = "<!-- assesses: 1 -->\n<reflection>\nWhat did you hear?\n</reflection>\n\n"
    body += "<!-- assesses: 2 -->\n<check-in>\n- I ask first\n</check-in>\n"
    report = small_course(body)
    assert report.problems == []
    assert [(a.kind, a.objectives) for a in report.activities["basics/listening"]] == [
        ("reflection", [1]),
        ("check-in", [2]),
    ]


def test_a_marker_naming_a_missing_objective_says_where_and_how_to_fix(small_course):
    report = small_course("<!-- assesses: 3 -->\n" + QUIZ.format(question="Did you?"))
    assert report.problems == [
        "docs/basics/listening.md:14: the assesses marker names objective 3, but the module has "
        "objectives 1 to 2; write their numbers, as in <!-- assesses: 1, 2 -->"
    ]


def test_a_marker_away_from_any_activity_is_reported(small_course):
    report = small_course("<!-- assesses: 1 -->\nJust a paragraph.\n")
    assert report.problems == [
        "docs/basics/listening.md:14: the assesses marker is not right above a quiz, reflection or "
        "check-in; move it to the line above the block it describes"
    ]


def test_the_longest_option_strategy_is_scored_on_a_giveaway_quiz(small_course):
    report = small_course(
        "<quiz>\nWhich?\n\n- [ ] Short\n  > No.\n- [x] The much longer right answer\n  > Yes.\n"
        "- [ ] Brief\n  > No.\n\nWhy.\n</quiz>\n"
    )
    assert report.right_is_longest("single") == 1
    assert report.longest_score("single") == 1
    assert report.first_score("single") == 0
    assert report.shortest_score("single") == 0
    assert report.chance("single") == pytest.approx(1 / 3)
