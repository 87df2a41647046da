"""From YAML rule files to `RuleSpec`s the engine runs exactly like Python rules.

Each YAML rule becomes a generated function whose parameters are the fixtures it needs (``report``,
``check``, the tables a ``compare`` names, ``year`` when a phrase says ``{year}``), so a missing
table or an unknown year skips it with the reason, as for a Python rule; the docs, ``disclosure-lint
rule``, the reporters and selection by ID, name, prefix or tag treat it like any other rule.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from ..engine.check import Check, fmt, usable
from ..engine.rule import RULE_ATTR, Example, Examples, RuleSpec, sample
from ..errors import InputError
from ..files import read_own_file
from ..guarded_yaml import CONFIG_NODES, YamlError, load_yaml
from ..model import Report, Section, Severity, TemplateVersion, Text
from .expr import compile_expression
from .model import (
    FIELD_NAMES,
    YEAR_TOKENS,
    Compare,
    ExampleModel,
    FieldRegex,
    ForbiddenPhrase,
    RequiredItem,
    RequiredPhrase,
    RequiredSection,
    RuleBase,
    RuleFile,
    Substitution,
    section_names,
)

SUFFIXES = (".yaml", ".yml")
COMPILED_MODULE = "disclosure_lint.yamlrules.compiled"  # what `disclosure-lint plugins` tells YAML rules by


class YamlRuleError(ValueError):
    """A YAML rule file that cannot be used; the message names the file, the line and the rule."""


class Traversable(Protocol):  # what importlib.resources.files() returns, and what Path offers
    name: str

    def is_dir(self) -> bool: ...
    def is_file(self) -> bool: ...
    def iterdir(self) -> Iterator[Any]: ...
    def read_text(self, encoding: str | None = None) -> str: ...


# ------------------------------------------------------------------------------------------------
# Loading

def rule_files(paths: Iterable[str | Path | Traversable]) -> list[Any]:
    """The YAML files named or found (recursively, in name order) under ``paths``."""
    out: list[Any] = []

    def walk(item: Any) -> None:
        if item.is_dir():
            for child in sorted(item.iterdir(), key=lambda c: c.name):
                if child.is_dir() or child.name.endswith(SUFFIXES):
                    walk(child)
        elif item.is_file():
            out.append(item)
        else:
            raise YamlRuleError(f"{item}: no such file or folder of YAML rules")

    for path in paths:
        walk(Path(path) if isinstance(path, str) else path)
    return out


def load_rules(paths: Iterable[str | Path | Traversable], plugin: str = "rule-paths") -> list[RuleSpec]:
    """Every rule in the YAML files under ``paths``, attributed to ``plugin``."""
    specs: list[RuleSpec] = []
    for file in rule_files(paths):
        try:  # a file of rule-paths is read as a report is; a plugin's packaged files are its own
            text = read_own_file(file) if isinstance(file, Path) else file.read_text(encoding="utf-8")
        except InputError as exc:
            raise YamlRuleError(exc.en) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise YamlRuleError(f"{file}: cannot be read as UTF-8 text ({exc})") from None
        specs.extend(load_rule_text(text, str(file), plugin))
    return specs


def parse_rule_file(text: str, source: str) -> RuleFile:
    """Validate one file's text; errors say where (line) and what."""
    try:
        data = load_yaml(text, CONFIG_NODES)
    except InputError as exc:  # a syntax error (with its line), or YAML made to blow up
        line = exc.line if isinstance(exc, YamlError) else None
        raise YamlRuleError(f"{source}{f':{line}' if line else ''}: {exc.en}") from None
    if not isinstance(data, dict):
        raise YamlRuleError(f"{source}: a rule file is a mapping with a 'rules:' list")
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [p for p in err["loc"]]
        line = _line_of(text, loc)
        rule = ""
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            rules = data.get("rules") or []
            rid = rules[loc[1]].get("id") if loc[1] < len(rules) and isinstance(rules[loc[1]], dict) else None
            rule = f" rule {rid or '#' + str(loc[1] + 1)}:"
        # pydantic puts the kind's tag in the path ("rules.0.compare.expr"); readers want the field
        field = ".".join(str(p) for p in loc[2:] if p not in _KIND_TAGS) or "(rule)"
        if len(loc) < 2:
            field = ".".join(str(p) for p in loc) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif err["type"] == "union_tag_invalid":
            msg = f"unknown kind; kinds are: {', '.join(_KIND_TAGS)}"
        elif err["type"] == "union_tag_not_found":
            msg = f"'kind' is missing; kinds are: {', '.join(_KIND_TAGS)}"
        raise YamlRuleError(f"{source}{f':{line}' if line else ''}:{rule} {field}: {msg}") from None


