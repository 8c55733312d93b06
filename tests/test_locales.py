"""The UI's words in every language: complete, with the same placeholders, and chosen by theme.language.

`src/mkdocs_course/locales/en.json` is the reference. When a new English key
lands without its translations, the failure names each file and the keys it
lacks, so they can be filled in at merge.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers.build import copy_fixture_course

from mkdocs_course.strings import STRINGS, locale_for, strings_for

LOCALES = Path(__file__).resolve().parents[1] / "src" / "mkdocs_course" / "locales"
REQUIRED = ("en", "de", "es", "fr", "it", "nl", "pt", "pl", "sv", "nb", "ja", "zh", "ar")
PLACEHOLDER = re.compile(r"\{\w+\}")


def placeholders(text: str) -> list[str]:
    """Return the sorted ``{name}`` placeholders of a string (repeats kept)."""
    return sorted(PLACEHOLDER.findall(text))


def read_locale(path: Path) -> dict[str, object]:
    """Read one locale file as a JSON object."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: must be one JSON object of key: string"
    return data


def test_the_twelve_languages_and_english_are_shipped():
    shipped = sorted(path.stem for path in LOCALES.glob("*.json"))
    assert set(REQUIRED) <= set(shipped), f"missing locale files: {sorted(set(REQUIRED) - set(shipped))}"
    assert set(shipped) == set(STRINGS), "strings.py loads exactly the files in locales/"


def test_every_language_has_every_english_key_with_the_same_placeholders():
    english = read_locale(LOCALES / "en.json")
    problems = []
    for path in sorted(LOCALES.glob("*.json")):
        if path.stem == "en":
            continue
        words = read_locale(path)
        where = f"src/mkdocs_course/locales/{path.name}"
        missing = [key for key in english if key not in words]
        if missing:
            problems.append(f"{where} lacks {len(missing)} key(s) of en.json: {', '.join(missing)}")
        unknown = [key for key in words if key not in english]
        if unknown:
            problems.append(f"{where} has key(s) en.json does not: {', '.join(unknown)}")
        for key, text in words.items():
            if key not in english:
                continue
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: {key} must be a non-empty string")
            elif placeholders(text) != placeholders(english[key]):
                problems.append(
                    f"{where}: {key} has placeholders {placeholders(text)}, en.json has {placeholders(english[key])}"
                )
    assert not problems, "\n".join(problems)


def test_english_strings_are_non_empty_and_written_as_data_only():
    english = read_locale(LOCALES / "en.json")
    assert english, "en.json is empty"
    assert all(isinstance(text, str) and text.strip() for text in english.values())
    source = (LOCALES.parent / "strings.py").read_text(encoding="utf-8")
    assert '"quiz.submit":' not in source, "UI words belong in locales/*.json, not in strings.py"


def test_theme_language_picks_the_file_and_falls_back_to_english():
    assert strings_for("de")["quiz.submit"] == "Antwort prüfen"
    assert strings_for("ar")["module.next"] == "التالي"
    # A region falls back to its language, in either spelling.
    assert locale_for("pt-BR") == "pt"
    assert locale_for("zh_TW") == "zh"
    assert strings_for("fr-CA")["quiz.retry"] == "Réessayer"
    # A language with no file shows English, whole.
    assert locale_for("ko") == "en"
    assert strings_for("ko") == STRINGS["en"]
    # The author's own words win over the language's.
    assert strings_for("de", {"quiz.submit": "Prüfen"})["quiz.submit"] == "Prüfen"


def test_a_key_missing_from_a_language_shows_in_english(monkeypatch):
    partial = {key: text for key, text in STRINGS["de"].items() if key != "quiz.show"}
    monkeypatch.setitem(STRINGS, "de", partial)
    strings = strings_for("de")
    assert strings["quiz.show"] == STRINGS["en"]["quiz.show"]
    assert strings["quiz.submit"] == "Antwort prüfen"


def test_a_course_in_german_shows_the_engine_words_in_german(build_site, tmp_path):
    config = copy_fixture_course(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  language: en\n", "  language: de\n"), encoding="utf-8")
    site = build_site(config)
    module = (site / "basics" / "listening" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in module
    for key in ("quiz.show", "module.objectives", "module.mark_read", "module.pager"):
        assert STRINGS["de"][key] in module, f"{key} is not in German on the module page"
    for english in ("Show answer", "In this module you will", "Mark as read"):
        assert english not in module, f"{english!r} is still in English on the German module page"
