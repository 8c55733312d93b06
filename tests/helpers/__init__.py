"""Shared test helpers: finding Chromium, building and serving a site."""
