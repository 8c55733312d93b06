"""The second course in examples/french-course: the same engine serves any course.

It has its own sections, completion rule, language and one string of its own,
and is built with the real `mkdocs build --strict`, then clicked through in
headless Chromium under /cours/.
"""
from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from mkdocs_course import syntax
from mkdocs_course.strings import STRINGS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "french-course"
PREFIX = "/cours/"  # the path in the example's site_url, and so its storage namespace
FR = {**STRINGS["en"], **STRINGS["fr"], "quiz.submit": "Vérifier ma réponse"}  # with the course's own string
MODULES = ["bases/ingredients", "bases/petrir", "pratique/premier-pain"]
ENGLISH_WORDS = re.compile(r".{0,30}\b(?:the|your|you|this|and|with|which|have|from|here|again|when)\b.{0,30}", re.I)


@pytest.fixture(scope="module")
def example_site(build_site) -> Path:
    """The example built once with `mkdocs build --strict`, at its own site_url."""
    return build_site(EXAMPLE / "mkdocs.yml", SITE_URL=None, COURSE_PDF=None)


def read(site: Path, url: str) -> str:
    """Return the HTML of a page by its site URL, e.g. ``bases/ingredients/``."""
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(page_html: str) -> str:
    """Return what a reader sees: no tags, scripts or styles, single spaces."""
    page_html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page_html, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page_html))).strip()


class _Nav(HTMLParser):
    """Collect (section, title) for each page link in Material's primary navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.items: list[str | None] = []  # per open <li>: its section title, "" until read, None if no section
        self.depth = 0  # of <nav> elements, counted from the primary one
        self.reading: str | None = None  # "section" or "link" while in the title's <span>
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track sections and the start of each title."""
        a = dict(attrs)
        css = a.get("class") or ""
        if tag == "nav" and (self.depth or "md-nav--primary" in css):
            self.depth += 1
        if not self.depth:
            return
        if tag == "li":
            self.items.append("" if "md-nav__item--section" in css else None)
        elif tag == "label" and "md-nav__link" in css and self.items and self.items[-1] == "":
            self.reading = "section"
        elif tag == "a" and "md-nav__link" in css and not (a.get("href") or "#").startswith("#"):
            self.reading = "link"
        elif tag == "span" and "md-ellipsis" in css and self.reading:
            self.text = ""

    def handle_data(self, data: str) -> None:
        """Keep the text of a title."""
        self.text += data

    def handle_endtag(self, tag: str) -> None:
        """Record a title when its element ends."""
        if not self.depth:
            return
        if tag == "nav":
            self.depth -= 1
        elif tag == "li" and self.items:
            self.items.pop()
        elif tag == "span" and self.reading:
            title = " ".join(self.text.split())
            if self.reading == "section":
                self.items[-1] = title
            else:
                sections = [item for item in self.items if item]
                self.links.append((sections[-1] if sections else "", title))
            self.reading = None


def nav_links(page_html: str) -> list[tuple[str, str]]:
    """Return (section or '', title) for each page in the primary navigation, in order."""
    parser = _Nav()
    parser.feed(page_html)
    return parser.links


# --- The built HTML ---------------------------------------------------------------


def test_every_page_is_in_french(example_site: Path) -> None:
    for page in sorted(example_site.rglob("*.html")):
        assert '<html lang="fr"' in page.read_text(encoding="utf-8"), page.relative_to(example_site)


def test_quizzes_and_checklists_use_french_words_and_the_courses_own_string(example_site: Path) -> None:
    page = read(example_site, "bases/ingredients/")
    # course.js makes the quiz buttons, with the words the page hands it.
    data = json.loads(re.search(r'<script type="application/json" id="__course">(.*?)</script>', page).group(1))
    assert (data["strings"]["quiz.submit"], data["strings"]["quiz.retry"]) == ("Vérifier ma réponse", "Réessayer")
    assert re.findall(r"<summary>([^<]*)</summary>", page) == ["Voir la réponse"] * 2
    verdicts = re.findall(r'class="course-quiz__verdict">([^<]*)<', page)
    assert verdicts == ["Incorrect", "Correct", "Incorrect"] * 2
    assert re.findall(r'class="course-checklist__count"[^>]*>([^<]*)<', page) == ["0 sur 4 faits"]


def test_the_navigation_follows_the_examples_sections_and_order(example_site: Path) -> None:
    links = nav_links(read(example_site, ""))
    course = [(section, title) for section, title in links if section]
    assert course == [
        ("Les bases", "Farine, eau, sel et levure"),
        ("Les bases", "Pétrir et laisser lever"),
        ("Mise en pratique", "Votre premier pain"),
    ]
    titles = [title for _, title in links]
    assert titles[0] == "Mon premier pain"
    # The answer key is linked from the workbook, not listed beside the lessons.
    assert titles[-1] == "Cahier d'exercices" and "Corrigé" not in titles


def test_module_pages_say_where_they_are_in_french(example_site: Path) -> None:
    assert "Leçon 2 sur 2 · environ 15 minutes" in text_of(read(example_site, "bases/petrir/"))
    assert "Atelier 1 sur 1 · environ 20 minutes" in text_of(read(example_site, "pratique/premier-pain/"))


def test_the_completion_rule_has_no_read_step(example_site: Path) -> None:
    rule = f"{FR['rule.intro']} {FR['rule.checklist']} {FR['rule.and']} {FR['rule.quizzes']}."
    assert rule in text_of(read(example_site, ""))
    module = read(example_site, "bases/ingredients/")
    assert "course-read" not in module, "the example's completion rule has no 'read', so no 'mark as read' button"


