"""The course model: modules in order, built from Markdown sources alone.

``build_course`` is pure: given each page's path and text and the validated
``extra.course`` settings, it returns the course and every problem found, each
as a ``path:line: message`` string. The hooks, the ``check`` command and the
tests all call it.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from . import checkin as checkins
from . import page_options, syntax
from .config import CourseConfig
from .frontmatter import FrontMatter, read_front_matter, validate_module
from .reflection_syntax import PLAN_MARKER
from .strings import strings_for

MANIFEST_VERSION = 1


@dataclass(slots=True)
class PageSource:
    """A Markdown page: its path under docs/, the path to show in messages, and its text."""

    src_uri: str
    display_path: str
    text: str


@dataclass(slots=True)
class PlanPrompt:
    """A reflection with ``plan="..."``: its id and its label on the plan page."""

    id: str
    label: str


class Module:
    """One module of the course, as learners and the manifest see it."""

    def __init__(
        self,
        *,
        id: str,
        src_uri: str,
        url: str,
        title: str,
        section: str,
        section_title: str,
        label: str,
        order: int,
        minutes: int,
        summary: str,
        objectives: list[str],
        syntax: syntax.PageSyntax | None = None,
        body: str = "",
        checklist: list[str] | None = None,
        quizzes: list[str] | None = None,
        order_at: str = "",
        reflections: list[str] | None = None,
        plans: list[PlanPrompt] | None = None,
    ) -> None:
        self.id = id
        self.src_uri = src_uri
        self.url = url
        self.title = title
        self.section = section
        self.section_title = section_title
        self.label = label
        self.order = order
        self.minutes = minutes
        self.summary = summary
        self.objectives = objectives
        self.syntax = syntax
        self.body = body
        self.checklist: list[str] = checklist or []
        """Ids of the module's checklist items, in page order."""
        self.quizzes: list[str] = quizzes or []
        """Ids of the module's quizzes, in page order."""
        self.order_at = order_at
        """Where the module's `order` is (``path:line``), for messages."""
        self.reflections: list[str] = reflections or []
        """Ids of the module's reflection prompts, in page order."""
        self.plans: list[PlanPrompt] = plans or []
        """The module's reflections with a ``plan`` label, in page order (the plan page)."""
        # Filled in once the course is ordered.
        self.position = 0
        self.of = 0
        self.previous: Module | None = None
        self.next: Module | None = None

    def __repr__(self) -> str:
        return f"<Module {self.id}>"

    def section_markdown(self, heading: str) -> str:
        """Return the Markdown under a level-2 heading, up to the next one ('' if absent)."""
        match = re.search(rf"^##\s+{re.escape(heading)}\s*#*\s*$\n(?P<body>.*?)(?=^##\s|\Z)", self.body, re.M | re.S)
        return match.group("body").strip() if match else ""

    def manifest(self) -> dict[str, Any]:
        """Return the module's entry in ``course-manifest.json``."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "position": self.position,
            "of": self.of,
            "minutes": self.minutes,
            "summary": self.summary,
            "checklist": self.checklist,
            "quizzes": self.quizzes,
            "reflections": self.reflections,
        }


class Section:
    """A section of the course with its modules in order."""

    def __init__(self, id: str, title: str, label: str) -> None:
        self.id = id
        self.title = title
        self.label = label
        self.modules: list[Module] = []

    def __repr__(self) -> str:
        return f"<Section {self.id}: {len(self.modules)} modules>"


class Course:
    """The whole course."""

    def __init__(
        self,
        *,
        title: str,
        namespace: str,
        sections: list[Section],
        completion: list[str],
        strings: dict[str, str],
        practice_heading: str = "Try this week",
    ) -> None:
        self.title = title
        self.namespace = namespace
        self.sections = sections
        self.completion = completion
        self.strings = strings
        self.practice_heading = practice_heading
        self.pdf_url: str | None = None
        self.script_strings_json: dict[frozenset[str], str] = {}
        """The words course.js shows, as JSON, by the parts of a page that show them (see ``site.page_data``)."""
        self.checkins: dict[str, checkins.Definition] = {}
        """Every check-in of the course by id, on any page (``<checkin again>`` shows one elsewhere)."""
        self._by_source: dict[str, Module] | None = None

    def __repr__(self) -> str:
        return f"<Course {self.namespace}: {len(self.modules)} modules>"

    @property
    def modules(self) -> list[Module]:
        """Return every module in course order."""
        return [module for section in self.sections for module in section.modules]

    @property
    def has_reflections(self) -> bool:
        """Whether any module has a reflection prompt (the notebook is made only then)."""
        return any(module.reflections for module in self.modules)

    def module_for(self, src_uri: str) -> Module | None:
        """Return the module built from a source file, if it is one (looked up once per page)."""
        if self._by_source is None:
            self._by_source = {m.src_uri: m for m in self.modules}
        return self._by_source.get(src_uri)

    def manifest(self) -> dict[str, Any]:
        """Return the JSON the browser computes progress from."""
        manifest = {
            "version": MANIFEST_VERSION,
            "id": self.namespace,
            "title": self.title,
            "completion": self.completion,
            "sections": [{"id": s.id, "title": s.title, "label": s.label} for s in self.sections],
            "modules": [m.manifest() for m in self.modules],
        }
        if self.checkins:  # never counted towards a module: listed for the dashboard's line per check-in
            manifest["checkins"] = [definition.manifest() for definition in self.checkins.values()]
        return manifest


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Return a page's site-relative URL the way MkDocs builds it."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    for name in ("index", "README"):
        if stem == name or stem.endswith(f"/{name}"):
            folder = stem[: -len(name)]
            # Without directory URLs (sites opened from disk) the file must be named.
            return folder if use_directory_urls else f"{folder}index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def build_course(
    pages: list[PageSource],
    config: CourseConfig,
    *,
    site_name: str,
    namespace: str,
    language: str = "en",
    use_directory_urls: bool = True,
    keep_source: bool = True,
) -> tuple[Course, list[str]]:
    """Build the course from its pages; return it and every problem as ``path:line: message``.

    Each module's checklist and quiz ids come from one scan of its source
    (``syntax.scan``), so they are known before any page is rendered, in a
    ``--dirty`` build too. With ``keep_source=False`` (the build) modules do
    not keep their Markdown or its scan, which only the tests and tools read.
    """
    problems: list[str] = []
    section_ids = [s.id for s in config.sections]
    sections = {s.id: Section(s.id, s.title, s.label) for s in config.sections}
    seen_ids: dict[str, str] = {}
    # Orders of modules left out for another mistake: no "gap" message for them too.
    claimed: dict[str, set[int]] = {s.id: set() for s in config.sections}
    reflections = _CourseReflections()
    strings = strings_for(language, config.strings)
    # Check-ins may be on any page, and one may be taken again on another: read every page's.
    with_checkins: list[tuple[PageSource, FrontMatter, str, syntax.PageSyntax]] = []
    for page in sorted(pages, key=lambda p: p.src_uri):
        front = read_front_matter(page.text)
        found = front.problems + validate_module(front, section_ids)
        problems += [p.at(page.display_path) for p in found]
        reflections.find_marker(page)
        # mkdocs-quiz's page options that do not map are reported, but leave the page in the course.
        problems += [p.at(page.display_path) for p in page_options.problems(front, page.text, language)]
        if found or not front.is_module:
            _claim(claimed, front.data)
            problems += reflections.outside_modules(page, front) if not found else []
            body = _body(page.text, front)
            if checkins.ANYWHERE.search(body):
                with_checkins.append((page, front, body, syntax.scan(body)))
            continue
        data = front.data
        body = _body(page.text, front)
        module_id = data.get("id") or page.src_uri[:-3]
        if module_id in seen_ids:
            problems.append(
                f"{page.display_path}:{front.line('id')}: module id `{module_id}` is already used by {seen_ids[module_id]}; give this module its own `id`"
            )
            _claim(claimed, data)
            continue
        seen_ids[module_id] = page.display_path
        section = sections[data["section"]]
        scanned = syntax.scan(body)
        if scanned.checkins or scanned.checkin_problems:
            with_checkins.append((page, front, body, scanned))
        checklist, quizzes = scanned.ids()
        problems += reflections.add(page, front.body_line - 1, scanned)
        section.modules.append(
            Module(
                id=module_id,
                src_uri=page.src_uri,
                url=page_url(page.src_uri, use_directory_urls),
                title=data["title"].strip(),
                section=section.id,
                section_title=section.title,
                label=section.label,
                order=data["order"],
                minutes=data["minutes"],
                summary=data["summary"].strip(),
                objectives=[o.strip() for o in data["objectives"]],
                syntax=scanned if keep_source else None,
                body=body if keep_source else "",
                checklist=checklist,
                quizzes=quizzes,
                order_at=f"{page.display_path}:{front.line('order')}",
                reflections=[r.id for r in scanned.reflections],
                plans=[PlanPrompt(r.id, r.plan) for r in scanned.reflections if r.plan],
            )
        )
    for section in sections.values():
        problems += _check_order(section, claimed[section.id])
    problems += reflections.markers_without_plans()
    ordered = [sections[s] for s in section_ids]
    modules = [m for s in ordered for m in s.modules]
    for index, module in enumerate(modules):
        module.previous = modules[index - 1] if index else None
        module.next = modules[index + 1] if index + 1 < len(modules) else None
    course = Course(
        title=site_name,
        namespace=config.id or namespace,
        sections=ordered,
        completion=list(config.completion),
        strings=strings,
        practice_heading=config.practice_heading.strip(),
    )
    course.checkins, found = _course_checkins(course, with_checkins, use_directory_urls)
    return course, problems + found


def _course_checkins(
    course: Course, pages: list[tuple[PageSource, FrontMatter, str, syntax.PageSyntax]], use_directory_urls: bool
) -> tuple[dict[str, checkins.Definition], list[str]]:
    """Return every check-in of the course by id, and each page's check-in mistakes as ``path:line: message``.

    The build reports these once, here (``on_files``), as ``mkdocs-course
    check`` does: an id defined on two pages, or ``again`` naming no
    check-in, can only be seen with every page read.
    """
    defined: dict[str, checkins.Definition] = {}
    where: dict[str, str] = {}
    problems: list[str] = []
    for page, front, body, scanned in pages:
        offset = front.body_line - 1
        module = course.module_for(page.src_uri)
        key = module.id if module else page.src_uri[:-3]
        title = module.title if module else _page_title(front, body, page.src_uri)
        for checkin in scanned.checkins:
            if checkin.again:
                continue
            at = f"{page.display_path}:{checkin.line + offset}"
            if checkin.id in defined and defined[checkin.id].src_uri == page.src_uri:
                continue  # twice on one page: the page's scan reports it (checkin.unique_problems)
            if checkin.id in defined:
                problems.append(
                    f"{at}: check-in id '{checkin.id}' is already defined at {where[checkin.id]}; give this check-in "
                    f"another id, or show that one here with <checkin again=\"{checkin.id}\"></checkin>"
                )
                continue
            defined[checkin.id] = checkins.Definition(checkin, key, page_url(page.src_uri, use_directory_urls), title, page.src_uri)
            where[checkin.id] = at
    default = checkins.default_scale(course.strings)
    for page, front, _, scanned in pages:
        found = checkins.page_problems(scanned, default, defined)
        problems += [problem.at(page.display_path, front.body_line - 1) for problem in found]
    return defined, problems


def _page_title(front: FrontMatter, body: str, src_uri: str) -> str:
    """Return a page's title as a reader sees it: its front matter's, else its first heading, else its file name."""
    title = front.data.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = re.search(r"^# +(.+?)[ #]*$", body, re.M)
    return heading.group(1).strip() if heading else src_uri.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()


class _CourseReflections:
    """What the course's reflections must agree on across pages: explicit ids and plan labels used once, the plan marker."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}  # explicit id -> where it is first used (path:line)
        self.labels: dict[str, str] = {}  # plan label (case-folded) -> where it is first used
        self.markers: list[str] = []  # where a page has the plan marker (path:line)

    def add(self, page: PageSource, offset: int, scanned: syntax.PageSyntax) -> list[str]:
        """Note a module's reflections; return a message for each explicit id or plan label another module already has."""
        problems = []
        for reflection in scanned.reflections:
            where = f"{page.display_path}:{reflection.line + offset}"
            first = self.ids.setdefault(reflection.id, where) if reflection.explicit_id else where
            # Two on one page are the scan's to report (syntax.scan).
            if first != where and not first.startswith(f"{page.display_path}:"):
                problems.append(
                    f"{where}: reflection id '{reflection.id}' is already used by {first}; give this reflection "
                    "an id of its own (ids name the learner's saved words, and the plan page lists each once)"
                )
            if reflection.plan:
                label = self.labels.setdefault(reflection.plan.casefold(), where)
                if label != where:
                    problems.append(
                        f"{where}: the plan label '{reflection.plan}' is already used by {label}; "
                        "give each plan reflection a label of its own (each is a heading on the plan page)"
                    )
        return problems

    def outside_modules(self, page: PageSource, front: FrontMatter) -> list[str]:
        """Return a message for each plan reflection on a page that is not a module (the plan page lists modules only)."""
        if "plan=" not in page.text:
            return []
        offset = front.body_line - 1
        return [
            f"{page.display_path}:{r.line + offset}: this reflection has plan=\"{r.plan}\" but the page is not a module, "
            "so the plan page leaves it out; move it into a module, or remove plan"
            for r in syntax.scan(_body(page.text, front)).reflections
            if r.plan
        ]

    def find_marker(self, page: PageSource) -> None:
        """Note where a page has the plan marker line."""
        if PLAN_MARKER in page.text:
            self.markers += [
                f"{page.display_path}:{number}"
                for number, line in enumerate(page.text.split("\n"), start=1)
                if line.strip() == PLAN_MARKER
            ]

    def markers_without_plans(self) -> list[str]:
        """Return a message for each plan marker when no reflection of the course has a plan label."""
        if self.labels:
            return []
        return [
            f"{where}: '{PLAN_MARKER}' shows the course's plan reflections, but no reflection has plan=\"...\"; "
            "add plan=\"Our phone rule\" (a short label) to the reflections that belong on the plan, or remove the line"
            for where in self.markers
        ]


