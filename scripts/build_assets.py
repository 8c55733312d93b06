"""Write the course's served JavaScript and CSS from their readable sources with esbuild.

    python scripts/build_assets.py          (or: make assets; needs `npm ci` once)

``frontend/`` holds the sources people read and edit: ``frontend/course/`` is
course.js as small ES modules (``main.js`` is the entry), ``course.css`` the
stylesheet, ``md-*.js`` Material's small inline scripts moved into files for
the Content-Security-Policy. esbuild (pinned in package.json, installed by
``npm ci`` into node_modules/) bundles the modules and minifies everything,
renaming and compressing, as Material builds its bundles from its TypeScript.

What every page runs is one file, ``course.js``. A part that only some pages
have (the dashboard, the progress tools) is a module that ``main.js`` loads
with ``import("./part.js")``: esbuild leaves that import as it is, and each
such part is bundled into a file of its own next to course.js, with its own
copy of the small helpers it uses. The helpers hold no state (that is all on
the one ``course`` object the part is handed), so a copy is harmless, and a
module page is spared both the part's code and the cost of shared chunks
(esbuild's code splitting would move every helper into chunks of their own,
one more download each; measured, that cost more than the parts it saves). The theme serves the copies this writes to ``SERVED``; they are
committed, so building the course needs no Node. tests/test_assets.py builds
them again in a temporary folder and fails, naming this command, when a
committed copy differs.
"""
from __future__ import annotations

import re
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
# The stylesheet of every page; bundled, as it @imports files of frontend/course/ (leave-site.css).
STYLESHEET = SOURCES / "course.css"
# How main.js loads a part only where the page has one: import("./part.js").
PART_IMPORT = re.compile(r"""\bimport\(\s*["']\./([\w-]+\.js)["']\s*\)""")
# Browsers the course supports; esbuild rewrites nothing they understand.
TARGETS = "es2022,chrome111,edge111,firefox114,safari16.4"
# Same output on every machine: no source maps, no legal comments, UTF-8 kept as is.
COMMON_FLAGS = ["--minify", f"--target={TARGETS}", "--charset=utf8", "--legal-comments=none", "--log-level=warning"]


# Served files made by joining minified ones, in this order (the theme's
# partials/javascripts/base.html links head.js, or md-base.js alone when the
# course has "Leave this site" off).
JOINED = {"head.js": ("md-base.js", "leave-site.js")}


class EsbuildMissing(RuntimeError):
    """esbuild is not installed in node_modules/."""


def standalone_sources() -> list[Path]:
    """The files minified one by one (not bundled): the pages' own stylesheets, leave-site.js and Material's small scripts."""
    return sorted(path for path in SOURCES.iterdir() if path.suffix in {".js", ".css"} and path != STYLESHEET)


def parts() -> list[Path]:
    """The modules course.js loads with ``import()`` (main.js, quiz.js ...), each served as a file of its own."""
    names = sorted({name for path in BUNDLE_ENTRY.parent.glob("*.js") for name in PART_IMPORT.findall(path.read_text(encoding="utf-8"))})
    return [BUNDLE_ENTRY.parent / name for name in names]


def served_names() -> set[str]:
    """The names of every file this script writes."""
    return {BUNDLE_NAME, STYLESHEET.name, *JOINED, *(path.name for path in parts()), *(path.name for path in standalone_sources())}


def build(out_dir: Path) -> None:
    """Write every served file into ``out_dir``; raise EsbuildMissing or CalledProcessError."""
    if not ESBUILD.is_file():
        raise EsbuildMissing(f"{ESBUILD.relative_to(ROOT)} not found; run `npm ci` (Node 20 or later), then `make assets`")
    out_dir.mkdir(parents=True, exist_ok=True)
    loaded_later = parts()
    clash = {path.name for path in loaded_later} & {path.name for path in standalone_sources()}
    if clash:
        raise ValueError(f"{', '.join(sorted(clash))}: a part of course.js has the name of a file in frontend/; rename one")
    # One module script for every page; its parts' imports stay for the browser to follow (same origin: the CSP allows them).
    externals = [f"--external:./{path.name}" for path in loaded_later]
    run([str(BUNDLE_ENTRY), "--bundle", "--format=esm", *externals, f"--outfile={out_dir / BUNDLE_NAME}"])
    # Each part: one module script of its own, which keeps its exported names (main.js calls them by name);
    # a part that loads another (quiz.js, blanks.js) leaves that import to the browser too.
    if loaded_later:
        run([*map(str, loaded_later), "--bundle", "--format=esm", *externals, f"--outdir={out_dir}"])
    run([str(STYLESHEET), "--bundle", f"--outfile={out_dir / STYLESHEET.name}"])
    # md-*.js (classic scripts that set globals) and leave-site.js (classic, in <head>): minified as they are, never wrapped.
    run([*map(str, standalone_sources()), f"--outdir={out_dir}"])
    # Every page with "Leave this site" runs both scripts in <head>: one file, one request, one gzip stream.
    for name, scripts in JOINED.items():
        (out_dir / name).write_text(";\n".join((out_dir / script).read_text(encoding="utf-8").strip() for script in scripts) + "\n", encoding="utf-8")


def run(arguments: list[str]) -> None:
    """Run esbuild with ``arguments`` and the common flags."""
    subprocess.run([str(ESBUILD), *arguments, *COMMON_FLAGS], check=True, cwd=ROOT)


def main() -> int:
    """Build into a temporary folder, copy each file that differs from the served one, remove what is no longer built."""
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
        for target in sorted(SERVED.iterdir()):
            if target.suffix in {".js", ".css"} and not (built / target.name).is_file():
                target.unlink()
                print(f"removed {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
