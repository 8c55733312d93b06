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
its wall time and peak RSS (from os.wait4) are recorded, with its CPU time (user + system, steadier than wall time on a busy or
virtual machine), and the medians and the ratio ours/plain are printed. `real` is this repository's own course
(`docs/`), built the same two ways. Then comes the cold download of a module
page, ours against plain Material's page from the same Markdown: the page is
opened in headless Chromium ($CHROMIUM, else /usr/bin/chromium) with an empty
cache, and its HTML and every same-origin stylesheet and script the browser
fetched (those imported later too) are counted, gzip; last come the raw and
gzip sizes of the course's own JavaScript and CSS.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

from mkdocs_course.pdf import QUIET_CHROMIUM_FLAGS

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
    """Wall times (s), CPU times (s) and peak RSS (KiB) of one kind of build."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)


def timed_build(config: Path, site_dir: Path, log: Path) -> tuple[float, float, int]:
    """Run one `mkdocs build --strict` in a new process; return (wall seconds, CPU seconds, peak RSS KiB)."""
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
    # CPU time (user + system) is what the build itself costs; wall time also
    # holds whatever else the machine did meanwhile, which on a shared or
    # virtual machine moves a 70 s build by several seconds.
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss  # KiB on Linux


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
            seconds, cpu, peak = timed_build(configs[name], project / f"site-{name}", project / f"build-{name}.log")
            runs[name].seconds.append(seconds)
            runs[name].cpu_seconds.append(cpu)
            runs[name].peak_kib.append(peak)
            print(
                f"  {pages} pages, round {number}/{rounds}, {name:5}: {seconds:7.2f} s, CPU {cpu:7.2f} s, {peak / 1024:7.1f} MiB",
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


# What the budget counts of a first visit (issue 11): the page, its stylesheets, its scripts.
COUNTED = ("document", "stylesheet", "script")


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve a built site without logging every request."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Say nothing."""


@dataclass
class Weight:
    """What a first visit to one page downloads from the site itself: gzip bytes per file, by kind."""

    files: dict[str, tuple[str, int]] = field(default_factory=dict)  # path -> (resource type, gzip bytes)

    def total(self, kinds: tuple[str, ...] = COUNTED) -> int:
        """Gzip bytes of the files of ``kinds``."""
        return sum(size for kind, size in self.files.values() if kind in kinds)


def page_weight(site: Path, page: str, chromium: str) -> Weight:
    """What headless Chromium downloads from the site itself on a first visit to ``page``, each file gzipped.

    The site is served on a free local port and the page opened in a fresh
    context (empty cache) with service workers blocked (the offline worker
    would download the whole site, which is not this page's weight). Every
    same-origin response counts, as the browser asked for it: stylesheets,
    the scripts the page names and those they import, the chunks a page
    loads only because it has a quiz or a dashboard, fetches. The page is
    left when the network has been idle for half a second.
    """
    from playwright.sync_api import sync_playwright  # only here: the build figures need no browser

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = "http://{}:{}".format(*server.server_address[:2])
    responses = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=list(QUIET_CHROMIUM_FLAGS))
            context = browser.new_context(service_workers="block")
            tab = context.new_page()
            tab.on("response", lambda response: responses.append(response))
            tab.goto(f"{origin}/{page}/", wait_until="networkidle")
            weight = Weight()
            for response in responses:
                link = urlsplit(response.url)
                if f"{link.scheme}://{link.netloc}" == origin and response.ok:
                    weight.files[link.path] = (response.request.resource_type, _gzip_size(response.body()))
            browser.close()
    finally:
        server.shutdown()
    return weight


def find_chromium() -> str | None:
    """The Chromium to measure page weight with: $CHROMIUM, else Debian's; None when there is none."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).is_file() else None


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
    chromium = find_chromium()
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
            if chromium:
                weights[pages] = [page_weight(project / f"site-{name}", module, chromium) for name in ("plain", "ours")]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"Build: mkdocs build --strict, fresh process each, median of the rounds (Python {sys.version.split()[0]})")
    print(
        f"{'pages':>6} {'rounds':>6} | {'plain s':>8} {'ours s':>8} {'ratio':>7} | {'plain CPU':>9} {'ours CPU':>9} {'ratio':>7}"
        f" | {'plain MiB':>9} {'ours MiB':>9} {'ratio':>7}"
    )
    for pages, (rounds, runs) in results.items():
        plain_s, ours_s = (statistics.median(runs[n].seconds) for n in ("plain", "ours"))
        plain_c, ours_c = (statistics.median(runs[n].cpu_seconds) for n in ("plain", "ours"))
        plain_m, ours_m = (statistics.median(runs[n].peak_kib) / 1024 for n in ("plain", "ours"))
        print(
            f"{str(pages):>6} {rounds:>6} | {plain_s:>8.3f} {ours_s:>8.3f} {ours_s / plain_s:>6.3f}x"
            f" | {plain_c:>9.3f} {ours_c:>9.3f} {ours_c / plain_c:>6.3f}x"
            f" | {plain_m:>9.1f} {ours_m:>9.1f} {ours_m / plain_m:>6.3f}x"
        )

    print("\nCold download of a module page in headless Chromium (HTML + same-origin CSS and JS it loads, gzip):")
    if not chromium:
        print("  not measured: no Chromium (set CHROMIUM=/path/to/chromium)")
    for pages, (plain_w, ours_w) in weights.items():
        plain_b, ours_b = plain_w.total(), ours_w.total()
        extra = ours_b - plain_b
        print(f"  {str(pages):>6} pages: plain {plain_b:>8,} B, ours {ours_b:>8,} B, +{extra:,} B (+{extra / 1024:.2f} KiB)")
        others = {"plain": plain_w.total(("fetch", "xhr")), "ours": ours_w.total(("fetch", "xhr"))}
        print(f"  {'':>6}  and fetched after load (not counted): plain {others['plain']:,} B, ours {others['ours']:,} B")
    if weights:
        _, ours_w = weights[next(reversed(weights))]
        plain_files = weights[next(reversed(weights))][0].files
        print("  ours, file by file (gzip B; * = plain Material loads it too):")
        for path, (kind, size) in ours_w.files.items():
            print(f"    {'*' if path in plain_files else ' '} {kind:<10} {size:>7,}  {path}")

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
