"""The course's own HTML (``mkdocs_course.widgets``): what each widget says and where it goes.

The browser tests exercise the widgets with course.js; these pin the markup
itself: escaping, links and translated words.
"""
from __future__ import annotations

import pytest

from mkdocs_course import widgets
from mkdocs_course.config import load_course_config
from mkdocs_course.model import PageSource, build_course


def course_of(language: str = "en", completion=None, **pages: str):
    """Build a course of two modules in one section (titles may carry HTML-special characters)."""
    settings = {"sections": [{"id": "steps", "title": "Steps & stages", "label": "Step"}]}
    if completion is not None:
        settings["completion"] = completion
    config, messages = load_course_config(settings, None)
    assert messages == []
    texts = {
        "steps/one.md": "---\ntitle: Say <what> you mean\nsection: steps\norder: 1\nsummary: Talk & listen.\n"
        "minutes: 10\nobjectives: [Name a need, Ask <kindly>]\n---\n\n# One\n\n- [ ] Ask once\n",
        "steps/two.md": "---\ntitle: Keep promises\nsection: steps\norder: 2\nsummary: Small and kept.\n"
        "minutes: 15\nobjectives: [Keep one, Say when not]\n---\n\n# Two\n\nNo checklist here.\n",
        **pages,
    }
    sources = [PageSource(uri, f"docs/{uri}", text) for uri, text in texts.items()]
    course, problems = build_course(sources, config, site_name="Trust", namespace="/trust/", language=language)
    assert problems == []
    return course


def href_from(page_url: str):
    """Return the link maker the hook uses, for a page at ``page_url``."""
    from mkdocs.utils import get_relative_url

    return lambda url: get_relative_url(url, page_url)


def test_the_module_header_gives_place_time_objectives_and_actions_escaped():
    course = course_of()
    one, two = course.modules
    header = widgets.module_header(course, one)
    assert '<p class="course-module__meta">Step 1 of 2 · about 10 minutes</p>' in header
    assert "<li>Name a need</li><li>Ask &lt;kindly&gt;</li>" in header
    assert header.count('class="md-button course-print"') == 2  # the module has a checklist
    assert 'class="md-button course-read" aria-pressed="false"' in header
    # Without a checklist there is nothing to print; without objectives, no list.
    two.objectives = []
    other = widgets.module_header(course, two)
    assert "course-print" not in other and "course-module__objectives" not in other


def test_without_read_in_the_rule_there_is_no_mark_as_read_button():
    course = course_of(completion=["checklist"])
    one, two = course.modules
    assert "course-read" not in widgets.module_header(course, one)
    assert "course-read" not in widgets.module_footer(course, two, href_from("steps/two/"))
    # No action at all: no empty, hidden paragraph for course.js to show.
    assert "course-actions" not in widgets.module_header(course, two)


def test_the_footer_links_the_modules_before_and_after_relative_to_the_page():
    course = course_of()
    one, two = course.modules
    first = widgets.module_footer(course, one, href_from(one.url))
    assert 'href="../two/"' in first and "course-pager__link--prev" not in first
    last = widgets.module_footer(course, two, href_from(two.url))
    assert 'class="course-pager__link course-pager__link--prev" href="../one/"' in last
    assert "Say &lt;what&gt; you mean" in last
    assert '<p class="course-rule">A module is complete when' in last


def test_the_dashboard_lists_every_module_and_starts_the_course():
    course = course_of()
    html = widgets.dashboard(course, href_from(""))
    assert '<h3 id="course-section-steps">Steps &amp; stages</h3>' in html
    assert html.count('<li class="course-card"') == 2
    assert 'href="steps/one/"><span class="course-continue__label">Start the course</span>' in html
    assert '<p class="course-card__meta">Step 2 · about 15 minutes</p>' in html
    assert '<a href="#course-manage">Export, import or reset your progress</a>' in html
    assert "course-pdf" not in html
    course.pdf_url = "workbook.pdf"
    assert '<a href="workbook.pdf">Download the workbook (PDF)</a>' in widgets.dashboard(course, href_from(""))


def _module(order: int, minutes: int) -> str:
    """Return a module page of the test course's one section taking ``minutes``."""
    return (
        f"---\ntitle: Extra {order}\nsection: steps\norder: {order}\nsummary: More.\n"
        f"minutes: {minutes}\nobjectives: [Do it, Say it]\n---\n\n# Extra\n"
    )


