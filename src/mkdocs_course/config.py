"""The typed schema of ``extra.course`` in ``mkdocs.yml``.

Hooks have no config of their own, so the course's settings live under
``extra.course`` and are validated here the way Material validates its
plugins' settings: wrong types, unknown choices and unknown keys each give one
message naming ``mkdocs.yml``, the line and the fix.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .ids import is_valid_id
from .leave_site import DEFAULT_URL as DEFAULT_LEAVE_URL
from .paper import PAPERS
from .strings import STRINGS

COMPLETION_RULES = ("read", "checklist", "quizzes")


class SectionConfig(Config):
    """One section of the course, e.g. ``{id: steps, title: The ten steps, label: Step}``."""

    id = c.Type(str)
    """Name modules use in their front matter: ``section: steps``."""
    title = c.Type(str)
    """Heading of the section in the navigation and on the dashboard."""
    label = c.Type(str, default="Module")
    """Word before a module's number in its header: "Step 3 of 10"."""


class CourseConfig(Config):
    """Everything a course author can set under ``extra.course``."""

    id = c.Optional(c.Type(str))
    """Storage namespace for learners' progress, e.g. ``id: bread-course``.
    Defaults to the site's path, so two courses on one host never collide."""
    sections = c.ListOfItems(c.SubConfig(SectionConfig), default=[])
    """Sections in course order; modules name theirs in front matter."""
    completion = c.ListOfItems(c.Choice(COMPLETION_RULES), default=list(COMPLETION_RULES))
    """What completes a module: any of ``read``, ``checklist``, ``quizzes``."""
    pdf = c.Type(bool, default=False)
    """Print the workbook to ``workbook.pdf`` with Chromium after the build: ``pdf: true``."""
    paper = c.Choice(PAPERS, default="auto")
    """Paper of the workbook PDF: ``a4``, ``letter``, or ``auto`` (by the course's region; see ``paper.py``)."""
    practice_heading = c.Type(str, default="Try this week")
    """Heading of the practice section the workbook copies from each module."""
    offline = c.Type(bool, default=True)
    """Keep the whole course readable offline after one visit (a service worker,
    ``sw.js`` at the site root): ``offline: false`` turns it off. Never while
    ``mkdocs serve`` runs. For a site opened from ``file://`` use Material's
    ``offline`` plugin instead."""
    shuffle = c.Type(bool, default=False)
    """Show each learner every quiz's options in their own order (the same on each visit):
    ``shuffle: true``; a quiz's ``<quiz shuffle="false">`` keeps the author's order."""
    strings = c.DictOfItems(c.Type(str), default={})
    """Overrides of words shown to learners, e.g. ``strings: {quiz.submit: Check}``."""
    csp = c.Type((bool, str), default=True)
    """The Content-Security-Policy every page carries: ``true`` (the engine's strict
    policy, ``csp.DEFAULT_POLICY``), ``false`` for none, or a policy of your own, e.g.
    ``csp: "default-src 'self'; frame-src https://www.youtube-nocookie.com"``."""
    leave_site = c.Type(bool, default=False)
    """A "Leave this site" button on every page, for learners whose screen may be watched: ``leave_site: true``."""
    leave_site_url = c.Type(str, default=DEFAULT_LEAVE_URL)
    """Where that button goes: a neutral page, e.g. ``leave_site_url: https://www.bbc.co.uk/weather``."""


_KEYS = [key for key, _ in CourseConfig._schema]
_SECTION_KEYS = [key for key, _ in SectionConfig._schema]
# A pattern, not compiled: it is needed only for a mistake (see "Build cost" in ARCHITECTURE.md).
_SUB_UNKNOWN = r"^Sub-option '(?P<name>[^']+)': Unrecognised configuration name"


