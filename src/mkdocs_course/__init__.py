"""Build self-paced courses from Markdown with MkDocs and Material for MkDocs.

The quiz and checklist syntax are Python-Markdown extensions (``course_quiz``,
``course_checklist``); the course model, validation and the ``check`` command
are pure functions over Markdown text, used by the hooks in ``hooks/``.
"""

__version__ = "0.1.0"
