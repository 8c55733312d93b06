"""The engine as another course gets it: the built wheel, installed on its own, scaffolding a course that works.

Builds the sdist and wheel (``python -m build``; ``twine check`` must accept
them), installs the wheel into a fresh virtual environment (no site-packages
of this one; pip may reuse its cache), runs ``mkdocs-course new``, builds the
new course with ``--strict`` and uses it in real Chromium.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command; fail with everything it printed when it fails; return its output."""
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with only the built wheel (and its dependencies) installed."""
    root = tmp_path_factory.mktemp("package")
    dist = root / "dist"
    run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    [wheel] = dist.glob("mkdocs_course-*.whl")
    [sdist] = dist.glob("mkdocs_course-*.tar.gz")
    assert "PASSED" in run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)
    # Without pip of its own (installing it is most of a venv's cost): this
    # run's pip installs into it, with this repository's pins.
    run(sys.executable, "-m", "venv", "--without-pip", root / "venv")
    bin_dir = root / "venv" / "bin"
    pip = [sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet"]
    run(*pip, "-c", ROOT / "constraints.txt", wheel)
    return bin_dir


def test_the_wheel_carries_the_theme_and_scaffolds_a_course_that_builds_and_keeps_progress(
    installed: Path, served_site, page: Page, page_log, tmp_path: Path
):
    # The engine runs from the wheel, not from this checkout.
    where = run(installed / "python", "-c", "import mkdocs_course; print(mkdocs_course.__file__)", cwd=tmp_path)
    assert str(ROOT) not in where and "site-packages" in where
    course = tmp_path / "bread"
    assert "mkdocs serve" in run(installed / "mkdocs-course", "new", course)
    assert (course / ".github" / "workflows" / "pages.yml").is_file()
    site = tmp_path / "site"
    site.mkdir()
    url = served_site(site, csp=True)
    output = run(installed / "mkdocs", "build", "--strict", "-d", site, cwd=course, env={"SITE_URL": url})
    assert "WARNING" not in output, output

    page.goto(url + "basics/first-lesson/")
    page.get_by_role("checkbox", name="Read this lesson to the end").check()
    page.get_by_role("radio", name="In this browser, on this device").check()
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("status").filter(has_text="Well done")).to_have_count(1)
    page.reload()
    expect(page.get_by_role("checkbox", name="Read this lesson to the end")).to_be_checked()
    expect(page.get_by_role("radio", name="In this browser, on this device")).to_be_checked()
    expect(page.get_by_role("status").filter(has_text="Well done")).to_have_count(1)
    page_log.assert_no_errors()


def test_new_refuses_a_folder_that_is_not_empty(installed: Path, tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run([installed / "mkdocs-course", "new", tmp_path], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path} already exists and is not empty; choose a new folder name"
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]
