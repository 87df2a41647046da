"""What a reader produces: the ordered blocks of a file, before anything is interpreted.

Readers differ (text, .docx, HTML, PDF) but all hand the builder the same thing: paragraphs and
tables interleaved as they appear, every table a rectangular grid with merged cells resolved, and
every block and cell located in the source. The builder never needs to know the format.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .location import Location


class SourceInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str  # as given by the user ("-" or the --stdin-filename for standard input)
    format: str  # "text", "docx", "html", "pdf", "structured", or a plugin's format name
    encoding: str | None = None
    sha256: str | None = None
    size: int | None = None


class Paragraph(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["paragraph"] = "paragraph"
    text: str
    location: Location = Location()


class GridCell(BaseModel):
    """One grid position. A merged region repeats its text in every position it covers;
    ``origin`` (row, column of its top-left position) tells the copies apart."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    origin: tuple[int, int]
    location: Location = Location()


class TableBlock(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["table"] = "table"
    rows: list[list[GridCell]]
    location: Location = Location()

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Annotated[Paragraph | TableBlock, Field(discriminator="kind")]


class NoticeKind(StrEnum):
    """Things a reader saw that keep part of the file from being checked (DL007–DL010)."""

    TRACKED_CHANGES = "tracked-changes"  # DL007
    TABLE_AS_IMAGE = "table-as-image"  # DL008
    NO_TEXT_LAYER = "no-text-layer"  # DL009
    ATTACHMENT_ONLY = "attachment-only"  # DL010


class Notice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: NoticeKind
    detail: str = ""
    location: Location = Location()


class Comment(BaseModel):
    """A comment addressed to the linter (``<!-- disclosure-lint: disable=DL204 reason="…" -->`` in
    HTML and Markdown): its text between the markers, stripped, and where it stands. Readers keep
    only comments that start with ``disclosure-lint``; other comments are not report text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    location: Location = Location()


class Document(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    source: SourceInfo
    blocks: list[Block]
    notices: list[Notice] = []
    comments: list[Comment] = []  # inline suppressions (engine/suppress.py), in source order
    # The publication date when the container states it (an HTML page's 发布日期 line), for DL408.
    published_on: date | None = None
