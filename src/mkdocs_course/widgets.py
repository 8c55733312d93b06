"""The course's own HTML around a page's content.

A module's header (its place in the course, objectives, progress and actions)
and footer (mark as read, previous and next), the dashboard on the home page,
the tools that keep the learner's progress and the print pages' buttons. Pure functions
from the course model to HTML; the hooks add the result to each page's content.

They are Python rather than Jinja partials for speed: compiling templates is
paid on every build, and six partials cost about 30 ms, most of what the
engine added to a 12-page build. The markup is the engine's contract with
``course.js`` and ``course.css`` (see ARCHITECTURE.md), not a theme's.

The hooks add them after the search plugin has indexed the page: learners
search for lessons, not for "Mark as read" on every page, and search need not
parse this HTML at all. Parts that need
``course.js`` start ``hidden``; it shows them.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from .model import Course, Module
from .print_pages import NOTEBOOK_URL
from .strings import fill

Href = Callable[[str], str]
"""Turns a site-relative URL into a link relative to the page being built."""

MANAGE_ID = "course-manage"
"""The progress tools' heading on the home page: the dashboard links to it, and so may Markdown."""


def _text(value: object) -> str:
    return escape(str(value), quote=False)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _button(label: str, css: str, extra: str = "") -> str:
    return f'<button type="button" class="md-button {css}"{extra}>{_text(label)}</button>'


def completion_rule(course: Course) -> str:
    """Return the completion rule as one sentence, e.g. 'A module is complete when ...'."""
    t = course.strings
    parts = [t[f"rule.{rule}"] for rule in course.completion]
    if len(parts) > 1:
        parts = [", ".join(parts[:-1]) + f" {t['rule.and']} " + parts[-1]]
    return f"{t['rule.intro']} {parts[0]}." if parts else ""


def rule(course: Course) -> str:
    """Return the completion rule as a paragraph ('' when the course has no rule)."""
    sentence = completion_rule(course)
    return f'<p class="course-rule">{_text(sentence)}</p>' if sentence else ""


