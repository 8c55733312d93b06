"""The course's build, through MkDocs hooks over the engine's core (``mkdocs_course.core``).

The core is the same one the ``course`` plugin runs; as a hook it reads its
settings from ``extra.course`` in mkdocs.yml. Another course would write
``plugins: [search, course]`` instead (README).
"""
from mkdocs_course.core import CourseBuild

_course = CourseBuild.from_extra()

on_startup = _course.on_startup
on_serve = _course.on_serve
on_build_error = _course.on_build_error
on_shutdown = _course.on_shutdown
on_config = _course.on_config
on_files = _course.on_files
on_nav = _course.on_nav
on_env = _course.on_env
on_page_markdown = _course.on_page_markdown
on_page_content = _course.on_page_content
on_page_context = _course.on_page_context
on_post_page = _course.on_post_page
on_post_template = _course.on_post_template
on_post_build = _course.on_post_build
