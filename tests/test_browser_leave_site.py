"""""Leave this site" in real Chromium: the quick way out for a learner whose screen is watched.

The fixture course has ``leave_site: true`` and the default destination, BBC
Weather. No test reaches the internet: each routes that address to a small
local stand-in. What the course page looked like as it went is reported from
inside the page at the moment it starts to leave (the Navigation API's
``navigate`` event), since nothing can look at a page while it is going.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import CHROMIUM_ARGS, PageLog
from playwright.sync_api import Browser, Locator, Page, Playwright, Route, expect
from test_browser_a11y import assert_no_axe_violations

WEATHER = "https://www.bbc.co.uk/weather"
WEATHER_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather forecast</h1></html>"
LISTENING, SPEAKING = "basics/listening/", "basics/speaking/"

# Runs in every document before the page's own scripts.
REPORT_LEAVING = """
addEventListener("pageshow", (event) => { window.__restoredFromCache = event.persisted; });
navigation.addEventListener("navigate", (event) => {
  if (!event.destination.url.startsWith("WEATHER")) return;
  const heading = document.querySelector("h1");
  window.__reportLeaving({
    from: location.href,
    pageVisibility: getComputedStyle(document.documentElement).visibility,
    headingVisible: heading ? heading.checkVisibility({visibilityProperty: true}) : null,
    alert: document.querySelector("[role=alert]")?.textContent ?? null,
    title: document.title,
    restoredFromCache: window.__restoredFromCache === true,
  });
});
""".replace("WEATHER", WEATHER)


class Weather:
    """The neutral site, served by the test; what each course page was like as it left for it."""

    def __init__(self, page: Page) -> None:
        self.visits: list[dict[str, str]] = []
        self.departures: list[dict] = []
        page.expose_function("__reportLeaving", lambda departure: self.departures.append(departure))
        page.add_init_script(REPORT_LEAVING)
        page.route(WEATHER + "**", self._answer)

    def _answer(self, route: Route) -> None:
        self.visits.append(route.request.all_headers())
        route.fulfill(content_type="text/html", body=WEATHER_PAGE)


@pytest.fixture
def weather(page: Page) -> Weather:
    """BBC Weather as a local page for this test's `page`."""
    return Weather(page)


def leave_link(page: Page) -> Locator:
    """The button-styled link in the header."""
    return page.get_by_role("link", name="Leave this site")


def status(page: Page) -> Locator:
    """The live region that says how many presses of Shift were counted."""
    return page.locator(".course-leave").get_by_role("status")


def press_shift(page: Page, times: int) -> None:
    """Press and release Shift on its own, `times` times."""
    for _ in range(times):
        page.keyboard.press("Shift")


def assert_left(page: Page) -> None:
    """The tab shows the weather page."""
    page.wait_for_url(WEATHER)
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()


def assert_left_unreadable(departure: dict, url: str) -> None:
    """The course page at `url` was blank when it started to leave, its title gone."""
    assert departure["from"] == url
    assert departure["pageVisibility"] == "hidden", f"the course page was visible as it left: {departure}"
    assert departure["headingVisible"] is not True, f"the course page's heading could be seen: {departure}"
    assert departure["title"] == ""


# --- The link, with and without JavaScript -------------------------------------------------


def test_every_page_has_the_link_in_its_header_pointing_to_the_neutral_site(fixture_site):
    pages = sorted(fixture_site.rglob("*.html"))
    assert "404.html" in [path.name for path in pages]
    for html in pages:
        text = html.read_text(encoding="utf-8")
        header = text[text.index('<header class="md-header'):text.index("</header>")]
        assert f'<a class="course-leave__link" href="{WEATHER}" rel="noreferrer">Leave this site</a>' in header, html


