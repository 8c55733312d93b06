"""``build_course`` orders modules, builds the manifest and reports course-wide mistakes.

Each mistake gives one message naming the file and the line of the key at
fault; one mistake never causes a second, misleading message elsewhere.
"""
from __future__ import annotations

import pytest

from mkdocs_course.config import CourseConfig, load_course_config
from mkdocs_course.ids import derived_id
from mkdocs_course.model import MANIFEST_VERSION, PageSource, build_course, page_url


@pytest.fixture
def config() -> CourseConfig:
    """Two sections, validated the way the hooks validate mkdocs.yml."""
    course, messages = load_course_config(
        {
            "sections": [
                {"id": "basics", "title": "The basics", "label": "Step"},
                {"id": "extras", "title": "Extras"},
            ]
        },
        None,
    )
    assert messages == []
    return course


def module(order: object, section: str = "basics", title: str = "", extra: str = "", body: str = "") -> str:
    """Return a module page; ``order`` is on line 4, ``extra`` lines start at line 8."""
    return (
        f"---\ntitle: {title or f'Module {order}'}\nsection: {section}\norder: {order}\n"
        f"summary: What you will do.\nminutes: 10\nobjectives: [Do one thing, Do another]\n{extra}---\n\n"
        f"# Module\n\n{body}"
    )


def build(config: CourseConfig, pages: dict[str, str], **options):
    """Build a course from {src_uri: text}; messages show paths as docs/<src_uri>."""
    sources = [PageSource(uri, f"docs/{uri}", text) for uri, text in pages.items()]
    return build_course(sources, config, site_name="Trust", namespace="/trust/", **options)


def test_modules_are_ordered_by_section_then_order(config):
    course, problems = build(
        config,
        {
            "z/first.md": module(1),
            "a/second.md": module(2),
            "extra.md": module(1, "extras"),
            "index.md": "# Home\n",
        },
    )
    assert problems == []
    assert [(m.id, m.section, m.position, m.of) for m in course.modules] == [
        ("z/first", "basics", 1, 2),
        ("a/second", "basics", 2, 2),
        ("extra", "extras", 1, 1),
    ]
    first, second, extra = course.modules
    assert (first.previous, first.next) == (None, second)
    assert (second.previous, second.next) == (first, extra)
    assert (extra.previous, extra.next) == (second, None)
    assert course.module_for("index.md") is None
    assert course.module_for("extra.md") is extra
    assert first.label == "Step" and extra.label == "Module"


def test_manifest_lists_modules_with_their_checklist_quiz_and_reflection_ids(config):
    body = (
        "- [ ] Call your partner\n- [ ] Plan a walk {#walk}\n\n<quiz>\nReady?\n- [x] Yes\n- [ ] No\n</quiz>\n\n"
        "<reflection>\nWhat helps you unwind?\n</reflection>\n\n<reflection id=\"phones\" plan=\"Our phone rule\">\nWhen do phones go away?\n</reflection>\n"
    )
    course, problems = build(config, {"steps/one.md": module(1, title="Open communication", body=body)})
    assert problems == []
    assert course.manifest() == {
        "version": MANIFEST_VERSION,
        "id": "/trust/",
        "title": "Trust",
        "completion": ["read", "checklist", "quizzes"],
        "sections": [
            {"id": "basics", "title": "The basics", "label": "Step"},
            {"id": "extras", "title": "Extras", "label": "Module"},
        ],
        "modules": [
            {
                "id": "steps/one",
                "url": "steps/one/",
                "title": "Open communication",
                "section": "basics",
                "position": 1,
                "of": 1,
                "minutes": 10,
                "summary": "What you will do.",
                "checklist": [derived_id("c", "Call your partner"), "walk"],
                "quizzes": [derived_id("q", "Ready?")],
                "reflections": [derived_id("r", "What helps you unwind?"), "phones"],
            }
        ],
    }


def test_course_id_overrides_the_namespace(config):
    config.id = "trust-course"
    course, _ = build(config, {})
    assert course.namespace == "trust-course"


def test_front_matter_id_is_the_module_id(config):
    course, problems = build(config, {"steps/one.md": module(1, extra="id: listening\n")})
    assert problems == []
    assert course.modules[0].id == "listening"


def test_module_body_starts_after_the_front_matter(config):
    course, _ = build(config, {"one.md": module(1, body="## Try this week\n\nPut the phone away.\n\n## Next\n")})
    assert course.modules[0].body.startswith("# Module")  # where MkDocs starts it: blank lines dropped
    assert course.modules[0].section_markdown("Try this week") == "Put the phone away."
    assert course.modules[0].section_markdown("Missing") == ""


