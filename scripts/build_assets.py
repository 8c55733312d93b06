"""Write the course's served JavaScript and CSS from their readable sources with esbuild.

    python scripts/build_assets.py          (or: make assets; needs `npm ci` once)

``frontend/`` holds the sources people read and edit: ``frontend/course/`` is
course.js as small ES modules (``main.js`` is the entry), ``course.css`` the
stylesheet, ``md-*.js`` Material's small inline scripts moved into files for
the Content-Security-Policy. esbuild (pinned in package.json, installed by
``npm ci`` into node_modules/) bundles the modules into one file and minifies
everything, renaming and compressing, as Material builds its bundles from its
TypeScript. The theme serves the copies this writes to ``SERVED``; they are
committed, so building the course needs no Node. tests/test_assets.py builds
them again in a temporary folder and fails, naming this command, when a
committed copy differs.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "frontend"
# Where the theme serves the built files from: the one place to change when they move.
SERVED = ROOT / "src" / "mkdocs_course" / "theme" / "assets" / "course"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"

BUNDLE_ENTRY = SOURCES / "course" / "main.js"
BUNDLE_NAME = "course.js"
# Browsers the course supports; esbuild rewrites nothing they understand.
TARGETS = "es2022,chrome111,edge111,firefox114,safari16.4"
# Same output on every machine: no source maps, no legal comments, UTF-8 kept as is.
COMMON_FLAGS = ["--minify", f"--target={TARGETS}", "--charset=utf8", "--legal-comments=none", "--log-level=warning"]


class EsbuildMissing(RuntimeError):
    """esbuild is not installed in node_modules/."""


def standalone_sources() -> list[Path]:
    """The files minified one by one (not bundled): the stylesheets, leave-site.js and Material's small scripts."""
    return sorted(path for path in SOURCES.iterdir() if path.suffix in {".js", ".css"})


def served_names() -> set[str]:
    """The names of every file this script writes."""
    return {BUNDLE_NAME, *(path.name for path in standalone_sources())}


def build(out_dir: Path) -> None:
    """Write every served file into ``out_dir``; raise EsbuildMissing or CalledProcessError."""
    if not ESBUILD.is_file():
        raise EsbuildMissing(f"{ESBUILD.relative_to(ROOT)} not found; run `npm ci` (Node 20 or later), then `make assets`")
    out_dir.mkdir(parents=True, exist_ok=True)
    # One module script: the modules become one file, with no import left for the CSP to allow.
    run([str(BUNDLE_ENTRY), "--bundle", "--format=esm", f"--outfile={out_dir / BUNDLE_NAME}"])
    # md-*.js (classic scripts that set globals) and leave-site.js (classic, in <head>): minified as they are, never wrapped.
    run([*map(str, standalone_sources()), f"--outdir={out_dir}"])


def run(arguments: list[str]) -> None:
    """Run esbuild with ``arguments`` and the common flags."""
    subprocess.run([str(ESBUILD), *arguments, *COMMON_FLAGS], check=True, cwd=ROOT)


def main() -> int:
    """Build into a temporary folder, then copy each file that differs from the served one."""
    with tempfile.TemporaryDirectory() as temporary:
        built = Path(temporary)
        try:
            build(built)
        except EsbuildMissing as error:
            print(error, file=sys.stderr)
            return 1
        SERVED.mkdir(parents=True, exist_ok=True)
        for path in sorted(built.iterdir()):
            target = SERVED / path.name
            if not target.is_file() or target.read_bytes() != path.read_bytes():
                shutil.copyfile(path, target)
                print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
