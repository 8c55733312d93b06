"""Serve a built site on a free local port the way GitHub Pages serves it.

Lighthouse's mobile score models a slow phone network from the bytes each
file takes on the wire. Python's own server sends every file uncompressed and
uncached, so Material's 138 KB stylesheet would count at five times the
weight a learner downloads; GitHub Pages gzips text files and sends
`Cache-Control: max-age=600`, and so does this server.
"""

from __future__ import annotations

import gzip
import io
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The types GitHub Pages compresses (its CDN gzips text, not images or PDFs).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class PagesHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, cached for ten minutes."""

    def send_head(self):
        """Answer with the file, compressed as GitHub Pages would, or fall back to the plain server."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        # Folders without their slash (a redirect), misses, images and PDFs: as the plain server does.
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        """Cache as GitHub Pages does."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Say nothing."""


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `site` on a free port in a background thread; return the server and its root URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"
