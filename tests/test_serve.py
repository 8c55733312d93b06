"""`mkdocs serve` as an author uses it: edits show up, mistakes are reported, the server stays up."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from mkdocs_course.cli import _Loader

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture_course"


def free_port() -> int:
    """Return a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """Return a page's text, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, what: str, seconds: float = 60) -> None:
    """Poll until ``condition()`` is true; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the fixture course with a template override of its own, watched like the real mkdocs.yml watches its folders."""
    project = tmp_path / "course"
    shutil.copytree(FIXTURE / "docs", project / "docs")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("<p>Our footer.</p>\n", encoding="utf-8")
    config = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../hooks/course.py", str(ROOT / "hooks" / "course.py"))
    config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    (project / "mkdocs.yml").write_text(config + "\nwatch:\n  - overrides\n", encoding="utf-8")
    return project


def test_the_real_config_watches_the_engine_folders():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert {"hooks", "overrides", "src"} <= set(config["watch"])
    assert "strict" not in config, "strict: true in mkdocs.yml would stop `mkdocs serve` at the first mistake"


def test_serve_reports_a_mistake_keeps_running_and_shows_edits(course: Path, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/course/basics/listening/"
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/course/"}
    env.pop("COURSE_PDF", None)
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(course / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        wait_for(lambda: "Turn the heat down" in fetch(url), "the first build to be served")
        module = course / "docs" / "basics" / "listening.md"
        text = module.read_text(encoding="utf-8")
        line = text.splitlines().index("<quiz>") + 1

        # A quiz with no correct option: the terminal names the file and line.
        module.write_text(text.replace("- [x] Turn the heat down", "- [ ] Turn the heat down"), encoding="utf-8")
        message = f"docs/basics/listening.md:{line}: quiz has no correct option"
        wait_for(lambda: message in log_path.read_text(), "the mistake to be reported")
        assert server.poll() is None, "the server stopped after an author's mistake"
        assert fetch(url), "the server stopped answering after an author's mistake"

        # The fix and a new sentence show up in the preview.
        module.write_text(text.replace("Good listening starts", "Live edit. Good listening starts"), encoding="utf-8")
        wait_for(lambda: "Live edit." in fetch(url), "the edited module to be served")

        # An edit to the theme overrides reaches the preview too.
        partial = course / "overrides" / "partials" / "copyright.html"
        assert "Our footer." in fetch(url)
        partial.write_text("<p>Footer edit.</p>\n", encoding="utf-8")
        wait_for(lambda: "Footer edit." in fetch(url), "the edited template to be served")
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
