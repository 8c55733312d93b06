"""Measure an author's loop: from saving a module to the open page showing the edit.

    python scripts/edit_to_visible.py [--rounds N] [--module steps/open-communication.md] [--only off|body|practice] [--served]

Copies this course (docs/, overrides/, hooks/, mkdocs.yml; src/ linked) to a
temporary folder, runs `mkdocs serve` on it on a free port, opens the module
in headless Chromium and, round after round, saves the module with a new
sentence in it and waits, without reloading, until the page shows it. The
time is from just before the save to the reloaded page's first contentful
paint (Chromium's own clock, so Playwright's polling adds nothing). It is
measured three ways, each with its own server:

- off:      the workbook PDF off, a sentence added to the module's body;
- body:     COURSE_PDF=true (as `make serve`), the same edit (the workbook
            does not change, so the PDF is not printed again);
- practice: COURSE_PDF=true, a sentence added under "Try this week", which the
            workbook copies (so the PDF is printed again).

For each it prints every round, then the median time to visible, the
median build time MkDocs reports ("Documentation built in"; the rest is
noticing the save, as MkDocs polls every 0.5 s, its 0.1 s wait for more
saves, and the reload) and the CPU time the server used from save to
visible, which a busy machine inflates far less than wall time.

--served waits for the server to serve the edit (HTTP) instead of the page
to show it: for comparing with an engine whose pages do not reload by
themselves. Chromium is $CHROMIUM or /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
MODES = {
    "off": ("workbook PDF off, edit in the body", False, "body"),
    "body": ("COURSE_PDF=true, edit in the body", True, "body"),
    "practice": ("COURSE_PDF=true, edit under 'Try this week' (PDF printed again)", True, "practice"),
}
PRACTICE = "## Try this week\n"


def free_port() -> int:
    """Return a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_course(target: Path) -> Path:
    """Copy the course to ``target`` (the engine's source linked, so it is watched as in the repository)."""
    for folder in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "src").symlink_to(ROOT / "src")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def wait_until(condition, what: str, seconds: float = 180) -> None:
    """Poll until ``condition()`` is true; stop the script naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    sys.exit(f"timed out waiting for {what}")


def edited(text: str, where: str, sentence: str) -> str:
    """Return the module's text with ``sentence`` as a new paragraph after its title or its practice heading."""
    if where == "practice":
        assert PRACTICE in text, f"the module has no '{PRACTICE.strip()}' section"
        return text.replace(PRACTICE, f"{PRACTICE}\n{sentence}\n", 1)
    title = re.search(r"^# .*\n", text, re.M)
    return text[: title.end()] + f"\n{sentence}\n" + text[title.end() :]


def paint_time(page) -> float:
    """Return when the page now shown was first painted with content, in ms since the epoch (Chromium's clock)."""
    return page.evaluate(
        """() => {
            const paint = performance.getEntriesByName("first-contentful-paint")[0];
            const loaded = performance.getEntriesByType("navigation")[0];
            return performance.timeOrigin + (paint ? paint.startTime : loaded.domContentLoadedEventEnd);
        }"""
    )


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user and system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def served(url: str, sentence: str) -> bool:
    """Tell whether the server serves the page with ``sentence`` in it."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return sentence in response.read().decode("utf-8")
    except OSError:
        return False


def measure(mode: str, rounds: int, module: str, browser) -> tuple[list[float], list[float], list[float]]:
    """Run one server and ``rounds`` edits; return each round's seconds to visible, to built, and of server CPU.

    Without a browser, "visible" is when the server first serves the edit.
    """
    label, pdf, where = MODES[mode]
    print(f"\n{label}")
    with tempfile.TemporaryDirectory(prefix="edit-to-visible-") as scratch:
        project = copy_course(Path(scratch))
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        env["COURSE_PDF"] = "true" if pdf else "false"
        log_path = project / "serve.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=project,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            wait_until(lambda: "Serving on" in log_path.read_text(), "the first build")
            source = project / "docs" / module
            original = source.read_text(encoding="utf-8")
            address = url + module.removesuffix(".md") + "/"
            if browser is not None:
                page = browser.new_page()
                page.goto(address)
                page.wait_for_load_state("load")
            visible, built, cpu = [], [], []
            for number in range(1, rounds + 1):
                sentence = f"Edit number {number} of this timing run, {time.time_ns()}."
                builds_before = len(BUILT.findall(log_path.read_text()))
                time.sleep(1.0)  # let the server settle after the last reload
                cpu_before = cpu_seconds(server.pid)
                saved = time.time() * 1000
                source.write_text(edited(original, where, sentence), encoding="utf-8")
                if browser is None:
                    wait_until(lambda sentence=sentence: served(address, sentence), "the edit to be served")
                    seconds = (time.time() * 1000 - saved) / 1000
                else:
                    page.get_by_text(sentence).wait_for(timeout=120_000)
                    seconds = (paint_time(page) - saved) / 1000
                cpu.append(cpu_seconds(server.pid) - cpu_before)
                wait_until(
                    lambda before=builds_before: len(BUILT.findall(log_path.read_text())) > before, "the build time in the log"
                )
                build = float(BUILT.findall(log_path.read_text())[-1])
                visible.append(seconds)
                built.append(build)
                print(f"  round {number}: visible after {seconds:.2f} s (build {build:.2f} s, server CPU {cpu[-1]:.2f} s)")
            if browser is not None:
                page.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    print(f"  median: visible after {statistics.median(visible):.2f} s, build {statistics.median(built):.2f} s, CPU {statistics.median(cpu):.2f} s")
    return visible, built, cpu


def main() -> None:
    """Measure each mode and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="edits per mode (default 5)")
    parser.add_argument("--module", default="steps/open-communication.md", help="the module to edit, under docs/")
    parser.add_argument("--only", choices=sorted(MODES), action="append", help="measure only this mode (repeatable)")
    parser.add_argument("--served", action="store_true", help="wait for the server to serve the edit, not for a page to show it")
    arguments = parser.parse_args()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    summary = []
    with sync_playwright() as playwright:
        browser = None
        if not arguments.served:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        for mode in arguments.only or list(MODES):
            visible, built, cpu = measure(mode, arguments.rounds, arguments.module, browser)
            summary.append((MODES[mode][0], *(statistics.median(values) for values in (visible, built, cpu))))
        if browser is not None:
            browser.close()
    what = "served" if arguments.served else "visible"
    print(f"\nMedians over {arguments.rounds} rounds (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs):")
    for label, visible, built, cpu in summary:
        print(f"  {visible:5.2f} s to {what}, {built:5.2f} s building, {cpu:5.2f} s server CPU: {label}")


if __name__ == "__main__":
    main()
