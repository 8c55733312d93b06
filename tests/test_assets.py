"""The course's JS and CSS reach learners minified; the sources in frontend/ stay readable.

The build serves the copies in src/mkdocs_course/theme/assets/course/ as they are, so these
tests are what keeps them in step with frontend/ (``make assets`` writes them).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_assets.py"


def load_script():
    spec = importlib.util.spec_from_file_location("build_assets", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_served_asset_is_its_source_minified():
    built = load_script().built_assets()
    stale = [
        str(path.relative_to(ROOT))
        for path, text in built.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"{', '.join(stale)} out of date with frontend/; run `make assets` and commit the result"


def test_nothing_is_served_from_the_assets_folder_without_a_source():
    script = load_script()
    served = {path for path in script.BUILT.iterdir() if path.suffix in script.MINIFIERS}
    assert served == set(script.built_assets()), "remove served files whose source left frontend/"


def test_minifying_drops_comments_and_white_space_only(tmp_path, monkeypatch):
    script = load_script()
    monkeypatch.setattr(script, "SOURCES", tmp_path / "frontend")
    monkeypatch.setattr(script, "BUILT", tmp_path / "built")
    script.SOURCES.mkdir()
    (script.SOURCES / "a.js").write_text("// a comment\nconst  answer = 42 ;\n", encoding="utf-8")
    (script.SOURCES / "b.css").write_text("/* note */\n.a  { color : red; }\n", encoding="utf-8")
    (script.SOURCES / "notes.txt").write_text("not an asset", encoding="utf-8")
    assert script.main() == 0
    assert (script.BUILT / "a.js").read_text(encoding="utf-8") == "const answer=42;"
    assert (script.BUILT / "b.css").read_text(encoding="utf-8") == ".a{color:red}"
    assert sorted(path.name for path in script.BUILT.iterdir()) == ["a.js", "b.css"]


def test_a_build_serves_the_minified_copies_as_they_are(fixture_site):
    served = fixture_site / "assets" / "course"
    for path in (ROOT / "src" / "mkdocs_course" / "theme" / "assets" / "course").glob("*.[jc]s*"):
        assert (served / path.name).read_bytes() == path.read_bytes()
