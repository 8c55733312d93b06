"""Report mobile Lighthouse scores for the course's home page, a module and the workbook.

    python scripts/lighthouse.py [--runs 3] [--page steps/open-communication/]   (or: make lighthouse)

Builds the course into a temporary folder, serves it on a free local port as GitHub Pages
would (gzip, max-age=600: scripts/pages_server.py), and runs Lighthouse (from npm, pinned in tools/lighthouse/
package-lock.json, which `make lighthouse` installs) in Debian's Chromium with Lighthouse's default mobile
settings (a throttled mid-range phone). Prints, per page, the median of each
category over the runs and the cumulative layout shift. A report, not a test:
scores move with the machine's load.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pages_server import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ("", "steps/open-communication/", "workbook/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The timings behind the performance score (ms, on the simulated phone), so a low score says why.
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time", "SI": "speed-index"}
# Chromium as root in a container, with no network beyond this machine: the
# same quiet flags the tests use, so no start-up request waits on a timeout.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def _build(site: Path, url: str) -> None:
    """Build the course for `url`, as the Pages workflow does (strict, no PDF)."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("COURSE_PDF", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=env, check=True
    )


def _chromium() -> str:
    """Return the Chromium to run: $CHROMIUM, else Debian's."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def _audit(url: str, report: Path) -> dict[str, float]:
    """Run Lighthouse once on `url`; return each category's score (0-100) and the layout shift."""
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
        env={**os.environ, "CHROME_PATH": _chromium()},
        check=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["cls"] = result["audits"]["cumulative-layout-shift"]["numericValue"]
    for metric, audit in METRICS.items():
        scores[metric] = result["audits"][audit]["numericValue"]
    return scores


def main() -> int:
    """Build, serve, audit each page `--runs` times and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="audits per page (median reported)")
    parser.add_argument("--page", action="append", help="a page path to audit instead of the default three")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is not installed: run `make lighthouse` (or `npm ci` in tools/lighthouse/).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        site.mkdir()
        server, url = serve(site)
        try:
            _build(site, url)
            print(
                f"{'page':32} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'CLS':>7}"
                + "".join(f" {metric + ' ms':>7}" for metric in METRICS)
            )
            for path in args.page or PAGES:
                runs = [_audit(url + path, Path(temporary) / "report.json") for _ in range(args.runs)]
                medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(
                    f"{path or '(home)':32} "
                    + " ".join(f"{medians[name]:5.0f}" for name in CATEGORIES)
                    + f" {medians['cls']:7.3f}"
                    + "".join(f" {medians[metric]:7.0f}" for metric in METRICS)
                )
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
