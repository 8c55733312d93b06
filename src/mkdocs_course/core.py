"""The course build: one object that holds what a build knows and does each of its steps.

Both ways in use it: the ``course`` plugin (``plugin.py``, settings from its
own config) and a ``hooks/`` file (settings from ``extra.course``, see
``CourseBuild.from_extra``). Each MkDocs event is one thin method over the
pure modules (``model``, ``widgets``, ``print_pages``, ``fragments``). The
object hands itself to the Markdown extensions through their ``build``
option, so they report mistakes at the file being rendered; every mistake
is a warning (fatal under ``--strict``) and is kept, so that ``-q --strict``
fails too.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from . import fragments, leave_site, offline, page_options, print_pages, site, widgets
from .config import CourseConfig, load_course_config
from .csp import content_security_policy
from .diagnostics import Reporter, Source, log
from .fragments import rebase
from .material_fixes import fix_material_markup
from .model import Course, Module
from .reflection_syntax import PLAN_MARKER

if TYPE_CHECKING:
    from .serve import ServeMode

# The engine's templates and served JS/CSS, shipped in the package.
THEME_DIR = str(Path(__file__).resolve().parent / "theme")
COURSE_CSS = "assets/course/course.css"
COURSE_JS = "assets/course/course.js"
# Stylesheets only some pages load (page_stylesheets), so that a module page downloads none of them.
PRINT_PAGES_CSS = "assets/course/print-pages.css"
# Each one, by the part of a page that makes the page link it (site.parts_in).
PART_STYLESHEETS = {
    "checkin": "assets/course/checkin.css",
    "code": "assets/course/code-contrast.css",
    "tools": "assets/course/dashboard.css",
    "blanks": "assets/course/blanks.css",
    "plan": "assets/course/plan.css",
}
EXTENSIONS = ("course_quiz", "course_checklist")

Settings = Callable[[MkDocsConfig], "tuple[CourseConfig, list[str]]"]


def extra_course_settings(config: MkDocsConfig) -> tuple[CourseConfig, list[str]]:
    """Return the course settings under ``extra.course`` and a message per mistake in them (for hooks)."""
    return load_course_config(config.extra.get("course"), config.config_file_path)


class CourseBuild(Reporter):
    """What one build knows about the course, and each of its steps (one method per MkDocs event).

    ``mkdocs serve`` starts every rebuild at ``on_config``, which forgets the
    last build.
    """

    EVENTS = (
        "on_startup", "on_serve", "on_build_error", "on_shutdown", "on_config", "on_files", "on_nav", "on_env",
        "on_page_markdown", "on_page_content", "on_page_context", "on_post_page", "on_post_template", "on_post_build",
    )  # fmt: skip
    """The MkDocs events this object handles: the plugin and the hooks file both expose exactly these."""

    reports_checkins = True
    """Check-in mistakes are reported from the source scan in ``on_files`` (as ``check`` does), not again while rendering."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self.settings = CourseConfig()
        self.course: Course | None = None
        # Set under `mkdocs serve` only (on_startup), and kept from one rebuild
        # to the next: live reload, each build's mistakes shown on its pages.
        self.serve: ServeMode | None = getattr(self, "serve", None)
        self.files: Files | None = None
        self.nav_generated = False
        self.csp = ""
        # Each Markdown file as messages name it, read once when the course is built.
        self.sources: dict[str, Source] = {}
        # The pieces of each rendered module that the workbook and answer key reuse.
        self.pieces: dict[str, bytes] = {}  # compressed (fragments.pack) until the print pages read them
        # Each plan reflection's HTML ("<module id> <reflection id>"), for a page with the plan marker.
        self.plan_pieces: dict[str, str] = {}
        # Each page's widgets (under the title, after the content): made before
        # the anchors are checked, added once search has read the page.
        self.widgets: dict[str, bytes] = {}  # compressed (fragments.pack), like the pages' HTML
        # The page being rendered's own quiz options (its `quiz:` front matter, see page_options.py).
        self.quiz_page: dict[str, bool] = {}

    @classmethod
    def from_extra(cls) -> CourseBuild:
        """Return a build that reads its settings from ``extra.course`` (the hooks' way in)."""
        return cls(extra_course_settings)

    # --- mkdocs serve only (mkdocs_course.serve) ---------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``mkdocs serve``, start collecting each build's mistakes to show on the pages."""
        if command == "serve" and self.serve is None:
            from .serve import ServeMode  # only now: a build never needs it

            self.serve = ServeMode()
            self.serve.start()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Serve live reload as a same-origin script, which the pages' CSP allows."""
        if self.serve is None:  # `mkdocs serve --clean` starts up as a build
            from .serve import ServeMode

            self.serve = ServeMode()
        self.serve.attach(server, config.site_url or "/", config.site_dir)
        return server

    def on_build_error(self, *, error: Exception) -> None:
        """Forget a failed build's mistakes: its pages were not written."""
        if self.serve is not None:
            self.serve.build_failed()

    def on_shutdown(self) -> None:
        """Stop collecting mistakes when the server stops."""
        if self.serve is not None:
            self.serve.wait_for_print()
            self.serve.stop()

    def _show_mistakes(self, config: MkDocsConfig) -> None:
        """Write the reload loop into the served site and each page's mistakes into its HTML (serving only)."""
        from .serve import ServedPage

        # Not on the print pages: their mistakes are their modules', and the PDF prints the workbook as built.
        pages = [
            ServedPage(f.src_uri, site.display_path(config, f.abs_src_path, f.src_uri), f.abs_dest_path)
            for f in self.files.documentation_pages()
            if not f.generated_by
        ]
        self.serve.after_build(pages, config.site_dir)

    # --- every build --------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate the settings; add the engine's theme folder, CSS, JS and Markdown extensions where missing."""
        self.__init__(self._settings)  # forget the last build (mkdocs serve)
        if self.serve is not None:  # this build cleans the site and prints its own PDF
            self.serve.stop_printing()
        self.settings, problems = self._settings(config)
        for message in problems:
            self.warn(message)
        self.csp = content_security_policy(self.settings.csp)
        add_theme_dir(config)
        add_assets(config)
        add_extensions(config, self)
        # Run later than the author's own nav: only an absent nav is generated.
        self.nav_generated = not config.nav
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Build the course model (ids from each module's source), add the generated pages, order the navigation."""
        course, problems, self.sources = site.course_from_files(files, config, self.settings)
        for message in problems:
            self.warn(message)
        self.course, self.files = course, files
        generated = print_pages.generated_pages(course, self.settings)
        for uri, content in generated.items():
            if files.get_file_from_path(uri) is None:
                files.append(site.generated_file(config, uri, content, in_nav=uri in print_pages.IN_NAV))
        if self.nav_generated:
            config.nav = site.nav_for(course, files, [uri for uri in generated if uri in print_pages.IN_NAV])
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Check that every module can be reached from the navigation."""
        for message in site.unreachable_modules(self.course, nav.pages, config):
            self.warn(message)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give every template the page policy and "Leave this site" (the 404 page too, which has no page context).

        Runs once every page this build renders is rendered. A ``--dirty``
        build skips the pages that did not change, which then have no title
        and would show as "None" in the navigation of the pages it writes (the
        print pages among them): their sources are read, not rendered.
        """
        env.globals["course_csp"] = self.csp
        if self.serve is not None:
            # Compiled templates are kept from one rebuild to the next (edited ones are compiled again).
            env.bytecode_cache = self.serve.templates
        # "Leave this site", in the header of every page ('' when the course has it off).
        leave = self.settings.leave_site and leave_site.control(self.settings.leave_site_url, self.course.strings)
        env.globals["course_leave_site"] = leave or ""
        for file in files.documentation_pages():
            if file.page is not None and file.page.markdown is None:
                file.page.read_source(config)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Name the file the Markdown extensions are about to render, and hand them its own quiz options."""
        self.source = site.source_of(page, config, self.sources)
        # A check-in shown again on this page rewrites its links from the page that defines it.
        self.rendering_uri = page.file.src_uri
        self.quiz_page = page_options.render_options(page.meta)  # read by the quiz extension
        return markdown

    def _on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep a module's pieces for the print pages; make the page's widgets and add their anchors."""
        self.source = None
        module = self.course.module_for(page.file.src_uri)
        if module:
            self._keep_pieces(module, html, page.url)
        # Controls an author places with a marker line (the help page's "Erase everything").
        html = widgets.place_markers(html, self.course)
        parts = self._widgets_for(page, module)
        if any(parts):
            self.widgets[page.file.src_uri] = fragments.pack(parts)
        if page.present_anchor_ids is not None:
            # So that Markdown may link to them (#course-manage) under --strict.
            page.present_anchor_ids.update(widgets.anchor_ids(parts[0] + parts[1]))
        return html

    @event_priority(-100)  # after every other plugin has changed the HTML
    def _pack_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> bytes:
        """Keep the page's HTML compressed until its page is written (``_unpack_content``).

        MkDocs renders every page before it writes the first, and holds every
        page's HTML in between; compressed, a large course's build needs less
        memory than plain Material's (``make bench``). Nothing reads the
        content in between: the next to read it is the first ``on_page_context``.
        """
        return zlib.compress(html.encode("utf-8"), 1)

    on_page_content = CombinedEvent(_on_page_content, _pack_content)

    @event_priority(100)  # before every other plugin reads the HTML
    def _unpack_content(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """Give the page its HTML back as MkDocs left it (see ``_pack_content``)."""
        if isinstance(page.content, bytes):
            page.content = zlib.decompress(page.content).decode("utf-8")
        return context

    @event_priority(-100)  # after the search plugin has read the content: see _widgets_for
    def _on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        """Add the course's HTML to the page; give templates the course, the module and the data course.js reads."""
        uri = page.file.src_uri
        module = self.course.module_for(uri)
        content = page.content or ""
        print_page = uri in (print_pages.WORKBOOK_URI, print_pages.ANSWER_KEY_URI, print_pages.NOTEBOOK_URI)
        if print_page:
            content = self._print_page(uri, page, content, config)
        elif PLAN_MARKER in content:
            content = self._plan_page(page, content, config)
        packed = self.widgets.pop(uri, None)
        top, bottom = fragments.unpack(packed) if packed else ("", "")
        page.content = (widgets.after_title(content, top) if top else content) + bottom
        context["course"] = self.course
        context["course_module"] = module
        context["course_stylesheets"] = page_stylesheets(page.content, print_page=print_page)
        parts = site.page_parts(page.content, tools=widgets.has_progress_tools(page.content))
        context["course_page_data"] = site.page_data(self.course, page, module, offline=self.offline, parts=parts)
        return context

    on_page_context = CombinedEvent(_unpack_content, _on_page_context)

    @event_priority(-100)  # after every other plugin's on_post_page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of the page's HTML content once the page is written.

        MkDocs keeps every page's content to the end of the build; on a large
        course that costs more memory than the whole build of plain Material
        (the print pages repeat the whole course). Nothing reads a page's
        content after its on_post_page.
        """
        page.content = None
        return fix_material_markup(output)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Fix Material's markup in pages built from a bare template (404.html) too."""
        return fix_material_markup(output) if template_name.endswith(".html") else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the course manifest, print the workbook PDF when enabled, and fail ``-q --strict`` on a mistake."""
        site.write_manifest(self.course, config.site_dir)
        if self.serve is not None:
            self._show_mistakes(config)
        if self.settings.pdf:
            from mkdocs_course import pdf  # only now: it loads a web server and subprocess, which most builds never use

            if self.serve is not None:  # the pages reload without waiting for Chromium
                self.serve.print_later(partial(pdf.write_pdf, config, self.settings.paper), pdf.PdfError)
            else:
                try:
                    pdf.write_pdf(config, self.settings.paper)
                except pdf.PdfError as error:
                    raise PluginError(str(error)) from error
        # Last: the worker lists and hashes every file of the site, the PDF too.
        offline.write_service_worker(config.site_dir, enabled=self.offline)
        self.fail_quiet_strict_build(config)

    @property
    def offline(self) -> bool:
        """Whether the built site keeps itself offline (never while serving)."""
        return self.settings.offline and self.serve is None

    def fail_quiet_strict_build(self, config: MkDocsConfig) -> None:
        """Abort a ``--strict`` build whose warnings ``-q`` hid from MkDocs' count, listing the course's mistakes.

        Under ``-q`` MkDocs drops warnings before ``--strict`` counts them; a
        build that shows its warnings is failed by MkDocs itself.
        """
        if config.strict and self.messages and not log.isEnabledFor(logging.WARNING):
            listed = "\n".join(f"  {message}" for message in self.messages)
            count = f"{len(self.messages)} course mistake{'s' if len(self.messages) > 1 else ''}"
            raise Abort(f"Aborted with {count} in strict mode:\n{listed}")

    def _widgets_for(self, page: Page, module: Module | None) -> tuple[str, str]:
        """Return the course's own HTML for a page (``mkdocs_course.widgets``): what goes under its title, and after it.

        Added to the content after search has indexed the page, so that search
        finds lessons, not "Mark as read" on every page, and does not parse
        this HTML at all.
        """
        course, href = self.course, partial(normalize_url, page=page)
        if module:
            return widgets.module_header(course, module), widgets.module_footer(course, module, href)
        if page.is_homepage:
            return "", widgets.dashboard(course, href) + widgets.progress_tools(course)
        return "", ""

    def _print_page(self, uri: str, page: Page, html: str, config: MkDocsConfig) -> str:
        """Return the workbook's, the answer key's or the notebook's content, from the modules' kept pieces.

        MkDocs builds pages in file order and the print pages were appended
        last, so every module rendered by this build has its pieces kept; a
        ``--dirty`` build renders only what changed, so the others are
        rendered here, and the print pages are the same as a full build's.
        """
        course, workbook = self.course, uri == print_pages.WORKBOOK_URI
        for module in course.modules:
            if module.id not in self.pieces:
                self._render_for_print(module, config)
        pieces = {module_id: fragments.unpack(packed) for module_id, packed in self.pieces.items()}
        if uri == print_pages.NOTEBOOK_URI:
            return print_pages.notebook_html(course, pieces, page.url, _title_id(html), widgets.notebook_actions(course))
        actions = widgets.print_actions(course, workbook, partial(normalize_url, page=page))
        # Each print page links to the other.
        other = self.files.get_file_from_path(print_pages.ANSWER_KEY_URI if workbook else print_pages.WORKBOOK_URI)
        assemble = print_pages.workbook_html if workbook else print_pages.answer_key_html
        html = assemble(course, pieces, page.url, _link(other, page), _title_id(html), actions)
        return html

    def _render_for_print(self, module: Module, config: MkDocsConfig) -> None:
        """Render a module page this (``--dirty``) build skipped, for its pieces only; the page is not written."""
        page = self.files.get_file_from_path(module.src_uri).page
        page.read_source(config)  # again: another plugin may change the source when MkDocs reads it
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=self.files)
        page.markdown = markdown
        page.render(config, self.files)
        self.source = None
        self._keep_pieces(module, page.content or "", page.url)
        page.content = None  # the Markdown stays: the page's title is read from it

    def _keep_pieces(self, module: Module, html: str, url: str) -> None:
        """Keep a rendered module's pieces for the print pages, and its plan reflections for the plan page."""
        piece = fragments.capture(html, url, self.course.practice_heading)
        self.pieces[module.id] = fragments.pack(piece)
        if module.plans:
            wanted = {prompt.id for prompt in module.plans}
            for reflection in piece.reflections:
                found = fragments.reflection_id(reflection)
                if found in wanted:
                    self.plan_pieces[f"{module.id} {found}"] = rebase(reflection, url, module.url)

    def _plan_page(self, page: Page, html: str, config: MkDocsConfig) -> str:
        """Put the course's plan reflections where a page has the plan marker (after search has read the page)."""
        for module in self.course.modules:
            if module.plans and module.id not in self.pieces:  # a --dirty build skipped it
                self._render_for_print(module, config)
        plan = print_pages.plan_html(self.course, self.plan_pieces, page.url, widgets.plan_actions(self.course))
        return html.replace(PLAN_MARKER, plan, 1).replace(PLAN_MARKER, "")


def page_stylesheets(html: str, *, print_page: bool) -> list[str]:
    """Return the stylesheets a page loads besides course.css: the print pages' own, and those of PART_STYLESHEETS it has the part of."""
    found = site.parts_in(html, tools=widgets.has_progress_tools(html))
    return [PRINT_PAGES_CSS] * print_page + [sheet for part, sheet in PART_STYLESHEETS.items() if part in found]


def add_theme_dir(config: MkDocsConfig) -> None:
    """Put the engine's templates and assets on the theme's search path: after the author's ``custom_dir``, before Material's."""
    dirs = config.theme.dirs
    if THEME_DIR not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)


def add_assets(config: MkDocsConfig) -> None:
    """Load the course CSS and its JavaScript module on every page, unless mkdocs.yml already does."""
    if COURSE_CSS not in [str(path) for path in config.extra_css]:
        config.extra_css.append(COURSE_CSS)
    if COURSE_JS not in [str(script) for script in config.extra_javascript]:
        script = ExtraScriptValue()
        script.load_dict({"path": COURSE_JS, "type": "module"})
        script.validate()
        config.extra_javascript.append(script)


def add_extensions(config: MkDocsConfig, build: CourseBuild) -> None:
    """Add both course Markdown extensions unless listed, and hand them the build, the UI language and strings."""
    language = config.theme.get("language") or "en"
    for name in EXTENSIONS:
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        options = config.mdx_configs.setdefault(name, {})
        options.setdefault("language", language)
        options.setdefault("strings", dict(build.settings.strings))
        if name == "course_quiz":
            options.setdefault("shuffle", build.settings.shuffle)
        options["build"] = build


def _title_id(html: str) -> str:
    """Return the id the table of contents gave a generated page's title."""
    start = html.find('<h1 id="')
    return html[start + 8 : html.index('"', start + 8)] if start >= 0 else ""


def _link(file: File | None, page: Page) -> str:
    """Return a relative link from a page to another generated page."""
    return file.url_relative_to(page.file) if file else ""
