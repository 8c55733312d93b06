"""Run the real `mkdocs build --strict` in a subprocess, as an author would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE_DIR = REPO / "tests" / "fixture_course"


class BuildError(AssertionError):
    """`mkdocs build` failed; `output` holds everything it printed."""

    def __init__(self, command: list[str], returncode: int, output: str) -> None:
        self.command = command
        self.returncode = returncode
        self.output = output
        super().__init__(
            f"mkdocs build failed (exit {returncode}): {' '.join(command)}\n"
            f"--- output ---\n{output.rstrip()}\n--- end of output ---"
        )


def build_env(env: dict[str, str | None]) -> dict[str, str]:
    """Return this process's environment with `env` applied; a value of None unsets."""
    merged = dict(os.environ)
    # Material's end-of-life banner would open every failure's output.
    merged.setdefault("NO_MKDOCS_2_WARNING", "1")
    for name, value in env.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = str(value)
    return merged


def run_mkdocs_build(
    config: Path, site_dir: Path, env: dict[str, str | None] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Build `config` into `site_dir`; return the finished process, output merged."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config),
        "-d",
        str(site_dir),
    ]
    return subprocess.run(
        command,
        env=build_env(env or {}),
        cwd=Path(config).parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def build_site(config: Path, site_dir: Path, env: dict[str, str | None] | None = None) -> Path:
    """Build and return `site_dir`; raise BuildError with the output on failure."""
    done = run_mkdocs_build(config, site_dir, env)
    if done.returncode != 0:
        raise BuildError(done.args, done.returncode, done.stdout)
    return site_dir


def copy_fixture_course(tmp: Path, *, features_without: str | None = None) -> Path:
    """Copy tests/fixture_course into `tmp` with absolute engine paths; return its mkdocs.yml."""
    root = tmp / "fixture_course"
    shutil.copytree(FIXTURE_DIR, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for relative in ("../../hooks/course.py",):
        assert relative in text, f"tests/fixture_course/mkdocs.yml no longer mentions {relative}"
        text = text.replace(relative, str(REPO / relative.removeprefix("../../")))
    if features_without:
        line = f"    - {features_without}\n"
        assert line in text, f"tests/fixture_course/mkdocs.yml has no {features_without}"
        text = text.replace(line, "")
    config.write_text(text, encoding="utf-8")
    return config
