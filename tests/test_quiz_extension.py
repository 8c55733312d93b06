"""The ``course_quiz`` extension renders quizzes and reports each mistake once.

Golden cases live in tests/golden/quiz-*/; the tests below check what those
cannot show: the log, the file and line a message names, and the UI strings.
"""
from __future__ import annotations

import re
from pathlib import Path

import golden
import markdown
import pytest
from golden import lines

from mkdocs_course import syntax
from mkdocs_course.diagnostics import Reporter, Source
from mkdocs_course.ids import derived_id

EXTENSIONS = golden.EXTENSIONS

NO_CORRECT = "quiz has no correct option; mark the right answer(s) with '- [x]'"


@pytest.mark.parametrize("case", golden.cases("quiz-"))
def test_golden(case: Path):
    golden.check(case)


def convert(text: str, source: Source | None = None, **configs: dict) -> str:
    """Render text with the course extensions, naming the file when given."""
    if source is None:
        return markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs).convert(text)
    reporter = Reporter()
    for name in ("course_quiz", "course_checklist"):
        configs[name] = {**configs.get(name, {}), "build": reporter}
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs)
    with reporter.rendering(source):
        return md.convert(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(lines("Intro.", "", "<quiz>", "What is trust?", "</quiz>"),
                     "docs/m.md:3: quiz has no options; add answers as task-list items: '- [x] right' and '- [ ] wrong'",
                     id="no-options"),
        pytest.param(lines("Intro.", "", "<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>"),
                     f"docs/m.md:3: {NO_CORRECT}", id="no-correct-option"),
        pytest.param(lines("<quiz>", "Which?", "- [x] a", "</quiz>"),
                     "docs/m.md:1: quiz has only one option; add at least one more '- [ ] ...' answer",
                     id="only-one-option"),
        pytest.param(lines("Intro.", "", "<quiz>", "Which?", "- [x] a", "- [ ] b"),
                     "docs/m.md:3: '<quiz>' is never closed; add '</quiz>' on its own line after the explanation",
                     id="unclosed"),
        pytest.param(lines("<quiz>", "Which?", "- [x] a", "- [ ] b", "", "> Stray feedback", "</quiz>"),
                     "docs/m.md:6: feedback line '>' is not directly under an option; put it on the line right "
                     "after the option it explains, with no blank line between",
                     id="stray-feedback"),
        pytest.param(lines("", "<quiz>", "- [x] a", "- [ ] b", "</quiz>"),
                     "docs/m.md:2: quiz has no question; write the question on the lines after '<quiz>'",
                     id="empty-question"),
        pytest.param(lines('<quiz id="9">', "Which?", "- [x] a", "- [ ] b", "</quiz>"),
                     "docs/m.md:1: quiz id '9' is not valid; use a letter then letters, digits, '-' or '_'",
                     id="invalid-id"),
        pytest.param(lines('<quiz type="multiple">', "Which?", "- [x] a", "- [ ] b", "</quiz>"),
                     "docs/m.md:1: '<quiz>' has no attribute 'type'; the ones it has are id=\"...\" and shuffle=\"true|false\"",
                     id="unknown-attribute"),
        pytest.param(lines("Text.", "</quiz>"),
                     "docs/m.md:2: '</quiz>' has no matching '<quiz>'; remove it or add '<quiz>' above the question",
                     id="stray-closing-tag"),
        pytest.param(lines('<quiz id="a">', "One?", "- [x] a", "- [ ] b", "</quiz>",
                           '<quiz id="a">', "Two?", "- [x] a", "- [ ] b", "</quiz>"),
                     "docs/m.md:6: quiz id 'a' is already used on line 1; give this quiz another id",
                     id="duplicate-explicit-ids"),
        pytest.param(lines("<quiz>", "Is it *this*?", "- [x] a", "- [ ] b", "</quiz>",
                           "<quiz>", "Is it this?", "- [x] a", "- [ ] b", "</quiz>"),
                     "docs/m.md:6: this quiz asks the same question as the quiz on line 1, so both would get "
                     f"the id '{derived_id('q', 'Is it this?')}'; reword one question or give it an id: <quiz id=\"...\">",
                     id="derived-ids-collide"),
    ],
)
def test_each_mistake_is_logged_once_as_a_warning_naming_file_and_line(text, message, course_log):
    convert(text, Source("docs/m.md"))
    assert course_log.lines == [f"WARNING: {message}"]


def test_line_numbers_count_the_front_matter_mkdocs_removed(course_log):
    body = lines("# Module", "", "<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>")
    convert(body, Source("docs/steps/one.md", line_offset=9))
    assert course_log.lines == [f"WARNING: docs/steps/one.md:12: {NO_CORRECT}"]