def test_front_matter_problems_name_the_file(config):
    _, problems = build(config, {"one.md": module(1).replace("minutes: 10", "minutes: ten")})
    assert problems == ["docs/one.md:6: `minutes` must be a whole number above 0, not `ten`"]


def test_duplicate_order_in_a_section(config):
    _, problems = build(config, {"a.md": module(1), "b.md": module(1), "c.md": module(1, "extras")})
    assert problems == ["docs/b.md:4: order 1 in section 'basics' is also used by docs/a.md; give each module its own number"]


def test_gap_in_a_section(config):
    _, problems = build(config, {"a.md": module(1), "b.md": module(3)})
    assert problems == [
        "docs/b.md:4: section 'basics' has no module with order 2; number the modules 1, 2, 3 ... without gaps"
    ]


def test_wide_gap_names_the_range(config):
    _, problems = build(config, {"a.md": module(1), "b.md": module(5)})
    assert problems == [
        "docs/b.md:4: section 'basics' has no module with order 2-4; number the modules 1, 2, 3 ... without gaps"
    ]


def test_section_not_starting_at_one(config):
    _, problems = build(config, {"a.md": module(2)})
    assert problems == [
        "docs/a.md:4: section 'basics' has no module with order 1; number the modules 1, 2, 3 ... without gaps"
    ]


def test_gaps_are_counted_per_section(config):
    _, problems = build(config, {"a.md": module(1), "b.md": module(2), "c.md": module(1, "extras")})
    assert problems == []


def test_duplicate_module_ids(config):
    _, problems = build(
        config, {"a.md": module(1, extra="id: same\n"), "b.md": module(2, extra="id: same\n")}
    )
    assert problems == ["docs/b.md:8: module id `same` is already used by docs/a.md; give this module its own `id`"]


def test_front_matter_id_clashing_with_another_module_path(config):
    _, problems = build(config, {"steps/one.md": module(1), "zz.md": module(2, extra="id: steps/one\n")})
    assert problems == [
        "docs/zz.md:8: module id `steps/one` is already used by docs/steps/one.md; give this module its own `id`"
    ]


def test_a_module_left_out_for_a_mistake_does_not_also_leave_a_gap(config):
    # Regression: a typo in module 1 also gave "section 'basics' has no module with order 1" for module 2.
    _, problems = build(config, {"a.md": module(1).replace("minutes: 10", "minutes: ten"), "b.md": module(2)})
    assert problems == ["docs/a.md:6: `minutes` must be a whole number above 0, not `ten`"]


def test_a_module_in_a_misspelt_section_does_not_also_leave_a_gap(config):
    _, problems = build(config, {"a.md": module(1, "basic"), "b.md": module(2)})
    assert problems == ["docs/a.md:3: section `basic` is not defined; did you mean `basics`?"]


def test_a_module_left_out_for_a_duplicate_id_does_not_also_leave_a_gap(config):
    _, problems = build(
        config,
        {"a.md": module(1, extra="id: same\n"), "b.md": module(2, extra="id: same\n"), "c.md": module(3)},
    )
    assert problems == ["docs/b.md:8: module id `same` is already used by docs/a.md; give this module its own `id`"]


def test_syntax_problems_are_left_to_the_markdown_extensions(config):
    # They are reported while each page renders, with its line; reporting here too would say it twice.
    body = "<quiz>\nWhich?\n- [ ] a\n- [ ] b\n</quiz>\n"
    course, problems = build(config, {"a.md": module(1, body=body)})
    assert problems == []
    assert course.modules[0].quizzes == []


def test_ui_strings_follow_language_and_overrides(config):
    config.strings = {"quiz.submit": "Prüfen"}
    course, _ = build(config, {}, language="fr-CA")
    assert course.strings["quiz.submit"] == "Prüfen"
    assert course.strings["quiz.retry"] == "Réessayer"


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("steps/index.md", True, "steps/"),
        ("steps/one.md", True, "steps/one/"),
        ("steps/one.md", False, "steps/one.html"),
        ("README.md", True, ""),
        ("steps/README.md", True, "steps/"),
        # Regression: index pages got "steps/", a folder, which a site opened from disk cannot show.
        ("index.md", False, "index.html"),
        ("steps/index.md", False, "steps/index.html"),
        ("steps/README.md", False, "steps/index.html"),
    ],
)
def test_page_url_matches_mkdocs(src_uri, directory_urls, url):
    assert page_url(src_uri, directory_urls) == url
