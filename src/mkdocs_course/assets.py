"""Minify the course's own JavaScript and CSS as the build writes them.

The sources in ``overrides/assets/course/`` stay readable; learners download
the minified copies. rjsmin and rcssmin only drop comments and white space, so
the code that runs is the code that was reviewed. The minified text becomes
the file's content, which MkDocs writes instead of copying the source: each
file is written once.
"""
from __future__ import annotations

import posixpath

import rcssmin
import rjsmin
from mkdocs.structure.files import File, Files

ASSETS = "assets/course/"
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(files: Files) -> list[File]:
    """Minify every ``.js`` and ``.css`` file under ``assets/course/``; return them."""
    done = []
    for file in files:
        minify = MINIFIERS.get(posixpath.splitext(file.src_uri)[1]) if file.src_uri.startswith(ASSETS) else None
        if minify:
            file.content_string = minify(file.content_string)
            done.append(file)
    return done
