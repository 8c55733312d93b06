"""Glue between MkDocs objects and the pure course model.

The hooks call these functions; each takes MkDocs' own objects, converts them
to plain data and hands them to the model.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .config import CourseConfig
from .diagnostics import Source
from .frontmatter import body_line_offset, decode_source
from .model import Course, Module, PageSource, build_course

MANIFEST_URI = "course-manifest.json"
# The words course.js shows (templates render every other word into the HTML),
# by the part of a page that shows them: a page carries the words of the parts
# it has ("page": every page), so a module page is spared the dashboard's, a
# check-in's or a fill-in quiz's. Keys, or prefixes of keys.
# tests/test_widgets.py checks that every key the front end names is here.
SCRIPT_STRINGS = {
    "page": ("state.", "storage.unavailable", "storage.full", "storage.reset_notice", "storage.saved_again",
             "storage.unreadable_no_room", "storage.download_unreadable", "offline.", "module.progress"),
    "quiz": ("quiz.submit", "quiz.retry", "quiz.reveal", "quiz.correct", "quiz.wrong", "quiz.right", "quiz.not_right",
             "quiz.choose", "quiz.your_choice"),
    "blanks": ("quiz.type_first", "quiz.blank_answer"),
    "summary": ("quiz.results", "quiz.confirm_reset", "quiz.done_reset"),
    "checklist": ("checklist.",),
    "reflection": ("reflection.saved", "reflection.not_saved"),
    "checkin": ("checkin.",),
    # The dashboard and the progress tools (course.js loads their code only where they are).
    "tools": ("dashboard.overall", "dashboard.continue", "progress.bad_file", "progress.confirm_", "progress.done_reset",
              "progress.erased", "progress.import", "progress.mode_failed", "progress.newer", "progress.other_course",
              "progress.now_", "storage.mode_"),
}  # fmt: skip
# How a page's HTML shows each part; "tools" is widgets.has_progress_tools.
# The words (SCRIPT_STRINGS) and the stylesheets (core.PART_STYLESHEETS) a
# page gets are both read from these.
PART_MARKS = {
    "quiz": 'class="course-quiz"',
    "blanks": 'class="course-quiz__blank"',
    "summary": 'class="course-quiz-summary ',
    "checklist": 'class="course-checklist"',
    "reflection": 'class="course-reflection"',
    "checkin": 'class="course-checkin"',
    "plan": 'class="course-plan"',
    "code": 'class="highlight',
}
# The parts whose words another part also needs: a blank quiz has a quiz's
# buttons, a summary counts quizzes, the dashboard sums up check-ins.
NEEDS = {"blanks": ("quiz",), "summary": ("quiz",), "tools": ("checkin",)}


def parts_in(html: str, *, tools: bool) -> set[str]:
    """Return the parts a page's HTML has: those of PART_MARKS, and "tools" with ``tools``."""
    found = {part for part, mark in PART_MARKS.items() if mark in html}
    if tools:
        found.add("tools")
    return found


def page_parts(html: str, *, tools: bool) -> frozenset[str]:
    """Return the parts of SCRIPT_STRINGS whose words a page carries ("page" always)."""
    parts = {"page", *parts_in(html, tools=tools)}
    return frozenset(parts.union(*(NEEDS.get(part, ()) for part in parts)) & SCRIPT_STRINGS.keys())


def script_strings(strings: dict[str, str], parts: frozenset[str]) -> dict[str, str]:
    """Return the words course.js shows on a page with ``parts``, in the course's language."""
    keys = tuple(key for part in parts for key in SCRIPT_STRINGS[part])
    return {key: text for key, text in strings.items() if key.startswith(keys)}


def display_path(config: MkDocsConfig, abs_path: str | None, src_uri: str) -> str:
    """Return a source path as an author types it: relative to mkdocs.yml (``docs/x.md``)."""
    if not abs_path:
        return src_uri
    relative = os.path.relpath(abs_path, _config_dir(config.config_file_path))
    return relative.replace(os.sep, "/") if not relative.startswith("..") else abs_path


@functools.lru_cache(maxsize=8)
def _config_dir(config_file: str | None) -> str:
    """Return the folder of mkdocs.yml with links resolved (asked once per build, not per page)."""
    return os.path.dirname(os.path.realpath(config_file or "mkdocs.yml"))


def namespace(config: MkDocsConfig) -> str:
    """Return the default storage namespace: the site's root path (e.g. ``/my-course/``)."""
    return urlsplit(config.site_url or "/").path or "/"