def test_without_javascript_the_link_still_leaves(browser: Browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.route(WEATHER + "**", lambda route: route.fulfill(content_type="text/html", body=WEATHER_PAGE))
        page.goto(fixture_url + LISTENING)
        expect(leave_link(page)).to_be_visible()
        expect(leave_link(page)).to_have_attribute("rel", "noreferrer")
        leave_link(page).click()
        assert_left(page)
    finally:
        context.close()


def test_the_404_page_leaves_too(page: Page, weather, fixture_url):
    page.goto(fixture_url + "no/such/page/")
    expect(page.get_by_role("heading", name="404 - Not found")).to_be_visible()
    press_shift(page, 3)
    assert_left(page)


def test_the_link_is_readable_on_a_phone_and_covers_nothing(page: Page, fixture_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(fixture_url + LISTENING)
    link = leave_link(page)
    expect(link).to_be_visible()
    box, header = link.bounding_box(), page.locator(".md-header").bounding_box()
    assert box and header
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"the link runs off the screen: {box}"
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], "outside the header"
    assert link.evaluate("a => a.scrollWidth <= a.clientWidth"), "the link's words are cut off"
    # Still there, in the same place, after scrolling to the end of the module.
    page.mouse.wheel(0, 5000)
    expect(page.get_by_role("button", name="Mark as read").last).to_be_in_viewport()
    expect(link).to_be_in_viewport()


def test_the_link_is_never_printed(page: Page, fixture_url):
    page.goto(fixture_url + LISTENING)
    page.emulate_media(media="print")
    expect(leave_link(page)).to_be_hidden()


# --- Leaving ------------------------------------------------------------------------------


def test_clicking_blanks_the_page_at_once_then_replaces_it_with_the_weather(page: Page, page_log: PageLog, weather, fixture_url):
    page.goto(fixture_url)
    page.goto(fixture_url + LISTENING)
    leave_link(page).click()
    assert_left(page)
    [departure] = weather.departures
    assert_left_unreadable(departure, fixture_url + LISTENING)
    # The one thing on the blank page, for screen readers: a neutral word.
    assert departure["alert"] == "Loading"
    assert "referer" not in weather.visits[-1], "the weather site was told where the learner came from"
    page_log.assert_no_errors()


def test_three_presses_of_shift_leave(page: Page, weather, fixture_url):
    page.goto(fixture_url + LISTENING)
    press_shift(page, 3)
    assert_left(page)


def test_each_press_of_shift_is_announced_and_two_do_not_leave(page: Page, weather, fixture_url):
    page.goto(fixture_url + LISTENING)
    expect(status(page)).to_have_text("")
    press_shift(page, 1)
    expect(status(page)).to_have_text("Shift pressed 1 of 3 times")
    press_shift(page, 1)
    expect(status(page)).to_have_text("Shift pressed 2 of 3 times")
    page.wait_for_timeout(300)
    assert page.url == fixture_url + LISTENING
    assert weather.visits == []


def test_slow_presses_do_not_leave(page: Page, weather, fixture_url):
    # GOV.UK's rule: each press within 5 seconds of the one before. The clock is
    # moved on rather than waited for.
    page.clock.install()
    page.goto(fixture_url + LISTENING)
    for _ in range(3):
        press_shift(page, 1)
        expect(status(page)).to_have_text("Shift pressed 1 of 3 times")
        page.clock.run_for(5_100)
        expect(status(page)).to_have_text("Shift presses reset")
    assert page.url == fixture_url + LISTENING
    assert weather.visits == []
    # Quick presses just under the limit still leave.
    press_shift(page, 1)
    page.clock.run_for(4_900)
    press_shift(page, 1)
    page.clock.run_for(4_900)
    press_shift(page, 1)
    assert_left(page)


def test_shift_used_for_capitals_and_other_keys_in_between_do_not_count(page: Page, weather, fixture_url):
    page.goto(fixture_url + LISTENING)
    page.get_by_role("checkbox", name="Let them finish").focus()
    for _ in range(3):
        page.keyboard.down("Shift")
        page.keyboard.press("KeyA")
        page.keyboard.up("Shift")
    expect(status(page)).to_have_text("")
    press_shift(page, 2)
    page.keyboard.press("KeyA")
    press_shift(page, 1)
    expect(status(page)).to_have_text("Shift pressed 1 of 3 times")
    assert weather.visits == []


def test_back_after_leaving_does_not_show_the_course(page: Page, weather, fixture_url):
    page.goto(fixture_url)
    page.goto(fixture_url + LISTENING)
    press_shift(page, 3)
    assert_left(page)
    # The course page left is gone from the tab's history; Back reaches the home
    # page seen before it, which is hidden before it is painted and left again.
    page.go_back()
    assert_left(page)
    assert len(weather.departures) == 2
    assert_left_unreadable(weather.departures[1], fixture_url)
    assert "referer" not in weather.visits[-1]
    # Coming back on purpose (a link, the address bar) shows the course again.
    page.goto(fixture_url + SPEAKING)
    expect(page.get_by_role("heading", name="Speaking", level=1)).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Speaking", level=1)).to_be_visible()


@pytest.fixture
def browser_with_back_forward_cache(playwright: Playwright, chromium_path) -> Iterator[Browser]:
    """Chromium with its back/forward cache on, as in everyday use (Playwright turns it off)."""
    browser = playwright.chromium.launch(
        executable_path=str(chromium_path), args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield browser
    browser.close()


@pytest.fixture
def cacheable_url(fixture_site) -> Iterator[str]:
    """Serve the fixture site as a static host does.

    That is, without the test server's ``Cache-Control: no-store``, which keeps
    pages out of the back/forward cache.
    """
    handler = partial(SimpleHTTPRequestHandler, directory=str(fixture_site))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_page_restored_from_the_back_forward_cache_leaves_again(browser_with_back_forward_cache: Browser, cacheable_url):
    context = browser_with_back_forward_cache.new_context(locale="en-US", service_workers="block")
    try:
        page = context.new_page()
        weather = Weather(page)
        page.goto(cacheable_url)
        page.goto(cacheable_url + LISTENING)
        leave_link(page).click()
        assert_left(page)
        # A restored page fires no load event: wait for the weather page instead.
        page.go_back(wait_until="commit")
        assert_left(page)
        departure = weather.departures[-1]
        assert departure["restoredFromCache"], f"the home page was loaded again, not restored from the cache: {departure}"
        assert_left_unreadable(departure, cacheable_url)
    finally:
        context.close()


# --- Under the site's policy, and with instant navigation ---------------------------------


def test_leaving_works_under_a_strict_content_security_policy(page: Page, page_log: PageLog, weather, fixture_url_csp):
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(fixture_url_csp + LISTENING)
    press_shift(page, 1)
    expect(status(page)).to_have_text("Shift pressed 1 of 3 times")
    leave_link(page).click()
    assert_left(page)
    assert violations == []
    page_log.assert_no_errors()


def test_after_instant_navigation_each_press_counts_once_and_leaving_works(page: Page, page_log: PageLog, weather, fixture_url):
    page.goto(fixture_url + LISTENING)
    page.evaluate("window.__sameDocument = true")
    for name, path in (("Speaking", SPEAKING), ("Listening", LISTENING), ("Speaking", SPEAKING)):
        page.get_by_role("navigation", name="Navigation").get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(fixture_url + path)
    assert page.evaluate("window.__sameDocument === true"), "the links loaded whole pages: instant navigation was not used"
    expect(leave_link(page)).to_have_count(1)
    press_shift(page, 1)
    expect(status(page)).to_have_text("Shift pressed 1 of 3 times")
    press_shift(page, 2)
    assert_left(page)
    assert len(weather.visits) == 1
    # The pages seen before, by instant navigation, are still in the tab's
    # history: Back to one of them leaves again.
    page.go_back()
    assert_left(page)
    assert_left_unreadable(weather.departures[-1], fixture_url + LISTENING)
    page_log.assert_no_errors()


# --- Accessible ---------------------------------------------------------------------------


def test_the_link_is_reached_by_keyboard_with_a_visible_focus(page: Page, weather, fixture_url):
    page.goto(fixture_url + LISTENING)
    unfocused = leave_link(page).evaluate("a => getComputedStyle(a).backgroundColor")
    for _ in range(10):
        page.keyboard.press("Tab")
        if leave_link(page).evaluate("a => a === document.activeElement"):
            break
    expect(leave_link(page)).to_be_focused()
    assert leave_link(page).evaluate("a => getComputedStyle(a).backgroundColor") != unfocused, "focus is not visible"
    page.keyboard.press("Enter")
    assert_left(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_control_has_no_axe_violations_while_counting(page: Page, fixture_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(fixture_url + LISTENING)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    press_shift(page, 2)
    expect(status(page)).to_have_text(re.compile("2 of 3"))
    assert_no_axe_violations(page, f"a module with two presses of Shift counted ({scheme})")
