"""Fixtures for building the course with real MkDocs and driving it in Chromium.

- `build_site(config, **env)` runs `mkdocs build --strict` in a subprocess and
  returns the site directory; a failed build raises `helpers.build.BuildError`
  whose `output` is everything MkDocs printed.
- `served_site(site_dir, csp=False)` serves a site under http://127.0.0.1:<port>/course/.
- `serve_build(config, csp=False, **env)` does both, building with SITE_URL set to
  the server's address so Material's instant navigation works there.
- `fixture_url` / `fixture_site` are tests/fixture_course built and served once
  per session; `fixture_url_csp` is the same behind a strict CSP.
- `page` is a fresh browser context and page per test; `page_log` holds every
  request URL, console error and uncaught page error it saw.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from helpers.build import build_site as _build_site
from helpers.build import copy_fixture_course
from helpers.chromium import ChromiumNotFound, find_chromium
from helpers.server import CSP_SELF, SiteServer
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, Request, sync_playwright

from mkdocs_course.pdf import QUIET_CHROMIUM_FLAGS

FIXTURE_COURSE = Path(__file__).resolve().parent / "fixture_course" / "mkdocs.yml"
LEARN_PAGES = Path(__file__).resolve().parent / "learn_pages"

# The build's own flags keep Chromium from calling Google's services: on a
# closed network those calls fail by the dozen and slow every start.
CHROMIUM_ARGS = list(QUIET_CHROMIUM_FLAGS)

LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


class ServedBuild(NamedTuple):
    """A site built for, and served at, `url`."""

    url: str
    site: Path


BuildSite = Callable[..., Path]
ServedSite = Callable[..., str]
ServeBuild = Callable[..., ServedBuild]


# --- Building -----------------------------------------------------------------


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> BuildSite:
    """Return build(config_path, **env) -> site dir, a fresh real build each call.

    Keyword arguments are environment variables for the build (SITE_URL="...",
    COURSE_PDF="true"); None unsets one. Raises BuildError on failure.
    """

    def build(config_path: str | os.PathLike[str], **env: str | None) -> Path:
        config = Path(config_path).resolve()
        site_dir = tmp_path_factory.mktemp(f"site-{config.parent.name}")
        return _build_site(config, site_dir, env)

    return build


@pytest.fixture(scope="session")
def fixture_course() -> Path:
    """The mkdocs.yml of the small course in tests/fixture_course/."""
    return FIXTURE_COURSE


# --- Serving ------------------------------------------------------------------


@pytest.fixture(scope="session")
def served_site() -> Iterator[ServedSite]:
    """Return serve(site_dir, csp=False) -> "http://127.0.0.1:<port>/course/".

    csp=True adds `Content-Security-Policy: script-src 'self'`, which blocks
    inline scripts. One server per (site, csp), stopped at the session's end.
    Instant navigation needs a site built for the server's port: see serve_build.
    """
    servers: dict[tuple[Path, bool], SiteServer] = {}

    def serve(site_dir: str | os.PathLike[str], csp: bool = False) -> str:
        key = (Path(site_dir).resolve(), csp)
        if key not in servers:
            servers[key] = SiteServer(key[0], csp=CSP_SELF if csp else None)
        return servers[key].url

    yield serve
    for server in servers.values():
        server.close()


@pytest.fixture(scope="session")
def serve_build(tmp_path_factory: pytest.TempPathFactory, served_site: ServedSite) -> ServeBuild:
    """Return a function that serves a course and builds it for that address: (config_path, csp=False, **env) -> ServedBuild.

    Starts the server first, then builds with SITE_URL set to its address.
    Material's instant navigation only follows links listed in sitemap.xml,
    which it matches including the port, so a site built for port 8000 and
    served on another port loads every page in full: instant navigation
    would go untested.
    """

    def serve(config_path: str | os.PathLike[str], csp: bool = False, **env: str | None) -> ServedBuild:
        config = Path(config_path).resolve()
        site_dir = tmp_path_factory.mktemp(f"served-{config.parent.name}")
        url = served_site(site_dir, csp=csp)
        _build_site(config, site_dir, {"SITE_URL": url, **env})
        return ServedBuild(url, site_dir)

    return serve


@pytest.fixture(scope="session")
def fixture_build(serve_build: ServeBuild, fixture_course: Path) -> ServedBuild:
    """tests/fixture_course built once (no PDF) and served; treat it as read-only."""
    return serve_build(fixture_course, COURSE_PDF=None)


@pytest.fixture(scope="session")
def fixture_site(fixture_build: ServedBuild) -> Path:
    """The site directory of `fixture_build`."""
    return fixture_build.site


@pytest.fixture(scope="session")
def fixture_url(fixture_build: ServedBuild) -> str:
    """Where `fixture_build` is served: "http://127.0.0.1:<port>/course/"."""
    return fixture_build.url


@pytest.fixture(scope="session")
def learn_build(serve_build: ServeBuild, tmp_path_factory: pytest.TempPathFactory) -> ServedBuild:
    """tests/fixture_course with the pages of tests/learn_pages added (hints, shuffled options ...), built once and served."""
    config = copy_fixture_course(tmp_path_factory.mktemp("learn"))
    shutil.copytree(LEARN_PAGES, config.parent / "docs", dirs_exist_ok=True)
    return serve_build(config, COURSE_PDF=None)


@pytest.fixture(scope="session")
def learn_url(learn_build: ServedBuild) -> str:
    """Where `learn_build` is served: "http://127.0.0.1:<port>/course/"."""
    return learn_build.url


@pytest.fixture(scope="session")
def fixture_url_csp(serve_build: ServeBuild, fixture_course: Path) -> str:
    """tests/fixture_course served with `Content-Security-Policy: script-src 'self'`."""
    return serve_build(fixture_course, csp=True, COURSE_PDF=None).url


# --- Browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """$CHROMIUM, Playwright's Chromium or /usr/bin/chromium; fail (never skip) if none."""
    try:
        return find_chromium()
    except ChromiumNotFound as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright driver for the session."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_path: Path) -> Iterator[Browser]:
    """Headless Chromium, launched once per session."""
    browser = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@dataclass
