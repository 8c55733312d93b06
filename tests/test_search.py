"""What the site's search index holds: the lessons and their questions, not the course's machinery.

The course adds its widgets after the search plugin has read a page; quiz
answers carry ``data-search-exclude``, which the search plugin honours.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest


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


def test_built_pages_have_every_answer(fixture_site: Path):
    page = (fixture_site / "basics" / "listening" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="course-quiz__answer"') == 2
    assert "Stopping shows they matter more than the task." in page
