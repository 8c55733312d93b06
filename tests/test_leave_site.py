""""Leave this site": its settings in mkdocs.yml and the HTML the engine renders for it.

The browser side is in test_browser_leave_site.py.
"""
from __future__ import annotations

from html.parser import HTMLParser

from test_config import SECTIONS, load

from mkdocs_course.config import load_course_config
from mkdocs_course.leave_site import DEFAULT_URL, control
from mkdocs_course.strings import strings_for


def test_it_is_off_unless_a_course_turns_it_on_and_goes_to_bbc_weather_by_default(tmp_path):
    course, messages = load(tmp_path, SECTIONS)
    assert messages == []
    assert course.leave_site is False
    assert course.leave_site_url == DEFAULT_URL == "https://www.bbc.co.uk/weather"


def test_a_course_turns_it_on_and_chooses_where_it_goes(tmp_path):
    course, messages = load(tmp_path, SECTIONS + "    leave_site: true\n    leave_site_url: https://www.metoffice.gov.uk/\n")
    assert messages == []
    assert course.leave_site is True
    assert course.leave_site_url == "https://www.metoffice.gov.uk/"


def test_a_destination_that_is_not_a_web_address_names_its_line_and_falls_back_to_the_default(tmp_path):
    for wrong in ("www.bbc.co.uk/weather", "javascript:alert(1)", "/weather", "https://", "https://bbc.co.uk/a b"):
        course, messages = load(tmp_path, SECTIONS + f"    leave_site: true\n    leave_site_url: '{wrong}'\n")
        assert messages == [
            f"mkdocs.yml:11: extra.course.leave_site_url must be a web address starting with https://, not '{wrong}'; "
            "for example: leave_site_url: https://www.bbc.co.uk/weather"
        ]
        assert course.leave_site_url == DEFAULT_URL  # a served preview still leads somewhere safe


def test_wrong_types_give_one_message_each(tmp_path):
    _, messages = load(tmp_path, SECTIONS + "    leave_site: sometimes\n")
    assert messages == ["mkdocs.yml:10: extra.course.leave_site: Expected type: <class 'bool'> but received: <class 'str'>"]
    course, messages = load(tmp_path, SECTIONS + "    leave_site_url: 42\n")
    assert messages == ["mkdocs.yml:10: extra.course.leave_site_url: Expected type: <class 'str'> but received: <class 'int'>"]
    assert course.leave_site_url == DEFAULT_URL


def test_a_misspelt_setting_suggests_the_right_one():
    _, messages = load_course_config({"leave_sight": True}, None)
    assert messages == ["mkdocs.yml:1: extra.course has no setting 'leave_sight'; did you mean 'leave_site'?"]


class _Parts(HTMLParser):
    """Each start tag's name and attributes, and the text, of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def parts(html: str) -> _Parts:
    parser = _Parts()
    parser.feed(html)
    return parser


def test_the_control_is_a_plain_link_without_a_referrer_and_an_empty_live_region():
    html = control(DEFAULT_URL, strings_for("en"))
    assert html == (
        '<div class="course-leave" data-course-leave data-pressed="Shift pressed {count} of 3 times"'
        ' data-reset="Shift presses reset" data-loading="Loading">'
        '<a class="course-leave__link" href="https://www.bbc.co.uk/weather" rel="noreferrer">Leave this site</a>'
        '<span class="course-leave__status" role="status"></span></div>'
    )


def test_the_control_speaks_the_sites_language_and_the_authors_words():
    french = parts(control(DEFAULT_URL, strings_for("fr")))
    assert french.text == "Quitter ce site"
    assert french.tags[0][1]["data-pressed"] == "Touche Maj appuyée {count} fois sur 3"
    own = parts(control(DEFAULT_URL, strings_for("en", {"leave.link": "Quick exit"})))
    assert own.text == "Quick exit"


def test_addresses_and_words_are_escaped():
    html = control('https://example.org/?a=1&b="2"', strings_for("en", {"leave.link": "<Go>", "leave.loading": '"'}))
    tags = parts(html).tags
    assert tags[1] == ("a", {"class": "course-leave__link", "href": 'https://example.org/?a=1&b="2"', "rel": "noreferrer"})
    assert tags[0][1]["data-loading"] == '"'
    assert parts(html).text == "<Go>"
