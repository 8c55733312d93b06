"""Stable ids for quizzes and checklist items, derived from their text."""
from __future__ import annotations

import hashlib
import re

EXPLICIT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]*>|\x02[^\x03]*\x03")
# Markup characters, dropped (str.translate: no pattern to compile on every build).
_DROP_MARKUP = str.maketrans("", "", "*_`~[](){}#>!|\\")


def normalise(text: str) -> str:
    """Return text reduced to what a reader sees: lower case, no markup, single spaces."""
    text = _LINK_TARGET.sub("]", text)  # a link's address is not part of what a reader sees
    text = _TAGS.sub(" ", text)
    # Dropped, not spaced: "**bread**?" must read like "bread?".
    text = text.translate(_DROP_MARKUP)
    return " ".join(text.split()).lower()


def derived_id(prefix: str, text: str) -> str:
    """Return ``prefix-`` plus 8 hex digits of the SHA-1 of the normalised text."""
    digest = hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{digest}"


def is_valid_id(value: str) -> bool:
    """Tell whether an author's explicit id can be used in HTML and storage keys."""
    return bool(EXPLICIT_ID.match(value))
