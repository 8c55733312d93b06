"""The printable pages generated from the course: the workbook and the answer key.

Both are assembled from the course model (titles, summaries, objectives) and
from HTML each module page already rendered (checklists, practice, quizzes;
see ``fragments``), so nothing is maintained by hand and nothing is rendered
twice. Their Markdown source is a short placeholder; the hooks swap in the
HTML from ``workbook_html`` and ``answer_key_html`` once the modules are built.
"""
from __future__ import annotations

import logging
from html import escape

from .config import CourseConfig
from .fragments import ModuleFragments, rebase
from .model import Course, Module
from .strings import fill

log = logging.getLogger("mkdocs.plugins.course")

WORKBOOK_URI = "workbook.md"
ANSWER_KEY_URI = "answer-key.md"
# The learner's notebook: every reflection prompt with their answers (linked from the dashboard).
NOTEBOOK_URI = "notebook.md"
NOTEBOOK_URL = "notebook/"
PDF_URI = "workbook.pdf"
# The pages the navigation lists. The answer key is for whoever leads a group:
# the workbook links to it, and a learner does not meet the answers one click
# from every page (each nav entry is also rendered again on every page).
IN_NAV = (WORKBOOK_URI,)


def generated_pages(course: Course, config: CourseConfig) -> dict[str, str]:
    """Return the placeholder Markdown of the workbook and the answer key by source path.

    Also sets ``course.pdf_url`` when ``extra.course.pdf`` is on, so templates
    can offer the download.
    """
    course.pdf_url = PDF_URI if config.pdf else None
    if not config.pdf:
        log.info(
            "The workbook PDF is off. To print workbook.pdf with Chromium after each build, set "
            "extra.course.pdf: true in mkdocs.yml (with `pdf: !ENV [COURSE_PDF, false]`, run with COURSE_PDF=true)."
        )
    t = course.strings
    pages = {
        WORKBOOK_URI: _placeholder(t["workbook.title"], "workbook"),
        ANSWER_KEY_URI: _placeholder(t["answers.title"], "answer-key"),
    }
    if course.has_reflections:  # a notebook of nothing would be a page to explain away
        pages[NOTEBOOK_URI] = _placeholder(t["notebook.title"], "notebook")
    return pages


def _placeholder(title: str, kind: str) -> str:
    """Return a generated page's source: front matter and one line (kept out of search: it repeats the modules)."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"---\ntitle: {quoted}\ncourse_page: {kind}\nsearch:\n  exclude: true\n---\n\n# {title}\n"


def module_heading(module: Module) -> str:
    """Return a module's heading in the print pages, e.g. ``Step 3: Healthy boundaries``."""
    return f"{module.label} {module.position}: {module.title}"


def module_slug(module: Module) -> str:
    """Return a module's id as an HTML id: ``steps/open-communication`` -> ``steps-open-communication``."""
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in module.id).strip("-")
    return slug if slug[:1].isalpha() else f"m-{slug}"


def workbook_html(
    course: Course,
    fragments: dict[str, ModuleFragments],
    url: str,
    answer_key_url: str,
    heading_id: str = "workbook",
    actions: str = "",
) -> str:
    """Return the workbook's content: a cover, then one section per module in course order.

    ``heading_id`` is the id the page's table of contents gave its title, which
    Material's "Skip to content" link points at; ``actions`` (the print
    buttons) go right under it.
    """
    t = course.strings
    steps = "".join(f"<li>{escape(step)}</li>" for step in t["workbook.how_steps"].split("\n") if step.strip())
    parts = [
        '<div class="course-workbook-cover">',
        f'<h1 id="{escape(heading_id)}">{escape(t["workbook.title"])}</h1>',
        actions,
        f'<p class="course-workbook-cover__course">{escape(course.title)}</p>',
        '<div class="course-workbook-cover__fields">',
        f'<p class="course-workbook-field">{escape(t["workbook.names"])}</p>',
        f'<p class="course-workbook-field">{escape(t["workbook.date"])}</p>',
        "</div>",
        f'<h2 id="how-to-use">{escape(t["workbook.how"])}</h2>',
        f"<ol>{steps}</ol>",
        f'<p>{escape(t["workbook.answers"])} <a href="{escape(answer_key_url)}">{escape(t["answers.title"])}</a></p>',
        "</div>",
    ]
    shown: set[str] = set()  # a check-in taken again in several modules is printed once, where it first comes
    for module in course.modules:
        parts.append(_workbook_module(course, module, fragments.get(module.id), url, shown))
    return "\n".join(parts)


