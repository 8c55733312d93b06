"""Write the course's minified JavaScript and CSS from their readable sources.

    python scripts/build_assets.py          (or: make assets)

``frontend/`` holds the sources people read and edit; the theme serves the
minified copies this writes to ``src/mkdocs_course/theme/assets/course/``, as Material
ships built bundles from its sources. Minifying here rather than in every
build keeps two C libraries out of each build's start-up and the minifiers
out of the runtime dependencies. rjsmin and rcssmin only drop comments and
white space, so the code that runs is the code that was reviewed;
tests/test_assets.py fails, naming this command, when a copy is stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

import rcssmin
import rjsmin

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "frontend"
BUILT = ROOT / "src" / "mkdocs_course" / "theme" / "assets" / "course"
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def built_assets() -> dict[Path, str]:
    """Return each served file's path and the minified text its source gives."""
    return {
        BUILT / source.name: MINIFIERS[source.suffix](source.read_text(encoding="utf-8"))
        for source in sorted(SOURCES.iterdir())
        if source.suffix in MINIFIERS
    }


def main() -> int:
    """Write every minified asset that differs from its source's minified text."""
    BUILT.mkdir(parents=True, exist_ok=True)
    for path, text in built_assets().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
