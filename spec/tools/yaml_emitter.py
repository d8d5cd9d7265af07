"""A small deterministic YAML writer (block style), so the generator needs nothing beyond the standard
library. Strings that could be read as anything else are written as JSON-style double-quoted scalars,
which YAML reads identically."""
import json
import re

PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_ .,/()+\-]*$")
RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if PLAIN.match(text) and text.lower() not in RESERVED and not text.endswith(" ") and ": " not in text \
            and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def emit(value, indent=0):
    lines = []
    _emit(value, indent, lines)
    return "\n".join(lines) + "\n"


def _emit(value, indent, lines):
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            lines.append(pad + "{}")
        for key, item in value.items():
            _item(pad + scalar(key) + ":", item, indent, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(pad + "[]")
        for item in value:
            _item(pad + "-", item, indent, lines, in_list=True)
    else:
        lines.append(pad + scalar(value))


def _item(prefix, item, indent, lines, in_list=False):
    if isinstance(item, (dict, list)) and item:
        if in_list and isinstance(item, dict):
            # "- key: value" with the following keys aligned under the first one.
            start = len(lines)
            _emit(item, indent + 2, lines)
            lines[start] = prefix + " " + lines[start][indent + 2:]
        else:
            lines.append(prefix)
            _emit(item, indent + 2, lines)
    elif isinstance(item, (dict, list)):
        lines.append(prefix + (" {}" if isinstance(item, dict) else " []"))
    else:
        lines.append(prefix + " " + scalar(item))
