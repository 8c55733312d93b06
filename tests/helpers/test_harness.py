"""The test harness itself: real builds, serving under /course/, the request log."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers.build import BuildError

PLAIN_CONFIG = """\
site_name: Harness check
site_url: http://127.0.0.1:8000/course/
theme:
  name: mkdocs
"""


def _plain_site(tmp_path: Path, index: str) -> Path:
    """A one-page MkDocs project with the built-in theme (no course engine)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(index)
    config = tmp_path / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG)
    return config


def _static_site(tmp_path: Path) -> Path:
    """A hand-written site: one page with a script, a 404 page and a sub-folder."""
    site = tmp_path / "static"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><title>Home</title><p id="out">no script</p><script src="app.js"></script>'
        '<script>document.title = "inline ran"</script>'
    )
    (site / "app.js").write_text('document.getElementById("out").textContent = "script ran";')
    (site / "sub" / "index.html").write_text("<!doctype html><title>Sub</title>")
    (site / "404.html").write_text("<!doctype html><title>Lost</title>")
    return site


def _status(url: str) -> int:
    """The HTTP status of a GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def test_a_clean_build_returns_the_site_directory(build_site, tmp_path):
    site = build_site(_plain_site(tmp_path, "# Hello\n"))
    assert (site / "index.html").is_file()


def test_a_strict_warning_fails_the_build_and_shows_mkdocs_output(build_site, tmp_path):
    config = _plain_site(tmp_path, "# Hello\n\n[broken](missing.md)\n")
    with pytest.raises(BuildError) as failure:
        build_site(config)
    assert "missing.md" in failure.value.output
    assert "missing.md" in str(failure.value)


def test_the_site_is_served_only_under_the_course_path(served_site, tmp_path):
    url = served_site(_static_site(tmp_path))
    assert url.startswith("http://127.0.0.1:") and url.endswith("/course/")
    root = url.removesuffix("course/")
    assert _status(url) == 200
    assert _status(url + "sub/") == 200
    assert _status(url + "sub") == 301
    assert _status(root.rstrip("/") + "/course") == 301
    assert _status(url + "nowhere/") == 404
    assert _status(root + "index.html") == 404


def test_the_page_runs_scripts_and_logs_requests(page, page_log, served_site, tmp_path):
    url = served_site(_static_site(tmp_path))
    page.goto(url)
    assert page.locator("#out").text_content() == "script ran"
    assert page.title() == "inline ran"
    assert url + "app.js" in page_log.requests
    page_log.assert_no_offsite_requests()
    page_log.assert_no_errors()


def test_csp_blocks_inline_scripts_but_not_the_sites_own(page, page_log, served_site, tmp_path):
    url = served_site(_static_site(tmp_path), csp=True)
    page.goto(url)
    assert page.locator("#out").text_content() == "script ran"
    assert page.title() == "Home"
    assert any("Content Security Policy" in error for error in page_log.console_errors)


def test_requests_to_other_hosts_are_logged_and_refused(page, page_log, served_site, tmp_path):
    page.goto(served_site(_static_site(tmp_path)))
    page.evaluate("fetch('https://example.com/tracker.js').catch(() => {})")
    page.wait_for_timeout(200)
    assert page_log.offsite_requests() == ["https://example.com/tracker.js"]
    with pytest.raises(AssertionError, match="example.com"):
        page_log.assert_no_offsite_requests()


def test_the_fixture_course_is_served_with_instant_navigation(page, page_log, fixture_url):
    page.goto(fixture_url + "basics/listening/")
    page.wait_for_load_state("networkidle")
    before = len(page_log.requests)
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Speaking").click()
    page.wait_for_url("**/basics/speaking/")
    page.wait_for_load_state("networkidle")
    reloaded = [url for url in page_log.requests[before:] if url.endswith(".css")]
    assert not reloaded, f"Clicking a link loaded the whole page again instead of navigating instantly: {reloaded}"
    page_log.assert_no_offsite_requests()


def test_the_csp_fixture_sends_the_header(fixture_url_csp):
    with urllib.request.urlopen(fixture_url_csp) as response:
        assert response.headers["Content-Security-Policy"] == "script-src 'self'"