def _workbook_module(
    course: Course, module: Module, found: ModuleFragments | None, url: str, shown_checkins: set[str] | None = None
) -> str:
    """Return one module's section of the workbook."""
    t = course.strings
    slug = module_slug(module)
    link = _relative(module.url, url)
    about = fill(t["module.minutes"], minutes=module.minutes)
    objectives = "".join(f"<li>{escape(o)}</li>" for o in module.objectives)
    parts = [
        f'<section class="course-workbook-module" aria-labelledby="{slug}">',
        '<div class="course-workbook-module__body">',
        f'<h2 id="{slug}">{escape(module_heading(module))}</h2>',
        f'<p class="course-workbook-module__summary">{escape(module.summary)}</p>',
        f'<p class="course-workbook-module__meta"><a href="{escape(link)}">{escape(module.title)}</a> · {escape(about)}</p>',
        f"<p><strong>{escape(t['module.objectives'])}</strong></p><ul>{objectives}</ul>",
    ]
    if found and found.checklists:
        checklists = "\n".join(rebase(c, found.url, url) for c in found.checklists)
        parts += [
            f"<h3>{escape(t['workbook.checklist'])}</h3>",
            # Ticks here are the module's own: course.js keys them by this page.
            f'<div class="course-workbook-checklist" data-course-page="{escape(module.id)}">{checklists}</div>',
        ]
    if found and found.practice:
        parts += [f"<h3>{escape(course.practice_heading)}</h3>", rebase(found.practice, found.url, url)]
    if found and found.reflections:
        parts.append(_reflections(module, found, url))
    if found and found.checkins:
        parts.append(_checkins(found, url, set() if shown_checkins is None else shown_checkins))
    parts += [
        "</div>",
        '<div class="course-workbook-module__notes">',
        f"<h3>{escape(t['workbook.notes'])}</h3>",
        '<div class="course-notes" aria-hidden="true"></div>',
        "</div>",
        "</section>",
    ]
    return "\n".join(parts)


def answer_key_html(
    course: Course,
    fragments: dict[str, ModuleFragments],
    url: str,
    workbook_url: str,
    heading_id: str = "answer-key",
    actions: str = "",
) -> str:
    """Return the answer key's content: every quiz with each option's verdict, feedback and explanation.

    ``actions`` (the print buttons) go right under the title.
    """
    t = course.strings
    parts = [
        '<div class="course-answer-key">',
        f'<h1 id="{escape(heading_id)}">{escape(t["answers.title"])}</h1>',
        actions,
        f'<p>{escape(t["answers.intro"])} <a href="{escape(workbook_url)}">{escape(t["workbook.title"])}</a></p>',
    ]
    with_quizzes = [(m, fragments[m.id]) for m in course.modules if m.id in fragments and fragments[m.id].quizzes]
    if not with_quizzes:
        parts.append(f"<p>{escape(t['answers.none'])}</p>")
    for module, found in with_quizzes:
        slug = module_slug(module)
        link = _relative(module.url, url)
        parts += [
            f'<section class="course-answer-key__module" aria-labelledby="answers-{slug}">',
            f'<h2 id="answers-{slug}">{escape(module_heading(module))}</h2>',
            f'<p><a href="{escape(link)}">{escape(fill(t["answers.module"], title=module.title))}</a></p>',
        ]
        for number, quiz in enumerate(found.quizzes, start=1):
            parts += [
                '<div class="course-answer-key__quiz">',
                f"<h3>{escape(fill(t['answers.question'], number=number))}</h3>",
                rebase(quiz.question, found.url, url),
                rebase(quiz.key, found.url, url),
            ]
            if quiz.explanation:
                parts += [
                    '<div class="course-answer-key__why">',
                    f"<p><strong>{escape(t['answers.why'])}</strong></p>",
                    rebase(quiz.explanation, found.url, url),
                    "</div>",
                ]
            parts.append("</div>")
        parts.append("</section>")
    parts.append("</div>")
    return "\n".join(parts)