def test_the_other_line_a_message_names_counts_the_front_matter_too(course_log):
    body = lines('<quiz id="a">', "One?", "- [x] a", "- [ ] b", "</quiz>", '<quiz id="a">', "Two?", "- [x] a", "- [ ] b", "</quiz>")
    convert(body, Source("docs/m.md", line_offset=8))
    assert course_log.lines == ["WARNING: docs/m.md:14: quiz id 'a' is already used on line 9; give this quiz another id"]


def test_a_generated_page_repeats_no_message(course_log):
    # The workbook copies module checklists; their mistakes are reported at the module's own lines.
    convert(lines("<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>"), Source("workbook.md", quiet=True))
    assert course_log.lines == []


def test_without_a_source_the_message_says_markdown(course_log):
    convert(lines("<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>"))
    assert course_log.lines == [f"WARNING: <markdown>:1: {NO_CORRECT}"]


def test_valid_quizzes_log_nothing(course_log):
    html = convert((golden.GOLDEN / "quiz-single-choice" / "input.md").read_text(encoding="utf-8"))
    assert 'class="course-quiz"' in html
    assert course_log.lines == []


def test_every_broken_quiz_on_a_page_is_reported_and_replaced(course_log):
    text = lines(
        "<quiz>", "First?", "- [ ] a", "- [ ] b", "</quiz>",  # 1-5
        "",
        "<quiz>", "Fine?", "- [x] a", "- [ ] b", "</quiz>",  # 7-11
        "",
        "<quiz>", "Third?", "- [x] a", "</quiz>",  # 13-16
    )
    html = convert(text, Source("docs/m.md"))
    assert course_log.lines == [
        f"WARNING: docs/m.md:1: {NO_CORRECT}",
        "WARNING: docs/m.md:13: quiz has only one option; add at least one more '- [ ] ...' answer",
    ]
    assert html.count('class="admonition failure course-error"') == 2
    assert html.count('class="course-quiz"') == 1
    assert "&lt;quiz&gt;" in html and "<quiz" not in html


def test_unclosed_quiz_never_leaks_a_raw_tag(course_log):
    html = convert(lines("<quiz>", "Which?", "- [x] a", "- [ ] b"), Source("docs/m.md"))
    assert "<quiz" not in html
    assert 'class="admonition failure course-error"' in html
    assert len(course_log.lines) == 1


def test_one_page_rendered_twice_reports_twice_not_more(course_log):
    reporter = Reporter()
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"course_quiz": {"build": reporter}})
    text = lines("<quiz>", "Which?", "- [ ] a", "- [ ] b", "</quiz>")
    with reporter.rendering(Source("docs/a.md")):
        md.convert(text)
    with reporter.rendering(Source("docs/b.md", 2)):
        md.reset().convert(text)
    assert course_log.lines == [f"WARNING: docs/a.md:1: {NO_CORRECT}", f"WARNING: docs/b.md:3: {NO_CORRECT}"]


def test_a_reused_markdown_instance_renders_a_page_the_same_again():
    md = markdown.Markdown(extensions=EXTENSIONS)
    quiz = lines("<quiz>", "Which?", "- [x] a", "- [ ] b", "</quiz>")
    first, second = md.convert(quiz), md.reset().convert(quiz)
    assert first == second


def test_ui_strings_follow_the_language_and_overrides():
    text = lines("<quiz>", "Which?", "- [x] a", "- [ ] b", "</quiz>")
    html = convert(text, course_quiz={"language": "fr", "strings": {"quiz.wrong": "Non"}})
    assert "<summary>Voir la réponse</summary>" in html
    assert ">Correct</strong>" in html and ">Non</strong>" in html
    # The buttons are course.js's (it gets their words with the page data), not the page's.
    assert "<button" not in html


def test_quiz_markup_matches_the_html_contract():
    html = convert(lines('<quiz id="pick">', "Pick two.", "- [x] a", "- [ ] b", "- [x] c", "</quiz>"))
    assert re.search(r'<div class="course-quiz" data-quiz-id="pick" data-quiz-kind="multiple" id="quiz-pick">', html)
    assert html.count('type="checkbox"') == 3 and 'type="radio"' not in html
    assert html.count('name="quiz-pick"') == 3
    assert re.findall(r'data-correct="(\w+)" data-option="(\d)"', html) == [("true", "0"), ("false", "1"), ("true", "2")]


