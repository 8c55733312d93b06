"""JSON Schemas for a module's front matter and for ``extra.course``, made from the engine's own rules.

Editors (VS Code's YAML extension and others) read them to complete keys and
flag wrong ones as the author types; the engine's validation stays the
judge. They are generated, never edited by hand, so that they cannot drift:
the course settings from ``CourseConfig`` and ``SectionConfig`` (keys, types,
defaults, choices, and each setting's docstring as its description), the
front matter from the keys and rules in ``frontmatter.py``. Write them with

    python -m mkdocs_course.schemas

(``make assets`` does); ``tests/test_schemas.py`` fails when the published
files are stale, and checks that schema and engine pass and fail the same
files.
"""
from __future__ import annotations

import ast
import inspect
import json
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from . import frontmatter
from .config import CourseConfig
from .ids import EXPLICIT_ID
from .strings import STRINGS

SCHEMA_DIR = Path(__file__).with_name("schema")
FRONT_MATTER = "front-matter.json"
COURSE_SETTINGS = "course-settings.json"
MKDOCS = "mkdocs.json"
DRAFT = "http://json-schema.org/draft-07/schema#"
JSON_TYPES = {str: "string", bool: "boolean", int: "integer"}
# One part of a module id, and the id: parts joined by "/".
ID_PART = EXPLICIT_ID.pattern.removeprefix("^").removesuffix("$")
MODULE_ID = f"^{ID_PART}(/{ID_PART})*$"
NOT_BLANK = r"\S"

MODULE_DESCRIPTIONS = {
    "title": "The module's name in the navigation, the dashboard, the workbook and its header.",
    "section": "The id of one of the sections listed in mkdocs.yml under extra.course.sections. A page with a section is a module.",
    "order": "The module's place in its section: a whole number from 1, no gaps, no repeats.",
    "summary": "One plain line (about 120 characters) that says what the learner will be able to do.",
    "minutes": "Honest reading and doing time, a whole number.",
    "objectives": "2 to 4 lines, each starting with a verb: what the learner will be able to do.",
    "id": "The key the module's progress is saved under (default: the file's path without .md). Set it when you move or rename a published module.",
}


def attribute_docs(config_class: type[Config]) -> dict[str, str]:
    """Return each setting's docstring (the string under its line in the class), joined into one line."""
    tree = ast.parse(inspect.getsource(config_class))
    body = tree.body[0].body
    docs = {}
    for statement, following in zip(body, body[1:], strict=False):
        if isinstance(statement, ast.Assign) and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            docs[statement.targets[0].id] = " ".join(str(following.value.value).split()).replace("``", "`")
    return docs


def option_schema(option: c.BaseConfigOption) -> tuple[dict, bool]:
    """Return the JSON Schema of one MkDocs config option, and whether it must be given."""
    if isinstance(option, c.Optional):
        inner, _ = option_schema(option.option)
        return {**inner, "type": [inner["type"], "null"]}, False
    if isinstance(option, c.Type):
        # One type, or several (`csp: true | false | "<policy>"`).
        types = option._type if isinstance(option._type, tuple) else (option._type,)
        names = [JSON_TYPES[kind] for kind in types]
        schema = {"type": names[0] if len(names) == 1 else names}
        if option.default is None:  # MkDocs: no default means the setting must be given, and not be null
            return schema, True
        # MkDocs reads null as "not set", so the default applies.
        return {"type": [*names, "null"], "default": option.default}, False
    if isinstance(option, c.Choice):
        return {"type": "string", "enum": list(option.choices)}, False
    if isinstance(option, c.ListOfItems):
        schema = {"type": "array", "items": option_schema(option.option_type)[0]}
        return {**schema, "default": option.default} if option.default is not None else schema, False
    if isinstance(option, c.DictOfItems):
        schema = {"type": "object", "additionalProperties": option_schema(option.option_type)[0]}
        return {**schema, "default": option.default} if option.default is not None else schema, False
    if isinstance(option, c.SubConfig):
        return config_schema(option.config_class), False
    raise TypeError(f"no JSON Schema for a {type(option).__name__} setting; add it to mkdocs_course.schemas")


