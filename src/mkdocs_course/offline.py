"""The service worker that keeps a built course readable offline.

After the build, every file of the site is listed and hashed; the worker's
script (``frontend/sw.js``, served minified under ``assets/course/``) is
written to the site root as ``sw.js`` with that list and hash in front of it.
Written at the root, its default scope is the whole site, including under
``/<repository>/`` on GitHub Pages. A new deployment changes the hash, so the
browser installs the new worker and its cache on the next visit.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER_URI = "sw.js"
# Where the theme copies the worker's script; the build reads it from the
# built site, so it works wherever the theme's files come from.
WORKER_SOURCE_URI = "assets/course/sw.js"
# Not worth keeping offline: the worker itself, and its script's copy.
_NOT_CACHED = {WORKER_URI, WORKER_SOURCE_URI}


def site_files(site_dir: Path) -> list[str]:
    """Return every file of the built site as the worker fetches it, relative to the site root.

    A page ``a/index.html`` is listed as ``a/``, the address learners open
    (``./`` for the home page), so one cache entry answers it.
    """
    listed = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative in _NOT_CACHED:
            continue
        if relative == "index.html":
            relative = "./"
        elif relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        listed.append(relative)
    return listed


def site_version(site_dir: Path) -> str:
    """Return a short hash of every file's path and bytes: it changes with any change to the site."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative in _NOT_CACHED:
            continue
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def worker_script(body: str, files: list[str], version: str) -> str:
    """Return the worker's script: its settings on one line, then its code."""
    settings = json.dumps({"version": version, "files": files}, ensure_ascii=False, separators=(",", ":"))
    return f"self.COURSE_OFFLINE={settings};\n{body}"


def retired_worker_script(body: str) -> str:
    """Return the worker a site without offline use serves: it removes a worker an earlier build installed."""
    return f"self.COURSE_OFFLINE={{\"retired\":true}};\n{body}"


def write_service_worker(site_dir: str, *, enabled: bool = True) -> Path | None:
    """Write ``sw.js`` at the root of a built site; return its path, or None when the theme gave no worker script.

    With ``enabled=False`` (offline use off, or ``mkdocs serve``) the worker
    written only retires an earlier one, so no browser keeps stale pages.
    """
    root = Path(site_dir)
    source = root / WORKER_SOURCE_URI
    if not source.is_file():
        return None
    body = source.read_text(encoding="utf-8")
    script = worker_script(body, site_files(root), site_version(root)) if enabled else retired_worker_script(body)
    target = root / WORKER_URI
    target.write_text(script, encoding="utf-8")
    return target