_KIND_TAGS = ("required-phrase", "forbidden-phrase", "substitution", "field-regex", "required-section",
              "required-item", "compare")


def _line_of(text: str, loc: Sequence[Any]) -> int | None:
    """The line of the YAML node at a pydantic error location (best effort)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:  # pragma: no cover - safe_load succeeded on the same text
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        else:
            nxt = None
        if nxt is None:
            continue  # a discriminator tag or a missing key: keep the closest line found
        node = nxt
        line = node.start_mark.line + 1
    return line


def load_rule_text(text: str, source: str, plugin: str = "rule-paths") -> list[RuleSpec]:
    parsed = parse_rule_file(text, source)
    return [compile_rule(r, source=source, plugin=plugin) for r in parsed.rules]


# ------------------------------------------------------------------------------------------------
# Compiling

def compile_rule(model: RuleBase, *, source: str = "<yaml>", plugin: str = "rule-paths") -> RuleSpec:
    """One validated YAML rule → a RuleSpec with a generated function."""
    body, fixtures = _BUILDERS[type(model)](model)  # type: ignore[index]

    def run(**kwargs: Any) -> None:
        body(**kwargs)

    params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in fixtures]
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__name__ = run.__qualname__ = model.name.replace("-", "_")
    run.__module__ = COMPILED_MODULE
    run.__doc__ = f"{model.summary}\n\n{model.description}".strip()
    spec = RuleSpec(
        id=model.id, name=model.name, severity=Severity(model.severity), func=run, summary=model.summary,
        description=_description(model, source), summary_en=model.summary_en,
        tags=frozenset(model.tags) | {"yaml"},
        templates=frozenset(TemplateVersion(t) for t in model.templates) if model.templates else None,
        examples=Examples(valid=[_example(e) for e in model.examples.valid],
                          invalid=[_example(e) for e in model.examples.invalid]),
        plugin=plugin,
    )
    setattr(run, RULE_ATTR, spec)
    return spec


def _example(e: ExampleModel) -> Example:
    return sample(e.base, text=e.text, replace=e.replace, cells=e.cells, expect=e.expect, note=e.note)


def _description(model: RuleBase, source: str) -> str:
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True,
                            exclude={"id", "name", "severity", "summary", "summary_en", "description",
                                     "tags", "templates", "examples"})
    last: dict[str, Any] = {k: data.pop(k) for k in ("message", "fix") if k in data}
    definition: dict[str, Any] = {"kind": data.pop("kind"), **data, **last}  # what it checks first, then its texts
    block = yaml.safe_dump(definition, allow_unicode=True, sort_keys=False, width=100).rstrip()
    name = Path(source).name if source else "<yaml>"
    parts = [model.description.strip()] if model.description.strip() else []
    parts.append(f"YAML 规则 / YAML rule, `{name}`:\n\n```yaml\n{block}\n```")
    return "\n\n".join(parts)


def _message(model: RuleBase, zh: str, en: str) -> tuple[str, str]:
    return (model.message.zh, model.message.en) if model.message else (zh, en)


def _fill(template: str, values: dict[str, Any]) -> str:
    # Placeholders were checked on load to be plain names of ``values``: no attribute or index
    # access reaches str.format (a classic escape from format strings).
    return template.format_map(values)


def _fail(model: RuleBase, check: Check, zh: str, en: str, values: dict[str, Any],
          values_en: dict[str, Any] | None = None, *, fix: tuple[str, str] | None = None, **kw: Any) -> None:
    """Report one finding with the rule's own texts (or the kind's defaults) filled in."""
    mzh, men = _message(model, zh, en)
    english = {**values, **(values_en or {})}
    fix_zh, fix_en = (model.fix.zh, model.fix.en) if model.fix else fix or (None, None)
    check.fail(_fill(mzh, values), _fill(men, english), **kw,
               fix_zh=_fill(fix_zh, values) if fix_zh else None, fix_en=_fill(fix_en, english) if fix_en else None)


_WS = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Text without whitespace: PDF and Word readers break lines and pad words differently."""
    return _WS.sub("", text)


def _with_year(phrase: str, year: int | None) -> str:
    if year is None:
        return phrase
    return phrase.replace("{year}", str(year)).replace("{previous_year}", str(year - 1))


def _needs_year(phrases: Iterable[str]) -> bool:
    return any(t in p for p in phrases for t in YEAR_TOKENS)


def _scope(report: Report, key: str) -> tuple[list[Text], Any, bool]:
    """(paragraphs, where a finding points, present?) for a scope key."""
    if key == "report":
        return report.paragraphs(), None, True
    if key == "title":
        return ([report.title] if report.title else []), report.title, report.title is not None
    if key == "intro":
        return list(report.intro), (report.intro[0] if report.intro else None), bool(report.intro)
    section = report.section(key)
    return (list(section.paragraphs) if section else []), section, section is not None


