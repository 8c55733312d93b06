"""The example course under other MkDocs-compatible builders, unchanged.

- ProperDocs (the MkDocs 1.x fork) runs `hooks:` and the theme overrides, so its
  build must match MkDocs' and fail `--strict` on an author's mistake.
- Zensical ignores `hooks:`, so there is no course model, manifest or generated
  pages; the `course_quiz` and `course_checklist` Markdown extensions must
  still turn every quiz and checklist into the same HTML, with the same ids.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_course import syntax

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "french-course"
MODULES = {"bases/ingredients", "bases/petrir", "pratique/premier-pain"}


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a builder's command line with this test run's Python; output merged."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, *map(str, command)], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=600, check=False,
    )


def copy_example(tmp_path: Path) -> Path:
    """Copy the example beside links to the engine, so its mkdocs.yml works as it is."""
    for shared in ("hooks", "overrides", "src"):
        (tmp_path / shared).symlink_to(ROOT / shared, target_is_directory=True)
    course = tmp_path / "examples" / EXAMPLE.name
    shutil.copytree(EXAMPLE, course, ignore=shutil.ignore_patterns("site", ".cache"))
    assert (course / "mkdocs.yml").read_bytes() == (EXAMPLE / "mkdocs.yml").read_bytes()
    return course


def source_ids(module: str) -> tuple[list[str], list[str]]:
    """Return the checklist and quiz ids of a module of the example, read from its Markdown."""
    page = syntax.scan((EXAMPLE / "docs" / f"{module}.md").read_text(encoding="utf-8"))
    return [item.id for item in page.checklist], [quiz.id for quiz in page.quizzes]


def rendered_ids(page_html: str) -> tuple[list[str], list[str]]:
    """Return the checklist and quiz ids a built page carries."""
    return re.findall(r'data-item-id="([^"]+)"', page_html), re.findall(r'data-quiz-id="([^"]+)"', page_html)


# --- ProperDocs -------------------------------------------------------------------


def test_properdocs_and_mkdocs_live_side_by_side() -> None:
    assert "mkdocs, version 1.6.1" in run("-m", "mkdocs", "--version", cwd=ROOT).stdout
    assert "properdocs, version 1.6.7" in run("-m", "properdocs", "--version", cwd=ROOT).stdout


def test_properdocs_builds_the_example_as_mkdocs_does(build_site, tmp_path: Path) -> None:
    mkdocs_site = build_site(EXAMPLE / "mkdocs.yml", SITE_URL=None, COURSE_PDF=None)
    site = tmp_path / "site"
    done = run("-m", "properdocs", "build", "--strict", "-f", EXAMPLE / "mkdocs.yml", "-d", site, cwd=EXAMPLE)
    assert done.returncode == 0, done.stdout
    assert "WARNING" not in done.stdout, done.stdout

    # The hooks ran: the same manifest and the same generated pages as with MkDocs.
    manifest = json.loads((site / "course-manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads((mkdocs_site / "course-manifest.json").read_text(encoding="utf-8"))
    for page in ("workbook", "answer-key"):
        assert (site / page / "index.html").is_file(), page

    for module in MODULES:
        page = (site / module / "index.html").read_text(encoding="utf-8")
        assert '<html lang="fr"' in page
        assert rendered_ids(page) == source_ids(module)
        data = re.search(r'<script type="application/json" id="__course">(.*?)</script>', page).group(1)
        assert json.loads(data)["strings"]["quiz.submit"] == "Vérifier ma réponse"  # course.js's quiz button
        assert 'class="course-module"' in page  # the module header from the overrides


def test_properdocs_strict_fails_on_an_authors_mistake(tmp_path: Path) -> None:
    course = copy_example(tmp_path)
    petrir = course / "docs" / "bases" / "petrir.md"
    petrir.write_text(petrir.read_text().replace("- [x] Vous pétrissez encore", "- [ ] Vous pétrissez encore"))
    done = run("-m", "properdocs", "build", "--strict", "-d", tmp_path / "site", "-f", "mkdocs.yml", cwd=course)
    assert done.returncode == 1
    assert "docs/bases/petrir.md:53: quiz has no correct option; mark the right answer(s) with '- [x]'" in done.stdout
    assert "Aborted with 1 warnings in strict mode!" in done.stdout


# --- Zensical ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built by `python -m zensical build --strict` into its own site/."""
    if importlib.util.find_spec("zensical") is None:
        pytest.fail("Zensical is not installed here; `pip install -e '.[test]'` installs the pinned version")
    course = copy_example(tmp_path_factory.mktemp("zensical"))
    done = run("-m", "zensical", "build", "--strict", "--clean", cwd=course)
    assert done.returncode == 0, done.stdout
    assert "No issues found" in done.stdout, done.stdout
    return course / "site"


def test_zensical_renders_every_quiz_and_checklist_with_the_same_ids(zensical_site: Path) -> None:
    for module in MODULES:
        page = (zensical_site / module / "index.html").read_text(encoding="utf-8")
        assert rendered_ids(page) == source_ids(module), module
        checklist, quizzes = source_ids(module)
        assert page.count('class="course-quiz"') == len(quizzes)
        assert page.count('class="course-checklist__box"') == len(checklist)
        assert page.count('class="course-quiz__explanation"') == len(quizzes)
        assert "course-error" not in page


def test_zensical_ignores_the_hooks_so_the_course_pages_and_words_are_missing(zensical_site: Path) -> None:
    # What an author gives up under Zensical today, so the README can say it plainly.
    assert not (zensical_site / "course-manifest.json").exists()
    assert not (zensical_site / "workbook").exists()
    page = (zensical_site / "bases" / "ingredients" / "index.html").read_text(encoding="utf-8")
    assert 'class="course-module"' not in page
    assert '<html lang="fr"' in page
    # theme.language reaches the extensions only through the hook: quiz words stay English.
    assert "<summary>Show answer</summary>" in page
