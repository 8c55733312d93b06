"""Printing: checklists people can use on paper, a workbook, an answer key and a PDF.

The first tests read the generated Markdown. The rest build the real course
with `mkdocs build --strict`, print pages with real Chromium in print media,
and read the PDF back with `pdftotext`: what a learner holds in their hands.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import markdown
import pytest
from helpers.build import run_mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from mkdocs_course import fragments, pdf, print_pages, site
from mkdocs_course.config import CourseConfig, load_course_config
from mkdocs_course.model import Course, Module, PageSource, build_course

ROOT = Path(__file__).resolve().parent.parent
REAL_COURSE = ROOT / "mkdocs.yml"
HOW_TO_FIX = "install chromium (apt-get install chromium) or set CHROMIUM, or set extra.course.pdf: false"


# --- Helpers --------------------------------------------------------------------


def plain(text: str) -> str:
    """Return Markdown as the words a reader sees, whitespace collapsed."""
    rendered = markdown.markdown(text)
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))


def normalise(text: str) -> str:
    """Collapse whitespace and ligatures, so wrapped PDF lines compare with source text."""
    text = unicodedata.normalize("NFKC", text)
    # Markup removed above leaves a space before punctuation ("<em>x</em>." -> "x ."); PDF text has none.
    return re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(text.split()))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """Return the text of a PDF (or of one 1-based page) as pdftotext reads it."""
    assert shutil.which("pdftotext"), "pdftotext is missing: apt-get install poppler-utils"
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def pdf_pages(pdf: Path) -> int:
    """Return the number of pages of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def first_line(text: str) -> str:
    """Return the first non-blank line of a page's text."""
    return next((normalise(line) for line in text.splitlines() if line.strip()), "")


def quiz_answers(module: Module) -> list[str]:
    """Return what only the answer key may show: each feedback and explanation, as plain text."""
    found = []
    for quiz in module.syntax.quizzes:
        found += [plain(o.feedback) for o in quiz.options if o.feedback]
        if quiz.explanation:
            found.append(plain(quiz.explanation))
    return found


def nav_words(course: Course, source: str) -> list[str]:
    """Return text only the site's navigation shows, leaving out what the page itself says."""
    candidates = [s.title for s in course.sections] + [m.title for m in course.modules]
    candidates += [course.title, "Skip to content", "Workbook", "Answer key"]
    said = normalise(source).casefold()
    return [c for c in candidates if normalise(c).casefold() not in said]


def missing(texts: list[str], printed: str) -> list[str]:
    """Return the texts that are not in the printed text."""
    return [t for t in texts if t not in printed]


def present(texts: list[str], printed: str) -> list[str]:
    """Return the texts that are in the printed text."""
    return [t for t in texts if t in printed]


# --- The generated Markdown -----------------------------------------------------


@pytest.fixture
def config() -> CourseConfig:
    """Two sections, validated the way the hooks validate mkdocs.yml."""
    course, messages = load_course_config(
        {"sections": [{"id": "steps", "title": "Steps", "label": "Step"}, {"id": "more", "title": "More", "label": "Extra"}]},
        None,
    )
    assert messages == []
    return course


def module_page(title: str, section: str, order: int, body: str) -> str:
    """Return a module's Markdown with valid front matter."""
    return (
        f"---\ntitle: {title}\nsection: {section}\norder: {order}\nsummary: What you will do.\n"
        f"minutes: 10\nobjectives: [Do one thing, Do another]\n---\n\n# {title}\n\n{body}"
    )


QUIZ = """\
<quiz>
Which is kind?

- [x] Asking first
  > Yes, asking shows care.
- [ ] Guessing
  > Guessing leaves them out.

Asking lets your partner say what they need.
</quiz>
"""


def build(config: CourseConfig, pages: dict[str, str]) -> Course:
    """Build a course from {src_uri: text}; fail on any problem."""
    sources = [PageSource(uri, f"docs/{uri}", text) for uri, text in pages.items()]
    course, problems = build_course(sources, config, site_name="Trust", namespace="/trust/")
    assert problems == []
    return course


