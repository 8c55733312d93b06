"""Fixes to Material's own markup that no partial override can reach.

Material 9.8.1's ``base.html`` writes its drawer and search toggles as
``<input type="checkbox" ... autocomplete="off">``, outside any block or
partial, so only copying the whole base template could change them. The
attribute is invalid on a checkbox (the Nu HTML Checker reports it twice on
every page). It was there to keep Firefox from restoring a toggle's state on
reload; Material's JavaScript closes both toggles on every page load anyway.
Each fix is an exact replacement of Material's markup: when an upgrade of
Material changes it, nothing is replaced and ``tests/test_html_valid.py``
shows the errors again.
"""
from __future__ import annotations

MATERIAL_FIXES = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
)


def fix_material_markup(html: str) -> str:
    """Return a built page with Material's invalid toggle attributes left out."""
    for wrong, right in MATERIAL_FIXES:
        html = html.replace(wrong, right, 1)
    return html
