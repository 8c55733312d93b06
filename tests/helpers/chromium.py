"""Find the Chromium the browser tests drive; print how to get one if none.

    python tests/helpers/chromium.py   # prints the path, or the how-to and exits 1

The Makefile and tests/conftest.py both use this, so `make test` and a bare
`pytest` pick the same browser and give the same advice when there is none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")

HOW_TO = """\
The browser tests need Chromium (looked at $CHROMIUM, {playwright_dir}, {system}).
Get one in either of these ways, then run `make test` again:
  sudo apt-get install chromium         (Debian; installs {system})
  make test CHROMIUM=/path/to/chromium  (any Chromium or Chrome you already have)
The tests are never skipped for want of a browser."""


class ChromiumNotFound(RuntimeError):
    """No usable Chromium: the message says how to get one."""


def _playwright_dir() -> Path:
    """Where Playwright keeps the browsers that `playwright install` fetched."""
    custom = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if custom and custom != "0":
        return Path(custom)
    return Path.home() / ".cache" / "ms-playwright"


def _revision(path: Path) -> int:
    """The build number in `chromium-1187/...`, so the newest install wins."""
    digits = path.relative_to(_playwright_dir()).parts[0].rpartition("-")[2]
    return int(digits) if digits.isdigit() else -1


def _playwright_chromium() -> Path | None:
    """The newest full Chromium that Playwright installed, if any."""
    # chrome-linux/ before Playwright 1.57, chrome-linux64/ since.
    found = [p for p in _playwright_dir().glob("chromium-*/chrome-linux*/chrome") if _usable(p)]
    return max(found, key=_revision) if found else None


def _usable(path: Path) -> bool:
    """True if path is an executable file."""
    return path.is_file() and os.access(path, os.X_OK)


def find_chromium() -> Path:
    """$CHROMIUM if set, else Playwright's Chromium, else /usr/bin/chromium."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        # A wrong path is a mistake to report, not a reason to quietly use another browser.
        if not _usable(Path(explicit)):
            raise ChromiumNotFound(
                f"CHROMIUM={explicit} is not an executable file.\n\n"
                + HOW_TO.format(playwright_dir=_playwright_dir(), system=SYSTEM_CHROMIUM)
            )
        return Path(explicit)
    candidate = _playwright_chromium()
    if candidate:
        return candidate
    if _usable(SYSTEM_CHROMIUM):
        return SYSTEM_CHROMIUM
    raise ChromiumNotFound(HOW_TO.format(playwright_dir=_playwright_dir(), system=SYSTEM_CHROMIUM))


def main() -> int:
    """Print the Chromium path for the Makefile, or the how-to on stderr."""
    try:
        print(find_chromium())
    except ChromiumNotFound as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