def load_course_config(raw: object, config_file: str | None) -> tuple[CourseConfig, list[str]]:
    """Validate ``extra.course``; return the config and one message per problem."""
    where = _Locator(config_file)
    if raw is None:
        raw = {}
    problems = []
    if not isinstance(raw, dict):  # go on with the defaults, so the build reports the rest
        raw, problems = {}, [f"{where.line('course')}: extra.course must be a mapping of settings"]
    course = CourseConfig(config_file_path=config_file)
    course.load_dict(raw)
    failed, warnings = course.validate()
    messages = problems + [f"{where.line(key)}: extra.course.{key}: {error}" for key, error in failed]
    for key, warning in warnings:
        sub = re.match(_SUB_UNKNOWN, str(warning))
        if sub and key == "sections":  # a section's own key, e.g. "lable:"
            name = sub.group("name")
            near = difflib.get_close_matches(name, _SECTION_KEYS, n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"known keys: {', '.join(_SECTION_KEYS)}"
            messages.append(f"{where.line(name)}: a section in extra.course.sections has no setting '{name}'; {hint}")
        elif "Unrecognised configuration name" in str(warning):
            near = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"known keys: {', '.join(_KEYS)}"
            messages.append(f"{where.line(key)}: extra.course has no setting '{key}'; {hint}")
        else:
            messages.append(f"{where.line(key)}: extra.course.{key}: {warning}")
    if failed:
        if "leave_site_url" in dict(failed):
            course.leave_site_url = DEFAULT_LEAVE_URL  # while serving, the button still leads somewhere safe
        return course, messages
    return course, messages + check_settings(course, where)


def check_settings(course: CourseConfig, where: _Locator) -> list[str]:
    """Return a message for each mistake the schema cannot see: bad or repeated section ids, unknown strings."""
    messages = []
    seen: list[str] = []
    for section in course.sections:
        if not is_valid_id(section.id):
            messages.append(f"{where.line(section.id)}: section id '{section.id}' must be a letter then letters, digits, '-' or '_'")
        if section.id in seen:  # point at this repeat, not at the first listing
            at = where.line(section.id, nth=seen.count(section.id) + 1)
            messages.append(f"{at}: section id '{section.id}' is listed twice; give each section its own id")
        seen.append(section.id)
    for key in course.strings:
        if key not in STRINGS["en"]:
            near = difflib.get_close_matches(key, list(STRINGS["en"]), n=1)
            hint = f"did you mean '{near[0]}'?" if near else "see the authoring guide for the list"
            messages.append(f"{where.line(key)}: extra.course.strings has no string '{key}'; {hint}")
    if not _is_web_address(course.leave_site_url):
        messages.append(
            f"{where.line('leave_site_url')}: extra.course.leave_site_url must be a web address starting with "
            f"https://, not '{course.leave_site_url}'; for example: leave_site_url: {DEFAULT_LEAVE_URL}"
        )
        course.leave_site_url = DEFAULT_LEAVE_URL  # while serving, the button still leads somewhere safe
    return messages


def _is_web_address(url: str) -> bool:
    """True for an absolute http(s) address with a host, which a browser can open from any page."""
    try:
        parts = urlsplit(url) if isinstance(url, str) else None
    except ValueError:  # e.g. an unclosed [ of an IPv6 address
        return False
    return bool(parts and parts.scheme in ("https", "http") and parts.hostname) and not any(ch.isspace() for ch in url)


class _Locator:
    """Find the line of a key in mkdocs.yml, for messages (mkdocs.yml is read only when there is one)."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = config_file
        self.name = Path(config_file).name if config_file else "mkdocs.yml"
        self.lines: list[str] | None = None
        self.start = 0

    def _read(self) -> list[str]:
        if self.lines is None:
            try:
                text = Path(self.config_file).read_text(encoding="utf-8") if self.config_file else ""
            except OSError:
                text = ""
            self.lines = text.splitlines()
            self.start = next((i for i, line in enumerate(self.lines) if re.match(r"^\s+course:\s*$", line)), 0)
        return self.lines

    def line(self, key: str, nth: int = 1) -> str:
        """Return ``mkdocs.yml:N`` for the ``nth`` mention of ``key`` under ``course:``."""
        lines = self._read()
        pattern = re.compile(rf"^\s*(?:-\s*)?(?:id:\s*)?['\"]?{re.escape(str(key))}['\"]?\s*:?")
        for number in range(self.start, len(lines)):
            if pattern.match(lines[number]):
                nth -= 1
                if not nth:
                    return f"{self.name}:{number + 1}"
        return f"{self.name}:{self.start + 1}"