EXTENSIONS = ["course_quiz", "course_checklist", "admonition", "attr_list", "md_in_html", "toc", "pymdownx.superfences"]


def rendered(course: Course) -> dict[str, fragments.ModuleFragments]:
    """Render each module as the build does and keep its pieces, as the hooks do."""
    found = {}
    for module in course.modules:
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
        found[module.id] = fragments.capture(md.convert(module.body), module.url, course.practice_heading)
    return found


def workbook(course: Course) -> str:
    """Return the workbook's HTML for a course, as served at workbook/."""
    return print_pages.workbook_html(course, rendered(course), "workbook/", "../answer-key/")


def test_the_workbook_has_every_module_in_order_each_in_its_own_section(config):
    course = build(
        config,
        {
            "more/extra.md": module_page("An extra", "more", 1, "## Your checklist\n\n- [ ] Read more\n"),
            "steps/two.md": module_page("Second", "steps", 2, "## Your checklist\n\n- [ ] Do two\n"),
            "steps/one.md": module_page("First", "steps", 1, "## Your checklist\n\n- [ ] Do one\n"),
        },
    )
    page = workbook(course)

    assert re.findall(r"<h2[^>]*>(.+?)</h2>", page) == [
        "How to use this workbook", "Step 1: First", "Step 2: Second", "Extra 1: An extra",
    ]
    assert page.count('<section class="course-workbook-module"') == 3
    assert page.count('<div class="course-notes"') == 3
    assert '<a href="../answer-key/">Answer key</a>' in page
    assert print_pages.generated_pages(course, config)["workbook.md"].startswith(
        '---\ntitle: "Workbook"\ncourse_page: workbook\n'
    )


def test_workbook_ticks_belong_to_their_module(config):
    same = "## Your checklist\n\n- [ ] Say thank you\n- [ ] Call {#call}\n"
    course = build(config, {"steps/one.md": module_page("One", "steps", 1, same), "steps/two.md": module_page("Two", "steps", 2, same)})
    page = workbook(course)

    one, two = course.modules
    for module in (one, two):
        wrapper = re.search(rf'<div class="course-workbook-checklist" data-course-page="{module.id}">(.*?)</ul>', page, re.S)
        assert wrapper, f"no checklist keyed to {module.id}"
        assert re.findall(r'data-item-id="([^"]+)"', wrapper.group(1)) == module.checklist


def test_checklist_items_keep_what_is_nested_under_them(config):
    body = "## Your checklist\n\n- [ ] Plan a date\n    - [ ] Pick a day\n    - Ask what they like\n- [x] Say thanks\n"
    course = build(config, {"steps/one.md": module_page("One", "steps", 1, body)})
    page = workbook(course)

    assert re.findall(r'course-checklist__text">([^<]+)<', page) == ["Plan a date", "Pick a day", "Say thanks"]
    assert "<li>Ask what they like</li>" in page


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../../get-help/#signs", "../get-help/#signs"),
        ("#tip", "../steps/one/#tip"),
        ("../../strategies/trust/", "../strategies/trust/"),
        ("https://example.org/a/", "https://example.org/a/"),
        ("../../img/chart.png", "../img/chart.png"),
        ("../../", "../"),
        ("../two/?q=1&amp;r=2", "../steps/two/?q=1&amp;r=2"),
    ],
)
def test_links_copied_from_a_module_still_resolve_from_the_print_page(href, expected):
    assert fragments.rebase(f'<a href="{href}">x</a>', "steps/one/", "workbook/") == f'<a href="{expected}">x</a>'


@pytest.mark.parametrize(
    ("practice_heading", "markdown_heading"),
    [
        ("Try this week", "## Try *this* week"),
        ("Before & after", "## Before & after"),
        ("A <b> tag", "## A &lt;b&gt; tag"),
        ("Try this week", "## TRY THIS WEEK"),
    ],
)
def test_the_practice_is_found_under_its_heading_however_it_is_marked_up(practice_heading, markdown_heading):
    page = markdown.markdown(f"## Try this month\n\nNot this.\n\n{markdown_heading}\n\nPlan a walk.\n\n## Notes\n\nNo.\n", extensions=["toc"])
    assert fragments.capture(page, "steps/one/", practice_heading).practice == "<p>Plan a walk.</p>"


