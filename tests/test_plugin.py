"""``plugins: [search, course]`` alone makes a working course: no hooks, no custom_dir, no assets or extensions listed.

Also the ``csp`` option, which both ways in share.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.build import run_mkdocs_build
from playwright.sync_api import Page, expect

from mkdocs_course.csp import DEFAULT_POLICY, content_security_policy

PLUGIN_ONLY = """\
site_name: Plugin course
site_url: {url}
theme:
  name: material
  font: false  # Material's default loads Google Fonts, which the policy blocks
plugins:
  - search
  - course:
      sections:
        - id: basics
          title: The basics
{options}"""

LESSON = """\
---
title: Listening
section: basics
order: 1
summary: Listen to the end before you answer.
minutes: 5
objectives: [Let your partner finish, Say back what you heard]
---

# Listening

- [ ] Put the phone away
- [ ] Let them finish

<quiz>
What helps most?
- [x] Turning to face them
- [ ] Carrying on cooking
</quiz>
"""


def write_course(root: Path, url: str = "http://127.0.0.1:8000/course/", options: str = "") -> Path:
    """Write a plugin-only course under root; return its mkdocs.yml."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "listening.md").write_text(LESSON, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(PLUGIN_ONLY.format(url=url, options=options), encoding="utf-8")
    return config


def policy_of(html: str) -> list[str]:
    """Return the Content-Security-Policy of each meta tag on a page."""
    return re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)


def test_a_plugin_only_course_builds_strictly_and_keeps_progress(served_site, page: Page, page_log, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    url = served_site(site, csp=True)
    config = write_course(tmp_path / "course", url)
    done = run_mkdocs_build(config, site)
    assert done.returncode == 0 and "WARNING" not in done.stdout, done.stdout
    html = (site / "listening" / "index.html").read_text(encoding="utf-8")
    assert policy_of(html) == [DEFAULT_POLICY]
    assert policy_of((site / "404.html").read_text(encoding="utf-8")) == [DEFAULT_POLICY]

    page.goto(url + "listening/")
    page.get_by_role("checkbox", name="Put the phone away").check()
    expect(page.get_by_text("1 of 2 done")).to_be_visible()
    page.get_by_role("radio", name="Turning to face them").check()
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("status").filter(has_text="Well done")).to_have_count(1)
    page.reload()
    expect(page.get_by_role("checkbox", name="Put the phone away")).to_be_checked()
    expect(page.get_by_role("radio", name="Turning to face them")).to_be_checked()
    # The course's own look is there: its stylesheet reached the page.
    expect(page.locator(".course-checklist__count")).to_have_css("display", "block")
    page_log.assert_no_errors()


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        pytest.param("      csp: false\n", [], id="off"),
        pytest.param(
            "      csp: \"default-src 'self'; frame-src https://www.youtube-nocookie.com\"\n",
            ["default-src 'self'; frame-src https://www.youtube-nocookie.com"],
            id="own-policy",
        ),
    ],
)
def test_a_course_may_drop_or_change_the_policy(tmp_path, option, expected):
    config = write_course(tmp_path / "course", options=option)
    done = run_mkdocs_build(config, tmp_path / "site")
    assert done.returncode == 0, done.stdout
    for page in ("index.html", "listening/index.html", "404.html"):
        assert policy_of((tmp_path / "site" / page).read_text(encoding="utf-8")) == expected, page


def test_the_policy_setting_gives_the_default_none_or_the_authors_own():
    assert content_security_policy(True) == DEFAULT_POLICY
    assert "script-src 'self';" in DEFAULT_POLICY and "'unsafe-inline'" not in DEFAULT_POLICY.split("style-src")[0]
    assert content_security_policy(False) == ""
    assert content_security_policy("  default-src 'self';\n  img-src *  ") == "default-src 'self'; img-src *"
