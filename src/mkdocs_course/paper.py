"""The workbook PDF's paper: A4 or US Letter, chosen by ``extra.course.paper``.

``auto`` (the default) follows the course's region: Letter where people print
on Letter (the United States, Canada, Mexico and the other regions Unicode
CLDR lists), A4 everywhere else. The region is the territory of MkDocs'
``theme.locale`` (``en_US``) when it has one, else the region part of
``theme.language`` (``es-MX``). A language alone (``en``, ``es``) names no
region, so it gets A4, the paper of most of the world: a course printed in the
United States or Canada sets ``paper: letter`` (or ``theme.locale: en_US``).
"""
from __future__ import annotations

import re

PAPERS = ("auto", "a4", "letter")
# CSS `@page size` names, and each paper's size in PDF points (1/72 inch).
CSS_SIZE = {"a4": "A4", "letter": "letter"}
POINTS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
# Regions whose default paper is US Letter: CLDR supplementalData.xml,
# <measurementData> <paperSize type="US-Letter">.
LETTER_REGIONS = frozenset({"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"})


def region_of(language: str | None, locale_territory: str | None = None) -> str | None:
    """Return the region a course is written for (``"US"``), or None when it names none."""
    if locale_territory:
        return locale_territory.upper()
    # A region is two letters or three digits after the language: en-US, es_MX, es-419 (not zh-Hant).
    match = re.match(r"^[A-Za-z]{2,3}[-_](?P<region>[A-Za-z]{2}|\d{3})(?:$|[-_])", language or "")
    return match.group("region").upper() if match else None


def paper_for(setting: str, language: str | None, locale_territory: str | None = None) -> str:
    """Return ``"a4"`` or ``"letter"`` for the ``paper`` setting and the course's language."""
    if setting in CSS_SIZE:
        return setting
    return "letter" if region_of(language, locale_territory) in LETTER_REGIONS else "a4"