def _reflections(module: Module, found: ModuleFragments, url: str) -> str:
    """Return a module's reflection prompts, saved under the module (course.js reads data-course-page)."""
    copies = "\n".join(rebase(r, found.url, url) for r in found.reflections)
    return f'<div class="course-reflections" data-course-page="{escape(module.id)}">{copies}</div>'


def _checkins(found: ModuleFragments, url: str, shown: set[str]) -> str:
    """Return a module's check-ins as forms to fill on paper; each saves where it is defined (data-checkin-page)."""
    copies = []
    for html in found.checkins:
        checkin_id = html.split('data-checkin-id="', 1)[-1].split('"', 1)[0]
        if checkin_id not in shown:
            shown.add(checkin_id)
            copies.append(rebase(html, found.url, url))
    return f'<div class="course-checkins-print">{"".join(copies)}</div>' if copies else ""


def notebook_html(
    course: Course, fragments: dict[str, ModuleFragments], url: str, heading_id: str = "notebook", actions: str = ""
) -> str:
    """Return the learner's notebook: every reflection prompt in course order, each with its text box.

    The answers live in the learner's browser: course.js fills the boxes, and
    "Print my notebook" prints their words.
    """
    t = course.strings
    parts = [
        '<div class="course-notebook">',
        f'<h1 id="{escape(heading_id)}">{escape(t["notebook.title"])}</h1>',
        actions,
        f'<p>{escape(t["notebook.intro"])}</p>',
    ]
    with_prompts = [(m, fragments[m.id]) for m in course.modules if m.id in fragments and fragments[m.id].reflections]
    if not with_prompts:
        parts.append(f"<p>{escape(t['notebook.none'])}</p>")
    for module, found in with_prompts:
        slug = module_slug(module)
        link = _relative(module.url, url)
        parts += [
            f'<section class="course-notebook__module" aria-labelledby="notebook-{slug}">',
            f'<h2 id="notebook-{slug}"><a href="{escape(link)}">{escape(module_heading(module))}</a></h2>',
            _reflections(module, found, url),
            "</section>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def plan_html(course: Course, plan_pieces: dict[str, str], url: str, actions: str = "") -> str:
    """Return the plan: every reflection with ``plan="..."`` in course order, under its label, with its module.

    ``plan_pieces`` is each plan reflection's HTML by module id and reflection
    id (``"<module id> <reflection id>"``), as its module rendered it. Each copy
    sits in ``data-course-page="<module id>"``, so what the learner writes
    here is the module's own saved text.
    """
    t = course.strings
    parts = ['<div class="course-plan">', actions]
    found = [(m, p) for m in course.modules for p in m.plans if f"{m.id} {p.id}" in plan_pieces]
    if not found:
        parts.append(f"<p>{escape(t['plan.none'])}</p>")
    for module, prompt in found:
        slug = module_slug(module)
        heading = f"plan-{slug}-{prompt.id}"
        link = _relative(module.url, url)
        copy = rebase(plan_pieces[f"{module.id} {prompt.id}"], module.url, url)
        parts += [
            f'<section class="course-plan__item" aria-labelledby="{heading}">',
            f'<h2 id="{heading}">{escape(prompt.label)}</h2>',
            f'<p class="course-plan__from"><a href="{escape(link)}">{escape(fill(t["plan.from"], title=module.title))}</a></p>',
            f'<div class="course-reflections" data-course-page="{escape(module.id)}">{copy}</div>',
            "</section>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def _relative(target: str, here: str) -> str:
    """Return a link from the page at ``here`` to the page at ``target`` (site-relative URLs)."""
    return rebase(f'href="{escape(target)}"', "", here)[6:-1]