class PageLog:
    """What one test's page did: requests made, errors shown."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def offsite_requests(self) -> list[str]:
        """Request URLs that would leave 127.0.0.1."""
        return [url for url in self.requests if not _is_local(url)]

    def assert_no_offsite_requests(self) -> None:
        """Fail, listing them, if the page asked any other host for anything."""
        offsite = self.offsite_requests()
        assert not offsite, "The page made requests that leave 127.0.0.1:\n" + "\n".join(offsite)

    def assert_no_errors(self) -> None:
        """Fail, listing them, if the page logged a console error or threw."""
        errors = [f"console: {e}" for e in self.console_errors] + [f"uncaught: {e}" for e in self.page_errors]
        assert not errors, "The page reported errors:\n" + "\n".join(errors)


def _is_local(url: str) -> bool:
    """True for loopback URLs and for schemes that never touch the network."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


@pytest.fixture
def page_log() -> PageLog:
    """The request and error log of this test's `page`."""
    return PageLog()


@pytest.fixture
def context(browser: Browser, page_log: PageLog) -> Iterator[BrowserContext]:
    """A fresh context (empty storage) that logs every request and refuses offsite ones."""
    context = browser.new_context(locale="en-US", timezone_id="UTC", reduced_motion="reduce", service_workers="block")
    context.set_default_timeout(10_000)
    context.on("request", lambda request: page_log.requests.append(request.url))

    # Logged above, then refused here: a test must not depend on the internet,
    # and a refused request fails at once instead of waiting on a timeout.
    def guard(route, request: Request) -> None:
        if _is_local(request.url):
            route.fallback()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, page_log: PageLog, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """A new page in this test's context; on failure a screenshot is kept."""
    page = context.new_page()
    page.on("console", lambda message: _log_console(page_log, message))
    page.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and not page.is_closed():
        shot = tmp_path / "failure.png"
        page.screenshot(path=shot, full_page=True)
        print(f"Screenshot of the page at failure ({page.url}): {shot}")
        for label, errors in (("Console errors", page_log.console_errors), ("Uncaught errors", page_log.page_errors)):
            if errors:
                print(f"{label}:", *errors, sep="\n  ")


def _log_console(log: PageLog, message: ConsoleMessage) -> None:
    """Keep console errors with where they came from."""
    if message.type == "error":
        where = message.location.get("url", "")
        log.console_errors.append(f"{message.text} ({where})" if where else message.text)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test item, so fixtures can see a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# --- The course's log ---------------------------------------------------------


class Log(logging.Handler):
    """Every record of the course's logger, as ``LEVEL: message``."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


@pytest.fixture
def course_log() -> Iterator[Log]:
    """Capture what the extensions log on 'mkdocs.plugins.course' during a test."""
    handler = Log()
    logger = logging.getLogger("mkdocs.plugins.course")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
