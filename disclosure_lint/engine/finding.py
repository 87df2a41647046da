"""What a rule reports: findings, skips and internal errors.

A finding is written for the report's author: it says where (section / table / row / column, and
the line or page in the source), what was expected and what was found, in Chinese and English.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import Location, Severity


class Message(BaseModel):
    """A text in both languages the tool speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Place(BaseModel):
    """A located node of the report: source location, JSON Pointer, human path."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pointer: str = ""  # JSON Pointer into the report ("/requests/rows/granted/cells/total")
    # A name for the place that survives edits elsewhere in the report (no paragraph indexes):
    # "requests.granted.total", "contact.phones[0]", "sections.overview#3f2a…". Fingerprints use it.
    logical: str = ""
    key: str | None = None  # canonical key when the place is a table cell
    path: Message | None = None  # 表三 › 三、本年度办理结果 › （七）总计 › 自然人
    location: Location = Location()
    value: str | None = None  # the raw text found there, for related cells


class Suppression(BaseModel):
    """Why a finding is not counted: an inline comment, the configuration's ``per-file-ignores``
    or a baseline entry (engine/suppress.py). Shown only with ``--report-suppressed``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["inline", "config", "baseline"]
    reason: str = ""  # the reason written in the comment or the baseline entry
    # where the suppression is: "report.html:12" (the comment), the per-file-ignores glob, the baseline file
    source: str = ""


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    rule_name: str
    severity: Severity
    message: Message
    file: str
    place: Place
    expected: str | None = None
    actual: str | None = None
    related: list[Place] = []
    fix: Message | None = None
    fingerprint: str = ""
    plugin: str = "builtin"
    suppression: Suppression | None = None  # set on the findings in `LintResult.suppressed`

    def text(self, lang: str = "zh") -> str:
        return self.message.get(lang)


class Skip(BaseModel):
    """A rule that could not run because an input it needs is absent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    rule_name: str
    reason: Message


class InternalError(BaseModel):
    """A rule or plugin raised: reported, never hidden, and the exit code becomes 2."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str | None
    plugin: str
    message: str
    traceback: str = ""
