"""The Content-Security-Policy every page carries in a ``<meta>`` tag.

A course sets it with the ``csp`` option: on by default with the policy
below, ``false`` to drop it (a course that embeds a video or analytics), or
a policy string of its own. Pure, so that another mode (``serving`` for the
live-reload preview) is one more argument rather than another code path.
"""
from __future__ import annotations

# Everything the engine and Material serve comes from the site itself; styles
# may be inline because Material sets some in its templates; images and fonts
# may be data: URLs because Material's icons and fonts are.
DEFAULT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; object-src 'none'; base-uri 'self'"
)


def content_security_policy(setting: bool | str, *, serving: bool = False) -> str:
    """Return the policy a page's ``<meta>`` carries for the ``csp`` setting ('' for none).

    ``True`` gives ``DEFAULT_POLICY``, ``False`` none, a string that policy
    as the author wrote it (surrounding space trimmed). ``serving`` is the
    preview of ``mkdocs serve``; it changes nothing yet.
    """
    if setting is True:
        return DEFAULT_POLICY
    if setting is False:
        return ""
    return " ".join(str(setting).split())