def test_practice_leaves_out_quizzes_and_heading_ids(config):
    body = f"## Try this week\n\nPlan a walk.\n\n### On the walk\n\nTalk.\n\n{QUIZ}\n## Your checklist\n\n- [ ] Walk\n"
    course = build(config, {"steps/one.md": module_page("One", "steps", 1, body)})
    found = rendered(course)["steps/one"]

    assert "Which is kind?" not in found.practice and "course-quiz" not in found.practice
    assert found.practice == "<p>Plan a walk.</p>\n<h3>On the walk</h3>\n<p>Talk.</p>"
    assert len(found.checklists) == 1 and len(found.quizzes) == 1


def test_the_answer_key_has_every_verdict_feedback_and_explanation(config):
    course = build(config, {"steps/one.md": module_page("One", "steps", 1, QUIZ)})
    key = print_pages.answer_key_html(course, rendered(course), "answer-key/", "../workbook/")

    assert "<fieldset" not in key and "<details" not in key
    assert '<h2 id="answers-steps-one">Step 1: One</h2>' in key
    assert "<p>Which is kind?</p>" in key
    assert re.search(r'data-correct="true".*Correct</strong>: Asking first.*Yes, asking shows care\.', key, re.S)
    assert re.search(r'data-correct="false".*Not correct</strong>: Guessing.*Guessing leaves them out\.', key, re.S)
    assert "Asking lets your partner say what they need." in key


def test_the_pdf_url_is_offered_only_when_the_pdf_is_on(config):
    course = build(config, {"steps/one.md": module_page("One", "steps", 1, "Text.\n")})
    assert set(print_pages.generated_pages(course, config)) == {"workbook.md", "answer-key.md"}
    assert course.pdf_url is None
    config.pdf = True
    print_pages.generated_pages(course, config)
    assert course.pdf_url == "workbook.pdf"


def test_a_missing_chromium_says_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(pdf.PdfError) as error:
        pdf.chromium_path()
    assert f"CHROMIUM={tmp_path / 'no-chromium'} is not an executable file; {HOW_TO_FIX}" in str(error.value)


def fake_chromium(tmp_path: Path, script: str) -> Path:
    """Return an executable that stands in for Chromium and runs a shell script."""
    path = tmp_path / "chromium"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def built_workbook(tmp_path) -> MkDocsConfig:
    """The real course's config, pointed at a site dir that holds only a workbook page."""
    (tmp_path / "site" / "workbook").mkdir(parents=True)
    (tmp_path / "site" / "workbook" / "index.html").write_text("<!doctype html><title>Workbook</title><h1>Workbook</h1>")
    return load_config(str(REAL_COURSE), site_dir=str(tmp_path / "site"))


def test_a_chromium_that_writes_no_pdf_fails_with_its_output(monkeypatch, tmp_path, built_workbook):
    monkeypatch.setenv("CHROMIUM", str(fake_chromium(tmp_path, "echo 'cannot open display'")))
    with pytest.raises(pdf.PdfError) as error:
        pdf.write_pdf(built_workbook)
    assert "exited with 0 and wrote no PDF" in str(error.value)
    assert "cannot open display" in str(error.value)
    assert HOW_TO_FIX in str(error.value)
    assert not (tmp_path / "site" / "workbook.pdf").exists()


def test_a_chromium_that_hangs_is_stopped_at_the_time_limit(monkeypatch, tmp_path, built_workbook):
    monkeypatch.setenv("CHROMIUM", str(fake_chromium(tmp_path, "sleep 60")))
    monkeypatch.setattr(pdf, "PDF_TIMEOUT", 1)
    started = time.monotonic()
    with pytest.raises(pdf.PdfError) as error:
        pdf.write_pdf(built_workbook)
    assert time.monotonic() - started < 10
    assert "did not finish within 1 s" in str(error.value)


