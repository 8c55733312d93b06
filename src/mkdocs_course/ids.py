"""Stable ids for quizzes and checklist items, derived from their text."""
from __future__ import annotations

import hashlib
import re

EXPLICIT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Markup characters, dropped (str.translate: no pattern to compile on every build).
_DROP_MARKUP = str.maketrans("", "", "*_`~[](){}#>!|\\")


def normalise(text: str) -> str:
    """Return text reduced to what a reader sees: lower case, no markup, single spaces."""
    text = _cut(text, ("](",), ")", "]")  # a link's address is not part of what a reader sees
    text = _cut(text, ("<", "\x02"), {"<": ">", "\x02": "\x03"}, " ")  # tags and stashed HTML
    # Dropped, not spaced: "**bread**?" must read like "bread?".
    text = text.translate(_DROP_MARKUP)
    return " ".join(text.split()).lower()


def _cut(text: str, openers: tuple[str, ...], closers: str | dict[str, str], replacement: str) -> str:
    """Replace each run from an opener to the first closer after it, leftmost first (as ``re.sub`` would).

    A loop, not a pattern such as ``<[^>]*>``: on a line of many ``<`` and no
    ``>`` that pattern is retried from every ``<``, which takes time
    quadratic in the line's length. Once an opener has no closer after it, no
    later one of that kind can have one either.
    """
    if not any(opener in text for opener in openers):
        return text
    out, position, spent = [], 0, set()
    while True:
        found = [(text.find(o, position), o) for o in openers if o not in spent]
        found = [(at, o) for at, o in found if at >= 0]
        if not found:
            break
        at, opener = min(found)
        closer = closers if isinstance(closers, str) else closers[opener]
        end = text.find(closer, at + len(opener))
        if end < 0:
            spent.add(opener)
            continue
        out.append(text[position:at])
        out.append(replacement)
        position = end + len(closer)
    out.append(text[position:])
    return "".join(out)


def derived_id(prefix: str, text: str) -> str:
    """Return ``prefix-`` plus 8 hex digits of the SHA-1 of the normalised text."""
    digest = hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{digest}"


def is_valid_id(value: str) -> bool:
    """Tell whether an author's explicit id can be used in HTML and storage keys."""
    return bool(EXPLICIT_ID.match(value))
