"""The course's JS and CSS reach learners bundled and minified by esbuild; the sources in frontend/ stay readable.

The build serves the committed copies in scripts/build_assets.py's SERVED
folder as they are, so these tests are what keeps them in step with
frontend/: they build everything again with the pinned esbuild (`npm ci`
installs it) in a temporary folder and compare.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_assets.py"
REBUILD = "run `npm ci` once, then `make assets`, and commit the result"


def load_script():
    """scripts/build_assets.py as a module."""
    spec = importlib.util.spec_from_file_location("build_assets", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """Every served file built afresh from frontend/ into a temporary folder."""
    script = load_script()
    out = tmp_path_factory.mktemp("assets")
    try:
        script.build(out)
    except script.EsbuildMissing as error:
        pytest.fail(str(error), pytrace=False)
    except subprocess.CalledProcessError as error:
        pytest.fail(f"esbuild failed on frontend/ (exit {error.returncode}); its message is above", pytrace=False)
    return out


def test_every_served_asset_is_what_esbuild_makes_of_its_source(rebuilt):
    served = load_script().SERVED
    stale = sorted(
        path.name for path in rebuilt.iterdir()
        if not (served / path.name).is_file() or (served / path.name).read_bytes() != path.read_bytes()
    )
    assert not stale, f"{', '.join(stale)} in {served.relative_to(ROOT)} out of date with frontend/; {REBUILD}"


def test_nothing_is_served_from_the_assets_folder_without_a_source(rebuilt):
    served = load_script().SERVED
    on_disk = {path.name for path in served.iterdir() if path.suffix in {".js", ".css"}}
    assert on_disk == {path.name for path in rebuilt.iterdir()}, "remove served files whose source left frontend/"


def test_the_modules_become_one_renamed_script_that_loads_only_its_parts(rebuilt):
    bundle = (rebuilt / "course.js").read_text(encoding="utf-8")
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "frontend" / "course").glob("*.js"))
    assert "./storage.js" not in bundle, "course.js still imports a module it should hold"
    assert "function moduleProgress" in sources and "moduleProgress" not in bundle, "names were not shortened"
    assert "// " not in bundle, "comments were kept"
    assert len(bundle) < len(sources) / 2
    # What only some pages have is loaded with import() from a file next to course.js,
    # and a part may load a part of its own (a quiz, a fill-in-the-blank quiz).
    parts = set(re.findall(r'import\("\./([\w-]+\.js)"\)', bundle))
    assert {"dashboard.js", "progress-tools.js", "checkin.js", "quiz-summary.js", "quiz.js"} <= parts
    assert re.findall(r'import\("\./([\w-]+\.js)"\)', (rebuilt / "quiz.js").read_text(encoding="utf-8")) == ["blanks.js"]
    parts.add("blanks.js")
    for name in parts:
        part = (rebuilt / name).read_text(encoding="utf-8")
        assert not re.search(r"""\b(from|import)\s*["']\.{1,2}/""", part), f"{name} imports a module: it must hold what it uses"


def test_a_module_page_loads_no_part_it_does_not_have(rebuilt):
    bundle = (rebuilt / "course.js").read_text(encoding="utf-8")
    for only_home in ("exportFile", "course-export", "course-card"):
        assert only_home not in bundle, f"{only_home!r} (home page only) is in course.js, which every page loads"
    # A quiz's code waits until a quiz comes near the screen (near-screen.js).
    assert "course-quiz__submit" not in bundle and "IntersectionObserver" in bundle
    # A part saves through the course object, so none holds its own copy of storage.js.
    for name in ("quiz.js", "blanks.js", "checkin.js", "quiz-summary.js"):
        assert "backup-2" not in (rebuilt / name).read_text(encoding="utf-8"), f"{name} holds storage.js"


def test_material_s_small_scripts_keep_their_global_names(rebuilt):
    base = (rebuilt / "md-base.js").read_text(encoding="utf-8")
    for name in ("__md_scope=", "__md_hash=", "__md_get=", "__md_set="):
        assert name in base, f"md-base.js lost the global {name[:-1]} that Material's scripts call"
    # With "Leave this site" on, both <head> scripts come in one file, Material's helpers first.
    head = (rebuilt / "head.js").read_text(encoding="utf-8")
    assert head.startswith(base.strip()) and head.endswith((rebuilt / "leave-site.js").read_text(encoding="utf-8"))


def test_a_build_serves_the_minified_copies_as_they_are(fixture_site):
    served = fixture_site / "assets" / "course"
    for path in load_script().SERVED.glob("*.[jc]s*"):
        assert (served / path.name).read_bytes() == path.read_bytes()
