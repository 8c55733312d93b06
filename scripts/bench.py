"""Measure what the course engine costs: build time, peak memory, asset bytes.

    python scripts/bench.py [--pages real,12,1000] [--rounds N] [--keep DIR]

For each page count it writes a synthetic course (pages of about 830 words,
each with a checklist of 5 items and 2 quizzes) and builds it two ways from the
same Markdown: with plain Material (the repository's mkdocs.yml without hooks,
overrides, course extensions, course CSS and JS or extra.course, so quiz blocks
stay as text) and with the course engine (the repository's mkdocs.yml as it
is). The two builds
alternate, round after round, so a machine that speeds up or slows down affects
both alike. Each build is `mkdocs build --strict` in a fresh Python process;
its wall time and peak RSS (from os.wait4) are recorded, and the medians and
the ratio ours/plain are printed. `real` is this repository's own course
(`docs/`), built the same two ways. Then comes the cold download of a module
page (its HTML and every same-origin stylesheet and script it loads, gzip),
ours against plain Material's page from the same Markdown, and last the raw and
gzip sizes of the course's own JavaScript and CSS.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
COURSE_EXTENSIONS = {"course_quiz", "course_checklist"}
WORDS_PER_PAGE = 830
SECTIONS = [("part-one", "Part one", "Step"), ("part-two", "Part two", "Strategy")]
# The real course's module whose page weight is reported.
REAL_MODULE = "steps/open-communication"

# Plain everyday words, so the text looks like course prose to Markdown and search.
VOCABULARY = ["you", "your", "partner", "trust", "talk", "listen", "feel", "need", "time", "day", "week", "plan", "share", "care", "help", "calm", "clear", "kind", "small", "step", "each", "other", "home", "work", "phone", "dinner", "walk", "evening", "morning", "question", "answer", "promise", "keep", "notice", "thank", "ask", "tell", "hear", "safe", "close", "warm", "honest", "open", "quiet", "busy", "tired", "happy", "upset", "worry", "hope", "change", "choose", "try", "start", "stop", "wait", "together", "apart", "space", "friend", "family", "money", "plans", "habit", "moment", "gesture", "message", "call", "visit", "story", "reason", "feeling", "boundary", "support", "comfort", "respect", "repair", "sorry", "mistake", "again", "often", "sometimes", "rarely", "always", "gently", "slowly", "really", "simply", "maybe", "still", "also", "when", "while", "because", "after", "before", "until", "though", "since", "where", "which", "what", "how", "why", "the", "a", "an", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these", "those", "it", "they", "them", "we", "us", "our", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "can", "could", "will", "would", "should"]


def sentence(rng: random.Random) -> str:
    """One sentence of 8 to 16 words."""
    words = rng.choices(VOCABULARY, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph of `sentences` sentences."""
    return " ".join(sentence(rng) for _ in range(sentences))


def page_text(number: int, section: str, order: int, rng: random.Random) -> str:
    """A module page of about WORDS_PER_PAGE words: prose, 5-item checklist, 2 quizzes."""
    practice = [
        "## Your checklist",
        "",
        *(f"- [ ] Item {i} of page {number}: {sentence(rng).lower()}" for i in range(1, 6)),
        "",
        "## Check your understanding",
        "",
        "<quiz>",
        f"Page {number}, first question: {sentence(rng)[:-1]}?",
        "",
        f"- [ ] {sentence(rng)}",
        f"  > {sentence(rng)}",
        f"- [x] {sentence(rng)}",
        f"  > {sentence(rng)}",
        f"- [ ] {sentence(rng)}",
        f"  > {sentence(rng)}",
        "",
        paragraph(rng, 2),
        "</quiz>",
        "",
        "<quiz>",
        f"Page {number}, second question: {sentence(rng)[:-1]}? Choose all that apply.",
        "",
        f"- [x] {sentence(rng)}",
        f"  > {sentence(rng)}",
        f"- [ ] {sentence(rng)}",
        f"  > {sentence(rng)}",
        f"- [x] {sentence(rng)}",
        f"  > {sentence(rng)}",
        f"- [ ] {sentence(rng)}",
        f"  > {sentence(rng)}",
        "",
        paragraph(rng, 2),
        "</quiz>",
        "",
    ]
    title = f"Module {number}"
    body = [f"# {title}", "", paragraph(rng, 3), ""]
    budget = WORDS_PER_PAGE - sum(len(line.split()) for line in practice) - len(body[2].split())
    heading = 1
    while budget > 0:
        text = paragraph(rng, 5)
        body += [f"## Topic {heading}", "", text, ""]
        budget -= len(text.split()) + 2
        heading += 1
    body += ["## Try this week", "", paragraph(rng, 2), ""]
    front = {
        "title": title,
        "section": section,
        "order": order,
        "summary": f"What page {number} teaches, in one line.",
        "minutes": 10,
        "objectives": [f"Practise idea {number}.1", f"Practise idea {number}.2"],
    }
    return "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n" + "\n".join(body + practice)


