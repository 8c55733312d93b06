"""Every built page is valid HTML: the Nu HTML Checker (vnu.jar, from npm) finds no error.

This repository's course and the example course are built, and vnu checks
every page of both in one run. Its "info" messages (the CSP it cannot
evaluate from files, trailing slashes of void elements) are not errors.
Material's own invalid markup is fixed by src/mkdocs_course/theme/partials/nav-item.html
and src/mkdocs_course/material_fixes.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
COURSES = (ROOT / "mkdocs.yml", ROOT / "examples" / "french-course" / "mkdocs.yml")


def run_vnu(*sites: Path) -> list[dict]:
    """Check every HTML file under ``sites`` with vnu; return its messages."""
    java = shutil.which("java")
    assert java, "java is missing: apt-get install default-jre-headless (.ci/run does)"
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci` in {ROOT}"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, sites)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    try:  # vnu writes its report to stderr and exits 1 when it found an error
        return json.loads(done.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")


def describe(message: dict) -> str:
    """Return one vnu message as ``file:line: message`` with the markup it points at."""
    where = message.get("url", "").removeprefix("file:")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}\n    {extract}"


def test_every_built_page_is_valid_html(build_site):
    sites = [build_site(config, COURSE_PDF=None) for config in COURSES]
    pages = [page for site in sites for page in site.rglob("*.html")]
    assert len(pages) > 20, f"only {len(pages)} pages were built"
    messages = run_vnu(*sites)
    problems = [describe(m) for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not problems, f"the Nu HTML Checker found {len(problems)} error(s):\n" + "\n".join(problems)


def test_the_checker_reports_invalid_markup(tmp_path):
    # The gate itself: a page with Material's old invalid toggle is an error.
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><input type="checkbox" id="__drawer" autocomplete="off"><label for="__drawer" tabindex="">x</label>'
        "</body></html>",
        encoding="utf-8",
    )
    errors = [m["message"] for m in run_vnu(tmp_path) if m.get("type") == "error"]
    assert any("autocomplete" in error for error in errors), errors
    assert any("tabindex" in error for error in errors), errors
