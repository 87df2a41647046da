"""The structured form: a `Report` written as YAML or JSON (README §2).

An agency can generate its report data and lint it before the prose exists, and
``disclosure-lint parse`` prints this form. It is recognised by the top-level marker key
``disclosure_lint_report`` — never by the extension, because ``.yaml``/``.json`` files in a website
repository are mostly something else (configs, rule packs) and must be passed over as non-reports.

This reader produces a `Report`, not a `Document`: the engine checks
``hasattr(reader, "read_report")`` first and skips the builder. ``read()`` exists only to satisfy the
`Reader` protocol and returns an empty `Document`.

Untrusted input: YAML comes through `disclosure_lint.guarded_yaml` (safe constructors, aliases
capped and their expanded size measured before anything is built, duplicate keys an error), JSON
objects are counted while parsing, and every failure is one line.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from ..errors import InputError
from ..guarded_yaml import MAX_NODES, load_yaml, one_line
from ..model import SCHEMA_VERSION, STRUCTURED_MARKER, Document, Report, SourceInfo
from .decode import decode_text
from .sniff import has_structured_marker, head_text, sniff_format

_ERROR_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "string_type": "应为字符串",
    "date_from_datetime_parsing": "应为日期",
    "date_parsing": "应为日期",
    "enum": "取值无效",
    "literal_error": "取值无效",
    "decimal_parsing": "应为数值",
    "model_type": "应为映射（键: 值）",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
}


def _too_many_nodes() -> InputError:
    return InputError(f"结构化报告过大（超过 {MAX_NODES} 个节点），不像年度报告，拒绝读取",
                      f"the structured report is too large (more than {MAX_NODES} nodes), not an annual report; "
                      "refused")


def _check_nodes(obj: Any) -> None:
    """Refuse data of more than MAX_NODES values before the model validates it (validating and
    checking a million paragraphs takes gigabytes and minutes)."""
    count, stack = 0, [obj]
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _too_many_nodes()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"JSON 中重复的键 {key!r}", f"duplicate JSON key {key!r}")
        out[key] = value
    return out


def _load_json(text: str) -> Any:
    objects = 0

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal objects  # counted while parsing: a flood of objects is refused early
        objects += 1 + len(items)
        if objects > MAX_NODES:
            raise _too_many_nodes()
        return _no_duplicates(items)

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON 语法错误（第{exc.lineno}行第{exc.colno}列）：{exc.msg}",
                         f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def load_structured(data: bytes) -> dict[str, Any]:
    """Parse YAML or JSON bytes into the top-level mapping; it must carry the marker key."""
    text, _ = decode_text(data)
    try:
        # JSON is YAML too, but json is faster and its errors point at the right place.
        obj = _load_json(text) if text.lstrip().startswith(("{", "[")) else load_yaml(text)
        _check_nodes(obj)
    except RecursionError:
        raise InputError("结构化报告嵌套过深，拒绝读取",
                         "the structured report is nested too deeply") from None
    if not isinstance(obj, dict) or STRUCTURED_MARKER not in obj:
        raise InputError(
            f"不是结构化报告：顶层缺少标记键 {STRUCTURED_MARKER}",
            f"not a structured report: no top-level {STRUCTURED_MARKER} key",
        )
    version = obj[STRUCTURED_MARKER]
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        raise InputError(
            f"不支持的结构化报告版本 {STRUCTURED_MARKER}: {version!r}（应为 1 至 {SCHEMA_VERSION} 的整数）",
            f"unsupported structured report version {STRUCTURED_MARKER}: {version!r} "
            f"(an integer from 1 to {SCHEMA_VERSION} expected)",
        )
    return obj


def _validation_error(exc: ValidationError) -> InputError:
    """The first error of a validation, as one line naming the field path (sections.0.heading)."""
    first = exc.errors(include_url=False)[0]
    path = ".".join(str(p) for p in first["loc"]) or "(顶层)"
    zh_msg = _ERROR_ZH.get(first["type"], one_line(first["msg"]))
    more_zh = f"（另有 {exc.error_count() - 1} 处错误）" if exc.error_count() > 1 else ""
    more_en = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return InputError(
        f"结构化报告字段无效：{path}：{zh_msg}{more_zh}",
        f"invalid structured report: field {path}: {one_line(first['msg'])}{more_en}",
    )


class StructuredReader:
    """Reads the structured YAML/JSON form straight into a `Report` (see module doc)."""

    name = "structured"
    priority = 50

    def sniff(self, head: bytes, path: str) -> bool:
        """YAML/JSON-looking bytes with the marker key in the head (not the extension)."""
        if sniff_format(head) != "structured-candidate":
            return False
        text = head_text(head)
        return text is not None and has_structured_marker(text)

    def read(self, data: bytes, source: SourceInfo) -> Document:
        """An empty `Document`: the engine calls `read_report` on readers that have it."""
        return Document(source=source, blocks=[])

    def read_report(self, data: bytes, source: SourceInfo) -> Report:
        """Parse and validate; the `source` given (the real file) replaces any in the data."""
        try:
            obj = load_structured(data)
            obj.pop("source", None)
            try:
                report = Report.model_validate(obj)
            except ValidationError as exc:
                raise _validation_error(exc) from None
        except InputError as err:
            raise err.at(source.path) from None
        return report.model_copy(update={"source": source})