def test_a_rebuild_with_the_same_workbook_and_styles_reuses_the_last_pdf(monkeypatch, tmp_path, built_workbook):
    # `mkdocs serve` rebuilds the site on every save; Chromium runs again only
    # when what the PDF is printed from has changed.
    runs = tmp_path / "runs"
    script = (
        'for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done\n'
        f'echo run >> {runs}\nprintf "%%PDF-1.4 fake" > "$out"'
    )
    monkeypatch.setenv("CHROMIUM", str(fake_chromium(tmp_path, script)))
    site = tmp_path / "site"
    (site / "assets").mkdir()
    (site / "assets" / "course.css").write_text("h1 { color: red }")
    target = pdf.write_pdf(built_workbook)
    assert target.read_bytes() == b"%PDF-1.4 fake"

    target.unlink()  # a rebuild starts from a clean site folder
    (site / "search.json").write_text("changes with every edit, and is not printed")
    assert pdf.write_pdf(built_workbook).read_bytes() == b"%PDF-1.4 fake"
    assert runs.read_text().count("run") == 1

    (site / "assets" / "course.css").write_text("h1 { color: blue }")
    pdf.write_pdf(built_workbook)
    workbook = site / "workbook" / "index.html"
    workbook.write_text(workbook.read_text() + "<p>One more item</p>")
    pdf.write_pdf(built_workbook)
    assert runs.read_text().count("run") == 3


# --- The real course, printed ---------------------------------------------------


