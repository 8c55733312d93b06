"""The course's JS and CSS reach learners minified; the sources stay readable."""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from mkdocs_course.assets import minify_assets


def test_the_course_assets_are_minified_as_written_and_nothing_else(tmp_path):
    def file(uri: str, text: str) -> File:
        path = tmp_path / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return File(uri, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)

    js = "// a comment\nconst  answer = 42 ;\n"
    files = Files(
        [
            file("assets/course/course.js", js),
            file("assets/course/course.css", "/* note */\n.a  { color : red; }\n"),
            file("assets/other.js", js),
        ]
    )
    done = minify_assets(files)
    assert [f.src_uri for f in done] == ["assets/course/course.js", "assets/course/course.css"]
    assert files.get_file_from_path("assets/course/course.js").content_string == "const answer=42;"
    assert files.get_file_from_path("assets/course/course.css").content_string == ".a{color:red}"
    assert files.get_file_from_path("assets/other.js").content_string == js  # not the course's: left alone
