"""The course's build, through MkDocs hooks over the engine's core (``mkdocs_course.core``).

The core is the same one the ``course`` plugin runs; as a hook it reads its
settings from ``extra.course`` in mkdocs.yml. Another course would write
``plugins: [search, course]`` instead (README).
"""
from mkdocs_course.core import CourseBuild

_course = CourseBuild.from_extra()

# Each MkDocs event is the core's, priorities included (on_startup, on_config, ...).
globals().update({event: getattr(_course, event) for event in CourseBuild.EVENTS})
