"""Words shown to learners, per language, with the author's overrides on top.

Keys are shared by the server-rendered HTML and ``course.js``. The words are
data, one file per language in ``locales/<language>.json`` (``en.json`` is the
reference: every other file has its keys and, in each string, the same
``{name}`` placeholders; ``tests/test_locales.py`` checks it), so translators
edit JSON, not Python. A course sets ``extra.course.strings`` in
``mkdocs.yml`` to change any of them; the language follows ``theme.language``:
``pt-BR`` uses ``pt-BR.json`` if there is one, else ``pt.json``, else English.
A language with no file, and any key a file lacks, shows in English.
"""
from __future__ import annotations

import json
from importlib import resources

FALLBACK = "en"


def _load_locales() -> dict[str, dict[str, str]]:
    """Read every ``locales/*.json`` shipped with the package, keyed by language code."""
    folder = resources.files(__package__) / "locales"
    return {
        entry.name.removesuffix(".json"): json.loads(entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".json")
    }


STRINGS: dict[str, dict[str, str]] = _load_locales()
"""Every language's strings, e.g. ``STRINGS["fr"]["quiz.submit"]``; read once, at import."""


def locale_for(language: str) -> str:
    """Return the locale file's code for ``theme.language`` (``zh-TW`` → ``zh-TW`` or ``zh``), or English."""
    code = (language or FALLBACK).replace("_", "-")
    for candidate in (code, code.split("-")[0]):
        match = next((known for known in STRINGS if known.lower() == candidate.lower()), None)
        if match:
            return match
    return FALLBACK


def strings_for(language: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Return every UI string in ``language`` (English where missing), with overrides applied."""
    base = dict(STRINGS[FALLBACK])
    code = locale_for(language)
    if "-" in code:  # a regional file (pt-BR) sits on its language's (pt)
        base.update(STRINGS.get(code.split("-")[0], {}))
    base.update(STRINGS[code])
    base.update(overrides or {})
    return base


def fill(template: str, **values: object) -> str:
    """Fill the ``{name}`` placeholders of a UI string; an author's string may leave any out, or hold other braces."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
