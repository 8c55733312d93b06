"""The options of the ``course`` plugin (``plugins: [search, course]`` in ``mkdocs.yml``).

They are the settings a hooks-built course writes under ``extra.course``
(``config.CourseConfig``), so both ways in read one schema:

```yaml
plugins:
  - search
  - course:
      id: bread-course          # storage namespace (default: the site's path)
      sections:                 # in course order; modules name theirs in front matter
        - id: basics
          title: The basics
          label: Lesson         # "Lesson 2 of 5" (default: Module)
      completion: [read, checklist, quizzes]
      shuffle: false            # true: each learner sees quiz options in an order of their own
      practice_heading: Try this week
      pdf: !ENV [COURSE_PDF, false]
      strings: {quiz.submit: Check}
      csp: true                 # or false, or a policy string
      offline: true             # a service worker keeps the course readable offline
      leave_site: true          # "Leave this site" on every page (default: false)
```
"""
from __future__ import annotations

from .config import CourseConfig


class CoursePluginConfig(CourseConfig):
    """Every option of the ``course`` plugin: those of ``extra.course`` (see ``config.CourseConfig``).

    Each option's docstring there says what it does and gives an example:
    ``id``, ``sections`` (``id``, ``title``, ``label``), ``completion``,
    ``shuffle``, ``pdf``, ``practice_heading``, ``strings``, ``csp``, ``leave_site`` and
    ``leave_site_url``.
    """
