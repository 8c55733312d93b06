"""The "Leave this site" control: a quick way out for a learner whose screen may be watched.

After GOV.UK's "Exit this page" component: a button-styled link to a neutral
site, which works without JavaScript; ``leave-site.js`` blanks the page, leaves
with ``location.replace`` (so Back does not return) and also leaves on three
presses of Shift, said in the live region. The core gives the HTML to every
template, and ``theme/partials/header.html`` puts it in Material's header:
the header is on every page (generated ones and the 404 page too), stays in
view as the learner scrolls, covers no content and is kept across instant
navigation, so the script wires it once.
"""
from __future__ import annotations

from html import escape

DEFAULT_URL = "https://www.bbc.co.uk/weather"
"""Where the control goes unless the course says otherwise: GOV.UK's default.

A weather page is one anyone might open, shows nothing personal and says
nothing about the person reading it; GOV.UK chose BBC Weather with people who
have lived with domestic abuse.
"""


def control(url: str, strings: dict[str, str]) -> str:
    """Return the control's HTML: the link, and the live region leave-site.js fills.

    The words leave-site.js says are ``data-`` attributes here, so it needs
    nothing from course.js or the page data.
    """
    words = {"pressed": "leave.pressed", "reset": "leave.reset", "loading": "leave.loading"}
    data = "".join(f' data-{name}="{escape(strings[key])}"' for name, key in words.items())
    return (
        f'<div class="course-leave" data-course-leave{data}>'
        f'<a class="course-leave__link" href="{escape(url)}" rel="noreferrer">{escape(strings["leave.link"], quote=False)}</a>'
        '<span class="course-leave__status" role="status"></span>'
        "</div>"
    )
