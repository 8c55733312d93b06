"""MkDocs hooks that build the course: order, navigation, generated pages, manifest.

Each event is thin: the work is done by pure functions in ``mkdocs_course``.
Author mistakes are logged as warnings (fatal under ``--strict``), one message
per mistake, each naming the file and line.
"""
from __future__ import annotations

import logging
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from mkdocs_course import diagnostics, fragments, print_pages, site, widgets
from mkdocs_course.config import CourseConfig, load_course_config
from mkdocs_course.material_fixes import fix_material_markup
from mkdocs_course.model import Course, Module, module_ids

log = logging.getLogger("mkdocs.hooks.course")

EXTENSIONS = ("course_quiz", "course_checklist")


class _Build:
    """What one build knows about the course (rebuilt on every ``mkdocs serve`` reload)."""

    config: CourseConfig
    course: Course
    nav_generated: bool = False
    # The pieces of each rendered module that the workbook and answer key reuse.
    pieces: dict[str, fragments.ModuleFragments]
    # Quiz answers set aside while the search plugin reads each page (see fragments.set_answers_aside).
    answers: dict[str, list[str]]
    files: Files
    # Modules whose page this build rendered, and so whose ids it knows.
    rendered: set[str]
    # Each Markdown file as messages name it, read once when the course is built.
    sources: dict[str, diagnostics.Source]
    # Each page's widgets (under the title, after the content), made before the
    # anchors are checked and added once search has read the page.
    widgets: dict[str, tuple[str, str]]


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate ``extra.course`` and the course's assets; hand the UI language and strings to the extensions."""
    course_config, problems = load_course_config(config.extra.get("course"), config.config_file_path)
    for message in problems:
        log.warning(message)
    _build.config = course_config
    language = config.theme.get("language") or "en"
    for name in EXTENSIONS:
        if name not in config.markdown_extensions:
            log.warning(f"mkdocs.yml: markdown_extensions has no '{name}'; add '- {name}' so quizzes and checklists render")
        options = config.mdx_configs.setdefault(name, {})
        options.setdefault("language", language)
        options.setdefault("strings", dict(course_config.strings))
    for message in site.missing_assets(config):
        log.warning(message)
    # Run later than the author's own nav: only an absent nav is generated.
    _build.nav_generated = not config.nav
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Build the course model, add the generated pages, order the navigation."""
    course, problems, _build.sources = site.course_from_files(files, config, _build.config)
    for message in problems:
        log.warning(message)
    _build.course = course
    _build.files = files
    _build.rendered = set()
    _build.pieces = {}
    _build.answers = {}
    _build.widgets = {}
    generated = print_pages.generated_pages(course, _build.config)
    for uri, content in generated.items():
        if files.get_file_from_path(uri) is None:
            files.append(site.generated_file(config, uri, content, in_nav=uri in print_pages.IN_NAV))
    if _build.nav_generated:
        config.nav = site.nav_for(course, files, [uri for uri in generated if uri in print_pages.IN_NAV])
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Check that every module can be reached from the navigation."""
    for message in site.unreachable_modules(_build.course, nav.pages, config):
        log.warning(message)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the Markdown extensions which file they are about to render."""
    diagnostics.set_current(site.source_of(page, config, _build.sources))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note each module's ids and keep its pieces for the print pages; set quiz answers aside until search has read the page.

    Also makes the page's widgets, and adds their anchors to those MkDocs
    checks links against.
    """
    uri = page.file.src_uri
    ids = diagnostics.recorded_ids()
    diagnostics.set_current(None)
    html, answers = fragments.set_answers_aside(html)
    module = _build.course.module_for(uri)
    if module:
        module.checklist, module.quizzes = ids
        _build.rendered.add(module.id)
        # The pieces share the answers' strings: no second copy of each.
        _build.pieces[module.id] = fragments.capture(html, page.url, _build.course.practice_heading, answers)
    if answers:
        _build.answers[uri] = answers
    _build.widgets[uri] = parts = _widgets(page, module)
    if page.present_anchor_ids is not None:
        # So that Markdown may link to them (#course-manage) under --strict.
        page.present_anchor_ids.update(widgets.anchor_ids(parts[0] + parts[1]))
    return html


