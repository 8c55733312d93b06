"""The ``course`` MkDocs plugin: ``plugins: [search, course]`` builds a course with nothing else to set up.

Every event is the core's (``core.CourseBuild``); the plugin only supplies
its own validated options as the course settings. ``hooks/course.py`` in this
repository is the other way in, over the same core.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from .config import CourseConfig, _Locator, check_settings
from .core import CourseBuild
from .plugin_config import CoursePluginConfig


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    """Build the course: order, navigation, quizzes, checklists, print pages, manifest."""

    def __init__(self) -> None:
        self.build = CourseBuild(self._settings)
        # Each MkDocs event is the core's, priorities included.
        for event in CourseBuild.EVENTS:
            setattr(self, event, getattr(self.build, event))

    def _settings(self, config: MkDocsConfig) -> tuple[CourseConfig, list[str]]:
        """Return the plugin's options (MkDocs validated their types) and the mistakes its schema cannot see."""
        return self.config, check_settings(self.config, _Locator(config.config_file_path))