def test_the_dashboard_says_the_total_time_added_up_from_the_modules():
    # 10 + 15 minutes: under an hour and a half, so said in minutes.
    assert '<p class="course-total">About 25 minutes in all.</p>' in widgets.dashboard(course_of(), href_from(""))
    # 10 + 15 + 50 + 65 = 140 minutes: 2 hours 20, said to the nearest half hour.
    longer = course_of(**{"steps/three.md": _module(3, 50), "steps/four.md": _module(4, 65)})
    assert '<p class="course-total">About 2½ hours in all.</p>' in widgets.dashboard(longer, href_from(""))
    # 10 + 15 + 95 = 120 minutes: a whole number of hours has no half.
    whole = course_of(**{"steps/three.md": _module(3, 95)})
    assert '<p class="course-total">About 2 hours in all.</p>' in widgets.dashboard(whole, href_from(""))
    assert "Environ 25 minutes en tout." in widgets.dashboard(course_of(language="fr"), href_from(""))


def test_widgets_speak_the_course_language():
    course = course_of(language="fr")
    one, _ = course.modules
    assert "Step 1 sur 2 · environ 10 minutes" in widgets.module_header(course, one)
    assert "Recommencer" in widgets.progress_tools(course)


def test_the_progress_tools_offer_every_module_to_reset():
    course = course_of()
    tools = widgets.progress_tools(course)
    assert '<option value="steps/one">Say &lt;what&gt; you mean</option><option value="steps/two">' in tools
    # Export, import, reset, keep-or-not and erase.
    assert tools.count('class="course-tool course-js" hidden') == 5
    assert "<noscript>" in tools
    # The dashboard's link to them lands on their heading.
    assert '<section class="course-manage" aria-labelledby="course-manage">' in tools
    assert '<h2 id="course-manage">Back up, move or reset your progress</h2>' in tools


def test_only_the_workbook_offers_printing_with_ticks_and_the_pdf():
    course = course_of()
    course.pdf_url = "workbook.pdf"
    workbook = widgets.print_actions(course, True, href_from("workbook/"))
    assert 'data-print="course-print-ticks"' in workbook and 'href="../workbook.pdf"' in workbook
    answers = widgets.print_actions(course, False, href_from("answer-key/"))
    assert "course-print-ticks" not in answers and "workbook.pdf" not in answers


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('<h1 id="t">Title</h1>\n<p>Text</p>', '<h1 id="t">Title</h1>\nWIDGET\n<p>Text</p>'),
        # No title in the content: Material puts one just before it.
        ("<p>Text</p>", "WIDGET\n<p>Text</p>"),
    ],
)
def test_a_header_goes_right_under_the_title(content, expected):
    assert widgets.after_title(content, "WIDGET") == expected



def test_anchor_ids_lists_every_id_the_widgets_write():
    html = '<h2 id="course-manage">Keep</h2><p class="x" id="course-overall"></p><a href="#id">no id</a>'
    assert widgets.anchor_ids(html) == {"course-manage", "course-overall"}


def test_the_erase_marker_becomes_the_erase_control_and_nothing_else_changes():
    course = course_of()
    html = "<p>Before</p>\n<!-- course: erase -->\n<!-- another comment -->"
    placed = widgets.place_markers(html, course)
    assert placed.startswith("<p>Before</p>\n<div class=\"course-erase\">")
    assert placed.endswith("</div>\n<!-- another comment -->")
    assert "Erase everything this course saved on this device" in placed
    assert widgets.place_markers("<p>No marker</p>", course) == "<p>No marker</p>"


def test_the_page_data_carries_every_word_the_front_end_shows_and_no_other():
    """course.js reads its words from the page data: a key it names but the page lacks would show as the key itself."""
    import re
    from pathlib import Path

    from mkdocs_course.site import SCRIPT_STRINGS
    from mkdocs_course.strings import STRINGS

    sources = "\n".join(path.read_text("utf-8") for path in Path(__file__).parent.parent.joinpath("frontend", "course").glob("*.js"))
    named = {name for name in re.findall(r'["`]((?:quiz|checklist|state|storage|progress|module|dashboard|offline)\.[a-z_]+)["`$]', sources) if not name.endswith("_")}
    prefixes = set(re.findall(r'`((?:quiz|checklist|state|storage|progress|module|dashboard|offline)\.[a-z_]*)\$\{', sources))
    carried = {key for key in STRINGS["en"] if key.startswith(tuple(k for keys in SCRIPT_STRINGS.values() for k in keys))}
    assert named and prefixes
    assert sorted(named - carried) == []
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in carried), prefix
    # Words the server renders into the HTML stay out of every page's data.
    assert "progress.erase_text" not in carried and "progress.keep_text" not in carried
    assert not {"quiz.show", "quiz.hint", "reflection.no_js", "reflection.print_answers"} & carried