def write_course(project: Path, pages: int) -> None:
    """Write docs/ with `pages` modules split over two sections, plus an index."""
    rng = random.Random(pages)
    docs = project / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(f"# Benchmark course\n\n{pages} synthetic modules.\n")
    half = (pages + 1) // 2
    for number in range(1, pages + 1):
        section, _, _ = SECTIONS[0] if number <= half else SECTIONS[1]
        order = number if number <= half else number - half
        folder = docs / section
        folder.mkdir(exist_ok=True)
        (folder / f"module-{number:04d}.md").write_text(page_text(number, section, order, rng))


def write_configs(project: Path, real: bool = False) -> dict[str, Path]:
    """Write mkdocs-plain.yml and mkdocs-ours.yml, both derived from the real mkdocs.yml.

    With ``real``, both build this repository's own ``docs/`` with its own
    course settings; otherwise the synthetic course in ``project/docs``.
    """
    with CONFIG.open(encoding="utf-8") as stream:
        base = yaml_load(stream)
    base["site_url"] = "http://127.0.0.1:8000/"
    base.pop("watch", None)  # only for `mkdocs serve`, and relative to the repository
    if real:
        base["docs_dir"] = str(ROOT / "docs")
    else:
        base["site_name"] = "Benchmark course"
        base.pop("nav", None)

    ours = dict(base, theme=dict(base["theme"]), extra=dict(base.get("extra") or {}))
    ours["theme"]["custom_dir"] = str(ROOT / ours["theme"]["custom_dir"])
    ours["hooks"] = [str(ROOT / hook) for hook in base.get("hooks", [])]
    course = dict(ours["extra"].get("course") or {})
    course.update(pdf=False)
    if not real:
        course.update(id="bench", sections=[{"id": i, "title": t, "label": label} for i, t, label in SECTIONS])
    ours["extra"]["course"] = course

    plain = dict(base, theme=dict(base["theme"]), extra=dict(base.get("extra") or {}))
    plain["theme"].pop("custom_dir", None)
    plain.pop("hooks", None)
    plain["extra"].pop("course", None)
    for key in ("extra_css", "extra_javascript"):  # the course's own CSS and JS
        paths = [(item, item["path"] if isinstance(item, dict) else item) for item in base.get(key, [])]
        kept = [item for item, path in paths if not path.startswith("assets/course/")]
        if kept:
            plain[key] = kept
        else:
            plain.pop(key, None)
    if real:  # the course links to pages and anchors only the engine makes
        plain["validation"] = {"links": {"not_found": "info", "anchors": "info"}}
    plain["markdown_extensions"] = [
        ext
        for ext in base.get("markdown_extensions", [])
        if (ext if isinstance(ext, str) else next(iter(ext))) not in COURSE_EXTENSIONS
    ]

    paths = {}
    for name, config in (("plain", plain), ("ours", ours)):
        paths[name] = project / f"mkdocs-{name}.yml"
        paths[name].write_text(yaml.safe_dump(config, sort_keys=False))
    return paths


@dataclass
class Runs:
    """Wall times (s) and peak RSS (KiB) of one kind of build."""

    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)


def timed_build(config: Path, site_dir: Path, log: Path) -> tuple[float, int]:
    """Run one `mkdocs build --strict` in a new process; return (seconds, peak RSS KiB)."""
    env = {k: v for k, v in os.environ.items() if k not in {"COURSE_PDF", "SITE_URL"}}
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    start = time.perf_counter()
    pid = os.posix_spawn(
        sys.executable,
        argv,
        env,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ],
    )
    # wait4 gives this one child's own resource use; RUSAGE_CHILDREN would
    # give the maximum over every child so far.
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"Build failed (exit {code}): {' '.join(argv)}\n{log.read_text()}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def compile_engine() -> None:
    """Write the engine's bytecode, as pip does when it installs a package such as Material.

    An editable install runs src/ and hooks/ from source. Without .pyc files
    (and always under PYTHONDONTWRITEBYTECODE) every build would recompile them,
    a cost nobody pays who installs the package, and plain Material never pays.
    """
    for folder in (ROOT / "src", ROOT / "hooks"):
        if not compileall.compile_dir(folder, quiet=1):
            sys.exit(f"Could not compile {folder}")


