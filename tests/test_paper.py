"""The workbook PDF's paper: A4 or Letter, set by ``extra.course.paper`` or by the course's region."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers.build import copy_fixture_course

from mkdocs_course.config import load_course_config
from mkdocs_course.paper import POINTS, paper_for, region_of


@pytest.mark.parametrize(
    ("language", "territory", "paper"),
    [
        ("en", None, "a4"),  # a language alone names no region
        ("fr", None, "a4"),
        ("en-US", None, "letter"),
        ("en_US", None, "letter"),
        ("es-MX", None, "letter"),
        ("fr-CA", None, "letter"),
        ("en-GB", None, "a4"),
        ("pt-BR", None, "a4"),
        ("zh-Hant", None, "a4"),  # a script, not a region
        ("es-419", None, "a4"),  # Latin America as a whole is not on Letter
        ("en", "US", "letter"),  # theme.locale: en_US
        ("en-US", "GB", "a4"),  # theme.locale's territory wins
    ],
)
def test_auto_paper_follows_the_region(language, territory, paper):
    assert paper_for("auto", language, territory) == paper


def test_a_paper_the_author_sets_wins_over_the_region():
    assert paper_for("a4", "en-US") == "a4"
    assert paper_for("letter", "de") == "letter"
    assert region_of("ja") is None


def test_an_unknown_paper_gives_one_message(tmp_path):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: A course\nextra:\n  course:\n    paper: a5\n", encoding="utf-8")
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))["extra"]["course"]
    course, messages = load_course_config(raw, str(config_file))
    assert messages == [
        "mkdocs.yml:4: extra.course.paper: Expected one of: ('auto', 'a4', 'letter') but received: 'a5'"
    ]


def test_the_paper_defaults_to_auto(tmp_path):
    course, messages = load_course_config({}, None)
    assert messages == []
    assert course.paper == "auto"


def every_page_size(pdf: Path) -> set[tuple[float, float]]:
    """Return the distinct page sizes of a PDF, in points."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True)
    return {(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)}


@pytest.mark.parametrize(
    ("language", "setting", "paper"),
    [("en", None, "a4"), ("en", "letter", "letter"), ("fr", "a4", "a4")],
)
def test_the_workbook_pdf_is_printed_on_the_paper(build_site, tmp_path, chromium_path, language, setting, paper):
    config = copy_fixture_course(tmp_path)
    text = config.read_text(encoding="utf-8").replace("  language: en\n", f"  language: {language}\n")
    if setting:
        text = text.replace("    pdf: !ENV", f"    paper: {setting}\n    pdf: !ENV")
    config.write_text(text, encoding="utf-8")
    site = build_site(config, COURSE_PDF="true", CHROMIUM=str(chromium_path))
    sizes = every_page_size(site / "workbook.pdf")
    width, height = POINTS[paper]
    assert len(sizes) == 1, f"pages of different sizes: {sizes}"
    (got_width, got_height), = sizes
    assert abs(got_width - width) < 1 and abs(got_height - height) < 1, f"{paper}: expected {width} x {height} pts, got {sizes}"
