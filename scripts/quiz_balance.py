"""Report whether the course's quizzes can be passed without reading the course.

    .venv/bin/python scripts/quiz_balance.py [DOCS_DIR] [-f mkdocs.yml]

Every module is read through the engine's own course model and quiz scanner
(``mkdocs_course.model.build_course``, ``mkdocs_course.syntax``), so the
figures describe exactly the quizzes learners see. For each kind of quiz
(single choice, "choose all that apply") it prints:

- where the right answer sits (option 1, 2, 3 ...);
- how often the right option is the longest one, and the shortest;
- the score of a learner who never reads the module and always picks the
  longest option, the shortest, or always the first, next to the score of
  blind chance;
- for "choose all that apply", how often the first option is right;
- how often right and wrong options use absolute words ("always", "never" ...),
  and the score of a learner who avoids, or picks, such options;
- which module objectives no quiz, reflection or check-in assesses.

**Marking what an activity assesses.** An HTML comment on the line right
above a quiz (or a reflection or check-in block) names the objectives it
assesses, by their number in the front matter's ``objectives`` list::

    <!-- assesses: 2 -->
    <quiz>
    ...

``<!-- assesses: 1, 3 -->`` names two. The comment is invisible on the page
and in any Markdown viewer, and it sits outside the quiz, so it changes
neither the quiz's id nor its text.

``tests/test_quiz_balance.py`` holds the thresholds these figures must meet.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

import yaml

from mkdocs_course.cli import _Loader
from mkdocs_course.config import load_course_config
from mkdocs_course.model import Course, Module, PageSource, build_course
from mkdocs_course.syntax import Quiz

ASSESSES = re.compile(r"^\s*<!--\s*assesses\s*:\s*(?P<numbers>[^>]*?)\s*-->\s*$", re.I)
# The other kinds of activity issue 12 adds (their blocks open with their
# name, whether as a tag, a pymdownx block or an admonition). Read from the
# line under the marker until the engine's scanner lists them itself.
OTHER_ACTIVITY = re.compile(
    r"^\s*(?:<|///\s*|!!!\s*|\?\?\?\+?\s*)(?P<kind>reflection|check-?in|checkin)\b", re.I
)
ABSOLUTE_WORDS = ("always", "never", "anyway", "only", "all", "every", "everything", "everyone", "nothing")
ABSOLUTE = re.compile(r"\b(?:" + "|".join(ABSOLUTE_WORDS) + r")\b", re.I)
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


class Activity:
    """Something in a module that assesses objectives: a quiz, a reflection or a check-in."""

    __slots__ = ("kind", "line", "objectives")

    def __init__(self, kind: str, line: int, objectives: list[int]) -> None:
        self.kind = kind
        self.line = line
        self.objectives = objectives


class Report:
    """Every figure of the quizzes of one course, computed once."""

    def __init__(self, course: Course, problems: list[str], pages: dict[str, PageSource] | None = None) -> None:
        self.problems = list(problems)
        self.pages = pages or {}
        self.modules = course.modules
        self.quizzes: list[tuple[Module, Quiz]] = [
            (module, quiz) for module in self.modules for quiz in module.syntax.quizzes
        ]
        self.activities = {module.id: self._activities(module) for module in self.modules}

    # -- the quizzes of one kind --------------------------------------------

    def of_kind(self, kind: str) -> list[Quiz]:
        """Return the quizzes of one kind (``single`` or ``multiple``)."""
        return [quiz for _, quiz in self.quizzes if quiz.kind == kind]

    def right_positions(self, kind: str) -> dict[int, int]:
        """Return how many right options sit at each position (1-based), for every position used by some quiz."""
        quizzes = self.of_kind(kind)
        widest = max((len(q.options) for q in quizzes), default=0)
        counts = dict.fromkeys(range(1, widest + 1), 0)
        for quiz in quizzes:
            for position, option in enumerate(quiz.options, start=1):
                counts[position] += option.correct
        return counts

    def right_is_longest(self, kind: str) -> float:
        """Return the share of quizzes whose longest option is a right one (ties count as longest)."""
        quizzes = self.of_kind(kind)
        hits = sum(any(quiz.options[i].correct for i in _longest(quiz)) for quiz in quizzes)
        return hits / len(quizzes) if quizzes else 0.0

    def right_is_shortest(self, kind: str) -> float:
        """Return the share of quizzes whose shortest option is a right one (ties count as shortest)."""
        quizzes = self.of_kind(kind)
        hits = sum(any(quiz.options[i].correct for i in _shortest(quiz)) for quiz in quizzes)
        return hits / len(quizzes) if quizzes else 0.0

    def first_is_right(self, kind: str) -> float:
        """Return the share of quizzes whose first option is right."""
        quizzes = self.of_kind(kind)
        return sum(q.options[0].correct for q in quizzes) / len(quizzes) if quizzes else 0.0

    # -- strategies of a learner who has not read the module ------------------

    def chance(self, kind: str) -> float:
        """Return the expected score of picking at random (any non-empty set of boxes for ``multiple``)."""
        return _mean([_chance(q) for q in self.of_kind(kind)])

    def longest_score(self, kind: str) -> float:
        """Return the expected score of always choosing by length.

        Single choice: the longest option (a tie is broken at random).
        Choose all that apply: every option at least as long as the quiz's
        average option.
        """
        return _mean([_longest_score(q) for q in self.of_kind(kind)])

    def shortest_score(self, kind: str) -> float:
        """Return the expected score of always choosing the shortest: the mirror of ``longest_score``.

        A set of quizzes that only avoids long right answers gives the game
        away the other way round, so both are measured.
        """
        return _mean([_shortest_score(q) for q in self.of_kind(kind)])

    def first_score(self, kind: str) -> float:
        """Return the score of always choosing the first option (only it, for ``multiple``)."""
        return _mean([float(_picks_right(q, {0})) for q in self.of_kind(kind)])

    def all_but_shortest_score(self) -> float:
        """Return the score, on "choose all that apply", of ticking every option but the shortest."""
        scores = []
        for quiz in self.of_kind("multiple"):
            shortest = min(range(len(quiz.options)), key=lambda i: _length(quiz, i))
            scores.append(float(_picks_right(quiz, set(range(len(quiz.options))) - {shortest})))
        return _mean(scores)

    # -- absolute words ---------------------------------------------------------

    def absolute_rates(self) -> tuple[float, float]:
        """Return the share of right options and of wrong options that use an absolute word."""
        right = [bool(ABSOLUTE.search(o.text)) for _, q in self.quizzes for o in q.options if o.correct]
        wrong = [bool(ABSOLUTE.search(o.text)) for _, q in self.quizzes for o in q.options if not o.correct]
        return _mean([float(x) for x in right]), _mean([float(x) for x in wrong])

    def absolute_scores(self) -> tuple[float, float]:
        """Return the single-choice scores of avoiding options with absolute words, and of picking them.

        The learner picks at random among the options they favour, or among
        all of them when the quiz offers none they favour.
        """
        avoid, pick = [], []
        for quiz in self.of_kind("single"):
            marked = {i for i, o in enumerate(quiz.options) if ABSOLUTE.search(o.text)}
            plain = set(range(len(quiz.options))) - marked
            avoid.append(_random_pick_score(quiz, plain or marked))
            pick.append(_random_pick_score(quiz, marked or plain))
        return _mean(avoid), _mean(pick)

    # -- objectives ---------------------------------------------------------------

    def unassessed(self) -> list[tuple[Module, int, str]]:
        """Return each module objective (module, 1-based number, text) no activity assesses."""
        missing = []
        for module in self.modules:
            covered = {n for activity in self.activities[module.id] for n in activity.objectives}
            for number, objective in enumerate(module.objectives, start=1):
                if number not in covered:
                    missing.append((module, number, objective))
        return missing

    def _activities(self, module: Module) -> list[Activity]:
        """Read the ``assesses`` markers of a module and the activity under each one."""
        lines = module.body.split("\n")
        quiz_lines = {quiz.line for quiz in module.syntax.quizzes}
        page = self.pages.get(module.src_uri)
        shown = page.display_path if page else module.src_uri
        # The body starts after the front matter: count its lines so messages name the file's own line.
        offset = page.text.count("\n") - module.body.count("\n") if page else 0
        found = []
        for index, line in enumerate(lines):
            marker = ASSESSES.match(line)
            if not marker:
                continue
            where = f"{shown}:{index + 1 + offset}"
            below = index + 1
            other = OTHER_ACTIVITY.match(lines[below]) if below < len(lines) else None
            if below + 1 in quiz_lines:
                kind = "quiz"
            elif other:
                kind = other.group("kind").lower().replace("checkin", "check-in")
            else:
                self.problems.append(
                    f"{where}: the assesses marker is not right above a quiz, reflection or check-in; "
                    "move it to the line above the block it describes"
                )
                continue
            numbers = _numbers(marker.group("numbers"))
            bad = [n for n in numbers if not 1 <= n <= len(module.objectives)] if numbers else ["?"]
            if bad:
                self.problems.append(
                    f"{where}: the assesses marker names objective {', '.join(map(str, bad))}, but the module "
                    f"has objectives 1 to {len(module.objectives)}; write their numbers, as in <!-- assesses: 1, 2 -->"
                )
                continue
            found.append(Activity(kind, below + 1, numbers))
        return found


def _numbers(text: str) -> list[int]:
    """Return the objective numbers of a marker (``1, 3``), or [] when one is not a number."""
    parts = [part.strip() for part in text.split(",")]
    return [int(part) for part in parts] if parts and all(part.isdigit() for part in parts) else []


def _length(quiz: Quiz, index: int) -> int:
    """Return the length of an option as a learner sees it (no Markdown marks, spaces collapsed)."""
    text = MARKUP.sub(lambda m: m.group(1) or "", quiz.options[index].text)
    return len(" ".join(text.split()))


def _longest(quiz: Quiz) -> list[int]:
    """Return the positions of the longest option(s)."""
    lengths = [_length(quiz, i) for i in range(len(quiz.options))]
    return [i for i, length in enumerate(lengths) if length == max(lengths)]


def _shortest(quiz: Quiz) -> list[int]:
    """Return the positions of the shortest option(s)."""
    lengths = [_length(quiz, i) for i in range(len(quiz.options))]
    return [i for i, length in enumerate(lengths) if length == min(lengths)]


def _picks_right(quiz: Quiz, picked: set[int]) -> bool:
    """Return whether ticking exactly ``picked`` answers the quiz correctly."""
    return picked == {i for i, option in enumerate(quiz.options) if option.correct}


def _random_pick_score(quiz: Quiz, among: set[int]) -> float:
    """Return the expected score of picking one option at random among ``among``."""
    return sum(quiz.options[i].correct for i in among) / len(among)


def _chance(quiz: Quiz) -> float:
    """Return the chance of a blind right answer: one of n options, or one of the 2^n - 1 non-empty sets."""
    n = len(quiz.options)
    return 1 / n if quiz.kind == "single" else 1 / (2**n - 1)


def _longest_score(quiz: Quiz) -> float:
    """Return the expected score of choosing by length on one quiz."""
    if quiz.kind == "single":
        return _random_pick_score(quiz, set(_longest(quiz)))
    lengths = [_length(quiz, i) for i in range(len(quiz.options))]
    average = statistics.mean(lengths)
    return float(_picks_right(quiz, {i for i, length in enumerate(lengths) if length >= average}))


def _shortest_score(quiz: Quiz) -> float:
    """Return the expected score of choosing the short options on one quiz (at most the average, for ``multiple``)."""
    if quiz.kind == "single":
        return _random_pick_score(quiz, set(_shortest(quiz)))
    lengths = [_length(quiz, i) for i in range(len(quiz.options))]
    average = statistics.mean(lengths)
    return float(_picks_right(quiz, {i for i, length in enumerate(lengths) if length <= average}))


def _mean(values: list[float]) -> float:
    """Return the mean, or 0 for no values."""
    return statistics.mean(values) if values else 0.0


def measure(docs: Path, config_file: Path) -> Report:
    """Read the course the way the engine does and return its quiz figures."""
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    config, problems = load_course_config((raw.get("extra") or {}).get("course"), str(config_file))
    root = config_file.resolve().parent
    pages = []
    for path in sorted(docs.rglob("*.md")):
        try:
            shown = path.resolve().relative_to(root).as_posix()
        except ValueError:
            shown = path.as_posix()
        pages.append(PageSource(path.relative_to(docs).as_posix(), shown, path.read_text(encoding="utf-8-sig")))
    course, course_problems = build_course(pages, config, site_name=str(raw.get("site_name", "")), namespace="/")
    return Report(course, problems + course_problems, {page.src_uri: page for page in pages})


def _percent(value: float) -> str:
    """Format a share as a whole percentage."""
    return f"{round(100 * value)}%"


def render(report: Report) -> str:
    """Return the report as text."""
    out = []
    for kind, title in (("single", "Single choice"), ("multiple", "Choose all that apply")):
        quizzes = report.of_kind(kind)
        if not quizzes:
            continue
        out.append(f"{title}: {len(quizzes)} quizzes")
        positions = report.right_positions(kind)
        total = sum(positions.values())
        shares = ", ".join(f"{p}: {n} ({_percent(n / total)})" for p, n in positions.items())
        out.append(f"  right answers by position    {shares}")
        out.append(f"  right option is the longest  {_percent(report.right_is_longest(kind))}")
        out.append(f"  right option is the shortest {_percent(report.right_is_shortest(kind))}")
        out.append(f"  first option is right        {_percent(report.first_is_right(kind))}")
        out.append(f"  score, blind chance          {_percent(report.chance(kind))}")
        out.append(f"  score, always the longest    {_percent(report.longest_score(kind))}")
        out.append(f"  score, always the shortest   {_percent(report.shortest_score(kind))}")
        if kind == "single":
            out.append(f"  score, always the first      {_percent(report.first_score(kind))}")
        else:
            out.append(f"  score, all but the shortest  {_percent(report.all_but_shortest_score())}")
    right, wrong = report.absolute_rates()
    avoid, pick = report.absolute_scores()
    out.append(f"Absolute words ({', '.join(ABSOLUTE_WORDS)})")
    out.append(f"  in right options {_percent(right)}, in wrong options {_percent(wrong)}")
    out.append(f"  single-choice score avoiding them {_percent(avoid)}, picking them {_percent(pick)}")
    all_quizzes = [q for _, q in report.quizzes]
    overall = {
        "chance": _mean([_chance(q) for q in all_quizzes]),
        "longest": _mean([_longest_score(q) for q in all_quizzes]),
    }
    out.append(
        f"All {len(all_quizzes)} quizzes: chance {_percent(overall['chance'])}, "
        f"always the longest {_percent(overall['longest'])}"
    )
    missing = report.unassessed()
    assessed = sum(len(m.objectives) for m in report.modules) - len(missing)
    kinds = sorted({a.kind for acts in report.activities.values() for a in acts})
    out.append(
        f"Objectives assessed: {assessed} of {assessed + len(missing)}"
        + (f" (by {', '.join(kinds)})" if kinds else "")
    )
    for module, number, objective in missing:
        out.append(f"  not assessed: {module.id} objective {number}: {objective}")
    for problem in report.problems:
        out.append(problem)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 1 when the course or a marker has a problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", default="docs", type=Path, help="the docs folder (default: docs)")
    parser.add_argument("-f", "--config-file", type=Path, default=None, help="mkdocs.yml (default: next to docs)")
    args = parser.parse_args(argv)
    config_file = args.config_file or args.docs.resolve().parent / "mkdocs.yml"
    report = measure(args.docs, config_file)
    print(render(report))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