def bench(pages: int | str, rounds: int, workdir: Path) -> dict[str, Runs]:
    """Build a `pages`-page course (or, for "real", this repository's) `rounds` times each way, alternating."""
    project = workdir / f"course-{pages}"
    shutil.rmtree(project, ignore_errors=True)
    if pages == "real":
        project.mkdir(parents=True)
    else:
        write_course(project, pages)
    configs = write_configs(project, real=pages == "real")
    runs = {name: Runs() for name in configs}
    for number in range(1, rounds + 1):
        # Alternate which build goes first, so neither always gets a warm cache.
        order = ["plain", "ours"] if number % 2 else ["ours", "plain"]
        for name in order:
            seconds, peak = timed_build(configs[name], project / f"site-{name}", project / f"build-{name}.log")
            runs[name].seconds.append(seconds)
            runs[name].peak_kib.append(peak)
            print(
                f"  {pages} pages, round {number}/{rounds}, {name:5}: {seconds:7.2f} s, {peak / 1024:7.1f} MiB",
                file=sys.stderr,
            )
    return runs


def asset_sizes(assets: Path) -> list[tuple[str, int, int]]:
    """(name, raw bytes, gzip -9 bytes) of each course .js and .css file as the built site serves it."""
    sizes = []
    for path in sorted([*assets.glob("*.js"), *assets.glob("*.css")]):
        data = path.read_bytes()
        sizes.append((path.name, len(data), len(gzip.compress(data, compresslevel=9, mtime=0))))
    return sizes


def _gzip_size(data: bytes) -> int:
    """Bytes of ``data`` after gzip -9, as a server would send it."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: str) -> int:
    """Gzip bytes a first visit to ``page`` downloads from the site itself: its HTML, stylesheets and scripts."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    total = _gzip_size(html.encode("utf-8"))
    seen = set()
    for match in re.finditer(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"', html):
        link = urlsplit(match.group(1))
        if link.scheme or link.netloc:
            continue  # another host: not the site's own weight (the CSP refuses it anyway)
        target = (html_path.parent / link.path).resolve()
        if target not in seen and target.is_file():
            seen.add(target)
            total += _gzip_size(target.read_bytes())
    return total


# Material's own inline scripts, moved to md-*.js files so pages work under a strict CSP.
MATERIAL_MOVED = "md-"


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the builds and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", default="real,12,1000", help="comma-separated page counts, `real` for this course (default: real,12,1000)"
    )
    parser.add_argument("--rounds", type=int, help="rounds per page count (default: 21 up to 100 pages, else 3)")
    parser.add_argument("--keep", type=Path, help="write the courses and sites here and keep them")
    args = parser.parse_args(argv)
    counts = [n.strip() if n.strip() == "real" else int(n) for n in args.pages.split(",") if n.strip()]

    compile_engine()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="course-bench-"))
    results, weights = {}, {}
    try:
        for pages in counts:
            # A small build's time varies by a few per cent from run to run:
            # many short rounds give a steady median.
            rounds = args.rounds or (11 if pages == "real" else 21 if pages <= 100 else 3)
            results[pages] = (rounds, bench(pages, rounds, workdir))
            project = workdir / f"course-{pages}"
            sizes = asset_sizes(project / "site-ours" / "assets" / "course")
            module = REAL_MODULE if pages == "real" else f"{SECTIONS[0][0]}/module-0001"
            weights[pages] = [page_weight(project / f"site-{name}", module) for name in ("plain", "ours")]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"Build: mkdocs build --strict, fresh process each, median of the rounds (Python {sys.version.split()[0]})")
    print(
        f"{'pages':>6} {'rounds':>6} | {'plain s':>8} {'ours s':>8} {'ratio':>7} | {'plain MiB':>9} {'ours MiB':>9} {'ratio':>7}"
    )
    for pages, (rounds, runs) in results.items():
        plain_s, ours_s = (statistics.median(runs[n].seconds) for n in ("plain", "ours"))
        plain_m, ours_m = (statistics.median(runs[n].peak_kib) / 1024 for n in ("plain", "ours"))
        print(
            f"{str(pages):>6} {rounds:>6} | {plain_s:>8.3f} {ours_s:>8.3f} {ours_s / plain_s:>6.3f}x"
            f" | {plain_m:>9.1f} {ours_m:>9.1f} {ours_m / plain_m:>6.3f}x"
        )

    print("\nCold download of a module page (HTML + same-origin CSS and JS, gzip):")
    for pages, (plain_w, ours_w) in weights.items():
        print(f"  {str(pages):>6} pages: plain {plain_w:>8,} B, ours {ours_w:>8,} B, +{(ours_w - plain_w) / 1024:.1f} KiB")

    print("\nCourse assets as the built site serves them (minified by `make assets`):")
    for name, raw, packed in sizes:
        print(f"  {name:<24} {raw:>8,} B raw {packed:>8,} B gzip")
    for label, group in (
        ("engine (course JS and CSS)", [s for s in sizes if not s[0].startswith(MATERIAL_MOVED)]),
        ("Material's inline scripts as files", [s for s in sizes if s[0].startswith(MATERIAL_MOVED)]),
    ):
        print(f"  {label:<36} {sum(s[1] for s in group):>8,} B raw {sum(s[2] for s in group):>8,} B gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
