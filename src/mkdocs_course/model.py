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

from . import syntax
from .config import CourseConfig
from .frontmatter import FrontMatter, read_front_matter, validate_module
from .strings import strings_for

MANIFEST_VERSION = 1


@dataclass(slots=True)
class PageSource:
    """A Markdown page: its path under docs/, the path to show in messages, and its text."""

    src_uri: str
    display_path: str
    text: str


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
        self.script_strings_json: dict[bool, str] = {}
        """The words course.js shows, as JSON, without and with the progress tools' (see ``site.page_data``)."""
        self._by_source: dict[str, Module] | None = None

    def __repr__(self) -> str:
        return f"<Course {self.namespace}: {len(self.modules)} modules>"

    @property
    def modules(self) -> list[Module]:
        """Return every module in course order."""
        return [module for section in self.sections for module in section.modules]

    def module_for(self, src_uri: str) -> Module | None:
        """Return the module built from a source file, if it is one (looked up once per page)."""
        if self._by_source is None:
            self._by_source = {m.src_uri: m for m in self.modules}
        return self._by_source.get(src_uri)

    def manifest(self) -> dict[str, Any]:
        """Return the JSON the browser computes progress from."""
        return {
            "version": MANIFEST_VERSION,
            "id": self.namespace,
            "title": self.title,
            "completion": self.completion,
            "sections": [{"id": s.id, "title": s.title, "label": s.label} for s in self.sections],
            "modules": [m.manifest() for m in self.modules],
        }


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
    for page in sorted(pages, key=lambda p: p.src_uri):
        front = read_front_matter(page.text)
        found = front.problems + validate_module(front, section_ids)
        problems += [p.at(page.display_path) for p in found]
        if found or not front.is_module:
            _claim(claimed, front.data)
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
        checklist, quizzes = scanned.ids()
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
            )
        )
    for section in sections.values():
        problems += _check_order(section, claimed[section.id])
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
        strings=strings_for(language, config.strings),
        practice_heading=config.practice_heading.strip(),
    )
    return course, problems


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
