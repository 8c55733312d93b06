"""Build self-paced courses from Markdown with MkDocs and Material for MkDocs.

The quiz and checklist syntax are Python-Markdown extensions (``course_quiz``,
``course_checklist``); the course model, validation and the ``check`` command
are pure functions over Markdown text; ``core.CourseBuild`` runs a build, as the
``course`` plugin or from a course's ``hooks/``.
"""

__version__ = "0.2.0"
