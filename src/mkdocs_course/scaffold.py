"""``mkdocs-course new DIR``: write a small working course to start from.

The files are package data under ``scaffold/``; names that would be hidden
in the package (``.github``, ``.gitignore``) are stored without their dot.
"""
from __future__ import annotations

from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Stored without the dot: setuptools leaves hidden files out of a wheel.
DOTTED = {"github": ".github", "gitignore": ".gitignore"}


class ScaffoldError(Exception):
    """The course cannot be written there (say why, and how to fix it)."""


def title_for(target: Path) -> str:
    """Return a course title from its folder's name: ``bread-course`` -> ``Bread course``."""
    words = target.resolve().name.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "My course"


def new_course(target: Path, title: str | None = None) -> list[Path]:
    """Write the scaffold into ``target`` (missing or empty); return the files written, sorted."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not empty; choose a new folder name")
    replacements = {"COURSE_TITLE": title or title_for(target), "MKDOCS_COURSE_VERSION": _version()}
    written = []
    root = resources.files("mkdocs_course") / "scaffold"
    for source, relative in _walk(root, ()):
        parts = [DOTTED.get(part, part) for part in relative]
        path = target.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for token, value in replacements.items():
            text = text.replace(token, value)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return sorted(written)


def _walk(folder, relative: tuple[str, ...]):
    """Yield each file under a package folder with its path parts."""
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry, (*relative, entry.name))
        else:
            yield entry, (*relative, entry.name)


def _version() -> str:
    """Return the installed engine's version (the scaffold's requirements.txt asks for it or later)."""
    try:
        return version("mkdocs-course")
    except PackageNotFoundError:
        return "0"
