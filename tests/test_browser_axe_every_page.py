"""axe-core on every built page of this repository's course and of the example course, light and dark.

Each page is opened fresh (no progress saved) once course.js has shown its
controls, in the palette Chromium's colour scheme selects. One test per site
and palette collects every page's violations, so a failure lists them all with
axe's own report. Nothing is excluded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

ROOT = Path(__file__).resolve().parents[1]
COURSES = {"course": ROOT / "mkdocs.yml", "example": ROOT / "examples" / "french-course" / "mkdocs.yml"}
# The example offers only Material's light palette: its pages are put in the dark
# one (slate) by hand, as an author adding a dark palette would have them.
ONE_PALETTE = {"example"}
SCHEMES = {"light": "default", "dark": "slate"}
AXE = Axe()


@pytest.fixture(scope="module")
def built_courses(serve_build) -> dict[str, tuple[str, Path]]:
    """Both courses built (no PDF) and served, by name: (url, site dir)."""
    built = {}
    for name, config in COURSES.items():
        served = serve_build(config, COURSE_PDF=None)
        built[name] = (served.url, served.site)
    return built


def page_urls(url: str, site: Path) -> list[str]:
    """Return the URL of every HTML page in ``site``, as served at ``url``."""
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert len(pages) > 3, f"only {pages} were built"
    return [url + page.removesuffix("index.html") for page in pages]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("course", COURSES)
def test_every_page_has_no_axe_violations(browser: Browser, built_courses, course, scheme):
    url, site = built_courses[course]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    reports = []
    try:
        for address in page_urls(url, site):
            page.goto(address)
            # course.js shows its controls last: check the page the learner sees.
            page.wait_for_function("() => !document.querySelector('.course-js[hidden]')")
            if course in ONE_PALETTE:
                page.locator("body").evaluate("(body, scheme) => body.setAttribute('data-md-color-scheme', scheme)", SCHEMES[scheme])
            # Material's bundle picks the palette that matches the colour scheme.
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
            # The parts a page loads (a quiz near the screen ...) are set up, and a
            # palette changed by hand has finished its colour transitions (Material's
            # links fade over 125 ms): axe measures the colours as they end up.
            page.wait_for_load_state("networkidle")
            page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")
            results = AXE.run(page)
            if results.violations_count:
                reports.append(f"--- {address} ({scheme}) ---\n{results.generate_report()}")
    finally:
        context.close()
    assert not reports, f"axe-core found violations on {len(reports)} page(s):\n" + "\n".join(reports)
