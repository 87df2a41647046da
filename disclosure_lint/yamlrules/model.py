"""The YAML rule format, as pydantic models: one model per kind, told apart by ``kind``.

A rule file is a mapping with a ``rules:`` list. Each rule has the metadata of a Python rule (ID,
kebab-case name, severity, summaries, tags, templates), the fields of its kind, optional
``message``/``fix`` texts in both languages, and its own ``examples`` (the same shape as a Python
rule's: the shipped clean sample edited by ``replace``/``cells``, or an inline ``text``). Everything
is checked when the file is loaded — regular expressions compile, expressions are in the language,
cell keys exist, message placeholders are known — so a typo never reaches a report.

``disclosure-lint schema --what rules`` prints the JSON Schema of this format (editors can use it
for completion and checking).
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..model.template import SECTION_BY_KEY
from .expr import ExprError, cell_keys, compile_expression

RULE_ID = r"^[A-Z]{1,6}\d{3,4}$"
RULE_NAME = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

SectionKey = Literal["overview", "active", "requests", "litigation", "problems", "other_matters"]
Scope = Literal["report", "title", "intro", "overview", "active", "requests", "litigation", "problems",
                "other_matters"]
FieldName = Literal["title", "agency", "period", "contact.address", "contact.postcode", "contact.phone",
                    "contact.email", "contact.website"]

# Tokens a phrase may contain, replaced by the report's year (the rule is skipped when unknown).
YEAR_TOKENS = ("{year}", "{previous_year}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text2(_Strict):
    """A text in both languages. Placeholders in braces are filled in per finding (see each kind)."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _cells_as_text(value: Any) -> Any:
    if isinstance(value, dict):  # YAML reads 3 as a number; an author types text
        return {k: v if isinstance(v, str) else str(v) for k, v in value.items()}
    return value


CellTexts = Annotated[dict[str, str], BeforeValidator(_cells_as_text), WithJsonSchema({
    "type": "object", "additionalProperties": {"type": ["string", "number"]}})]