@pytest.fixture(scope="module")
def real_course() -> Course:
    """The trust course as the hooks see it, for the strings to look for on paper."""
    config = load_config(str(REAL_COURSE))
    course_config, problems = load_course_config(config.extra.get("course"), config.config_file_path)
    assert problems == []
    course, problems, _ = site.course_from_files(get_files(config), config, course_config, keep_source=True)
    assert problems == []
    print_pages.generated_pages(course, course_config)
    return course


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The trust course built with `mkdocs build --strict`, the PDF off; (site dir, output)."""
    site_dir = tmp_path_factory.mktemp("site-print")
    done = run_mkdocs_build(REAL_COURSE, site_dir, {"COURSE_PDF": None})
    assert done.returncode == 0, done.stdout
    return site_dir, done.stdout


@pytest.fixture
def print_to_pdf(real_build, served_site, page, tmp_path):
    """Return print(url_path) -> PDF path: the page opened in Chromium and printed as print media."""
    root = served_site(real_build[0])

    def print_page(path: str) -> Path:
        page.goto(root + path)
        page.emulate_media(media="print")
        target = tmp_path / (path.strip("/").replace("/", "_") + ".pdf")
        page.pdf(path=str(target))
        return target

    return print_page


def test_without_the_pdf_the_build_says_how_to_turn_it_on(real_build):
    site_dir, output = real_build
    assert (site_dir / "workbook" / "index.html").is_file()
    assert (site_dir / "answer-key" / "index.html").is_file()
    assert not (site_dir / "workbook.pdf").exists()
    assert "The workbook PDF is off. To print workbook.pdf with Chromium after each build, set extra.course.pdf: true" in output


def test_a_printed_module_has_its_checklist_and_no_answers_or_navigation(real_course, print_to_pdf, page_log):
    for module in (real_course.modules[0], real_course.modules[-1]):
        printed = normalise(pdf_text(print_to_pdf(module.url)))
        items = [plain(item.text) for item in module.syntax.checklist]

        assert items and missing(items, printed) == [], f"{module.title}: checklist items missing on paper"
        assert present(quiz_answers(module), printed) == [], f"{module.title}: quiz answers printed"
        assert real_course.strings["quiz.wrong"] not in printed, f"{module.title}: the answer key's verdicts printed"
        assert present(nav_words(real_course, module.body), printed) == [], f"{module.title}: navigation printed"
    page_log.assert_no_offsite_requests()


def test_the_printed_workbook_has_every_checklist_and_no_answers_or_navigation(real_course, print_to_pdf):
    printed = normalise(pdf_text(print_to_pdf("workbook/")))
    # What the workbook itself says: module headings and links, its title, the answer key's name.
    workbook = " ".join([real_course.title, "Workbook", "Answer key"] + [print_pages.module_heading(m) + " " + m.title for m in real_course.modules])

    items = [plain(item.text) for m in real_course.modules for item in m.syntax.checklist]
    assert missing(items, printed) == []
    answers = [a for m in real_course.modules for a in quiz_answers(m)]
    questions = [plain(q.question) for m in real_course.modules for q in m.syntax.quizzes]
    assert present(answers + questions, printed) == []
    assert present(nav_words(real_course, workbook), printed) == []


def test_the_printed_workbook_starts_each_module_on_a_new_page(real_course, print_to_pdf):
    pdf = print_to_pdf("workbook/")
    tops = [first_line(pdf_text(pdf, number)) for number in range(1, pdf_pages(pdf) + 1)]
    headings = [plain(print_pages.module_heading(m)) for m in real_course.modules]

    assert tops[0] == "Workbook", "the cover comes first"
    assert real_course.title in normalise(pdf_text(pdf, 1))
    assert [top for top in tops if top in headings] == headings, f"page tops: {tops}"


def test_the_printed_answer_key_shows_every_answer(real_course, print_to_pdf):
    printed = normalise(pdf_text(print_to_pdf("answer-key/")))

    answers = [a for m in real_course.modules for a in quiz_answers(m)]
    correct = [plain(o.text) for m in real_course.modules for q in m.syntax.quizzes for o in q.options if o.correct]
    assert missing(answers + correct, printed) == []


# --- The PDF the build writes ---------------------------------------------------


def test_with_course_pdf_the_build_writes_the_workbook_pdf(real_course, chromium_path, tmp_path):
    done = run_mkdocs_build(REAL_COURSE, tmp_path / "site", {"COURSE_PDF": "true", "CHROMIUM": str(chromium_path)})
    assert done.returncode == 0, done.stdout

    pdf = tmp_path / "site" / "workbook.pdf"
    assert pdf.is_file(), (
        "COURSE_PDF=true wrote no workbook.pdf: mkdocs.yml needs `pdf: !ENV [COURSE_PDF, false]` under extra.course\n"
        + done.stdout
    )
    printed = normalise(pdf_text(pdf))
    assert missing([m.title for m in real_course.modules], printed) == []
    tops = [first_line(pdf_text(pdf, number)) for number in range(1, pdf_pages(pdf) + 1)]
    headings = [plain(print_pages.module_heading(m)) for m in real_course.modules]
    assert [top for top in tops if top in headings] == headings


def test_with_course_pdf_and_no_chromium_the_build_fails_saying_how_to_fix_it(tmp_path):
    done = run_mkdocs_build(REAL_COURSE, tmp_path / "site", {"COURSE_PDF": "true", "CHROMIUM": str(tmp_path / "nothing")})

    assert done.returncode != 0
    assert HOW_TO_FIX in done.stdout, done.stdout


@pytest.mark.parametrize("path", ["workbook/index.html", "answer-key/index.html"])
def test_every_link_on_the_print_pages_leads_to_a_built_page(real_build, path):
    """The print pages are assembled after MkDocs checks links, so check them here."""
    site_dir = real_build[0]
    page = (site_dir / path).read_text(encoding="utf-8")
    start = page.index('<article')
    broken = []
    for href in re.findall(r'href="([^"#?]+)', page[start:]):
        if re.match(r"^[a-z]+:", href):
            continue
        target = (site_dir / path).parent / html.unescape(href)
        if not (target / "index.html" if href.endswith("/") else target).exists():
            broken.append(href)
    assert broken == []
    if path.startswith("workbook"):
        with_checklists = [m for m in load_course(site_dir) if m["checklist"]]
        assert page[start:].count('<div class="course-workbook-checklist" data-course-page="') == len(with_checklists)


def load_course(site_dir: Path) -> list[dict]:
    """Return the modules of a built site's manifest."""
    return json.loads((site_dir / "course-manifest.json").read_text(encoding="utf-8"))["modules"]
