"""Run the command line: ``python -m mkdocs_course check docs/``."""
from .cli import main

raise SystemExit(main())