def module_header(course: Course, module: Module) -> str:
    """Return what sits under a module's title: its place, objectives, progress and actions."""
    t = course.strings
    place = fill(t["module.position"], label=module.label, position=module.position, of=module.of)
    minutes = fill(t["module.minutes"], minutes=module.minutes)
    parts = [
        '<div class="course-module">',
        f'<p class="course-module__meta">{_text(place)} · {_text(minutes)}</p>',
    ]
    if module.objectives:
        items = "".join(f"<li>{_text(objective)}</li>" for objective in module.objectives)
        parts.append(f'<p class="course-module__goals" id="course-objectives">{_text(t["module.objectives"])}</p>')
        parts.append(f'<ul class="course-module__objectives" aria-labelledby="course-objectives">{items}</ul>')
    # The line course.js writes, as it reads for a learner who has not started:
    # with JavaScript on it holds its place from the first paint (course.css).
    counts = fill(
        t["module.progress"], checks=0, checks_total=len(module.checklist), quizzes=0, quizzes_total=len(module.quizzes)
    ).split(" · ")
    shown = [part for part, total in zip(counts, (module.checklist, module.quizzes), strict=False) if total]
    parts.append(f'<p class="course-module__progress" hidden>{_text(" · ".join([*shown, t["state.not_started"]]))}</p>')
    actions = []
    if "read" in course.completion:
        actions.append(_button(t["module.mark_read"], "course-read", ' aria-pressed="false"'))
    if module.checklist:
        actions.append(_button(t["module.print"], "course-print", ' data-print="course-print-list"'))
        actions.append(_button(t["module.print_ticks"], "course-print", ' data-print="course-print-list course-print-ticks"'))
    if actions:
        parts.append(f'<p class="course-actions course-js" hidden>{"".join(actions)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def module_footer(course: Course, module: Module, href: Href) -> str:
    """Return what ends a module: mark as read, the modules before and after it, the completion rule."""
    t = course.strings
    parts = ['<div class="course-module-end">']
    if "read" in course.completion:
        read = _button(t["module.mark_read"], "course-read", ' aria-pressed="false"')
        parts.append(f'<p class="course-actions course-js" hidden>{read}</p>')
    if module.previous or module.next:
        links = [
            f'<a class="course-pager__link course-pager__link--{kind}" href="{_attr(href(other.url))}">'
            f'<span class="course-pager__dir">{_text(t[key])}</span> {_text(other.title)}</a>'
            for kind, key, other in (("prev", "module.previous", module.previous), ("next", "module.next", module.next))
            if other
        ]
        parts.append(f'<nav class="course-pager" aria-label="{_attr(t["module.pager"])}">{"".join(links)}</nav>')
    parts += [rule(course), "</div>"]
    return "\n".join(parts)


def dashboard(course: Course, href: Href) -> str:
    """Return the course home: every module by section, with room for the progress course.js fills in.

    Without JavaScript it still lists every module with its summary and
    minutes, and its button starts the course. The tools that keep the
    progress (``progress_tools``) follow it on the same page.
    """
    t = course.strings
    parts = [
        '<section class="course-dashboard" aria-labelledby="course-dashboard">',
        f'<h2 id="course-dashboard">{_text(t["dashboard.title"])}</h2>',
        '<div class="course-overall" hidden><p class="course-overall__text" id="course-overall"></p>'
        '<div class="course-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"'
        ' aria-labelledby="course-overall"></div></div>',
    ]
    modules = course.modules
    if modules:
        # Without a last-visited module (or without JavaScript) it starts the course.
        parts.append(
            f'<p class="course-continue"><a class="md-button md-button--primary" href="{_attr(href(modules[0].url))}">'
            f'<span class="course-continue__label">{_text(t["dashboard.start"])}</span>'
            '<span class="course-continue__title"></span></a></p>'
        )
    if modules:
        parts.append(f'<p class="course-total">{_text(total_time(course))}</p>')
    parts.append(rule(course))
    manage = f' <a href="#{MANAGE_ID}">{_text(t["dashboard.manage"])}</a>'
    parts.append(f'<p class="course-privacy">{_text(t["progress.privacy"])}{manage}</p>')
    # Where progress is kept this visit (device, this tab only, nowhere): course.js knows.
    parts.append('<p class="course-mode course-js" hidden></p>')
    if course.checkins:
        # course.js writes one neutral line per check-in (checkin.dashboard_*): the record is in the browser.
        parts.append(
            '<div class="course-checkins course-js" hidden>'
            f'<h3 id="course-checkins">{_text(t["checkin.dashboard_title"])}</h3>'
            '<ul class="course-checkins__list" aria-labelledby="course-checkins"></ul></div>'
        )
    if course.has_reflections:  # the notebook is made only then
        notebook = href(NOTEBOOK_URL)
        parts.append(f'<p class="course-notebook-link"><a href="{_attr(notebook)}">{_text(t["notebook.open"])}</a></p>')
    if course.pdf_url:
        parts.append(f'<p class="course-pdf"><a href="{_attr(href(course.pdf_url))}">{_text(t["dashboard.pdf"])}</a></p>')
    for section in course.sections:
        heading = f"course-section-{section.id}"
        parts.append(f'<h3 id="{_attr(heading)}">{_text(section.title)}</h3>')
        parts.append(f'<ol class="course-cards" aria-labelledby="{_attr(heading)}">')
        parts += [_card(t, section.id, module, href) for module in section.modules]
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def total_time(course: Course) -> str:
    """Return the time every module takes, added up from their front matter, in words.

    Authors wrote the total on the home page by hand, and it drifted from the
    modules as they changed; adding the modules' own minutes cannot drift.
    Under an hour and a half it is said in minutes; above, in hours to the
    nearest half hour ("About 4½ hours in all.").
    """
    minutes = sum(module.minutes for module in course.modules)
    if minutes < 90:
        return fill(course.strings["dashboard.total_minutes"], minutes=minutes)
    halves = (minutes + 15) // 30  # to the nearest half hour, halves rounded up
    hours = f"{halves // 2}½" if halves % 2 else str(halves // 2)
    return fill(course.strings["dashboard.total_hours"], hours=hours)


def _card(t: dict[str, str], section: str, module: Module, href: Href) -> str:
    """Return one module's card on the dashboard."""
    card = _attr(f"course-card-{section}-{module.position}")
    step = fill(t["module.step"], label=module.label, position=module.position)
    minutes = fill(t["module.minutes"], minutes=module.minutes)
    return (
        f'<li class="course-card" data-module="{_attr(module.id)}">'
        f'<a class="course-card__title" id="{card}" href="{_attr(href(module.url))}">{_text(module.title)}</a>'
        f'<p class="course-card__meta">{_text(step)} · {_text(minutes)}</p>'
        f'<p class="course-card__summary">{_text(module.summary)}</p>'
        '<div class="course-card__progress" hidden>'
        '<div class="course-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"'
        f' aria-labelledby="{card}"></div><span class="course-card__state"></span></div></li>'
    )


ERASE_MARKER = "<!-- course: erase -->"
"""An author writes this line on any page (the help page) to put the "Erase everything" control there."""


def erase_control(course: Course) -> str:
    """Return the "Erase everything this course saved on this device" control.

    course.js asks once, then removes the record, its backups and every key
    of the course (ARCHITECTURE.md). Without JavaScript nothing was saved, and
    the text says where a browser clears what a site stored.
    """
    t = course.strings
    button = _button(t["progress.erase_all"], "course-erase-all")
    return (
        f'<div class="course-erase"><noscript><p>{_text(t["progress.erase_no_js"])}</p></noscript>'
        f'<div class="course-tool course-js" hidden><p>{_text(t["progress.erase_text"])}</p>'
        f'<p>{button}</p><p class="course-tool__status" role="status"></p></div></div>'
    )


def has_progress_tools(html: str) -> bool:
    """Whether a page's HTML has the dashboard or a progress tool (their words come with the page data only then)."""
    return 'class="course-dashboard"' in html or 'class="course-tool ' in html


def place_markers(html: str, course: Course) -> str:
    """Replace each ``<!-- course: erase -->`` line of a page's HTML with the erase control."""
    return html.replace(ERASE_MARKER, erase_control(course)) if ERASE_MARKER in html else html


def progress_tools(course: Course) -> str:
    """Return the tools that keep the learner's progress: export, import, reset, keep-or-not and erase.

    All but the erase control's explanation need course.js.

    They sit under the dashboard on the home page: one place to see progress
    and to keep it, and no page of their own for the build to render.
    """
    t = course.strings
    options = "".join(f'<option value="{_attr(m.id)}">{_text(m.title)}</option>' for m in course.modules)
    status = '<p class="course-tool__status" role="status"></p>'
    export = _button(t["progress.export"], "md-button--primary course-export")
    reset = _button(t["progress.reset_module"], "course-reset")
    reset_all = _button(t["progress.reset_course"], "course-reset-all")
    return "\n".join(
        [
            f'<section class="course-manage" aria-labelledby="{MANAGE_ID}">',
            f'<h2 id="{MANAGE_ID}">{_text(t["progress.manage"])}</h2>',
            f'<noscript><p>{_text(t["progress.needs_js"])}</p></noscript>',
            '<div class="course-tool course-js" hidden>',
            f'<h3 id="course-export">{_text(t["progress.export"])}</h3>',
            f'<p>{_text(t["progress.export_text"])}</p>',
            f"<p>{export}</p>",
            status,
            "</div>",
            '<div class="course-tool course-js" hidden>',
            f'<h3 id="course-import">{_text(t["progress.import"])}</h3>',
            f'<p>{_text(t["progress.import_text"])}</p>',
            f'<p><label for="course-import-file">{_text(t["progress.import_label"])}</label><br>'
            '<input type="file" id="course-import-file" class="course-import" accept=".json,application/json"></p>',
            status,
            "</div>",
            '<div class="course-tool course-js" hidden>',
            f'<h3 id="course-reset">{_text(t["progress.reset"])}</h3>',
            f'<p><label for="course-reset-module">{_text(t["progress.reset_label"])}</label><br>'
            f'<select id="course-reset-module" class="course-reset-select">{options}</select> {reset}</p>',
            f"<p>{reset_all}</p>",
            status,
            "</div>",
            '<div class="course-tool course-js" hidden>',
            f'<h3 id="course-keep">{_text(t["progress.keep"])}</h3>',
            f'<p>{_text(t["progress.keep_text"])}</p>',
            '<p><label class="course-visit-only__label"><input type="checkbox" class="course-visit-only">'
            f' {_text(t["progress.visit_only"])}</label></p>',
            status,
            "</div>",
            f'<h3 id="course-erase">{_text(t["progress.erase"])}</h3>',
            erase_control(course),
            "</section>",
        ]
    )


def print_actions(course: Course, workbook: bool, href: Href) -> str:
    """Return the print pages' buttons (and, on the workbook, the PDF link when there is one)."""
    t = course.strings
    buttons = [_button(t["print.page"], "md-button--primary course-print", ' data-print=""')]
    if workbook:
        buttons.append(_button(t["module.print_ticks"], "course-print", ' data-print="course-print-ticks"'))
        buttons.append(_button(t["reflection.print_answers"], "course-print", ' data-print="course-print-answers"'))
    parts = [f'<p class="course-actions course-js" hidden>{"".join(buttons)}</p>']
    if workbook and course.pdf_url:
        parts.append(f'<p class="course-pdf"><a href="{_attr(href(course.pdf_url))}">{_text(t["dashboard.pdf"])}</a></p>')
    return "\n".join(parts)


def notebook_actions(course: Course) -> str:
    """Return the notebook's print button: it prints the learner's own words."""
    button = _button(course.strings["notebook.print"], "md-button--primary course-print", ' data-print="course-print-answers"')
    return f'<p class="course-actions course-js" hidden>{button}</p>'


def plan_actions(course: Course) -> str:
    """Return the plan's print buttons: the plan with ruled lines to write on, or with the learner's own words."""
    t = course.strings
    blank = _button(t["print.page"], "course-print", ' data-print=""')
    words = _button(t["reflection.print_answers"], "md-button--primary course-print", ' data-print="course-print-answers"')
    return f'<p class="course-actions course-js" hidden>{words}{blank}</p>'


def after_title(html: str, widget: str) -> str:
    """Insert ``widget`` right under the page title.

    The title is the content's first ``<h1>``; when the content has none,
    Material renders the title just before the content, so the widget goes first.
    """
    head, closing, rest = html.partition("</h1>")
    return f"{head}{closing}\n{widget}{rest}" if closing else f"{widget}\n{html}"


def anchor_ids(html: str) -> set[str]:
    """Return the ids of the elements in widget HTML (written by this module as `` id="..."``)."""
    return {part.split('"', 1)[0] for part in html.split(' id="')[1:]}
