"""The pure parts of serve mode: which page a mistake belongs to, the box, the reload script tag."""
from __future__ import annotations

import logging

from mkdocs_course.serve import (
    ARTICLE,
    MistakeLog,
    ServedPage,
    livereload_tag,
    mistakes_box,
    sort_mistakes,
    with_mistakes_box,
    with_script,
)

PAGES = [
    ServedPage("basics/listening.md", "docs/basics/listening.md", "/site/basics/listening/index.html"),
    ServedPage("index.md", "docs/index.md", "/site/index.html"),
]


def test_a_mistake_belongs_to_the_page_it_names_and_the_rest_to_every_page():
    by_page, site_wide = sort_mistakes(
        [
            "docs/basics/listening.md:6: `minutes` must be a whole number above 0, not `lots`",
            "Doc file 'index.md' contains a link 'missing.md', but the target is not found among documentation files.",
            "mkdocs.yml:80: extra.course has no setting 'pdff'; did you mean 'pdf'?",
            "A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the documentation files.",
            "docs/basics/listening.mdx:1: not this page",
        ],
        PAGES,
    )
    assert by_page == {
        "basics/listening.md": ["docs/basics/listening.md:6: `minutes` must be a whole number above 0, not `lots`"],
        "index.md": ["Doc file 'index.md' contains a link 'missing.md', but the target is not found among documentation files."],
    }
    assert [message[:12] for message in site_wide] == ["mkdocs.yml:8", "A reference ", "docs/basics/"]


def test_the_box_lists_the_page_mistakes_first_with_quoted_words_as_code():
    box = mistakes_box(["docs/a.md:3: `order` must be a whole number"], ["mkdocs.yml:1: one\ntwo <b>"])
    assert '<p class="admonition-title" id="course-serve-mistakes">2 mistakes to fix' in box
    assert "<li>docs/a.md:3: <code>order</code> must be a whole number</li><li>mkdocs.yml:1: one<br>two &lt;b&gt;</li>" in box
    assert mistakes_box([], []) == ""
    assert "1 mistake to fix" in mistakes_box(["an odd ` backtick"], [])
    assert "<li>an odd ` backtick</li>" in mistakes_box(["an odd ` backtick"], [])


def test_the_box_goes_first_in_the_content_and_is_replaced_not_repeated():
    page = f"<html><body><main>{ARTICLE}<h1>Title</h1></article></main></body></html>"
    once = with_mistakes_box(page, mistakes_box(["first"], []))
    assert once.index("first") > once.index(ARTICLE) and once.index("first") < once.index("<h1>")
    twice = with_mistakes_box(once, mistakes_box(["second"], []))
    assert "first" not in twice and twice.count("course-serve-mistakes -->") == 2
    assert with_mistakes_box(twice, "") == page


def test_the_reload_script_is_a_same_origin_file_with_the_epoch_as_data():
    tag = livereload_tag("/course/assets/course/livereload.js", 12, 34)
    assert tag == b'<script src="/course/assets/course/livereload.js" data-epoch="12" data-request-id="34"></script>'
    assert with_script(b"<p>x</p></body></html>", tag) == b"<p>x</p>" + tag + b"</body></html>"
    assert with_script(b"<p>no body end</p>", tag) == b"<p>no body end</p>" + tag


def test_the_log_keeps_warnings_but_not_the_dev_server_request_log():
    log = MistakeLog()
    logging.getLogger("mkdocs").addHandler(log)
    for name, level, text in [
        ("mkdocs.plugins.course", logging.WARNING, "docs/a.md:1: a mistake"),
        ("mkdocs.livereload", logging.WARNING, '"GET /favicon.ico HTTP/1.1" code 404'),
        ("mkdocs.commands.build", logging.WARNING, "A 'dirty' build is being performed, this will ..."),
        ("mkdocs.commands.build", logging.INFO, "Cleaning site directory"),
    ]:
        logging.getLogger(name).log(level, text)
    logging.getLogger("mkdocs").removeHandler(log)
    assert log.take() == ["docs/a.md:1: a mistake"]
    assert log.take() == []
