"""Minify the course's own JavaScript and CSS in the built site.

The sources in ``overrides/assets/course/`` stay readable; learners download
the minified copies. rjsmin and rcssmin only drop comments and white space, so
the code that runs is the code that was reviewed.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

ASSETS = "assets/course"


def minify_assets(site_dir: str) -> list[Path]:
    """Minify every ``.js`` and ``.css`` file under the site's ``assets/course``; return them."""
    done = []
    for path in sorted((Path(site_dir) / ASSETS).glob("*")):
        if path.suffix == ".js":
            minify = rjsmin.jsmin
        elif path.suffix == ".css":
            minify = rcssmin.cssmin
        else:
            continue
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
        done.append(path)
    return done