def test_a_page_is_read_once_even_when_a_quiz_holds_code_a_later_preprocessor_stashes(monkeypatch):
    reads = []
    scan = syntax.scan
    monkeypatch.setattr(syntax, "scan", lambda text: reads.append(1) or scan(text))
    plain = lines("<quiz>", "Which?", "- [x] a", "- [ ] b", "</quiz>", "", "<quiz>", "Who?", "- [x] c", "- [ ] d", "</quiz>")
    convert(plain)
    assert len(reads) == 1  # both quizzes come from the page's one reading
    # Fenced code is stashed by a preprocessor that runs later: the quiz's explanation goes through it when rendered.
    fenced = lines("<quiz>", "Which?", "- [x] a", "- [ ] b", "", "```", "code", "```", "</quiz>")
    reads.clear()
    html = convert(fenced)
    assert len(reads) == 1 and "<code>code" in html


PARAGRAPH_SAMPLES = [
    "Which **two** habits help?",
    "A question that wraps\nonto a second line, with `code` and a [link](other.md).",
    "Élan counts as a letter too.",
    # Not plain paragraphs: each goes through the block parser.
    "1. A numbered list",
    "- A list",
    "> A quote",
    "# A heading",
    "Title\n=====",
    "First paragraph.\n\nSecond paragraph.",
    "    indented code",
]


@pytest.mark.parametrize("text", PARAGRAPH_SAMPLES)
def test_the_one_paragraph_shortcut_renders_what_the_parser_would(text, monkeypatch):
    # Questions, feedback and explanations that are one plain paragraph skip
    # the block parser (it costs a pass over every block processor each); the
    # HTML must be the same as the parser's.
    from mkdocs_course import quiz

    page = lines("<quiz>", text, "", "- [x] Right", f"  > {text.splitlines()[0]}", "- [ ] Wrong", "", text, "</quiz>")
    fast = convert(page)
    monkeypatch.setattr(quiz, "_is_plain_paragraph", lambda markdown: False)
    assert fast == convert(page)


def test_the_key_repeats_each_options_rendered_words():
    # The key copies the option's text once inline Markdown is rendered, so
    # raw HTML, escapes, links and code come out the same in both places.
    option = "Press <kbd>Ctrl</kbd> and \\*star\\* with [a link](x.md) &amp; `code`"
    html = convert(lines("<quiz>", "Pick?", f"- [x] {option}", "  > Yes", "- [ ] No", "</quiz>"))
    shown = re.findall(r'<span class="course-quiz__text">(.*?)</span>', html)
    keyed = re.findall(r'class="course-quiz__verdict">[^<]*</strong>: (.*?)(?:<p |</li>)', html)
    expected = 'Press <kbd>Ctrl</kbd> and *star* with <a href="x.md">a link</a> &amp; <code>code</code>'
    assert shown == keyed == [expected, "No"]


def test_headings_inside_a_quiz_stay_out_of_the_table_of_contents():
    md = markdown.Markdown(extensions=["course_quiz", "toc", "pymdownx.superfences"])
    html = md.convert("# Page\n\n<quiz>\nWhich is right?\n\n- [x] This\n- [ ] That\n\n## Why\n\nBecause.\n</quiz>\n\n## After\n")
    assert [token["name"] for token in md.toc_tokens[0]["children"]] == ["After"]
    assert '<p aria-level="2" class="course-quiz__heading course-quiz__heading--2" role="heading">Why</p>' in html


def test_one_markdown_object_converts_page_after_page_and_keeps_no_page():
    """The processors share one page's state on one object (page_render.py), not attributes on the Markdown object.

    A Markdown object may convert several pages (other builders reuse it): the
    second page must not see the first one's quizzes or items, and once a page
    is converted nothing of it is kept for the next conversion.
    """
    from mkdocs_course.page_render import PageRenderExtension

    md = markdown.Markdown(extensions=EXTENSIONS)
    first = md.convert(lines("<quiz>", "First?", "- [x] yes", "- [ ] no", "</quiz>", "", "- [ ] tick me"))
    assert first.count('class="course-quiz"') == 1 and "tick me" in first
    assert not [name for name in vars(md) if name.startswith("course_")]
    (shared,) = [extension for extension in md.registeredExtensions if isinstance(extension, PageRenderExtension)]
    assert not shared.page.quizzes and not shared.page.key_texts and not shared.page.checklist_items
    assert shared.page.scan is None and not shared.page.reflection_spans
    md.reset()
    second = md.convert(lines("Just text.", "", "<quiz>", "Second?", "- [ ] a", "- [x] b", "</quiz>"))
    assert second.count('class="course-quiz"') == 1 and "First?" not in second and "tick me" not in second
    assert "Second?" in second