class ExampleModel(_Strict):
    """A small report for the rule to run on, and how many findings it must produce."""

    base: str = Field("seed", description="the shipped clean sample to start from")
    text: str | None = Field(None, description="a whole report instead of a sample (plain text or structured YAML)")
    replace: dict[str, str] = Field({}, description="edits of the sample's text before it is read: old → new")
    cells: CellTexts = Field({}, description="table cells set after the report is built: canonical key → text")
    expect: int = Field(0, ge=0, description="findings of this rule the example must produce")
    note: str = ""

    @field_validator("cells")
    @classmethod
    def _known_cells(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = [k for k in value if k not in cell_keys()]
        if unknown:
            raise ValueError(f"unknown cell key(s): {', '.join(unknown)}")
        return value


class ExamplesModel(_Strict):
    valid: list[ExampleModel] = Field(min_length=1, description="reports the rule must not fire on (near misses too)")
    invalid: list[ExampleModel] = Field(min_length=1, description="reports it must fire on, with the count")

    @model_validator(mode="after")
    def _counts(self) -> ExamplesModel:
        if any(e.expect for e in self.valid):
            raise ValueError("a valid example must not expect findings (expect: 0)")
        if any(e.expect < 1 for e in self.invalid):
            raise ValueError("every invalid example needs expect: N with N ≥ 1")
        return self


def _placeholders(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise ValueError(f"message {text!r}: {exc}") from None


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern.replace("{year}", "2023").replace("{previous_year}", "2022"))
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return pattern


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# One phrase, or a list of alternatives (any one counts); a list inside the model.
Phrases = Annotated[list[str], BeforeValidator(_as_list), WithJsonSchema({
    "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]})]


class RuleBase(_Strict):
    """What every YAML rule has, whatever its kind."""

    # Placeholders each kind offers in ``message`` and ``fix`` (checked on load).
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset()

    id: str = Field(pattern=RULE_ID, description="your prefix (never DL) and 3–4 digits, e.g. ZB101")
    name: str = Field(pattern=RULE_NAME, description="kebab-case, e.g. plan-implementation-item")
    severity: Literal["error", "warning", "info"] = "warning"
    summary: str = Field(min_length=1, description="one line in Chinese: what is wrong")
    summary_en: str = Field(min_length=1, description="the same in English")
    description: str = Field("", description="why it matters and what to do (the rule's documentation)")
    tags: list[str] = []
    templates: list[Literal["2019", "2021"]] | None = Field(None, min_length=1,
                                                            description="formats it applies to (all by default)")
    message: Text2 | None = Field(None, description="the finding's text; the kind's default when absent")
    fix: Text2 | None = Field(None, description="a fix hint shown with each finding")
    examples: ExamplesModel

    @field_validator("summary", "summary_en")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value.strip():
            raise ValueError("a summary is one line (put the rest in description)")
        return value.strip()

    @model_validator(mode="after")
    def _known_placeholders(self) -> RuleBase:
        for what in ("message", "fix"):
            text = getattr(self, what)
            if text is None:
                continue
            for field in _placeholders(text.zh) | _placeholders(text.en):
                if field not in self.PLACEHOLDERS:
                    allowed = ", ".join("{" + p + "}" for p in sorted(self.PLACEHOLDERS)) or "none"
                    raise ValueError(f"{what}: unknown placeholder {{{field}}} (this kind offers: {allowed})")
        return self


class _Phrases(RuleBase):
    in_: Scope = Field("report", alias="in", description="where to look: report, title, intro or a section key")
    phrase: Phrases = Field(min_length=1, description="a phrase, or a list of alternatives (any one counts)")
    regex: bool = Field(False, description="treat each phrase as a regular expression")

    @field_validator("phrase")
    @classmethod
    def _phrases(cls, value: list[str]) -> list[str]:
        if any(not p.strip() for p in value):
            raise ValueError("a phrase must not be empty")
        return value

    @model_validator(mode="after")
    def _check_regex(self) -> _Phrases:
        if self.regex:
            for p in self.phrase:
                _regex(p)
        return self


class RequiredPhrase(_Phrases):
    """The text must contain a phrase (any one of the alternatives). One finding when none is there."""

    PLACEHOLDERS = frozenset({"where", "phrase"})
    kind: Literal["required-phrase"]


class ForbiddenPhrase(_Phrases):
    """The text must not contain a phrase. One finding per paragraph and phrase found."""

    PLACEHOLDERS = frozenset({"where", "found"})
    kind: Literal["forbidden-phrase"]


class Substitution(RuleBase):
    """A wrong term that has a right one: one finding per paragraph and term, with the fix."""

    PLACEHOLDERS = frozenset({"where", "found", "replacement"})
    kind: Literal["substitution"]
    in_: Scope = Field("report", alias="in")
    replace: dict[str, str] = Field(min_length=1, description="wrong term → right term")

    @field_validator("replace")
    @classmethod
    def _terms(cls, value: dict[str, str]) -> dict[str, str]:
        for wrong, right in value.items():
            if not wrong.strip() or not right.strip() or wrong == right:
                raise ValueError(f"substitution {wrong!r} → {right!r}: both terms are needed and must differ")
        return value


class FieldRegex(RuleBase):
    """A field of the report must (or must not) match a regular expression. A field the report
    does not give is left to the built-in rules (DL501, DL507 …)."""

    PLACEHOLDERS = frozenset({"field", "value", "pattern"})
    kind: Literal["field-regex"]
    field: FieldName = Field(description="contact.phone checks every phone number given")
    pattern: str = Field(min_length=1)
    must: Literal["match", "not-match"] = Field("match", description="match: findings for values that do not match")
    fullmatch: bool = Field(False, description="the whole value must match (default: a match anywhere)")

    _pattern = field_validator("pattern")(_regex)


class RequiredSection(RuleBase):
    """A section must be there and have content (for packs that run without DL101/DL104)."""

    PLACEHOLDERS = frozenset({"section"})
    kind: Literal["required-section"]
    section: SectionKey


class RequiredItem(RuleBase):
    """A section must report an item: a numbered sub-heading （一）/一、/1. whose heading (the text
    up to the first 。) contains the phrase — e.g. an extra item an agency adds to section 六."""

    PLACEHOLDERS = frozenset({"section", "item"})
    kind: Literal["required-item"]
    section: SectionKey
    item: Phrases = Field(min_length=1, description="a phrase, or alternatives; {year} is the report year")
    regex: bool = False

    @field_validator("item")
    @classmethod
    def _items(cls, value: list[str]) -> list[str]:
        if any(not p.strip() for p in value):
            raise ValueError("an item must not be empty")
        return value

    @model_validator(mode="after")
    def _check_regex(self) -> RequiredItem:
        if self.regex:
            for p in self.item:
                _regex(p)
        return self


class Compare(RuleBase):
    """A condition over named table cells: canonical cell keys (requests.new.total …) and year,
    numbers, + - * /, comparisons, and/or/not, sum() min() max() abs(). One finding when it is
    false; none when a cell it names is blank, a placeholder or text (DL204/DL205 report those)."""

    PLACEHOLDERS = frozenset({"expr", "values", "left", "right"})
    kind: Literal["compare"]
    expr: str = Field(description="e.g. requests.carried_forward.total <= requests.new.total")
    at: str | None = Field(None, description="the cell a finding points at (default: the first cell named)")

    @field_validator("expr")
    @classmethod
    def _expr(cls, value: str) -> str:
        try:
            expression = compile_expression(value)
        except ExprError as exc:
            raise ValueError(f"expr: {exc}") from None
        if not expression.cells:
            raise ValueError("expr names no table cell")
        return value

    @field_validator("at")
    @classmethod
    def _at(cls, value: str | None) -> str | None:
        if value is not None and value not in cell_keys():
            raise ValueError(f"unknown cell key {value!r}")
        return value


YamlRule = Annotated[
    RequiredPhrase | ForbiddenPhrase | Substitution | FieldRegex | RequiredSection | RequiredItem | Compare,
    Field(discriminator="kind"),
]
KINDS = ("required-phrase", "forbidden-phrase", "substitution", "field-regex", "required-section",
         "required-item", "compare")


class RuleFile(_Strict):
    """A YAML rule file: ``rules:`` and a list of rules."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="disclosure-lint YAML rules")

    rules: list[YamlRule] = Field(min_length=1)


def section_names(key: str) -> tuple[str, str]:
    """How a message names a scope, in Chinese and English."""
    if key in SECTION_BY_KEY:
        spec = SECTION_BY_KEY[key]
        return f"“{spec.number}、{spec.heading}”", f"section {_ARABIC[spec.number]} ({_SECTION_EN[key]})"
    return _SCOPE_NAMES[key]


_ARABIC = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SECTION_EN = {"overview": "overview", "active": "active disclosure", "requests": "requests",
               "litigation": "review and litigation", "problems": "problems and improvements",
               "other_matters": "other matters"}
_SCOPE_NAMES = {"report": ("报告", "the report"), "title": ("标题", "the title"),
                "intro": ("报告开头", "the opening paragraphs")}
FIELD_NAMES = {"title": ("标题", "title"), "agency": ("机关名称", "agency name"),
               "period": ("统计期限", "statistical period"), "contact.address": ("地址", "address"),
               "contact.postcode": ("邮编", "postcode"), "contact.phone": ("电话", "phone"),
               "contact.email": ("电子邮箱", "e-mail"), "contact.website": ("网址", "website")}

__all__ = ["KINDS", "RuleFile", "YamlRule", "section_names"]