def test_no_english_words_shown_to_learners(example_site: Path) -> None:
    # Each English string cut at its {placeholders} and links; short bits ("of") and
    # bits French shares ("minutes", "Notes") could be part of a French sentence.
    english = {
        key: [
            bit.strip()
            for bit in re.split(r"\{\w+\}|\[|\]\(|\)", STRINGS["en"][key])
            if len(bit.strip()) >= 4 and bit.strip() not in STRINGS["fr"][key]
        ]
        for key in STRINGS["en"]
    }
    leaks = []
    for page in sorted(example_site.rglob("*.html")):
        text = text_of(page.read_text(encoding="utf-8"))
        where = page.relative_to(example_site)
        for key, bits in english.items():
            leaks += [f"{where}: {key}: {bit!r}" for bit in bits if bit in text]
        # Words a template may hard-code outside strings.py, which French never uses.
        leaks += [f"{where}: ...{m.group(0)}..." for m in ENGLISH_WORDS.finditer(text)]
    assert not leaks, "English words on the French site:\n" + "\n".join(leaks)


def test_the_manifest_lists_the_examples_modules_and_ids(example_site: Path) -> None:
    manifest = json.loads((example_site / "course-manifest.json").read_text(encoding="utf-8"))
    assert manifest["id"] == PREFIX  # no extra.course.id: the site's path
    assert manifest["title"] == "Mon premier pain"
    assert manifest["completion"] == ["checklist", "quizzes"]
    assert manifest["sections"] == [
        {"id": "bases", "title": "Les bases", "label": "Leçon"},
        {"id": "pratique", "title": "Mise en pratique", "label": "Atelier"},
    ]
    modules = manifest["modules"]
    assert [(m["id"], m["url"], m["section"], m["position"], m["of"]) for m in modules] == [
        ("bases/ingredients", "bases/ingredients/", "bases", 1, 2),
        ("bases/petrir", "bases/petrir/", "bases", 2, 2),
        ("pratique/premier-pain", "pratique/premier-pain/", "pratique", 1, 1),
    ]
    for module in modules:
        source = syntax.scan((EXAMPLE / "docs" / f"{module['id']}.md").read_text(encoding="utf-8"))
        assert module["checklist"] == [item.id for item in source.checklist]
        assert module["quizzes"] == [quiz.id for quiz in source.quizzes]
    assert "peser" in modules[0]["checklist"] and "eau-tiede" in modules[0]["quizzes"]
    assert "four-chaud" in modules[2]["checklist"] and modules[2]["quizzes"] == ["pain-cuit"]


# --- In the browser -----------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    """The built site under /cours/ only, as a project site on GitHub Pages."""

    def translate_path(self, path: str) -> str:
        """Map /cours/x to <site>/x; anything outside /cours/ to a file that does not exist."""
        inner = urlsplit(path).path
        if not inner.startswith(PREFIX):
            return str(Path(self.directory) / "outside-the-site")
        return super().translate_path(inner[len(PREFIX) - 1 :])

    def end_headers(self) -> None:
        """Keep the browser from caching between tests."""
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Stay quiet."""


@pytest.fixture(scope="module")
def cours(example_site: Path) -> Iterator[str]:
    """Serve the example on 127.0.0.1; return http://127.0.0.1:<port>/cours/."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(example_site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_answers_and_ticks_are_kept_and_the_dashboard_shows_them_in_french(page: Page, page_log, cours: str) -> None:
    page.goto(cours + "bases/ingredients/")
    quiz = page.locator(".course-quiz").first
    quiz.get_by_label("Environ 10 g.").check()
    quiz.get_by_role("button", name="Vérifier ma réponse").click()
    expect(quiz.get_by_role("status")).to_have_text(FR["quiz.right"])

    item = page.get_by_role("checkbox", name="Acheter un paquet de farine T65")
    item.check()
    expect(page.locator(".course-checklist__count")).to_have_text("1 sur 4 faits")

    page.reload()
    quiz = page.locator(".course-quiz").first
    expect(quiz.get_by_label("Environ 10 g.")).to_be_checked()
    expect(quiz.get_by_role("status")).to_have_text(FR["quiz.right"])
    expect(page.get_by_role("checkbox", name="Acheter un paquet de farine T65")).to_be_checked()
    expect(page.locator(".course-checklist__count")).to_have_text("1 sur 4 faits")

    saved = json.loads(page.evaluate(f"localStorage.getItem('mkdocs-course:{PREFIX}')"))
    progress = saved["pages"]["bases/ingredients"]
    assert progress["checks"] == {"c-d65dfb2b": True}
    assert progress["quizzes"]["q-83bb25ec"]["correct"] is True

    page.goto(cours)
    cards = {m: page.locator(f'.course-card[data-module="{m}"] .course-card__state') for m in MODULES}
    expect(cards["bases/ingredients"]).to_have_text(FR["state.in_progress"])
    expect(cards["bases/petrir"]).to_have_text(FR["state.not_started"])
    expect(cards["pratique/premier-pain"]).to_have_text(FR["state.not_started"])
    page_log.assert_no_offsite_requests()
    page_log.assert_no_errors()


def test_a_module_is_complete_without_being_marked_read(page: Page, page_log, cours: str) -> None:
    page.goto(cours + "pratique/premier-pain/")
    for box in page.locator(".course-checklist__box").all():
        box.check()
    quiz = page.locator(".course-quiz")
    quiz.get_by_label("Vous le retournez et tapez sur le dessous : il doit sonner creux.").check()
    quiz.get_by_role("button", name="Vérifier ma réponse").click()
    expect(quiz.get_by_role("status")).to_have_text(FR["quiz.right"])

    page.goto(cours)
    state = page.locator('.course-card[data-module="pratique/premier-pain"] .course-card__state')
    expect(state).to_have_text(FR["state.complete"])
    page_log.assert_no_errors()