class _Matcher:
    """Finds a phrase in text: literally (ignoring whitespace) or as a regular expression."""

    def __init__(self, phrase: str, regex: bool) -> None:
        self.phrase = phrase
        self._re = re.compile(phrase) if regex else None
        self._lit = _squeeze(phrase)

    def find(self, text: str) -> str | None:
        if self._re is not None:
            m = self._re.search(text)
            return m.group(0) if m else None
        return self.phrase if self._lit and self._lit in _squeeze(text) else None


Body = Callable[..., None]


def _required_phrase(model: RequiredPhrase) -> tuple[Body, list[str]]:
    year = _needs_year(model.phrase)
    where_zh, where_en = section_names(model.in_)

    def body(report: Report, check: Check, **kw: Any) -> None:
        paragraphs, at, present = _scope(report, model.in_)
        if not present:
            return  # a missing section is DL101's finding, a missing title DL110's
        phrases = [_with_year(p, kw.get("year")) for p in model.phrase]
        text = "\n".join(p.text for p in paragraphs)
        if any(_Matcher(p, model.regex).find(text) for p in phrases):
            return
        shown = "”或“".join(phrases)
        _fail(model, check, "{where}中未见“{phrase}”", "{where}: '{phrase}' was not found",
              {"where": where_zh, "phrase": shown}, {"where": where_en, "phrase": "' or '".join(phrases)},
              at=at, expected=phrases[0])

    return body, ["report", "check", *(["year"] if year else [])]


def _forbidden_phrase(model: ForbiddenPhrase) -> tuple[Body, list[str]]:
    year = _needs_year(model.phrase)
    where_zh, where_en = section_names(model.in_)

    def body(report: Report, check: Check, **kw: Any) -> None:
        paragraphs, _, _ = _scope(report, model.in_)
        matchers = [_Matcher(_with_year(p, kw.get("year")), model.regex) for p in model.phrase]
        for para in paragraphs:
            for m in matchers:
                found = m.find(para.text)
                if found:
                    _fail(model, check, "{where}中出现了不应使用的“{found}”",
                          "{where}: '{found}' must not be used", {"where": where_zh, "found": found},
                          {"where": where_en}, at=para, actual=found)

    return body, ["report", "check", *(["year"] if year else [])]


def _substitution(model: Substitution) -> tuple[Body, list[str]]:
    where_zh, where_en = section_names(model.in_)
    pairs = [(_squeeze(w), _squeeze(r), w, r) for w, r in model.replace.items()]

    def body(report: Report, check: Check) -> None:
        paragraphs, _, _ = _scope(report, model.in_)
        for para in paragraphs:
            text = _squeeze(para.text)
            for wrong, right, wrong_shown, right_shown in pairs:
                if _occurs_outside(text, wrong, right):
                    _fail(model, check, "“{found}”应为“{replacement}”", "'{found}' should be '{replacement}'",
                          {"where": where_zh, "found": wrong_shown, "replacement": right_shown},
                          {"where": where_en}, at=para, expected=right_shown, actual=wrong_shown,
                          fix=("将“{found}”改为“{replacement}”", "replace '{found}' with '{replacement}'"))

    return body, ["report", "check"]


def _occurs_outside(text: str, wrong: str, right: str) -> bool:
    """Whether ``wrong`` occurs other than as part of ``right`` (the right term may contain the
    wrong one: 信息公开条例 inside 政府信息公开条例 is not an error)."""
    covered: list[tuple[int, int]] = []
    start = text.find(right)
    while start != -1:
        covered.append((start, start + len(right)))
        start = text.find(right, start + 1)
    start = text.find(wrong)
    while start != -1:
        end = start + len(wrong)
        if not any(a <= start and end <= b for a, b in covered):
            return True
        start = text.find(wrong, start + 1)
    return False


def _field_values(report: Report, field: str) -> list[tuple[str, Any]]:
    if field == "title":
        return [(report.title.text, report.title)] if report.title else []
    if field == "agency":
        return [(report.agency, report.title)] if report.agency else []
    if field == "period":
        return [(report.period.text, report.period)] if report.period and report.period.text else []
    attr = field.split(".", 1)[1]
    if attr == "phone":
        return [(f.value, f) for f in report.contact.phones]
    value = getattr(report.contact, attr)
    return [(value.value, value)] if value is not None else []