def _print_page(uri: str, page: Page, html: str) -> str:
    """Return the workbook's or the answer key's content; drop the pieces it used.

    Called once search has read the page (the print pages are out of search),
    so that its plugin does not also scan the whole course again for
    attributes to strip. MkDocs builds pages in file order and the print
    pages were appended last, so every module's pieces are kept by then.
    """
    course, pieces, workbook = _build.course, _build.pieces, uri == print_pages.WORKBOOK_URI
    actions = widgets.print_actions(course, workbook, partial(normalize_url, page=page))
    # Each print page links to the other.
    other = _build.files.get_file_from_path(print_pages.ANSWER_KEY_URI if workbook else print_pages.WORKBOOK_URI)
    assemble = print_pages.workbook_html if workbook else print_pages.answer_key_html
    html = assemble(course, pieces, page.url, _link(other, page), _title_id(html), actions)
    # Each piece is used by one print page only: a large course's pieces
    # would otherwise stay in memory to the end.
    for piece in pieces.values():
        if workbook:
            piece.checklists, piece.practice = [], ""
        else:
            piece.quizzes = []
    return html


def _title_id(html: str) -> str:
    """Return the id the table of contents gave a generated page's title."""
    start = html.find('<h1 id="')
    return html[start + 8 : html.index('"', start + 8)] if start >= 0 else ""


def _link(file, page: Page) -> str:
    """Return a relative link from a page to another generated page."""
    return file.url_relative_to(page.file) if file else ""


@event_priority(-100)  # after the search plugin has read the content: see _widgets
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Add the course's HTML to the page; give templates the course, the module and the data course.js reads."""
    module = _build.course.module_for(page.file.src_uri)
    page.content = fragments.put_answers_back(page.content or "", _build.answers.pop(page.file.src_uri, []))
    if page.file.src_uri in (print_pages.WORKBOOK_URI, print_pages.ANSWER_KEY_URI):
        page.content = _print_page(page.file.src_uri, page, page.content or "")
    top, bottom = _build.widgets.pop(page.file.src_uri, ("", ""))
    content = page.content or ""
    page.content = (widgets.after_title(content, top) if top else content) + bottom
    context["course"] = _build.course
    context["course_module"] = module
    context["course_page_data"] = site.page_data(_build.course, page, module)
    return context


def _widgets(page: Page, module: Module | None) -> tuple[str, str]:
    """Return the course's own HTML for a page (``mkdocs_course.widgets``): what goes under its title, and after it.

    Added to the content after search has indexed the page, so that search
    finds lessons, not "Mark as read" on every page, and does not parse this
    HTML at all.
    """
    course, href = _build.course, partial(normalize_url, page=page)
    if module:
        return widgets.module_header(course, module), widgets.module_footer(course, module, href)
    if page.is_homepage:
        return "", widgets.dashboard(course, href) + widgets.progress_tools(course)
    return "", ""


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the course manifest, and print the workbook PDF when enabled."""
    for module in _build.course.modules:
        if module.id not in _build.rendered:  # a --dirty build left its page as it was
            source = _build.files.get_file_from_path(module.src_uri)
            module.checklist, module.quizzes = module_ids(source.content_string)
    site.write_manifest(_build.course, config.site_dir)
    if _build.config.pdf:
        from mkdocs_course import pdf  # only now: it loads a web server and subprocess, which most builds never use

        try:
            pdf.write_pdf(config, paper=_build.config.paper)
        except pdf.PdfError as error:
            raise PluginError(str(error)) from error


@event_priority(-100)  # after every other plugin's on_post_page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Let go of the page's HTML content once the page is written.

    MkDocs keeps every page's content to the end of the build, and this hook
    gives each its final form (answers back, widgets) only now, as a new
    string: on a large course, keeping them all would cost more memory than
    the whole build of plain Material. The print pages repeat the whole course.
    Nothing reads a page's content after its on_post_page.
    """
    page.content = None
    return fix_material_markup(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Fix Material's markup in pages built from a bare template (404.html) too."""
    return fix_material_markup(output) if template_name.endswith(".html") else output
