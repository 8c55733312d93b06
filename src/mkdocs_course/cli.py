"""``python -m mkdocs_course check [DOCS_DIR] [-f mkdocs.yml]``: validate a course without building it.

Prints every problem as ``path:line: message`` (all of them, not only the
first) and exits 1 when there is any, 0 when the course is clean, 2 on bad
usage. Fast enough for a pre-commit hook: it reads Markdown and YAML only.

``python -m mkdocs_course ids [PATH ...]`` lists the id of every quiz,
checklist item, reflection and check-in, so an author can pin one before rewording it.

``mkdocs-course new DIR`` writes a small working course to start from.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import compat, syntax
from .config import load_course_config
from .frontmatter import body_line_offset, decode_source
from .model import PageSource, build_course


class _Loader(yaml.SafeLoader):
    """A YAML loader that tolerates MkDocs' tags (``!ENV``, ``!relative``, python names)."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    """Read a tagged node as its plain value: ``!ENV [NAME, default]`` gives the default."""
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if suffix == "ENV" and values else values
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def check(docs_dir: Path, config_file: Path) -> list[str]:
    """Return every problem in the course as ``path:line: message``."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        return [f"{config_file}:1: cannot read the config ({error})"]
    course_config, problems = load_course_config(_settings(config), str(config_file))
    if (line := compat.plugin_line(config_file.read_text(encoding="utf-8"))) is not None:
        problems.append(f"{config_file}:{line}: {compat.PLUGIN}")
    root = config_file.parent
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = _shown(path, root)
        text, unreadable = decode_source(path.read_bytes())
        if unreadable:
            problems.append(unreadable.at(shown))
        pages.append(PageSource(path.relative_to(docs_dir).as_posix(), shown, text))
    theme = config.get("theme") or {}
    _, course_problems = build_course(
        pages,
        course_config,
        site_name=str(config.get("site_name", "")),
        namespace="/",
        language=(theme.get("language") if isinstance(theme, dict) else None) or "en",
    )
    problems += course_problems
    for page in pages:
        body_start = body_line_offset(page.text)
        body = page.text.split("\n")[body_start:]
        for problem in sorted(syntax.scan(body).problems + compat.unsupported(body), key=lambda p: p.line):
            problems.append(problem.at(page.display_path, body_start))
    return problems


def _settings(config: dict) -> object:
    """Return the course settings: the ``course`` plugin's options, else ``extra.course``."""
    for plugin in config.get("plugins") or []:
        if plugin == "course":
            return {}
        if isinstance(plugin, dict) and "course" in plugin:
            return plugin["course"] or {}
    return (config.get("extra") or {}).get("course")


def _shown(path: Path, root: Path) -> str:
    """Return a path relative to the config's folder when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def ids(paths: list[Path]) -> list[str]:
    """Return ``path:line: quiz|item|reflection ID  text`` for every quiz, checklist item and reflection, in page order."""
    found = []
    for path in _markdown_files(paths):
        text, _ = decode_source(path.read_bytes())  # `check` names a file that is not UTF-8
        start = body_line_offset(text)
        page = syntax.scan(text.split("\n")[start:])
        rows = [(q.line, "quiz", q.id, q.question) for q in page.quizzes]
        rows += [(item.line, "item", item.id, item.text) for item in page.checklist]
        rows += [(r.line, "reflection", r.id, r.prompt) for r in page.reflections]
        rows += [(c.line, "checkin", c.id, c.statements[0]) for c in page.checkins if not c.again]
        for line, kind, found_id, words in sorted(rows):
            found.append(f"{path.as_posix()}:{line + start}: {kind} {found_id}  {' '.join(words.split())}")
    return found


def _markdown_files(paths: list[Path]) -> list[Path]:
    """Return the Markdown files named, and those inside the folders named."""
    return [f for path in paths for f in (sorted(path.rglob("*.md")) if path.is_dir() else [path])]


def _new(target: Path, title: str | None) -> int:
    """Write the scaffold and say what to run next; 1 (with the reason) when the folder is taken."""
    from .scaffold import ScaffoldError, new_course

    try:
        written = new_course(target, title)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files to {target}. Next:\n  cd {target}\n  mkdocs serve")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(prog="python -m mkdocs_course", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate every module, quiz and checklist without building")
    check_cmd.add_argument("docs", nargs="?", default="docs", type=Path, help="the docs folder (default: docs)")
    check_cmd.add_argument("-f", "--config-file", type=Path, default=None, help="mkdocs.yml (default: next to docs)")
    ids_cmd = commands.add_parser("ids", help="list the id of every quiz, checklist item and reflection")
    ids_cmd.add_argument("paths", nargs="*", default=[Path("docs")], type=Path, help="Markdown files or folders (default: docs)")
    new_cmd = commands.add_parser("new", help="write a small working course (two lessons, Pages workflow) to start from")
    new_cmd.add_argument("dir", type=Path, help="the folder to create (missing or empty)")
    new_cmd.add_argument("--title", help="the course's title (default: from the folder's name)")
    args = parser.parse_args(argv)
    if args.command == "new":
        return _new(args.dir, args.title)
    if args.command == "ids":
        missing = [str(path) for path in args.paths if not path.exists()]
        if missing:
            parser.error(f"no such file or folder: {', '.join(missing)}")
        for line in ids(args.paths):
            print(line)
        return 0
    if not args.docs.is_dir():
        parser.error(f"no such folder: {args.docs}")
    config_file = args.config_file or args.docs.resolve().parent / "mkdocs.yml"
    if not config_file.is_file():
        parser.error(f"no mkdocs.yml at {config_file}; pass -f path/to/mkdocs.yml")
    problems = check(args.docs, config_file)
    for message in problems:
        print(message)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"{len(problems)} {noun} found" if problems else "No problems found.", file=sys.stderr)
    return 1 if problems else 0
