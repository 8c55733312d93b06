"""What the site's search index holds: the lessons and their questions, not the course's machinery.

The hooks add the course widgets after the search plugin has read a page, and
set quiz answers aside while it reads (``fragments.set_answers_aside``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_course.fragments import put_answers_back, set_answers_aside

QUIZ = (
    '<div class="course-quiz"><p>Q?</p>'
    '<details class="course-quiz__answer" data-search-exclude=""><summary>Show answer</summary>'
    "<details><summary>nested</summary>inner</details><p>Why {n}</p></details></div>"
)


def test_answers_set_aside_come_back_exactly_where_they_were():
    html = "<h1>T</h1>" + QUIZ.format(n=1) + "<p>between</p>" + QUIZ.format(n=2) + "<p>end</p>"
    lean, answers = set_answers_aside(html)
    assert len(answers) == 2 and answers[0].endswith("<p>Why 1</p></details>")  # the nested <details> stays inside
    assert "course-quiz__answer" not in lean and "Why" not in lean and "<p>between</p>" in lean
    assert put_answers_back(lean, answers) == html


@pytest.mark.parametrize("html", ["<p>No quiz here.</p>", "<!--course-answer-7--><p>An author's own comment</p>"])
def test_pages_without_answers_and_stray_placeholders_are_left_alone(html):
    lean, answers = set_answers_aside(html)
    assert (lean, answers) == (html, [])
    assert put_answers_back(html, ["<details>unrelated</details>"]) == html


@pytest.fixture(scope="module")
def search_text(fixture_site: Path) -> tuple[str, list[str]]:
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    return text, [doc["location"] for doc in index["docs"]]


def test_search_finds_lessons_and_quiz_questions(search_text):
    text, _ = search_text
    assert "Good listening starts" in text  # a lesson's own words
    assert "What helps most?" in text  # a quiz question
    assert "Turn the heat down and face them." in text  # an option


def test_search_leaves_out_answers_and_course_widgets(search_text):
    text, locations = search_text
    for hidden in (
        "Stopping shows they matter more than the task",  # an option's feedback
        "Stopping what you do shows your partner they come first",  # an explanation
        "Show answer",
        "Check answer",
        "Mark as read",
        "Print checklist",
        "A module is complete when",
        "Start the course",
    ):
        assert hidden not in text
    assert not any("course-dashboard" in location or "course-section-" in location for location in locations)


def test_built_pages_have_every_answer_and_no_placeholder(fixture_site: Path):
    page = (fixture_site / "basics" / "listening" / "index.html").read_text(encoding="utf-8")
    assert "<!--course-answer-" not in page
    assert page.count('class="course-quiz__answer"') == 2
    assert "Stopping shows they matter more than the task." in page