def _field_regex(model: FieldRegex) -> tuple[Body, list[str]]:
    pattern = re.compile(model.pattern)
    name_zh, name_en = FIELD_NAMES[model.field]

    def body(report: Report, check: Check) -> None:
        for value, at in _field_values(report, model.field):
            matched = (pattern.fullmatch if model.fullmatch else pattern.search)(value) is not None
            if matched != (model.must == "match"):
                _fail(model, check,
                      "{field}“{value}”不符合要求" if model.must == "match" else "{field}“{value}”不应如此填写",
                      "{field} '{value}' does not have the required form" if model.must == "match"
                      else "{field} '{value}' must not be written this way",
                      {"field": name_zh, "value": value, "pattern": model.pattern}, {"field": name_en},
                      at=at, actual=value)

    return body, ["report", "check"]


def _required_section(model: RequiredSection) -> tuple[Body, list[str]]:
    name_zh, name_en = section_names(model.section)

    def body(report: Report, check: Check) -> None:
        section = report.section(model.section)
        if section is None:
            _fail(model, check, "缺少{section}部分", "{section} is missing", {"section": name_zh},
                  {"section": name_en}, at=None)
        elif section.is_empty:
            _fail(model, check, "{section}部分没有内容", "{section} has no content", {"section": name_zh},
                  {"section": name_en}, at=section)

    return body, ["report", "check"]


# A numbered sub-heading: （一） 一、 1. 1、 （1）; its heading runs to the first 。 (or ：).
_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])\s*")
_HEADING_END = re.compile(r"[。：:；;]")
SHORT_HEADING = 50


def item_headings(section: Section) -> list[tuple[str, Text]]:
    """The item headings of a section: numbered paragraphs' leading phrase, and short paragraphs
    that are not sentences (an unnumbered sub-heading)."""
    out = []
    for para in section.paragraphs:
        text = para.text.strip()
        m = _ITEM.match(text)
        if m:
            rest = text[m.end():]
            out.append((_HEADING_END.split(rest, maxsplit=1)[0], para))
        elif len(text) <= SHORT_HEADING and not _HEADING_END.search(text):
            out.append((text, para))
    return out


def _required_item(model: RequiredItem) -> tuple[Body, list[str]]:
    year = _needs_year(model.item)
    name_zh, name_en = section_names(model.section)

    def body(report: Report, check: Check, **kw: Any) -> None:
        section = report.section(model.section)
        if section is None or section.is_empty:
            return  # DL101 / DL104 report those
        items = [_with_year(p, kw.get("year")) for p in model.item]
        headings = item_headings(section)
        if any(_Matcher(i, model.regex).find(h) for i in items for h, _ in headings):
            return
        _fail(model, check, "{section}中未见“{item}”事项", "{section}: no item on '{item}'",
              {"section": name_zh, "item": "”或“".join(items)}, {"section": name_en, "item": "' or '".join(items)},
              at=section, expected=items[0])

    return body, ["report", "check", *(["year"] if year else [])]


def _compare(model: Compare) -> tuple[Body, list[str]]:
    expression = compile_expression(model.expr)
    at_key = model.at or expression.cells[0]

    def body(report: Report, check: Check, **kw: Any) -> None:
        env: dict[str, Any] = {}
        cells = {}
        for key in expression.cells:
            cell = report.cell(key)
            cells[key] = cell
            value = usable(cell)
            if value is not None:
                env[key] = value
        if expression.uses_year and kw.get("year") is not None:
            env["year"] = kw["year"]
        if expression.evaluate(env) is not False:
            return  # holds, or undetermined (a cell DL204/DL205 report, a division by zero)
        sides = expression.sides(env)
        values = {
            "expr": expression.source,
            "values": "，".join(f"{k}={fmt(cells[k]) if cells[k] is not None else '—'}" for k in expression.cells),
            "left": fmt(sides[0]) if sides else "",
            "right": fmt(sides[1]) if sides else "",
        }
        at = report.cell(at_key) or at_key
        related = [c for k, c in cells.items() if c is not None and k != at_key]
        _fail(model, check, "表格数据不满足“{expr}”（{values}）", "table figures break '{expr}' ({values})", values,
              at=at, related=related, actual=sides[0] if sides else None,
              expected=f"{expression.op} {fmt(sides[1])}" if sides else None)

    fixtures = ["report", "check", *expression.tables, *(["year"] if expression.uses_year else [])]
    return body, fixtures


_BUILDERS: dict[type[RuleBase], Callable[[Any], tuple[Body, list[str]]]] = {
    RequiredPhrase: _required_phrase, ForbiddenPhrase: _forbidden_phrase, Substitution: _substitution,
    FieldRegex: _field_regex, RequiredSection: _required_section, RequiredItem: _required_item,
    Compare: _compare,
}

__all__ = ["YamlRuleError", "compile_rule", "item_headings", "load_rule_text", "load_rules", "parse_rule_file",
           "rule_files"]