def test_words_of_the_dashboard_and_tools_stay_off_pages_that_run_without_them():
    """course.js runs the same modules on every page; only the parts it loads later may name the tools' words."""
    import re
    from pathlib import Path

    from mkdocs_course.site import SCRIPT_STRINGS

    folder = Path(__file__).parent.parent / "frontend" / "course"
    every_page, waiting = set(), ["main.js"]
    while waiting:  # the modules main.js imports statically, and theirs
        name = waiting.pop()
        if name not in every_page:
            every_page.add(name)
            waiting += re.findall(r'^import .* from "\./([\w-]+\.js)";$', (folder / name).read_text("utf-8"), re.M)
    assert {"main.js", "storage.js", "checklist.js"} <= every_page
    assert not {"dashboard.js", "quiz.js", "checkin.js"} & every_page
    for name in sorted(every_page):
        keys = re.findall(r'["`]((?:dashboard|progress|storage)\.[a-z_]+)', (folder / name).read_text("utf-8"))
        assert not [key for key in keys if key.startswith(SCRIPT_STRINGS["tools"])], f"{name} runs on every page"


def test_only_pages_with_the_tools_carry_their_words(fixture_site):
    import json
    import re

    def strings(page: str) -> dict[str, str]:
        html = (fixture_site / page / "index.html").read_text("utf-8")
        return json.loads(re.search(r'<script type="application/json" id="__course">(.*?)</script>', html).group(1))["strings"]

    home, module = strings("."), strings("basics/listening")
    assert "progress.confirm_course" in home and "dashboard.overall" in home
    assert "progress.confirm_course" not in module and "dashboard.overall" not in module
    assert module["quiz.submit"] == "Check answer" and module["checklist.count"] == "{done} of {total} done"
    assert "storage.full" in module and "storage.full" in home
    # Each part's words come only with a page that has the part.
    assert "quiz.blank_answer" not in module and "quiz.results" not in module and "checkin.again" not in module
    assert "checkin.again" in home  # the dashboard sums up check-ins


def test_a_page_carries_the_words_of_the_parts_it_has():
    from mkdocs_course.site import page_parts, script_strings
    from mkdocs_course.strings import STRINGS

    assert page_parts("<p>Text</p>", tools=False) == {"page"}
    blank = '<div class="course-quiz" data-quiz-kind="blanks"><span class="course-quiz__blank">'
    assert page_parts(blank, tools=False) == {"page", "quiz", "blanks"}
    assert page_parts("", tools=True) == {"page", "tools", "checkin"}
    words = script_strings(STRINGS["en"], frozenset({"page", "reflection"}))
    assert words["reflection.saved"] == "Saved in this browser."
    assert "quiz.submit" not in words and "storage.mode_device" not in words and "reflection.no_js" not in words


def test_a_module_page_loads_only_the_stylesheets_it_uses(fixture_site):
    """The print pages' styles, a check-in's and highlighted code's colours come only with the pages that have them."""
    import re

    from mkdocs_course.core import page_stylesheets

    def stylesheets(page: str) -> list[str]:
        html = (fixture_site / page / "index.html").read_text("utf-8")
        return re.findall(r'<link rel="stylesheet" href="[^"]*assets/course/([^"]+)"', html)

    assert stylesheets("basics/listening") == ["course.css"]
    assert stylesheets("workbook") == ["course.css", "print-pages.css"]
    assert page_stylesheets('<div class="highlight"><pre>x</pre></div>', print_page=False) == [
        "assets/course/code-contrast.css"
    ]
    assert page_stylesheets("<p>No code</p>", print_page=False) == []
    # A check-in's styles come only with a page that shows one (the workbook prints them too).
    checkin = '<div class="course-checkin" id="checkin-k" data-checkin-id="k">'
    assert page_stylesheets(checkin, print_page=False) == ["assets/course/checkin.css"]
    assert page_stylesheets(checkin, print_page=True) == ["assets/course/print-pages.css", "assets/course/checkin.css"]
    # The dashboard's and the progress tools', a fill-in quiz's and the plan page's likewise.
    assert stylesheets("") == ["course.css", "dashboard.css"]
    blank = '<p>Say <span class="course-quiz__blank" data-blank="1" data-size="5">blank 1</span>.</p>'
    assert page_stylesheets(blank, print_page=False) == ["assets/course/blanks.css"]
    assert page_stylesheets('<div class="course-plan">', print_page=False) == ["assets/course/plan.css"]
    tool = '<div class="course-tool course-js" hidden>'
    assert page_stylesheets(tool, print_page=False) == ["assets/course/dashboard.css"]