def config_schema(config_class: type[Config]) -> dict:
    """Return the JSON Schema of a MkDocs ``Config`` class: its settings, the required ones, no others."""
    docs = attribute_docs(config_class)
    properties, required = {}, []
    for key, option in config_class._schema:
        schema, must = option_schema(option)
        properties[key] = {"description": docs[key], **schema} if key in docs else schema
        if must:
            required.append(key)
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    return {**schema, "required": required} if required else schema


def course_settings_schema() -> dict:
    """Return the schema of ``extra.course``, with the rules the engine adds to the types (ids, string keys)."""
    schema = config_schema(CourseConfig)
    section = schema["properties"]["sections"]["items"]
    section["properties"]["id"]["pattern"] = EXPLICIT_ID.pattern
    schema["properties"]["strings"]["propertyNames"] = {"enum": sorted(STRINGS["en"])}
    return {
        "$schema": DRAFT,
        "title": "Course settings (extra.course in mkdocs.yml)",
        "description": (CourseConfig.__doc__ or "").strip().replace("``", "`"),
        **schema,
        "type": ["object", "null"],
    }


def front_matter_schema() -> dict:
    """Return the schema of a page's front matter: a module's keys when it names a ``section``, else none of them."""
    text = {"type": "string", "pattern": NOT_BLANK}
    whole = {"type": "integer", "minimum": 1}
    module_rules = {
        "title": text,
        "section": {"type": "string"},
        "order": whole,
        "summary": text,
        "minutes": whole,
        "objectives": {"type": "array", "minItems": 2, "maxItems": 4, "items": text},
        "id": {"type": "string", "pattern": MODULE_ID},
    }
    assert set(module_rules) == set(frontmatter.MODULE_KEYS) | frontmatter.OPTIONAL_MODULE_KEYS
    theme_keys = sorted(frontmatter.THEME_KEYS - set(module_rules))
    properties = {key: {"description": MODULE_DESCRIPTIONS[key]} for key in module_rules}
    properties.update({key: {"description": "Read by MkDocs or Material for MkDocs."} for key in theme_keys})
    properties.update({key: {"description": text} for key, text in frontmatter.OTHER_TOOL_KEYS.items()})
    only_modules = [key for key in frontmatter.MODULE_KEYS if key not in ("title", "section")]
    return {
        "$schema": DRAFT,
        "title": "Front matter of a course page",
        "description": "A page is a course module when it names a section; a module must then have every key but id.",
        "type": "object",
        "properties": properties,
        "if": {"required": ["section"]},
        "then": {
            "required": list(frontmatter.MODULE_KEYS),
            "properties": module_rules,
            "propertyNames": {"enum": sorted(set(module_rules) | set(theme_keys) | set(frontmatter.OTHER_TOOL_KEYS))},
        },
        "else": {"properties": {key: False for key in only_modules}},
    }


def mkdocs_schema() -> dict:
    """Return a schema for mkdocs.yml that checks only ``extra.course`` (use it beside Material's own)."""
    return {
        "$schema": DRAFT,
        "title": "mkdocs.yml of a course: extra.course",
        "type": "object",
        "properties": {"extra": {"type": "object", "properties": {"course": {"$ref": COURSE_SETTINGS}}}},
    }


def schemas() -> dict[str, dict]:
    """Return each published schema by file name."""
    return {FRONT_MATTER: front_matter_schema(), COURSE_SETTINGS: course_settings_schema(), MKDOCS: mkdocs_schema()}


def render(schema: dict) -> str:
    """Return a schema as the published file's text."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the schemas into the package's ``schema/`` folder."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        (SCHEMA_DIR / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
