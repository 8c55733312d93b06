"""Serve a built site on 127.0.0.1 under a sub-path, as GitHub Pages does."""

from __future__ import annotations

import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# A project site on GitHub Pages lives under /<repo>/; serving under a prefix
# catches links and scripts that assume the site sits at the domain's root.
PREFIX = "/course/"

CSP_SELF = "script-src 'self'"


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from `directory`, only below PREFIX; 404.html for misses."""

    csp: str | None = None
    cache_control: str = "no-store"

    def __init__(self, *args, csp: str | None = None, cache_control: str = "no-store", **kwargs) -> None:
        self.csp = csp
        self.cache_control = cache_control
        super().__init__(*args, **kwargs)

    def _in_site(self) -> str | None:
        """The request path below PREFIX, or None if it lies outside the site."""
        path = urlsplit(self.path).path
        if path == PREFIX.rstrip("/"):
            return ""
        return path[len(PREFIX) - 1 :] if path.startswith(PREFIX) else None

    def send_head(self):
        """Refuse paths outside PREFIX; serve the site's 404 page for misses."""
        inner = self._in_site()
        if inner == "":
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", PREFIX)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if inner is None or not Path(self.translate_path(self.path)).exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        """Answer 404 with the site's own 404.html when it has one."""
        page = Path(self.directory, "404.html")
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        """Map /course/x to <directory>/x."""
        split = urlsplit(path)
        inner = split.path[len(PREFIX) - 1 :] if split.path.startswith(PREFIX) else split.path
        return super().translate_path(inner)

    def end_headers(self) -> None:
        """Add the optional CSP, and keep the browser from caching between tests (unless told otherwise)."""
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        """Stay quiet: pytest shows the test's own output on failure."""


class SiteServer:
    """A running server for one site directory; `url` ends in PREFIX."""

    def __init__(self, site_dir: Path, csp: str | None = None, cache_control: str = "no-store") -> None:
        handler = partial(SiteHandler, directory=str(site_dir), csp=csp, cache_control=cache_control)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}{PREFIX}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"serve {self.url}", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Stop serving and release the port."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
