"""The report as the rules see it: typed, template-aware, every node located.

Built from any `Document` by the builder, or loaded directly from the structured YAML/JSON form
(an agency can lint generated data before the prose exists). Immutable, so fixtures can be shared
between rules without one rule changing what the next one sees.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..text.normalize import match_key
from .cells import Cell
from .document import Comment, Notice, SourceInfo
from .location import Location
from .template import TemplateVersion

SCHEMA_VERSION = 1
# The marker key that makes a YAML/JSON file a structured report (never the extension alone).
STRUCTURED_MARKER = "disclosure_lint_report"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    """A piece of text (a paragraph, a title, a heading) and where it came from."""

    text: str
    location: Location = Location()


class Section(_Frozen):
    key: str  # canonical key: overview, active, requests, litigation, problems, other_matters
    number: str  # the ordinal as written: 一 … 六 (rebuilt from list numbering where needed)
    heading: str  # the heading text as written, without the ordinal
    location: Location = Location()
    paragraphs: list[Text] = []
    tables: list[str] = []  # keys of the standard tables found inside the section
    other_tables: int = 0  # tables inside the section that are not standard tables

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def is_empty(self) -> bool:
        return not self.paragraphs and not self.tables and not self.other_tables


class ContactField(_Frozen):
    """A labelled contact field: 电话：0533-2306909."""

    label: str  # the label as written (电话, 联系电话, 邮编 …)
    value: str  # the value as written, trimmed
    location: Location = Location()


class Contact(_Frozen):
    address: ContactField | None = None
    postcode: ContactField | None = None
    phones: list[ContactField] = []
    email: ContactField | None = None
    website: ContactField | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.address or self.postcode or self.phones or self.email or self.website)


class Period(_Frozen):
    """The statistical period statement (统计期限自2023年1月1日起，至2023年12月31日止)."""

    start: date | None = None
    end: date | None = None
    text: str = ""
    location: Location = Location()

    @property
    def year(self) -> int | None:
        if self.start and self.end and self.start.year == self.end.year:
            return self.start.year
        day = self.start or self.end
        return day.year if day else None

    @property
    def is_calendar_year(self) -> bool:
        return bool(self.start and self.end and self.start == date(self.start.year, 1, 1)
                    and self.end == date(self.start.year, 12, 31))


class LabelUse(_Frozen):
    """A table label as found, beside the official label it was matched to."""

    key: str  # canonical key of the row / column / block it names
    kind: Literal["row", "column", "block", "note"]
    found: str
    official: str
    location: Location = Location()

    @property
    def differs(self) -> bool:
        return match_key(self.found) != match_key(self.official)


class Row(_Frozen):
    key: str
    label: str  # as found in the source
    cells: dict[str, Cell]  # column key → cell, in the format's column order
    location: Location = Location()


class StandardTable(_Frozen):
    """One of the three standard tables (二 active, 三 requests, 四 litigation)."""

    key: Literal["active", "requests", "litigation"]
    version: TemplateVersion = TemplateVersion.V2021
    rows: dict[str, Row]  # row key → row, in the format's order
    missing: list[str] = []  # canonical keys ("row" or "row.column") the format has and the table lacks
    unmatched: list[Text] = []  # rows whose label matched nothing in the format
    labels: list[LabelUse] = []  # every label found, with the official label it was matched to
    location: Location = Location()

    def cell(self, row: str, column: str) -> Cell | None:
        r = self.rows.get(row)
        return r.cells.get(column) if r else None

    def get(self, dotted: str) -> Cell | None:
        """Cell by ``row.column`` (``granted.natural_person``) or the full key."""
        parts = dotted.split(".")
        if parts[0] == self.key:
            parts = parts[1:]
        return self.cell(parts[0], parts[1]) if len(parts) == 2 else None

    def cells(self) -> list[Cell]:
        return [c for r in self.rows.values() for c in r.cells.values()]


class Signature(_Frozen):
    """Evidence of the template a report was filled on (docs/format.md §7)."""

    text: str
    template: TemplateVersion
    location: Location = Location()


class TemplateInfo(_Frozen):
    version: TemplateVersion = TemplateVersion.UNKNOWN
    signatures: list[Signature] = []


class Report(_Frozen):
    """A 政府信息公开工作年度报告, as the rules see it."""

    disclosure_lint_report: int = SCHEMA_VERSION  # marker and schema version of the structured form
    source: SourceInfo | None = None
    title: Text | None = None
    agency: str | None = None
    title_year: int | None = None
    period: Period | None = None
    contact: Contact = Contact()
    intro: list[Text] = []  # paragraphs between the title and section 一
    sections: list[Section] = []
    active: StandardTable | None = None
    requests: StandardTable | None = None
    litigation: StandardTable | None = None
    template: TemplateInfo = TemplateInfo()
    unrecognised: list[Text] = []  # blocks the builder could not place
    notices: list[Notice] = []
    comments: list[Comment] = []  # comments addressed to the linter (inline suppressions)
    published_on: date | None = None  # as stated by the file itself (an HTML page's 发布日期)

    @property
    def is_recognisable(self) -> bool:
        """Whether anything of the national format was found: a section heading or a standard table."""
        return bool(self.sections or self.active or self.requests or self.litigation)

    @property
    def year(self) -> int | None:
        """The report year: the title's, else the statistical period's (docs/format.md §8.2)."""
        if self.title_year is not None:
            return self.title_year
        return self.period.year if self.period else None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def table(self, key: str) -> StandardTable | None:
        return getattr(self, key) if key in ("active", "requests", "litigation") else None

    def cell(self, key: str) -> Cell | None:
        """Cell by its full canonical key, e.g. ``requests.granted.natural_person``."""
        table = self.table(key.split(".", 1)[0])
        return table.get(key) if table else None

    def paragraphs(self) -> list[Text]:
        """Every prose paragraph in order: title, intro, then each section's."""
        out = [self.title] if self.title else []
        out += self.intro
        for s in self.sections:
            out += s.paragraphs
        return out