def module_ids(text: str) -> tuple[list[str], list[str]]:
    """Return the checklist and quiz ids of a module page's text (front matter and all)."""
    return syntax.scan(_body(text, read_front_matter(text))).ids()


def _body(text: str, front: FrontMatter) -> str:
    """Return a page's text after its front matter."""
    return text.split("\n", front.body_line - 1)[-1] if front.body_line > 1 else text


def _claim(claimed: dict[str, set[int]], data: dict[str, Any]) -> None:
    """Remember the order number of a module page that was left out of the course."""
    section, order = data.get("section"), data.get("order")
    if not isinstance(section, str):  # not a module, or a section that is not an id (already reported)
        return
    if section not in claimed:  # a misspelt section: count the order where the author meant it
        section = next(iter(difflib.get_close_matches(str(section), list(claimed), n=1)), None)
    if section in claimed and isinstance(order, int) and not isinstance(order, bool):
        claimed[section].add(order)


def _check_order(section: Section, claimed: Collection[int] = ()) -> list[str]:
    """Sort a section's modules and report duplicate or missing order numbers."""
    section.modules.sort(key=lambda m: (m.order, m.src_uri))
    problems = []
    by_order: dict[int, Module] = {}
    for module in section.modules:
        if module.order in by_order:
            other = by_order[module.order]
            problems.append(
                f"{module.order_at}: order {module.order} in section "
                f"'{section.id}' is also used by {other.order_at.rsplit(':', 1)[0]}; give each module its own number"
            )
        by_order.setdefault(module.order, module)
    expected = 1
    for order in sorted(set(by_order).union(claimed)):
        if order != expected and order in by_order:
            module = by_order[order]
            missing = expected if order == expected + 1 else f"{expected}-{order - 1}"
            problems.append(
                f"{module.order_at}: section '{section.id}' has no module with "
                f"order {missing}; number the modules 1, 2, 3 ... without gaps"
            )
        expected = order + 1
    for position, module in enumerate(section.modules, start=1):
        module.position, module.of = position, len(section.modules)
    return problems