def course_from_files(
    files: Files, config: MkDocsConfig, course_config: CourseConfig, *, keep_source: bool = False
) -> tuple[Course, list[str], dict[str, Source]]:
    """Build the course from the Markdown files MkDocs found; also return each file as messages name it."""
    pages, unreadable = [], []
    for f in files.documentation_pages():
        if f.generated_by:
            continue
        shown = display_path(config, f.abs_src_path, f.src_uri)
        text, problem = decode_source(f.content_bytes)
        if problem:  # MkDocs would stop with a traceback: it renders the readable text instead
            unreadable.append(problem.at(shown))
            f.content_string = text
        pages.append(PageSource(f.src_uri, shown, text))
    sources = {page.src_uri: Source(page.display_path, body_line_offset(page.text)) for page in pages}
    course, problems = build_course(
        pages,
        course_config,
        site_name=config.site_name,
        namespace=namespace(config),
        language=config.theme.get("language") or "en",
        use_directory_urls=config.use_directory_urls,
        keep_source=keep_source,
    )
    return course, unreadable + problems, sources


def source_of(page: Page, config: MkDocsConfig, known: dict[str, Source]) -> Source:
    """Return the file and front-matter line offset of a page about to be rendered.

    Pages read when the course was built are in ``known``; a generated page
    (the workbook) says nothing of its own, as its mistakes are its modules'.
    """
    if source := known.get(page.file.src_uri):
        return source
    path = display_path(config, page.file.abs_src_path, page.file.src_uri)
    return Source(path, 0, quiet=bool(page.file.generated_by))


def page_key(page: Page, module: Module | None) -> str:
    """Return the key a page's saved progress is stored under."""
    return module.id if module else page.file.src_uri[:-3]


def page_data(course: Course, page: Page, module: Module | None, *, offline: bool = False, parts: frozenset[str]) -> str:
    """Return the JSON a page hands to course.js in ``<script id="__course">``, safe inside that element.

    It carries the words of the page's ``parts`` (``page_parts``); each set
    of words is serialised once per course.
    """
    if parts not in course.script_strings_json:
        course.script_strings_json[parts] = htmlsafe_json_dumps(script_strings(course.strings, parts))
    data = {
        "manifest": MANIFEST_URI,
        "namespace": course.namespace,
        "page": page_key(page, module),
        "module": module is not None,
        "completion": course.completion,
        # Whether the site has a service worker (offline.js registers it, or removes an old one).
        "offline": offline,
    }
    return f'{htmlsafe_json_dumps(data)[:-1]}, "strings": {course.script_strings_json[parts]}}}'


def nav_for(course: Course, files: Files, extra_pages: list[str]) -> list[Any]:
    """Return an MkDocs ``nav`` list for the course.

    Home first, then each section's modules in course order, then the other
    top-level pages, then the generated pages that belong in it (the workbook).
    Pages in folders of their own (such as an authoring guide) come last, one
    section per folder, so they stay apart from what learners follow.
    """
    module_uris = {m.src_uri for m in course.modules}
    home = next((f.src_uri for f in files.documentation_pages() if f.src_uri == "index.md"), None)
    nav: list[Any] = [home] if home else []
    for section in course.sections:
        if section.modules:
            nav.append({section.title: [m.src_uri for m in section.modules]})
    others = sorted(
        f.src_uri
        for f in files.documentation_pages()
        if f.src_uri not in module_uris and f.src_uri != home and f.src_uri not in extra_pages and not f.generated_by
    )
    nav += [uri for uri in others if "/" not in uri]
    nav += [uri for uri in extra_pages if files.get_file_from_path(uri)]
    folders: dict[str, list[str]] = {}
    for uri in others:
        if "/" in uri:
            folders.setdefault(uri.split("/", 1)[0], []).append(uri)
    for folder, uris in folders.items():
        uris.sort(key=lambda uri: (not uri.endswith("index.md"), uri))
        nav.append({folder.replace("-", " ").replace("_", " ").capitalize(): uris})
    return nav


def unreachable_modules(course: Course, nav_pages: list[Page], config: MkDocsConfig) -> list[str]:
    """Return a message for each module the site navigation does not lead to."""
    in_nav = {page.file.src_uri for page in nav_pages}
    return [
        f"{display_path(config, config.docs_dir + '/' + m.src_uri, m.src_uri)}:1: module '{m.title}' is not in the "
        "navigation; remove `nav` from mkdocs.yml to let the course order it, or add the page to `nav`"
        for m in course.modules
        if m.src_uri not in in_nav
    ]


def generated_file(config: MkDocsConfig, src_uri: str, content: str, *, in_nav: bool = True) -> File:
    """Return a page the build writes from the course model (one left out of the nav says so, or MkDocs warns)."""
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, src_uri, content=content, inclusion=inclusion)


def write_manifest(course: Course, site_dir: str) -> Path:
    """Write ``course-manifest.json`` at the site root."""
    path = Path(site_dir) / MANIFEST_URI
    path.write_text(json.dumps(course.manifest(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
